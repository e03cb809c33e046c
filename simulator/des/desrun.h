// SPDX-License-Identifier: GPL-3.0-or-later
// One replication of the discrete-event engine: the event loop and its raw counts.
#pragma once

#include "simulator/compiledmodel.h"
#include "simulator/des/autoscaler.h"
#include "simulator/des/calloutcome.h"
#include "simulator/des/desoptions.h"
#include "simulator/des/desrandom.h"
#include "simulator/des/desresilience.h"
#include "simulator/des/desstate.h"
#include "simulator/des/eventqueue.h"
#include "simulator/des/unitmeters.h"
#include "simulator/histogram.h"

#include <atomic>
#include <cassert>
#include <cstdint>
#include <utility>
#include <vector>

namespace archsim::sim {

// Per-component sums of one replication over the measured time. A new per-component figure is
// one member here and one row in kComponentSums: the shard JSON and the merge go by the table.
struct ComponentSums {
    std::vector<double> visits;      // visits answered (not failed)
    std::vector<double> responseSum; // their time from arrival at the component to its answer
    std::vector<double> workSum;     // own work started on a core (thread-holding components)
};
inline constexpr std::pair<const char *, std::vector<double> ComponentSums::*> kComponentSums[] = {
    {"componentVisits", &ComponentSums::visits},
    {"componentResponseSum", &ComponentSums::responseSum},
    {"componentWorkSum", &ComponentSums::workSum},
};

// Raw figures of one replication; replicationmerge.cpp merges them. Indexes: workload w, unit u,
// interval k, batch b.
struct RunOutput {
    std::vector<LogHistogram> latency;
    std::vector<std::uint64_t> completed, failed;
    std::vector<double> responseSum;
    std::vector<std::vector<double>> batchSum;           // [w][b]
    std::vector<std::vector<std::uint64_t>> batchCount;  // [w][b]
    std::vector<double> threadArea, coreArea, queueArea; // measured, thread-ms etc.
    std::vector<std::uint64_t> unitAcquired, unitDone, unitRejected;
    // Failures: degraded responses and retries per workload; calls that reached a unit (retries
    // included), calls to it that failed as the caller saw them, and retries it received.
    std::vector<std::uint64_t> degraded, retries;
    std::vector<std::uint64_t> unitCalls, unitFailedCalls, unitRetries;
    std::vector<std::vector<std::uint64_t>> seriesDegraded, seriesRetries; // [k][w]
    std::vector<std::vector<std::uint64_t>> seriesUnitFailed;              // [k][u]
    std::vector<double> unitResponseSum;
    ComponentSums components;                                              // [c]
    std::vector<std::vector<std::uint64_t>> seriesCompleted, seriesFailed; // [k][w]
    std::vector<std::vector<double>> seriesResponseSum;                    // [k][w]
    std::vector<std::vector<LogHistogram>> seriesLatency;                  // [k][w]
    std::vector<std::vector<double>> seriesUtilization, seriesQueue;       // [k][u]
    std::vector<double> seriesInFlight;                                    // [k]
    // Replica-ms over the measured time per unit: taking traffic, and paid for (provisioning
    // ones too); and with autoscaling the mean replicas taking traffic per interval [k][u].
    std::vector<double> replicaArea, paidReplicaArea;
    std::vector<std::vector<double>> seriesReplicas;
    std::uint64_t events = 0;
    std::vector<SimSpan> spans; // sampled request trees (DesOptions::traceOut)
    double measuredMs = 0;      // the duration, or less when the run stopped early
    bool saturated = false;     // stopped by the in-flight cap or a growing backlog
    bool cancelled = false;
    bool stalled = false;           // simulated time stopped advancing (all times zero)
    bool stoppedAtEventCap = false; // DesOptions::maxEvents reached
    int intervals = 0;
};

constexpr int kBatches = 10; // batch means for the confidence interval of one replication

RunOutput runReplication(const CompiledModel &model, const DesOptions &options, std::uint64_t seed,
                         std::atomic<double> &progress);

namespace des {

// The event loop of one replication (design.md section 3). Set-up, the loop and sampling live
// in desrun.cpp, the request path in desrequest.cpp, failures (crashes, routing around,
// timeouts) in desfaults.cpp.
class DesRun {
public:
    DesRun(const CompiledModel &model, const DesOptions &options, std::uint64_t seed,
           std::atomic<double> &progress);
    RunOutput run();

private:
    // --- events and randomness -------------------------------------------------------------
    void schedule(double time, std::int32_t type, int id) { m_events.schedule(time, type, id); }
    double thinkTime(const CompiledWorkload &w);
    // How many times a call is made on this visit: the whole part of its mean, and one more
    // with the fraction's probability.
    int drawCount(const CompiledCall &call) {
        return call.wholeCalls +
               (call.extraCallChance > 0 && m_random.uniform() < call.extraCallChance ? 1 : 0);
    }
    double rateAt(int w, double ms) const;
    double peakRate(int w) const;
    // Poisson arrivals; a time-varying rate by thinning against the peak rate.
    void scheduleNextArrival(int w, double from);

