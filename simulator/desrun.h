// One replication of the discrete-event engine: the event loop and its raw counts.
#pragma once

#include "simulator/desengine.h"
#include "simulator/histogram.h"

#include <atomic>
#include <cstdint>
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
    std::vector<double> unitResponseSum;
    std::vector<std::vector<std::uint64_t>> seriesCompleted, seriesFailed; // [k][w]
    std::vector<std::vector<double>> seriesResponseSum;                    // [k][w]
    std::vector<std::vector<LogHistogram>> seriesLatency;                  // [k][w]
    std::vector<std::vector<double>> seriesUtilization, seriesQueue;       // [k][u]
    std::vector<double> seriesInFlight;                                    // [k]
    std::uint64_t events = 0;
    double measuredMs = 0;  // the duration, or less when the run stopped early
    bool saturated = false; // stopped by the in-flight cap or a growing backlog
    bool cancelled = false;
    bool stalled = false; // simulated time stopped advancing (all times zero)
    int intervals = 0;
};

constexpr int kBatches = 10; // batch means for the confidence interval of one replication

RunOutput runReplication(const CompiledModel &model, const DesOptions &options, std::uint64_t seed,
                         std::atomic<double> &progress);

} // namespace archsim::sim
