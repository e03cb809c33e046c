// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/des/autoscaler.h"

#include <algorithm>
#include <cmath>

namespace archsim::sim {

Autoscaler::Autoscaler(const CompiledAutoscale &spec, int initialReplicas)
    : m_spec(spec)
    , m_ready(std::clamp(initialReplicas, spec.min, spec.max))
    , m_lastRecommendation(m_ready) {}

// The HPA's formula: desired = ceil(current x measured / target), the ratio measured over the
// replicas that took traffic. Replicas asked for but not measured (still provisioning, or ready
// only since) count as idle on a scale-up and as fully busy on a scale-down, and when that
// turns the decision round or into the tolerance nothing changes: a controller waiting for
// replicas does not ask for the same capacity again.
int Autoscaler::recommend(double utilization, double measured) const {
    const int current = replicas();
    if (!(utilization >= 0) || !(measured > 0)) return current;
    const double ratio = utilization / m_spec.target;
    if (std::abs(ratio - 1) <= m_spec.tolerance) return current;
    const double busy = utilization * measured; // replicas' worth of work
    const double unmeasured = current - measured;
    if (unmeasured > 1e-9) {
        const double assumed = ratio > 1 ? busy : busy + unmeasured;
        const double newRatio = assumed / current / m_spec.target;
        if (std::abs(newRatio - 1) <= m_spec.tolerance || (ratio > 1) != (newRatio > 1))
            return current;
        return int(std::ceil(newRatio * current - 1e-9));
    }
    return int(std::ceil(busy / m_spec.target - 1e-9));
}

// Scale-up takes the latest recommendation at once; scale-down only to the largest
// recommendation of the stabilisation window (the HPA's default behaviour), so a short dip
// does not remove replicas that the next burst needs.
int Autoscaler::stabilise(double nowMs, int recommendation) {
    m_history.emplace_back(nowMs, recommendation);
    while (!m_history.empty() && m_history.front().first <= nowMs - m_spec.scaleDownWindowMs &&
           m_history.size() > 1)
        m_history.pop_front();
    int down = recommendation;
    for (const auto &h : m_history)
        down = std::max(down, h.second);
    int next = replicas();
    if (next < recommendation) next = recommendation;
    if (next > down) next = down;
    return next;
}

int Autoscaler::sync(double nowMs, double utilization, double measuredReplicas) {
    becomeReady(nowMs);
    const double measured = measuredReplicas >= 0 ? measuredReplicas : double(m_ready);
    const int recommendation = std::clamp(recommend(utilization, measured), m_spec.min, m_spec.max);
    m_lastRecommendation = recommendation;
    const int next = std::clamp(stabilise(nowMs, recommendation), m_spec.min, m_spec.max);
    const int change = next - replicas();
    for (int i = 0; i < change; ++i)
        m_pending.push_back(nowMs + m_spec.provisioningMs);
    for (int i = 0; i < -change; ++i) {
        if (!m_pending.empty())
            m_pending.pop_back();
        else
            --m_ready;
    }
    return change;
}

int Autoscaler::becomeReady(double nowMs) {
    int n = 0;
    while (!m_pending.empty() && m_pending.front() <= nowMs) {
        m_pending.pop_front();
        ++m_ready;
        ++n;
    }
    return n;
}

std::optional<double> Autoscaler::nextReadyMs() const {
    if (m_pending.empty()) return std::nullopt;
    return m_pending.front();
}

} // namespace archsim::sim
