// SPDX-License-Identifier: GPL-3.0-or-later
// The discrete-event engine's set-up, sampling and failures: crashes and repairs, routing
// around dead replicas, random failures, timeouts, retry backoff, injected latency.
#include "simulator/des/desrun.h"

#include <algorithm>
#include <cmath>

namespace archsim::sim::des {

DesRun::DesRun(const CompiledModel &m, const DesOptions &o, std::uint64_t seed,
               std::atomic<double> &progress)
    : m(m)
    , o(o)
    , rng(seed)
    , progress(progress) {
    const std::size_t nw = m.workloads.size(), nu = m.units.size();
    warmupMs = o.warmupSec * 1000;
    tracing = o.traceOut != nullptr && o.traceRequests > 0;
    endMs = (o.warmupSec + o.durationSec) * 1000;
    double interval =
        o.intervalSec > 0 ? o.intervalSec : std::max(0.001, (o.warmupSec + o.durationSec) / 60);
    // In double first: a tiny interval over a long run is far beyond int.
    out.intervals =
        int(std::clamp(std::ceil((o.warmupSec + o.durationSec) / interval), 1.0, 2000.0));
    intervalMs = (o.warmupSec + o.durationSec) * 1000 / out.intervals;
    batchMs = std::max(1e-9, o.durationSec * 1000 / kBatches);

    out.latency.resize(nw);
    out.completed.assign(nw, 0);
    out.failed.assign(nw, 0);
    out.responseSum.assign(nw, 0);
    out.batchSum.assign(nw, std::vector<double>(kBatches, 0));
    out.batchCount.assign(nw, std::vector<std::uint64_t>(kBatches, 0));
    out.threadArea.assign(nu, 0);
    out.coreArea.assign(nu, 0);
    out.queueArea.assign(nu, 0);
    out.unitAcquired.assign(nu, 0);
    out.unitRejected.assign(nu, 0);
    out.unitDone.assign(nu, 0);
    out.unitResponseSum.assign(nu, 0);
    out.degraded.assign(nw, 0);
    out.retries.assign(nw, 0);
    out.unitCalls.assign(nu, 0);
    out.unitFailedCalls.assign(nu, 0);
    out.unitRetries.assign(nu, 0);
    const std::size_t k = std::size_t(out.intervals);
    out.seriesCompleted.assign(k, std::vector<std::uint64_t>(nw, 0));
    out.seriesFailed.assign(k, std::vector<std::uint64_t>(nw, 0));
    out.seriesResponseSum.assign(k, std::vector<double>(nw, 0));
    out.seriesDegraded.assign(k, std::vector<std::uint64_t>(nw, 0));
    out.seriesRetries.assign(k, std::vector<std::uint64_t>(nw, 0));
    // Per-interval p99 needs a histogram per interval and workload (61 KB each): only
    // within a memory budget, so models with many workloads stay small.
    seriesPercentiles = o.percentiles && k * nw <= kMaxSeriesHistograms;
    if (seriesPercentiles) out.seriesLatency.assign(k, std::vector<LogHistogram>(nw));
    out.seriesUtilization.assign(k, std::vector<double>(nu, 0));
    out.seriesQueue.assign(k, std::vector<double>(nu, 0));
    out.seriesUnitFailed.assign(k, std::vector<std::uint64_t>(nu, 0));
    out.seriesInFlight.assign(k, 0);

    busyThreads.assign(nu, 0);
    busyCores.assign(nu, 0);
    queued.assign(nu, 0);
    lastTouch.assign(nu, 0);
    areaThread.assign(nu, 0);
    areaCore.assign(nu, 0);
    areaQueue.assign(nu, 0);
    snapThread.assign(nu, 0);
    snapCore.assign(nu, 0);
    snapQueue.assign(nu, 0);
    warmThread.assign(nu, 0);
    warmCore.assign(nu, 0);
    warmQueue.assign(nu, 0);
    roundRobin.assign(nu, 0);
    replicas.resize(std::size_t(m.replicaCount));
    for (std::size_t u = 0; u < nu; ++u)
        for (int r = 0; r < m.units[u].replicas; ++r)
            replicas[std::size_t(m.units[u].firstReplica + r)].unit = int(u);
    samplers.resize(m.components.size());
    for (std::size_t c = 0; c < m.components.size(); ++c) {
        const auto &cc = m.components[c];
        ServiceSampler &s = samplers[c];
        s.distribution = cc.distribution;
        s.mean = cc.serviceMs;
        if (cc.distribution == Distribution::Lognormal) {
            const double sigma2 = std::log(1 + cc.cv * cc.cv);
            s.sigma = std::sqrt(sigma2);
            s.mu = std::log(std::max(cc.serviceMs, 1e-300)) - sigma2 / 2;
        }
    }
    loadFactor.assign(nw, 1);
    unitDown.assign(nu, 0);
    unitCanFail.assign(nu, 0); // clients do not fail; services, databases and externals do
    for (const CompiledComponent &c : m.components)
        if (c.kind != ComponentKind::Client) unitCanFail[std::size_t(c.unit)] = 1;
    breakers.resize(m.calls.size());
    frames.reserve(1024);
    heap.reserve(1024);
}

void DesRun::touchAll() {
    for (std::size_t u = 0; u < m.units.size(); ++u)
        touch(int(u));
}

void DesRun::sample(int k) {
    touchAll();
    for (std::size_t u = 0; u < m.units.size(); ++u) {
        const CompiledUnit &unit = m.units[u];
        const double threads = double(unit.replicas) * unit.threads * intervalMs;
        const double cores = double(unit.replicas) * unit.cores * intervalMs;
        out.seriesUtilization[std::size_t(k)][u] = std::max(
            (areaThread[u] - snapThread[u]) / threads, (areaCore[u] - snapCore[u]) / cores);
        out.seriesQueue[std::size_t(k)][u] =
            (areaQueue[u] - snapQueue[u]) / (intervalMs * unit.replicas);
    }
    snapThread = areaThread;
    snapCore = areaCore;
    snapQueue = areaQueue;
    out.seriesInFlight[std::size_t(k)] = double(inFlight);
}

std::size_t DesRun::seriesIndex() const {
    return std::min(std::size_t(now / intervalMs), out.seriesCompleted.size() - 1);
}

double DesRun::backoff(const CompiledCall &call, int attempt) {
    const double b = call.retryBackoffMs * std::ldexp(1.0, attempt);
    return call.retryJitter > 0 ? b * (1 - call.retryJitter * uniform()) : b;
}

double DesRun::slowdown(int u) const {
    double factor = 1;
    for (const SlowdownFault &f : o.faults.slowdowns)
        if (f.unit == u && now >= f.atMs && now < f.endMs) factor *= f.factor;
    return factor;
}

double DesRun::injectedLatency(int callIndex) const {
    const CompiledCall &call = m.calls[std::size_t(callIndex)];
    const int unit = m.components[std::size_t(call.to)].unit;
    double extra = 0;
    for (const LatencyFault &f : o.faults.latencies)
        if ((f.connection == call.connection || f.unit == unit) && now >= f.atMs && now < f.endMs)
            extra += f.latencyMs;
    return extra;
}

int DesRun::routeAround(const CompiledUnit &unit, int r) const {
    auto usable = [&](int i) {
        const Replica &x = replicas[std::size_t(i)];
        return x.down == 0 || now - x.downAt < unit.healthCheckMs;
    };
    if (usable(r)) return r;
    for (int i = 1; i < unit.replicas; ++i) {
        const int q = unit.firstReplica + (r - unit.firstReplica + i) % unit.replicas;
        if (usable(q)) return q;
    }
    return -1;
}

void DesRun::crash(int r) {
    Replica &rep = replicas[std::size_t(r)];
    if (rep.down++ > 0) return;
    rep.downAt = now;
    ++rep.epoch;
    ++unitDown[std::size_t(rep.unit)];
    touch(rep.unit);
    while (!rep.threadQueue.empty()) {
        const int id = rep.threadQueue.pop();
        --rep.queued;
        --queued[std::size_t(rep.unit)];
        frames[std::size_t(id)].failed = 1;
        finish(id);
    }
}

void DesRun::repair(int r) {
    Replica &rep = replicas[std::size_t(r)];
    if (rep.down == 0 || --rep.down > 0) return;
    --unitDown[std::size_t(rep.unit)];
}

void DesRun::scheduleFailure(int r) {
    const CompiledUnit &unit = m.units[std::size_t(replicas[std::size_t(r)].unit)];
    if (!(unit.mtbfHours > 0) || !unitCanFail[std::size_t(replicas[std::size_t(r)].unit)]) return;
    const double t = now + unit.mtbfHours * 3.6e6 * expDist(rng);
    if (t < endMs) schedule(t, kFail, r);
}

void DesRun::timeout(int slot) {
    const TimeoutSlot t = timeouts.take(slot);
    Frame &c = frames[std::size_t(t.frame)];
    if (c.gen != t.gen || c.parent != t.parent) return; // answered already
    c.parent = -1;
    ++inFlight; // detached from here: its finish or late reply counts it out
    const int call = c.call, attempt = c.attempt;
    const bool trial = c.trial;
    callResult(t.parent, call, true, attempt, false, trial, true);
}

void DesRun::detectGrowth() {
    if (out.saturated || out.cancelled) return;
    const int first = std::min(out.intervals - 1, int(std::ceil(warmupMs / intervalMs)));
    const int count = out.intervals - first;
    if (count < 8) return;
    const int quarter = count / 4;
    double early = 0, late = 0;
    for (int i = 0; i < quarter; ++i) {
        early += out.seriesInFlight[std::size_t(first + i)];
        late += out.seriesInFlight[std::size_t(out.intervals - 1 - i)];
    }
    early /= quarter;
    late /= quarter;
    if (late > 1.5 * early + 50) out.saturated = true;
}

} // namespace archsim::sim::des
