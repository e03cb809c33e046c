// SPDX-License-Identifier: GPL-3.0-or-later
// The discrete-event engine's set-up, event loop, arrivals, frames and interval sampling.
#include "simulator/des/desrun.h"

#include "simulator/timeunit.h"

#include <algorithm>
#include <cmath>

namespace archsim::sim {

namespace des {

DesRun::DesRun(const CompiledModel &model, const DesOptions &options, std::uint64_t seed,
               std::atomic<double> &progress)
    : m_model(model)
    , m_options(options)
    , m_random(seed)
    , m_progress(progress) {
    const DesOptions &o = options;
    const std::size_t nw = model.workloads.size(), nu = model.units.size();
    m_warmupMs = msFromSeconds(o.warmupSec);
    m_tracing = o.traceOut != nullptr && o.traceRequests > 0;
    m_endMs = msFromSeconds(o.warmupSec + o.durationSec);
    double interval =
        o.intervalSec > 0 ? o.intervalSec : std::max(0.001, (o.warmupSec + o.durationSec) / 60);
    // In double first: a tiny interval over a long run is far beyond int.
    m_out.intervals =
        int(std::clamp(std::ceil((o.warmupSec + o.durationSec) / interval), 1.0, 2000.0));
    m_intervalMs = msFromSeconds(o.warmupSec + o.durationSec) / m_out.intervals;
    m_batchMs = std::max(1e-9, msFromSeconds(o.durationSec) / kBatches);

    RunOutput &out = m_out;
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
    for (const auto &[name, member] : kComponentSums)
        (out.components.*member).assign(model.components.size(), 0.0);
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
    m_seriesPercentiles = o.percentiles && k * nw <= kMaxSeriesHistograms;
    if (m_seriesPercentiles) out.seriesLatency.assign(k, std::vector<LogHistogram>(nw));
    out.seriesUtilization.assign(k, std::vector<double>(nu, 0));
    out.seriesQueue.assign(k, std::vector<double>(nu, 0));
    out.seriesUnitFailed.assign(k, std::vector<std::uint64_t>(nu, 0));
    out.seriesInFlight.assign(k, 0);

    m_meters.resize(nu);
    m_unitCounts.resize(nu);
    m_componentSums.resize(model.components.size());
    m_roundRobin.assign(nu, 0);
    m_activeReplicas.resize(nu);
    m_replicas.resize(std::size_t(model.replicaCount));
    for (std::size_t u = 0; u < nu; ++u) {
        m_activeReplicas[u] = model.units[u].replicas;
        for (int r = 0; r < model.units[u].replicaSlots(); ++r)
            m_replicas[std::size_t(model.units[u].firstReplica + r)].unit = int(u);
    }
    m_peakPerMs.assign(nw, 0);
    m_constantRate.assign(nw, 0);
    for (std::size_t w = 0; w < nw; ++w) {
        m_peakPerMs[w] = perMsFromPerSecond(peakRate(int(w)));
        m_constantRate[w] =
            model.workloads[w].pattern == LoadPattern::Constant && o.loadChanges.empty();
    }
    m_unitDown.assign(nu, 0);
    m_unitCanFail.assign(nu, 0); // clients do not fail; services, databases and externals do
    for (const CompiledComponent &c : model.components)
        if (c.kind != ComponentKind::Client) m_unitCanFail[std::size_t(c.unit)] = 1;
    m_breakers.resize(model.calls.size());
    m_frames.reserve(1024);
    m_events.reserve(1024);
    setUpAutoscaling();
}

RunOutput DesRun::run() {
    const std::size_t nw = m_model.workloads.size();
    for (std::size_t w = 0; w < nw; ++w) {
        const CompiledWorkload &cw = m_model.workloads[w];
        if (cw.closed) {
            for (int i = 0; i < cw.users; ++i) {
                m_userWorkload.push_back(int(w));
                schedule(thinkTime(cw), kThink, int(m_userWorkload.size() - 1));
            }
        } else {
            scheduleNextArrival(int(w), 0);
        }
    }
    const FaultPlan &plan = m_options.faults;
    for (std::size_t i = 0; i < plan.outages.size(); ++i) {
        if (plan.outages[i].atMs >= m_endMs) continue;
        schedule(plan.outages[i].atMs, kOutageStart, int(i));
        if (plan.outages[i].endMs < m_endMs) schedule(plan.outages[i].endMs, kOutageEnd, int(i));
    }
    if (plan.randomFailures)
        for (std::size_t r = 0; r < m_replicas.size(); ++r)
            scheduleFailure(int(r));
    // One sample event at a time keeps the heap small.
    schedule(m_intervalMs, kSample, 0);
    schedule(m_warmupMs, kWarmupEnd, 0);
    schedule(m_endMs + 1e-9 * (1 + m_endMs), kEnd, 0); // after the last sample

    const std::uint64_t maxEvents = m_options.maxEvents;
    Event e;
    bool running = true;
    while (running && m_events.next(e)) {
        m_now = e.time;
        ++m_out.events;
        switch (e.type) {
        case kArrival:
            startRequest(e.id, -1);
            scheduleNextArrival(e.id, m_now);
            break;
        case kThink:
            startRequest(m_userWorkload[std::size_t(e.id)], e.id);
            break;
        case kArrive:
            arrive(e.id);
            break;
        case kWorkDone:
            workDone(e.id);
            break;
        case kReturn:
            onReturn(e.id);
            break;
        case kSample:
            sample(e.id);
            if (e.id + 1 < m_out.intervals) schedule((e.id + 2) * m_intervalMs, kSample, e.id + 1);
            break;
        case kWarmupEnd:
            m_meters.touchAll(m_now);
            m_meters.markWarmupEnd();
            autoscalingWarmupEnd();
            break;
        case kEnd:
            running = false;
            break;
        case kSend:
            send(e.id);
            break;
        case kTimeout:
            timeout(e.id);
            break;
        case kOutageStart:
            for (int r : m_options.faults.outages[std::size_t(e.id)].replicas)
                crash(r);
            break;
        case kOutageEnd:
            for (int r : m_options.faults.outages[std::size_t(e.id)].replicas)
                repair(r);
            break;
        case kFail: {
            crash(e.id);
            const CompiledUnit &unit =
                m_model.units[std::size_t(m_replicas[std::size_t(e.id)].unit)];
            schedule(m_now + unit.mttrMs * m_random.exponential(), kRepair, e.id);
            break;
        }
        case kRepair:
            repair(e.id);
            scheduleFailure(e.id);
            break;
        case kAutoscaleSync:
            autoscaleSync(e.id);
            break;
        case kReplicaReady:
            replicasReady(e.id);
            break;
        }
        if ((m_out.events & 0xffff) == 0) {
            m_progress.store(m_now / m_endMs, std::memory_order_relaxed);
            if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed)) {
                m_out.cancelled = true;
                break;
            }
            if (m_out.events >= maxEvents) {
                m_out.stoppedAtEventCap = true;
                break;
            }
        }
        if (m_inFlight > m_options.maxInFlight) {
            m_out.saturated = true;
            break;
        }
        // Zero service, latency and think times can keep the clock still forever.
        if (m_now > m_lastAdvance) {
            m_lastAdvance = m_now;
            m_eventsAtSameTime = 0;
        } else if (++m_eventsAtSameTime > kMaxEventsAtSameTime) {
            m_out.stalled = true;
            break;
        }
    }
    m_meters.touchAll(m_now);
    // A run stopped early measures up to its stop; stopped inside the warm-up, the units'
    // figures cover the whole run so far.
    const double stop = std::min(m_now, m_endMs);
    const bool inWarmup = stop < m_warmupMs;
    m_out.measuredMs = inWarmup ? stop : stop - m_warmupMs;
    for (std::size_t u = 0; u < m_model.units.size(); ++u) {
        m_out.unitCalls[u] = m_unitCounts[u].calls;
        m_out.unitAcquired[u] = m_unitCounts[u].acquired;
        m_out.unitDone[u] = m_unitCounts[u].done;
        m_out.unitResponseSum[u] = m_unitCounts[u].responseSum;
        const UnitAreas a = m_meters.measured(u, inWarmup);
        m_out.threadArea[u] = a.thread;
        m_out.coreArea[u] = a.core;
        m_out.queueArea[u] = a.queue;
    }
    autoscalingEnd(inWarmup);
    for (std::size_t c = 0; c < m_componentSums.size(); ++c) {
        m_out.components.visits[c] = m_componentSums[c].visits;
        m_out.components.responseSum[c] = m_componentSums[c].response;
        m_out.components.workSum[c] = m_componentSums[c].work;
    }
    detectGrowth();
    m_progress.store(1.0, std::memory_order_relaxed);
    return std::move(m_out);
}

