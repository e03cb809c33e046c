#include "simulator/des/desengine.h"

#include "simulator/analytic/analyticengine.h"
#include "simulator/des/desrun.h"
#include "simulator/des/replications.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <random>
#include <thread>

namespace archsim::sim {

namespace {

constexpr double kShedUtilization = 0.95;
constexpr double kShedShare = 0.01;

// Two-sided 95% Student t quantiles for 1..30 degrees of freedom.
double tQuantile95(int df) {
    static constexpr double table[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
                                       2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
                                       2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
                                       2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
    if (df < 1) return 0;
    return df <= 30 ? table[df - 1] : 1.96;
}

// Half width of the 95% interval of the mean of independent samples.
std::optional<double> halfWidth(const std::vector<double> &samples) {
    const std::size_t n = samples.size();
    if (n < 2) return std::nullopt;
    double mean = 0;
    for (double v : samples)
        mean += v;
    mean /= double(n);
    double var = 0;
    for (double v : samples)
        var += (v - mean) * (v - mean);
    var /= double(n - 1);
    return tQuantile95(int(n - 1)) * std::sqrt(var / double(n));
}

} // namespace

std::uint64_t replicationSeed(std::uint64_t seed, int r) {
    // Each replication has its own stream: seed, replication index.
    std::seed_seq seq{std::uint32_t(seed), std::uint32_t(seed >> 32), std::uint32_t(r)};
    std::uint32_t words[2];
    seq.generate(words, words + 2);
    return (std::uint64_t(words[0]) << 32) | words[1];
}

std::vector<RunOutput> runReplications(const CompiledModel &m, const DesOptions &options, int first,
                                       int count) {
    const int k = std::max(0, count);
    std::vector<RunOutput> runs(static_cast<std::size_t>(k));
    std::vector<std::atomic<double>> progress(static_cast<std::size_t>(k));
    for (auto &p : progress)
        p.store(0);
    int workers = options.workerThreads > 0
                      ? options.workerThreads
                      : int(std::max(1u, std::thread::hardware_concurrency()));
    workers = std::max(1, std::min(workers, k));
    std::atomic<int> nextRun{0};
    std::atomic<int> doneWorkers{0};
    auto worker = [&] {
        for (int r = nextRun++; r < k; r = nextRun++) {
            // A cancelled run still returns (quickly) so results keep their shape.
            runs[std::size_t(r)] = runReplication(
                m, options, replicationSeed(options.seed, first + r), progress[std::size_t(r)]);
        }
        ++doneWorkers;
    };
    std::vector<std::thread> threads;
    for (int i = 1; i < workers; ++i)
        threads.emplace_back(worker);
    if (options.progress) {
        // Workers report through atomics; the callback runs on this thread only.
        threads.emplace_back(worker);
        while (doneWorkers.load() < workers) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            double sum = 0;
            for (auto &p : progress)
                sum += p.load();
            options.progress(k > 0 ? sum / k : 1.0);
        }
    } else {
        worker();
    }
    for (auto &t : threads)
        t.join();
    return runs;
}

LoadResult simulate(const CompiledModel &m, const DesOptions &options) {
    std::vector<RunOutput> runs = runReplications(m, options, 0, std::max(1, options.replications));
    if (options.traceOut && !runs.empty()) *options.traceOut = std::move(runs[0].spans);
    return mergeReplications(m, options, runs);
}

LoadResult mergeReplications(const CompiledModel &m, const DesOptions &options,
                             const std::vector<RunOutput> &runs) {
    const int k = int(runs.size());
    if (k == 0) {
        LoadResult empty;
        empty.variant = m.variant;
        empty.engine = QStringLiteral("des");
        empty.cancelled = true;
        return empty;
    }
    LoadResult result;
    result.variant = m.variant;
    result.engine = QStringLiteral("des");
    result.durationSec = options.durationSec;
    result.warmupSec = options.warmupSec;
    result.replications = k;
    result.seed = options.seed;
    for (const FaultWindow &f : options.faults.windows)
        result.faults.push_back(LoadResult::FaultWindow{
            f.atSec, std::isfinite(f.endSec) ? std::optional<double>(f.endSec) : std::nullopt,
            f.label});
    if (options.faults.randomFailures)
        result.notes << QStringLiteral("random failures: replicas fail after exponential "
                                       "times (mean mtbfHours), repaired after mttrMinutes");
    const std::size_t nw = m.workloads.size(), nu = m.units.size();
    double measuredSec = 0; // summed over the replications
    for (const RunOutput &r : runs) {
        measuredSec += r.measuredMs / 1000;
        result.events += r.events;
        result.saturated = result.saturated || r.saturated;
        result.cancelled = result.cancelled || r.cancelled;
    }

    for (std::size_t w = 0; w < nw; ++w) {
        WorkloadResult wr;
        wr.name = m.workloads[w].name;
        wr.entry = m.components[std::size_t(m.workloads[w].entry)].id;
        wr.closed = m.workloads[w].closed;
        LogHistogram merged;
        std::uint64_t completed = 0, failed = 0, degraded = 0, retries = 0;
        double sum = 0;
        std::vector<double> means, rates;
        for (const RunOutput &r : runs) {
            if (options.percentiles) merged.merge(r.latency[w]);
            completed += r.completed[w];
            failed += r.failed[w];
            degraded += r.degraded[w];
            retries += r.retries[w];
            sum += r.responseSum[w];
            if (r.completed[w] > 0) means.push_back(r.responseSum[w] / double(r.completed[w]));
            rates.push_back(double(r.completed[w]) / options.durationSec);
        }
        if (k == 1) { // one replication: batch means over the measured time
            means.clear();
            rates.clear();
            const double batchSec = options.durationSec / kBatches;
            for (int b = 0; b < kBatches; ++b) {
                if (runs[0].batchCount[w][std::size_t(b)] > 0)
                    means.push_back(runs[0].batchSum[w][std::size_t(b)] /
                                    double(runs[0].batchCount[w][std::size_t(b)]));
                rates.push_back(double(runs[0].batchCount[w][std::size_t(b)]) / batchSec);
            }
        }
        wr.throughputPerSec = double(completed) / (measuredSec > 0 ? measuredSec : 1);
        wr.meanResponseMs = completed ? sum / double(completed) : 0.0;
        wr.meanResponseMsCi95 = halfWidth(means);
        wr.throughputPerSecCi95 = halfWidth(rates);
        wr.errorRate = completed + failed ? double(failed) / double(completed + failed) : 0.0;
        wr.degradedRate = completed ? double(degraded) / double(completed) : 0.0;
        wr.retriesPerRequest =
            completed + failed ? double(retries) / double(completed + failed) : 0.0;
        if (options.percentiles && merged.count() > 0) {
            wr.p50Ms = merged.quantile(0.50);
            wr.p95Ms = merged.quantile(0.95);
            wr.p99Ms = merged.quantile(0.99);
            wr.p999Ms = merged.quantile(0.999);
        }
        result.workloads.push_back(wr);
    }

    std::vector<int> reported;
    double worst = -1;
    for (std::size_t u = 0; u < nu; ++u) {
        const CompiledUnit &unit = m.units[u];
        if (!unit.hasResources) continue;
        reported.push_back(int(u));
        UnitResult ur;
        ur.id = unit.id;
        std::vector<double> utils;
        double thread = 0, core = 0, queue = 0, acquired = 0, done = 0, response = 0, rejected = 0;
        double calls = 0, failedCalls = 0, retried = 0;
        for (const RunOutput &r : runs) {
            const double durationMs = std::max(r.measuredMs, 1e-9);
            const double t = r.threadArea[u] / (durationMs * unit.replicas * unit.threads);
            const double c = r.coreArea[u] / (durationMs * unit.replicas * unit.cores);
            thread += t / k;
            core += c / k;
            utils.push_back(std::max(t, c));
            queue += r.queueArea[u] / (durationMs * unit.replicas) / k;
            acquired += double(r.unitAcquired[u]);
            rejected += double(r.unitRejected[u]);
            calls += double(r.unitCalls[u]);
            failedCalls += double(r.unitFailedCalls[u]);
            retried += double(r.unitRetries[u]);
            done += double(r.unitDone[u]);
            response += r.unitResponseSum[u];
        }
        ur.threadUtilization = std::min(1.0, thread);
        ur.coreUtilization = std::min(1.0, core);
        ur.utilization = std::max(ur.threadUtilization, ur.coreUtilization);
        ur.utilizationCi95 = halfWidth(utils);
        ur.throughputPerSec = acquired / (measuredSec > 0 ? measuredSec : 1);
        ur.meanQueueLength = queue;
        ur.rejectedPerSec = rejected / (measuredSec > 0 ? measuredSec : 1);
        ur.callsPerSec = calls / (measuredSec > 0 ? measuredSec : 1);
        ur.failedCallsPerSec = failedCalls / (measuredSec > 0 ? measuredSec : 1);
        ur.retriesReceivedPerSec = retried / (measuredSec > 0 ? measuredSec : 1);
        // A full unit that sheds load keeps its backlog bounded, but it is past its capacity.
        if (ur.utilization >= kShedUtilization && rejected > kShedShare * (acquired + rejected)) {
            result.saturated = true;
            result.notes << QStringLiteral("unit \"%1\" is saturated: utilisation %2, it "
                                           "rejects %3% of its calls")
                                .arg(ur.id)
                                .arg(ur.utilization, 0, 'f', 3)
                                .arg(100 * rejected / (acquired + rejected), 0, 'f', 1);
        }
        ur.meanResponseMs = done > 0 ? response / done : 0.0;
        if (ur.utilization > worst) {
            worst = ur.utilization;
            result.bottleneck = ur.id;
        }
        result.units.push_back(ur);
    }

    // The saturation rate is a steady-state figure: the analytical engine's.
    AnalyticOptions analytic;
    analytic.scale = options.scale;
    const LoadResult steady = analyze(m, analytic);
    result.saturationRatePerSec = steady.saturationRatePerSec;
    result.notes << QStringLiteral("saturationRatePerSec is the analytical engine's");
    for (const RunOutput &r : runs)
        if (r.stalled) {
            result.cancelled = true;
            result.notes << QStringLiteral("stopped: simulated time stopped advancing (zero "
                                           "service, latency and think times)");
            break;
        }
    bool backlog = false;
    for (const RunOutput &r : runs)
        backlog = backlog || r.saturated;
    if (backlog)
        result.notes << QStringLiteral(
            "saturated: the backlog grew through the run (or hit the in-flight cap); "
            "figures cover completed requests only");

    // Time series: the mean of the replications per interval.
    const int intervals = runs[0].intervals;
    result.intervalSec = (options.warmupSec + options.durationSec) / intervals;
    for (int i = 0; i < intervals; ++i) {
        SeriesPoint p;
        p.timeSec = i * result.intervalSec;
        for (std::size_t w = 0; w < nw; ++w) {
            double completed = 0, failed = 0, sum = 0, degraded = 0, retries = 0;
            LogHistogram merged;
            for (const RunOutput &r : runs) {
                completed += double(r.seriesCompleted[std::size_t(i)][w]);
                failed += double(r.seriesFailed[std::size_t(i)][w]);
                degraded += double(r.seriesDegraded[std::size_t(i)][w]);
                retries += double(r.seriesRetries[std::size_t(i)][w]);
                sum += r.seriesResponseSum[std::size_t(i)][w];
                if (!r.seriesLatency.empty()) merged.merge(r.seriesLatency[std::size_t(i)][w]);
            }
            p.throughputPerSec.push_back(completed / (result.intervalSec * k));
            p.errorsPerSec.push_back(failed / (result.intervalSec * k));
            p.degradedPerSec.push_back(degraded / (result.intervalSec * k));
            p.retriesPerSec.push_back(retries / (result.intervalSec * k));
            p.meanResponseMs.push_back(completed > 0 ? sum / completed : 0.0);
            p.p99Ms.push_back(merged.quantile(0.99));
        }
        for (int u : reported) {
            double util = 0, queue = 0, failedCalls = 0;
            for (const RunOutput &r : runs) {
                util += r.seriesUtilization[std::size_t(i)][std::size_t(u)] / k;
                queue += r.seriesQueue[std::size_t(i)][std::size_t(u)] / k;
                failedCalls += double(r.seriesUnitFailed[std::size_t(i)][std::size_t(u)]);
            }
            p.utilization.push_back(std::min(1.0, util));
            p.queueLength.push_back(queue);
            p.failedCallsPerSec.push_back(failedCalls / (result.intervalSec * k));
        }
        result.series.push_back(std::move(p));
    }
    return result;
}

} // namespace archsim::sim
