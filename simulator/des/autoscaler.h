// SPDX-License-Identifier: GPL-3.0-or-later
// One unit's autoscaling controller, modelled on the Kubernetes Horizontal Pod Autoscaler:
// a sync every period compares the ready replicas' utilisation with the target.
#pragma once

#include "simulator/compiledmodel.h"

#include <deque>
#include <optional>
#include <utility>

namespace archsim::sim {

class Autoscaler {
public:
    Autoscaler(const CompiledAutoscale &spec, int initialReplicas);

    // A sync at nowMs with the mean utilisation of the replicas that took traffic since the
    // last one (may exceed 1: offered work), measured over `measuredReplicas` of them (their
    // time-weighted mean; default: those ready now). Replicas asked for but not measured
    // (provisioning, or ready only since) count like the HPA's unready pods. Returns the change
    // of the replica count: n > 0 replicas start provisioning (ready after the provisioning
    // delay), n < 0 replicas go (provisioning ones first, then the newest).
    int sync(double nowMs, double utilization, double measuredReplicas = -1);

    // Provisioning replicas whose delay has passed by nowMs become ready; returns how many.
    int becomeReady(double nowMs);
    // When the next provisioning replica becomes ready (none: nothing provisioning).
    std::optional<double> nextReadyMs() const;

    int ready() const { return m_ready; }
    int pending() const { return int(m_pending.size()); }
    int replicas() const { return m_ready + pending(); } // what is asked for (and paid)
    int lastRecommendation() const { return m_lastRecommendation; }
    const CompiledAutoscale &spec() const { return m_spec; }

private:
    int recommend(double utilization, double measured) const;
    int stabilise(double nowMs, int recommendation);

    CompiledAutoscale m_spec;
    int m_ready = 1;
    std::deque<double> m_pending; // ready times of provisioning replicas, oldest first
    // Recommendations of the scale-down window: (time, count), oldest first.
    std::deque<std::pair<double, int>> m_history;
    int m_lastRecommendation = 1;
};

} // namespace archsim::sim
