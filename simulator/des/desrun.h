// SPDX-License-Identifier: GPL-3.0-or-later
// One replication of the discrete-event engine: the event loop and its raw counts.
#pragma once

#include "simulator/des/desengine.h"
#include "simulator/des/desresilience.h"
#include "simulator/des/desstate.h"
#include "simulator/histogram.h"

#include <atomic>
#include <cstdint>
#include <random>
#include <vector>

namespace archsim::sim {

// Raw figures of one replication; desengine.cpp merges them. Indexes: workload w, unit u,
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
    std::vector<std::vector<std::uint64_t>> seriesCompleted, seriesFailed; // [k][w]
    std::vector<std::vector<double>> seriesResponseSum;                    // [k][w]
    std::vector<std::vector<LogHistogram>> seriesLatency;                  // [k][w]
    std::vector<std::vector<double>> seriesUtilization, seriesQueue;       // [k][u]
    std::vector<double> seriesInFlight;                                    // [k]
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

// The event loop of one replication (design.md section 3). The request path lives in
// desrun.cpp; set-up, sampling and failures (crashes, routing around, timeouts) in desfaults.cpp.
class DesRun {
public:
    DesRun(const CompiledModel &m, const DesOptions &o, std::uint64_t seed,
           std::atomic<double> &progress);
    RunOutput run();

private:
    // --- events and randomness -------------------------------------------------------------
    void schedule(double time, std::int32_t type, int id);
    // Puts e at the root's place and moves it down to where it belongs.
    void siftDown(const Event &e);
    void popTop();
    double uniform() { return uniformDist(rng); }
    double serviceTime(int comp);
    double thinkTime(const CompiledWorkload &w);
    int drawCount(double calls);
    double rateAt(int w, double ms) const;
    double peakRate(int w) const;
    // Poisson arrivals; a time-varying rate by thinning against the peak rate.
    void scheduleNextArrival(int w, double from);

    // --- frames ----------------------------------------------------------------------------
    int allocFrame();
    void freeFrame(int id);
    int newFrame(int comp, int parent, int call);

    // --- unit accounting -------------------------------------------------------------------
    void touch(int u);
    void touchAll();
    void sample(int k);
    int pickReplica(const CompiledUnit &unit, int u);

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
    void callResult(int pid, int callIndex, bool failed, int attempt, bool degraded, bool trial,
                    bool reached);
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
    int routeAround(const CompiledUnit &unit, int r) const;
    // A crashed replica loses its queue; what it is serving fails when it completes (epoch).
    void crash(int r);
    void repair(int r);
    void scheduleFailure(int r);
    // A sync call not answered in time fails for its caller; the callee's work goes on.
    void timeout(int slot);

    // A backlog that keeps growing through the measured time means the load is above
    // capacity even when no cap was hit.
    void detectGrowth();

    const CompiledModel &m;
    const DesOptions &o;
    std::mt19937_64 rng;
    std::exponential_distribution<double> expDist{1.0};
    std::uniform_real_distribution<double> uniformDist{0.0, 1.0};
    std::normal_distribution<double> normalDist{0.0, 1.0};
    std::atomic<double> &progress;

    double now = 0, warmupMs = 0, endMs = 0, intervalMs = 1, batchMs = 1;
    std::vector<Event> heap; // binary min-heap on time
    bool topTaken = false;
    bool seriesPercentiles = false;
    static constexpr std::size_t kMaxSeriesHistograms =
        1000; // heap.front() was handled but not yet removed
    std::vector<Frame> frames;
    std::vector<int> freeFrames;
    std::vector<char> unitCanFail;
    std::vector<int> unitDown;     // replicas down per unit
    std::vector<Breaker> breakers; // per call
    TimeoutSlots timeouts;
    std::vector<Replica> replicas;
    std::vector<ServiceSampler> samplers;
    std::vector<int> userWorkload;
    std::vector<double> loadFactor;
    std::vector<unsigned> roundRobin;
    std::vector<int> busyThreads, busyCores, queued;
    std::vector<double> lastTouch, areaThread, areaCore, areaQueue;
    std::vector<double> snapThread, snapCore, snapQueue, warmThread, warmCore, warmQueue;
    std::uint64_t inFlight = 0;
    double lastAdvance = -1;
    std::uint64_t eventsAtSameTime = 0;
    static constexpr std::uint64_t kMaxEventsAtSameTime = 20'000'000;
    RunOutput out;
    bool tracing = false;
    std::uint64_t traceCounter = 0;
    std::uint32_t tracedRequests = 0;
};

} // namespace des

} // namespace archsim::sim
