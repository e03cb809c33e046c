// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/des/replicationmerge.h"

#include "simulator/analytic/analyticengine.h"
#include "simulator/confidence.h"
#include "simulator/timeunit.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace archsim::sim {

namespace {

constexpr double kShedUtilization = 0.95;
constexpr double kShedShare = 0.01;

} // namespace

void MergedRuns::add(RunOutput &&r, const DesOptions &options) {
    const std::size_t nw = m_model.workloads.size(), nu = m_model.units.size();
    measuredSec += secondsFromMs(r.measuredMs);
    stalled = stalled || r.stalled;
    backlog = backlog || r.saturated;
    eventCap = eventCap || r.stoppedAtEventCap;
    for (std::size_t w = 0; w < nw; ++w) {
        if (r.completed[w] > 0) means[w].push_back(r.responseSum[w] / double(r.completed[w]));
        rates[w].push_back(double(r.completed[w]) / options.durationSec);
    }
    const double k = m_k;
    for (std::size_t u = 0; u < nu; ++u) {
        const CompiledUnit &unit = m_model.units[u];
        if (!unit.hasResources) continue;
        const double durationMs = std::max(r.measuredMs, 1e-9);
        double t = r.threadArea[u] / (durationMs * unit.threadCapacity());
        double c = r.coreArea[u] / (durationMs * unit.coreCapacity());
        double replicaMs = durationMs * unit.replicas;
        const bool counted = u < r.replicaArea.size(); // shard parts without autoscaling: not
        if (unit.autoscale && counted && r.replicaArea[u] > 0) { // capacity changed in the run
            replicaMs = r.replicaArea[u];
            t = r.threadArea[u] / (replicaMs * unit.threads);
            c = r.coreArea[u] / (replicaMs * unit.cores);
        }
        thread[u] += t / k;
        core[u] += c / k;
        utils[u].push_back(std::max(t, c));
        queue[u] += r.queueArea[u] / replicaMs / k;
        replicas[u] += (counted ? r.replicaArea[u] / durationMs : double(unit.replicas)) / k;
        paidHours[u] +=
            hoursFromMs(counted ? r.paidReplicaArea[u] : r.measuredMs * unit.replicas) / k;
    }
    for (auto &row : r.seriesReplicas)
        for (double &v : row)
            v /= k;
    for (auto &row : r.seriesUtilization)
        for (double &v : row)
            v /= k;
    for (auto &row : r.seriesQueue)
        for (double &v : row)
            v /= k;
    if (count++ == 0) {
        total = std::move(r);
        return;
    }
    total.events += r.events;
    total.saturated = total.saturated || r.saturated;
    total.cancelled = total.cancelled || r.cancelled;
    for (std::size_t w = 0; w < nw; ++w)
        total.latency[w].merge(r.latency[w]);
    addAll(total.completed, r.completed);
    addAll(total.failed, r.failed);
    addAll(total.responseSum, r.responseSum);
    addAll(total.degraded, r.degraded);
    addAll(total.retries, r.retries);
    addAll(total.unitAcquired, r.unitAcquired);
    addAll(total.unitRejected, r.unitRejected);
    addAll(total.unitCalls, r.unitCalls);
    addAll(total.unitFailedCalls, r.unitFailedCalls);
    addAll(total.unitRetries, r.unitRetries);
    addAll(total.unitDone, r.unitDone);
    addAll(total.unitResponseSum, r.unitResponseSum);
    for (const auto &[name, member] : kComponentSums)
        addAll(total.components.*member, r.components.*member);
    for (std::size_t i = 0; i < total.seriesCompleted.size(); ++i) {
        addAll(total.seriesCompleted[i], r.seriesCompleted[i]);
        addAll(total.seriesFailed[i], r.seriesFailed[i]);
        addAll(total.seriesDegraded[i], r.seriesDegraded[i]);
        addAll(total.seriesRetries[i], r.seriesRetries[i]);
        addAll(total.seriesResponseSum[i], r.seriesResponseSum[i]);
        addAll(total.seriesUtilization[i], r.seriesUtilization[i]);
        addAll(total.seriesQueue[i], r.seriesQueue[i]);
        addAll(total.seriesUnitFailed[i], r.seriesUnitFailed[i]);
        if (!total.seriesReplicas.empty()) addAll(total.seriesReplicas[i], r.seriesReplicas[i]);
        if (!total.seriesLatency.empty())
            for (std::size_t w = 0; w < nw; ++w)
                total.seriesLatency[i][w].merge(r.seriesLatency[i][w]);
    }
}

