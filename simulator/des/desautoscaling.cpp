// SPDX-License-Identifier: GPL-3.0-or-later
// Autoscaling in the discrete-event engine: each autoscaled unit's controller (autoscaler.h)
// syncs every period on what the unit offered it, and the replicas taking traffic follow its
// decisions after the provisioning delay. Units that do not autoscale are untouched: no event,
// no random number, so a run without autoscaling is the run it was before.
#include "simulator/des/desrun.h"

#include <algorithm>
#include <limits>

namespace archsim::sim::des {

void DesRun::setUpAutoscaling() {
    const std::size_t nu = m_model.units.size();
    m_scaledOf.assign(nu, -1);
    for (std::size_t u = 0; u < nu; ++u) {
        const CompiledUnit &unit = m_model.units[u];
        if (!unit.autoscale || !unit.hasResources) continue;
        m_scaledOf[u] = int(m_scaled.size());
        m_scaled.emplace_back(int(u), Autoscaler(*unit.autoscale, unit.replicas));
        m_activeReplicas[u] = m_scaled.back().controller.ready();
    }
    if (m_scaled.empty()) return;
    // Replicas there from the start are warm.
    m_readySince.assign(m_replicas.size(), -std::numeric_limits<double>::infinity());
    m_out.seriesReplicas.assign(std::size_t(m_out.intervals), std::vector<double>(nu, 0));
    for (std::size_t s = 0; s < m_scaled.size(); ++s) {
        const CompiledAutoscale &a = *m_model.units[std::size_t(m_scaled[s].unit)].autoscale;
        if (a.syncMs < m_endMs) schedule(a.syncMs, kAutoscaleSync, int(s));
    }
}

void DesRun::touchReplicas(ScaledUnit &s) {
    const double dt = m_now - s.lastTouch;
    if (dt > 0) {
        s.readyArea += dt * m_activeReplicas[std::size_t(s.unit)];
        s.paidArea += dt * s.controller.replicas();
        s.lastTouch = m_now;
    }
}

// The controller's ready replicas take traffic: new ones from now (cold from now), removed
// ones (the highest slots) get no new calls and drain what they hold.
void DesRun::applyReplicaCount(ScaledUnit &s) {
    const CompiledUnit &unit = m_model.units[std::size_t(s.unit)];
    int &active = m_activeReplicas[std::size_t(s.unit)];
    const int next = s.controller.ready();
    for (int r = active; r < next; ++r)
        m_readySince[std::size_t(unit.firstReplica + r)] = m_now;
    active = next;
}

void DesRun::autoscaleSync(int index) {
    ScaledUnit &s = m_scaled[std::size_t(index)];
    const CompiledUnit &unit = m_model.units[std::size_t(s.unit)];
    touchReplicas(s);
    m_meters.touch(s.unit, m_now);
    const UnitMeter &meter = m_meters[std::size_t(s.unit)];
    const UnitAreas d = meter.area - s.areasAtSync;
    const double replicaMs = s.readyArea - s.readyAtSync;
    double busy = 0;
    if (replicaMs > 0)
        busy = std::max(d.thread / (replicaMs * unit.threads), d.core / (replicaMs * unit.cores));
    // Offered, not served: calls that arrived over calls that took a thread (the rest wait or
    // were turned away). Equal below saturation; past it the measure grows with the load.
    const double arrived = double(s.arrivals);
    const double started =
        std::max(0.0, arrived - double(meter.queued - s.queuedAtSync) - double(s.rejected));
    const double offered = busy * (started > 0 ? arrived / started : (arrived > 0 ? 2.0 : 1.0));
    const double period = m_now - s.syncedAt;
    const int change = s.controller.sync(m_now, offered, period > 0 ? replicaMs / period : -1);
    if (change > 0) schedule(m_now + unit.autoscale->provisioningMs, kReplicaReady, index);
    applyReplicaCount(s);
    s.areasAtSync = meter.area;
    s.readyAtSync = s.readyArea;
    s.syncedAt = m_now;
    s.arrivals = s.rejected = 0;
    s.queuedAtSync = meter.queued;
    const double next = m_now + unit.autoscale->syncMs;
    if (next < m_endMs) schedule(next, kAutoscaleSync, index);
}

void DesRun::replicasReady(int index) {
    ScaledUnit &s = m_scaled[std::size_t(index)];
    touchReplicas(s);
    s.controller.becomeReady(m_now);
    applyReplicaCount(s);
}

double DesRun::coldStart(int u, int replica) const {
    const int s = m_scaledOf[std::size_t(u)];
    if (s < 0) return 1;
    const CompiledAutoscale &a = *m_model.units[std::size_t(u)].autoscale;
    if (a.coldStartFactor == 1 || m_now >= m_readySince[std::size_t(replica)] + a.coldStartMs)
        return 1;
    return a.coldStartFactor;
}

void DesRun::autoscalingWarmupEnd() {
    for (ScaledUnit &s : m_scaled) {
        touchReplicas(s);
        s.readyAtWarm = s.readyArea;
        s.paidAtWarm = s.paidArea;
    }
}

// Replicas per interval: the time-weighted count taking traffic (fixed units: their count).
void DesRun::autoscalingSample(int k) {
    std::vector<double> &row = m_out.seriesReplicas[std::size_t(k)];
    for (std::size_t u = 0; u < m_model.units.size(); ++u)
        row[u] = m_model.units[u].replicas;
    for (ScaledUnit &s : m_scaled) {
        touchReplicas(s);
        row[std::size_t(s.unit)] = (s.readyArea - s.readyAtSample) / m_intervalMs;
        s.readyAtSample = s.readyArea;
    }
}

void DesRun::autoscalingEnd(bool inWarmup) {
    const std::size_t nu = m_model.units.size();
    m_out.replicaArea.assign(nu, 0);
    m_out.paidReplicaArea.assign(nu, 0);
    for (std::size_t u = 0; u < nu; ++u)
        m_out.replicaArea[u] = m_out.paidReplicaArea[u] =
            m_model.units[u].replicas * m_out.measuredMs;
    // The end event comes a hair after the end (after the last sample): not measured.
    const double beyond = std::max(0.0, m_now - m_endMs);
    for (ScaledUnit &s : m_scaled) {
        touchReplicas(s);
        const std::size_t u = std::size_t(s.unit);
        m_out.replicaArea[u] =
            s.readyArea - beyond * m_activeReplicas[u] - (inWarmup ? 0 : s.readyAtWarm);
        m_out.paidReplicaArea[u] =
            s.paidArea - beyond * s.controller.replicas() - (inWarmup ? 0 : s.paidAtWarm);
    }
}

} // namespace archsim::sim::des