    // --- frames ----------------------------------------------------------------------------
    // Frames live in a pool that grows when a request or call starts (newFrame), which may
    // move every frame: a Frame & stays good only until the next launch, startRequest or
    // anything that calls them (send, arrive, finish, callResult ...). Code that holds one
    // across such a call fetches it again by id afterwards.
    Frame &frame(int id) {
        assert(id >= 0 && std::size_t(id) < m_frames.size());
        return m_frames[std::size_t(id)];
    }
    int allocFrame() {
        if (!m_freeFrames.empty()) {
            const int id = m_freeFrames.back();
            m_freeFrames.pop_back();
            return id;
        }
        m_frames.emplace_back();
        return int(m_frames.size() - 1);
    }
    // Its generation moves on, so a pending timeout for it sees it is gone.
    void freeFrame(int id) {
        ++frame(id).gen;
        m_freeFrames.push_back(id);
    }
    int newFrame(int comp, int parent, int call) {
        const int id = allocFrame();
        Frame &f = frame(id);
        const std::uint32_t gen = f.gen;
        f = Frame{};
        f.gen = gen;
        f.comp = comp;
        f.replica = -1;
        f.parent = parent;
        f.call = call;
        f.workload = -1;
        f.user = -1;
        f.span = -1;
        return id;
    }

    // --- units -----------------------------------------------------------------------------
    void sample(int k);
    int pickReplica(const CompiledUnit &unit, int u);
    // Replicas of unit u taking traffic now: the seam for autoscaling, which changes it during
    // a run (today it is the compiled count throughout).
    int activeReplicas(int u) const { return m_activeReplicas[std::size_t(u)]; }

    // --- what a request does (design.md section 3) -----------------------------------------
    void startRequest(int w, int user);
    void arrive(int id);
    void beginWork(int id);
    void workDone(int id);
    void runSteps(int id);
    void launch(int parent, int callIndex, bool detached, int attempt = 0, double delay = 0);
    // The call of frame id leaves its caller: circuit breaker, timeout, network latency.
    void send(int id);
    void finish(int id);
    void onReturn(int id);
    // A sync call of frame pid ended (reply, timeout or fast failure): breaker, retry, then
    // the caller goes on.
    void callResult(int pid, int callIndex, int attempt, CallOutcome outcome);
    void recordRequest(const Frame &f);
    // --- sampled traces (DesOptions::traceOut) ------------------------------------------
    int addSpan(const SimSpan &s);
    // --- failures (design.md section 4, docs/failures.md) ---------------------------------
    std::size_t seriesIndex() const;
    double backoff(const CompiledCall &call, int attempt);
    double slowdown(int u) const;
    double injectedLatency(int callIndex) const;
    // Balancers send to a dead replica until its health check notices (the call fails fast),
    // then to the next live one; -1 when none is left.
    int routeAround(const CompiledUnit &unit, int u, int r) const;
    // A crashed replica loses its queue; what it is serving fails when it completes (epoch).
    void crash(int r);
    void repair(int r);
    void scheduleFailure(int r);
    // A sync call not answered in time fails for its caller; the callee's work goes on.
    void timeout(int slot);

