// SPDX-License-Identifier: GPL-3.0-or-later
// The discrete-event engine's failures: crashes and repairs, routing around dead replicas,
// random failures, timeouts, retry backoff, injected latency and slowdowns, and the check for
// a backlog that keeps growing.
#include "simulator/des/desrun.h"

#include <algorithm>
#include <cmath>

namespace archsim::sim::des {

double DesRun::backoff(const CompiledCall &call, int attempt) {
    const double b = call.retryBackoffMs * std::ldexp(1.0, attempt);
    return call.retryJitter > 0 ? b * (1 - call.retryJitter * m_random.uniform()) : b;
}

double DesRun::slowdown(int u) const {
    double factor = 1;
    for (const SlowdownFault &f : m_options.faults.slowdowns)
        if (f.unit == u && m_now >= f.atMs && m_now < f.endMs) factor *= f.factor;
    return factor;
}

double DesRun::injectedLatency(int callIndex) const {
    const CompiledCall &call = m_model.calls[std::size_t(callIndex)];
    const int unit = m_model.components[std::size_t(call.to)].unit;
    double extra = 0;
    for (const LatencyFault &f : m_options.faults.latencies)
        if ((f.connection == call.connection || f.unit == unit) && m_now >= f.atMs &&
            m_now < f.endMs)
            extra += f.latencyMs;
    return extra;
}

int DesRun::routeAround(const CompiledUnit &unit, int u, int r) const {
    auto usable = [&](int i) {
        const Replica &x = m_replicas[std::size_t(i)];
        return x.down == 0 || m_now - x.downAt < unit.healthCheckMs;
    };
    if (usable(r)) return r;
    const int n = activeReplicas(u);
    for (int i = 1; i < n; ++i) {
        const int q = unit.firstReplica + (r - unit.firstReplica + i) % n;
        if (usable(q)) return q;
    }
    return -1;
}

void DesRun::crash(int r) {
    Replica &rep = m_replicas[std::size_t(r)];
    if (rep.down++ > 0) return;
    rep.downAt = m_now;
    ++rep.epoch;
    ++m_unitDown[std::size_t(rep.unit)];
    m_meters.touch(rep.unit, m_now);
    while (!rep.threadQueue.empty()) {
        const int id = rep.threadQueue.pop();
        m_meters.dequeue(rep, m_now);
        frame(id).failed = 1;
        finish(id);
    }
}

void DesRun::repair(int r) {
    Replica &rep = m_replicas[std::size_t(r)];
    if (rep.down == 0 || --rep.down > 0) return;
    --m_unitDown[std::size_t(rep.unit)];
}

void DesRun::scheduleFailure(int r) {
    const int u = m_replicas[std::size_t(r)].unit;
    const CompiledUnit &unit = m_model.units[std::size_t(u)];
    if (!(unit.mtbfMs > 0) || !m_unitCanFail[std::size_t(u)]) return;
    const double t = m_now + unit.mtbfMs * m_random.exponential();
    if (t < m_endMs) schedule(t, kFail, r);
}

void DesRun::timeout(int slot) {
    const TimeoutSlot t = m_timeouts.take(slot);
    Frame &c = frame(t.frame);
    if (c.gen != t.gen || c.parent != t.parent) return; // answered already
    c.parent = -1;
    ++m_inFlight; // detached from here: its finish or late reply counts it out
    const int call = c.call, attempt = c.attempt;
    const bool trial = c.trial;
    callResult(t.parent, call, attempt, CallOutcome::timedOut(trial));
}

void DesRun::detectGrowth() {
    if (m_out.saturated || m_out.cancelled) return;
    const int first = std::min(m_out.intervals - 1, int(std::ceil(m_warmupMs / m_intervalMs)));
    const int count = m_out.intervals - first;
    if (count < 8) return;
    const int quarter = count / 4;
    double early = 0, late = 0;
    for (int i = 0; i < quarter; ++i) {
        early += m_out.seriesInFlight[std::size_t(first + i)];
        late += m_out.seriesInFlight[std::size_t(m_out.intervals - 1 - i)];
    }
    early /= quarter;
    late /= quarter;
    if (late > 1.5 * early + 50) m_out.saturated = true;
}

} // namespace archsim::sim::des