double DesRun::thinkTime(const CompiledWorkload &w) {
    return w.thinkTimeMs > 0 ? m_now + w.thinkTimeMs * m_random.exponential() : m_now;
}

double DesRun::rateAt(int w, double ms) const {
    const CompiledWorkload &cw = m_model.workloads[std::size_t(w)];
    double rate = cw.rateAt(secondsFromMs(ms)) * m_options.scale;
    for (const LoadChange &c : m_options.loadChanges)
        if ((c.workload < 0 || c.workload == w) && ms >= msFromSeconds(c.atSec) &&
            (c.forSec <= 0 || ms < msFromSeconds(c.atSec + c.forSec)))
            rate *= c.factor;
    return rate;
}

double DesRun::peakRate(int w) const {
    double rate = m_model.workloads[std::size_t(w)].peakRate() * m_options.scale;
    for (const LoadChange &c : m_options.loadChanges)
        if (c.workload < 0 || c.workload == w) rate *= std::max(1.0, c.factor);
    return rate;
}

void DesRun::scheduleNextArrival(int w, double from) {
    const double peak = m_peakPerMs[std::size_t(w)];
    if (!(peak > 0)) return;
    const bool constant = m_constantRate[std::size_t(w)];
    double t = from;
    while (t < m_endMs) {
        t += m_random.exponential() / peak;
        if (constant || m_random.uniform() * peak < perMsFromPerSecond(rateAt(w, t))) {
            if (t < m_endMs) schedule(t, kArrival, w);
            return;
        }
    }
}