LoadResult mergedResult(const CompiledModel &m, const DesOptions &options, MergedRuns &merged) {
    const int k = merged.count;
    const RunOutput &total = merged.total;

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
    const double measuredSec = merged.measuredSec; // summed over the replications
    result.events = total.events;
    result.saturated = total.saturated;
    result.cancelled = total.cancelled;
    result.stoppedAtEventCap = merged.eventCap;

    for (std::size_t w = 0; w < nw; ++w) {
        WorkloadResult wr;
        wr.name = m.workloads[w].name;
        wr.entry = m.components[std::size_t(m.workloads[w].entry)].id;
        wr.closed = m.workloads[w].closed;
        const LogHistogram &latency = total.latency[w];
        const std::uint64_t completed = total.completed[w], failed = total.failed[w],
                            degraded = total.degraded[w], retries = total.retries[w];
        const double sum = total.responseSum[w];
        std::vector<double> means = merged.means[w], rates = merged.rates[w];
        if (k == 1) { // one replication: batch means over the measured time
            means.clear();
            rates.clear();
            const double batchSec = options.durationSec / kBatches;
            for (int b = 0; b < kBatches; ++b) {
                if (total.batchCount[w][std::size_t(b)] > 0)
                    means.push_back(total.batchSum[w][std::size_t(b)] /
                                    double(total.batchCount[w][std::size_t(b)]));
                rates.push_back(double(total.batchCount[w][std::size_t(b)]) / batchSec);
            }
        }
        wr.throughputPerSec = double(completed) / (measuredSec > 0 ? measuredSec : 1);
        wr.meanResponseMs = completed ? sum / double(completed) : 0.0;
        wr.meanResponseMsCi95 = halfWidth95(means);
        wr.throughputPerSecCi95 = halfWidth95(rates);
        wr.errorRate = completed + failed ? double(failed) / double(completed + failed) : 0.0;
        wr.degradedRate = completed ? double(degraded) / double(completed) : 0.0;
        wr.retriesPerRequest =
            completed + failed ? double(retries) / double(completed + failed) : 0.0;
        if (options.percentiles && latency.count() > 0) {
            wr.p50Ms = latency.quantile(0.50);
            wr.p95Ms = latency.quantile(0.95);
            wr.p99Ms = latency.quantile(0.99);
            wr.p999Ms = latency.quantile(0.999);
        }
        result.workloads.push_back(wr);
    }

    std::vector<int> reported;
    double worst = -1, replicaHours = 0, runCost = 0;
    for (std::size_t u = 0; u < nu; ++u) {
        const CompiledUnit &unit = m.units[u];
        if (!unit.hasResources) continue;
        reported.push_back(int(u));
        UnitResult ur;
        ur.id = unit.id;
        const double thread = merged.thread[u], core = merged.core[u], queue = merged.queue[u];
        const double acquired = double(total.unitAcquired[u]),
                     rejected = double(total.unitRejected[u]), calls = double(total.unitCalls[u]),
                     failedCalls = double(total.unitFailedCalls[u]),
                     retried = double(total.unitRetries[u]), done = double(total.unitDone[u]),
                     response = total.unitResponseSum[u];
        ur.threadUtilization = std::min(1.0, thread);
        ur.coreUtilization = std::min(1.0, core);
        ur.utilization = std::max(ur.threadUtilization, ur.coreUtilization);
        ur.utilizationCi95 = halfWidth95(merged.utils[u]);
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
        if (unit.autoscale) {
            ur.replicas = merged.replicas[u];
            ur.replicaHours = merged.paidHours[u];
            result.autoscaled = true;
        }
        replicaHours += merged.paidHours[u];
        runCost += merged.paidHours[u] * unit.costPerHour;
        if (ur.utilization > worst) {
            worst = ur.utilization;
            result.bottleneck = ur.id;
        }
        result.units.push_back(ur);
    }

    result.replicaHours = replicaHours;
    result.runCost = runCost;
    // Cores a unit had on average (an autoscaled unit's count changed during the run).
    const auto coresOf = [&](std::size_t u) {
        const CompiledUnit &unit = m.units[u];
        return unit.autoscale ? merged.replicas[u] * unit.cores : unit.coreCapacity();
    };
    for (std::size_t c = 0; c < m.components.size(); ++c) {
        const CompiledComponent &cc = m.components[c];
        ComponentResult cr;
        cr.id = cc.id;
        cr.unit = m.units[std::size_t(cc.unit)].id;
        const ComponentSums &sums = total.components;
        const double visits = c < sums.visits.size() ? sums.visits[c] : 0.0;
        cr.visitsPerSec = visits / (measuredSec > 0 ? measuredSec : 1);
        cr.meanResponseMs = visits > 0 ? sums.responseSum[c] / visits : 0.0;
        if (cc.holdsThread && c < sums.workSum.size())
            cr.utilization =
                std::min(1.0, sums.workSum[c] / (msFromSeconds(measuredSec > 0 ? measuredSec : 1) *
                                                 coresOf(std::size_t(cc.unit))));
        result.components.push_back(cr);
    }

    // The saturation rate is a steady-state figure: the analytical engine's.
    AnalyticOptions analytic;
    analytic.scale = options.scale;
    const LoadResult steady = analyze(m, analytic);
    result.saturationRatePerSec = steady.saturationRatePerSec;
    result.notes << QStringLiteral("saturationRatePerSec is the analytical engine's");
    if (merged.stalled) {
        result.cancelled = true;
        result.notes << QStringLiteral("stopped: simulated time stopped advancing (zero "
                                       "service, latency and think times)");
    }
    if (result.stoppedAtEventCap)
        result.notes << QStringLiteral(
                            "stopped at the event cap: a replication reached %1 events with "
                            "%2 of its %3 measured seconds simulated; the figures cover only "
                            "that part (shorten the run or lower the load)")
                            .arg(options.maxEvents)
                            .arg(measuredSec / k, 0, 'g', 3)
                            .arg(options.durationSec, 0, 'g', 3);
    if (merged.backlog)
        result.notes << QStringLiteral(
            "saturated: the backlog grew through the run (or hit the in-flight cap); "
            "figures cover completed requests only");

    // Time series: the mean of the replications per interval.
    const int intervals = total.intervals;
    result.intervalSec = (options.warmupSec + options.durationSec) / intervals;
    for (int i = 0; i < intervals; ++i) {
        const std::size_t si = std::size_t(i);
        SeriesPoint p;
        p.timeSec = i * result.intervalSec;
        for (std::size_t w = 0; w < nw; ++w) {
            const double completed = double(total.seriesCompleted[si][w]),
                         failed = double(total.seriesFailed[si][w]),
                         degraded = double(total.seriesDegraded[si][w]),
                         retries = double(total.seriesRetries[si][w]),
                         sum = total.seriesResponseSum[si][w];
            p.throughputPerSec.push_back(completed / (result.intervalSec * k));
            p.errorsPerSec.push_back(failed / (result.intervalSec * k));
            p.degradedPerSec.push_back(degraded / (result.intervalSec * k));
            p.retriesPerSec.push_back(retries / (result.intervalSec * k));
            p.meanResponseMs.push_back(completed > 0 ? sum / completed : 0.0);
            p.p99Ms.push_back(
                total.seriesLatency.empty() ? 0.0 : total.seriesLatency[si][w].quantile(0.99));
        }
        for (int u : reported) {
            const std::size_t su = std::size_t(u);
            p.utilization.push_back(std::min(1.0, total.seriesUtilization[si][su]));
            p.queueLength.push_back(total.seriesQueue[si][su]);
            p.failedCallsPerSec.push_back(double(total.seriesUnitFailed[si][su]) /
                                          (result.intervalSec * k));
            if (!total.seriesReplicas.empty()) p.replicas.push_back(total.seriesReplicas[si][su]);
        }
        result.series.push_back(std::move(p));
    }
    return result;
}

} // namespace archsim::sim