    // A backlog that keeps growing through the measured time means the load is above
    // capacity even when no cap was hit.
    void detectGrowth();

    // --- autoscaling (desautoscaling.cpp, docs/simulator.md) -------------------------------
    struct ScaledUnit {
        ScaledUnit(int u, const Autoscaler &a)
            : unit(u)
            , controller(a) {}
        int unit = 0;
        Autoscaler controller;
        double lastTouch = 0, readyArea = 0, paidArea = 0; // replica-ms since the start
        double readyAtSample = 0, readyAtWarm = 0, paidAtWarm = 0;
        // Since the last sync: the unit's areas and replica-ms, calls that arrived and were
        // rejected, and the queue then (what took a thread follows from them).
        UnitAreas areasAtSync;
        double readyAtSync = 0, syncedAt = 0;
        std::uint64_t arrivals = 0, rejected = 0;
        int queuedAtSync = 0;
    };
    void setUpAutoscaling();
    void autoscaleSync(int s);
    void replicasReady(int s);
    void touchReplicas(ScaledUnit &s);
    void applyReplicaCount(ScaledUnit &s);
    void countArrival(int u, bool rejected) {
        const int s = m_scaledOf[std::size_t(u)];
        if (s < 0) return;
        ++m_scaled[std::size_t(s)].arrivals;
        if (rejected) ++m_scaled[std::size_t(s)].rejected;
    }
    double coldStart(int u, int replica) const; // the work factor of a new replica
    void autoscalingWarmupEnd();
    void autoscalingSample(int k);
    void autoscalingEnd(bool inWarmup);

    // The counts every visit updates, side by side per unit and per component (one cache line
    // instead of one array each); copied into RunOutput's arrays when the run ends.
    struct UnitCounts {
        std::uint64_t calls = 0, acquired = 0, done = 0;
        double responseSum = 0;
    };
    struct ComponentCounts {
        double visits = 0, response = 0, work = 0;
    };

    static constexpr std::size_t kMaxSeriesHistograms = 1000;
    static constexpr std::uint64_t kMaxEventsAtSameTime = 20'000'000;

    const CompiledModel &m_model;
    const DesOptions &m_options;
    DesRandom m_random;
    std::atomic<double> &m_progress;

    double m_now = 0, m_warmupMs = 0, m_endMs = 0, m_intervalMs = 1, m_batchMs = 1;
    EventQueue m_events;
    bool m_seriesPercentiles = false; // a p99 per interval (within a memory budget)
    std::vector<Frame> m_frames;
    std::vector<int> m_freeFrames;
    std::vector<Replica> m_replicas;
    UnitMeters m_meters;
    std::vector<UnitCounts> m_unitCounts;         // measured time only
    std::vector<ComponentCounts> m_componentSums; // measured time only
    std::vector<int> m_activeReplicas;            // per unit
    std::vector<ScaledUnit> m_scaled;             // autoscaled units
    std::vector<int> m_scaledOf;                  // per unit: index in m_scaled, -1 when fixed
    std::vector<double> m_readySince;             // per replica: when it took traffic (cold start)
    std::vector<unsigned> m_roundRobin;           // per unit
    std::vector<char> m_unitCanFail;              // per unit
    std::vector<int> m_unitDown;                  // replicas down per unit
    std::vector<Breaker> m_breakers;              // per call
    TimeoutSlots m_timeouts;
    std::vector<int> m_userWorkload;  // closed users: their workload
    std::vector<double> m_peakPerMs;  // per open workload: the thinning bound
    std::vector<char> m_constantRate; // per open workload: no thinning needed
    std::uint64_t m_inFlight = 0;
    double m_lastAdvance = -1;
    std::uint64_t m_eventsAtSameTime = 0;
    RunOutput m_out;
    bool m_tracing = false;
    std::uint64_t m_traceCounter = 0;
    std::uint32_t m_tracedRequests = 0;
};

} // namespace des

} // namespace archsim::sim
