// The analytical engine's solution of one load: thread pools held across synchronous calls,
// solved layer by layer (after the Method of Layers): callers' populations bound their callees'
// queues, closed workloads are solved by MVA at the top layer, and the layers are iterated until
// holding times, waits and throughputs agree. docs/simulator.md describes the method.
#pragma once

#include "simulator/compiledmodel.h"

#include <vector>

namespace archsim::sim::analytic {

struct LayeredOptions {
    int exactMvaMaxUsers = 1000; // a single closed workload above this uses Schweitzer's MVA
};

// Per unit, after a solve.
struct UnitFlow {
    double acquisitionsPerMs = 0; // requests that take one of its threads
    double busyThreads = 0;       // mean number of threads held
    double busyCores = 0;         // mean number of cores working
    double threadWaitMs = 0;      // mean wait for a thread (per replica's or pooled queue)
    double threadWaitVar = 0;
    double coreWaitMs = 0;
    double coreWaitVar = 0;
    double coreBusyOpen = 0;      // the part of busyCores that open workloads cause
    double openPerMs = 0;         // Poisson part of the acquisitions
    double finitePerMs = 0;       // acquisitions by callers of limited number
    double finitePopulation = 0;  // how many such callers (threads, users)
    double populationFactor = 1;  // what the finite population did to the Poisson wait
    bool callerLimited = false;   // its callers could not send what the load asks
};

class LayeredSolver {
public:
    explicit LayeredSolver(const CompiledModel &model, LayeredOptions options = {});

    // Solves at these rates (per second, per workload; closed workloads' entries are ignored
    // and solved). False when the open load saturates a unit: a queue grows without bound.
    bool solve(const std::vector<double> &ratesPerSec);

    double throughputPerMs(int workload) const { return m_rate[std::size_t(workload)]; }
    double responseMs(int workload) const;
    double responseVariance(int workload) const;
    const UnitFlow &unit(int unit) const { return m_flow[std::size_t(unit)]; }
    const std::vector<double> &holdingMs() const { return m_T; }
    bool schweitzerUsed() const { return m_schweitzer; }
    bool closedConverged() const { return m_closedConverged; }
    int iterations() const { return m_iterations; }

private:
    struct Acquisition {
        int component = 0;   // the callee, which holds a thread of its unit
        int call = -1;       // index in model.calls, or -1 for a workload's entry
        int workload = -1;   // for an entry
        int source = -1;     // distinct source key (caller unit, caller component, workload);
                             // -1: Poisson (open workload or async message)
        double population = 0; // of the source
        double ratePerMs = 0;  // at the current load
    };

    void computePopulations();
    void computeTopLayer();
    void updateRates();
    void holdingTimes(std::vector<double> &T, std::vector<double> &varT,
                      const std::vector<char> *zeroWaitFrom) const;
    bool stationWaits();
    double closedTopLayer();

    const CompiledModel &m_model;
    LayeredOptions m_options;
    std::size_t m_n, m_u, m_w;
    std::vector<Acquisition> m_acquisitions;
    std::vector<std::vector<int>> m_unitAcquisitions; // per unit, indices in m_acquisitions
    std::vector<double> m_popOut;                     // per unit: requests its threads can hold
    std::vector<double> m_popCtx;                     // per component: requests executing it
    // Closed workloads: their index, and which components act for their users directly
    // (clients and externals on the way from the entry): their calls are the top layer.
    std::vector<int> m_closed;
    std::vector<std::vector<char>> m_userSide;
    std::vector<std::vector<std::pair<int, double>>> m_top; // per closed: (component, per request)

    std::vector<double> m_rate; // per workload, per ms
    std::vector<double> m_visitRate, m_openVisitRate;
    std::vector<double> m_T, m_varT;
    std::vector<double> m_closedResponse, m_closedDelay;
    std::vector<UnitFlow> m_flow;
    bool m_schweitzer = false;
    bool m_closedConverged = true;
    int m_iterations = 0;
};

} // namespace archsim::sim::analytic