void DesRun::sample(int k) {
    m_meters.touchAll(m_now);
    if (!m_scaled.empty()) autoscalingSample(k);
    for (std::size_t u = 0; u < m_model.units.size(); ++u) {
        const CompiledUnit &unit = m_model.units[u];
        const int replicas = activeReplicas(int(u));
        const UnitAreas d = m_meters.takeInterval(u);
        double threads = CompiledUnit::threadCapacity(replicas, unit.threads) * m_intervalMs;
        double cores = CompiledUnit::coreCapacity(replicas, unit.cores) * m_intervalMs;
        double replicaMs = m_intervalMs * replicas;
        if (!m_scaled.empty() && m_scaledOf[u] >= 0) { // the count changed within the interval
            replicaMs = m_out.seriesReplicas[std::size_t(k)][u] * m_intervalMs;
            threads = replicaMs * unit.threads;
            cores = replicaMs * unit.cores;
        }
        m_out.seriesUtilization[std::size_t(k)][u] = std::max(d.thread / threads, d.core / cores);
        m_out.seriesQueue[std::size_t(k)][u] = d.queue / replicaMs;
    }
    m_out.seriesInFlight[std::size_t(k)] = double(m_inFlight);
}

std::size_t DesRun::seriesIndex() const {
    return std::min(std::size_t(m_now / m_intervalMs), m_out.seriesCompleted.size() - 1);
}

int DesRun::pickReplica(const CompiledUnit &unit, int u) {
    const int n = activeReplicas(u);
    if (n == 1) return unit.firstReplica;
    switch (unit.policy) {
    case BalancingPolicy::RoundRobin:
        return unit.firstReplica + int(m_roundRobin[std::size_t(u)]++ % unsigned(n));
    case BalancingPolicy::Random:
        return unit.firstReplica + std::min(n - 1, int(m_random.uniform() * n));
    case BalancingPolicy::LeastOutstanding: {
        // Ties go round the replicas so equal load spreads evenly.
        const int offset = int(m_roundRobin[std::size_t(u)]++ % unsigned(n));
        int best = -1, bestLoad = 0;
        for (int i = 0; i < n; ++i) {
            const int r = unit.firstReplica + (offset + i) % n;
            const Replica &rep = m_replicas[std::size_t(r)];
            const int load = rep.busyThreads + rep.queued;
            if (best < 0 || load < bestLoad) {
                best = r;
                bestLoad = load;
            }
        }
        return best;
    }
    }
    return unit.firstReplica;
}

} // namespace des

RunOutput runReplication(const CompiledModel &model, const DesOptions &options, std::uint64_t seed,
                         std::atomic<double> &progress) {
    des::DesRun run(model, options, seed, progress);
    return run.run();
}

} // namespace archsim::sim
