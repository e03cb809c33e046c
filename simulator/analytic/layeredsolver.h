// SPDX-License-Identifier: GPL-3.0-or-later
// The analytical engine's solution of one load: thread pools held across synchronous calls,
// solved layer by layer. A unit whose threads wait for other units (or share fewer cores) is a
// flow-equivalent server: its throughput with k busy threads comes from an exact MVA of what
// those threads do (own work, latencies, the callees' pools), and its queue from a birth–death
// chain over those rates (Norton's theorem; exact for product-form cases). Closed workloads are
// solved by load-dependent MVA at the top layer. The layers are iterated until holding times,
// waits and throughputs agree. docs/simulator.md describes the method and its limits.
#pragma once

#include "simulator/compiledmodel.h"

#include <vector>

namespace archsim::sim::analytic {

struct LayeredOptions {
    int exactMvaMaxUsers = 1000; // a single closed workload above this uses Schweitzer's MVA
    double tolerance = 1e-10;    // relative change of waits and holding times that ends it
};

// Per unit, after a solve.
struct UnitFlow {
    double acquisitionsPerMs = 0; // requests that take one of its threads
    double openPerMs = 0;         // of those, from open workloads and async messages
    double busyThreads = 0;       // mean number of threads held
    double busyCores = 0;         // mean number of cores working
    double holdingMs = 0;         // mean time a request holds a thread
    double holdingScv = 1;        // its squared coefficient of variation
    double threadWaitMs = 0;      // mean wait for a thread
    double threadWaitVar = 0;
    double coreWaitMs = 0; // mean wait for a core (when not inside the flow-equivalent server)
    double coreWaitVar = 0;
    bool flowEquivalent = false; // its pool solved as a flow-equivalent server
    bool callerLimited = false;  // a closed load asks more than the pool can give
    double poolTokens = 0;       // threads per pool (a replica, or all for least-outstanding)
    double coreBusyOpen = 0;     // cores kept busy by open workloads
    // Open load / what the pool can serve (threads or cores, the larger): 1 saturates. Only
    // the open part scales with the rate, and capacities only fall as the rate grows, so
    // scale / openLoad bounds the saturation scale from above.
    double openLoad = 0;
};

// What one visit of a component asks below its own thread, without queueing for it.
struct CalleeDemand {
    int unit = 0;
    double visits = 0; // thread acquisitions at that unit
    double holdMs = 0; // thread time held there
};
struct ComponentDemand {
    double ownMs = 0;     // own work on its unit's cores (in-process callees included)
    double ownVisits = 0; // how many pieces of own work (each may wait for a core)
    double delayMs = 0;   // latencies, externals, clients: pure delays
    std::vector<CalleeDemand> callees;
};

class LayeredSolver {
public:
    explicit LayeredSolver(const CompiledModel &model, LayeredOptions options = {});

    // Solves at these rates (per second, per workload; closed workloads' entries are ignored
    // and solved). False when the open load saturates a unit: a queue grows without bound.
    // warmStart: begin from the last stable solve (for a search over growing loads).
    bool solve(const std::vector<double> &ratesPerSec, bool warmStart = false);

    double throughputPerMs(int workload) const { return m_rate[std::size_t(workload)]; }
    double responseMs(int workload) const;
    double responseVariance(int workload) const;
    const UnitFlow &unit(int unit) const { return m_flow[std::size_t(unit)]; }
    bool schweitzerUsed() const { return m_schweitzer; }
    void setTolerance(double tolerance) { m_options.tolerance = tolerance; }
    bool converged() const { return m_converged; }
    int iterations() const { return m_iterations; }

private:
    struct Acquisition {
        int component = 0; // the callee, which holds a thread of its unit
        int call = -1;     // index in model.calls, or -1 for a workload's entry
        int workload = -1; // for an entry
        bool poisson = true;
        double ratePerMs = 0;
    };
    struct Pool {
        int tokens;   // threads in one pool
        int cores;    // cores in one pool
        double share; // of the unit's arrivals that reach one pool
        double ca2;   // squared coefficient of variation of the gaps between them
        int pools;
    };

    Pool poolOf(const CompiledUnit &unit) const;
    void updateRates();
    void componentDemands();
    bool unitQueues();
    double closedTopLayer();
    bool iterate();
    double seenResponse(int callee) const; // a cross-unit call's wait + holding at the callee
    double heldAt(int component) const;    // its thread time, throttled by its unit's pool
    std::vector<double> flowEquivalentRates(const ComponentDemand &mix, int tokens, int cores,
                                            double ourRatePerMs) const;

    const CompiledModel &m_model;
    LayeredOptions m_options;
    std::size_t m_n, m_u, m_w;
    std::vector<Acquisition> m_acquisitions;
    std::vector<std::vector<int>> m_unitAcquisitions;
    std::vector<std::vector<int>> m_unitComponents; // per unit: its thread-holding components
    std::vector<int> m_closed;

    std::vector<double> m_rate; // per workload, per ms
    std::vector<double> m_visitRate;
    std::vector<ComponentDemand> m_demand; // per component
    std::vector<ComponentDemand> m_mix;    // per unit: what its average acquisition asks
    std::vector<double> m_T, m_varT;       // per component: unthrottled holding time, variance
    std::vector<double> m_T0, m_varT0;     // the same without any queue wait
    std::vector<double> m_scale;           // per unit: throttled / unthrottled holding time
    std::vector<char> m_useFlowEquivalent; // per unit, decided within a solve
    std::vector<double> m_closedResponse;
    std::vector<double> m_topBusy, m_topRate; // per unit: threads and rate of the closed top layer
    std::vector<UnitFlow> m_flow;
    struct Snapshot {
        bool valid = false;
        std::vector<double> rate;
        std::vector<UnitFlow> flow;
        std::vector<double> T, varT, T0, varT0;
        std::vector<ComponentDemand> demand, mix;
        std::vector<double> scale;
        std::vector<char> useFlowEquivalent;
        std::vector<double> closedResponse;
    };
    Snapshot m_stable; // the last stable solve's state
    bool m_schweitzer = false;
    bool m_converged = true;
    int m_iterations = 0;
};

} // namespace archsim::sim::analytic
