// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/analytic/autoscalesizing.h"

#include "simulator/analytic/layeredsolver.h"

#include <algorithm>
#include <cmath>

namespace archsim::sim::analytic {

namespace {

// Replicas a unit needs for its utilisation to be at most the target, given the threads and
// cores it keeps busy in all (which do not depend on its own count: its callers' load does
// not, and its holding time is its own work plus its callees').
int neededReplicas(const CompiledUnit &unit, const UnitFlow &flow) {
    const CompiledAutoscale &a = *unit.autoscale;
    const double busy = std::max(flow.busyThreads / unit.threads, flow.busyCores / unit.cores);
    if (!std::isfinite(busy)) return a.max;
    // A tiny slack so that exactly the target (4 busy at 0.5 on 8) is not rounded up.
    const double n = std::ceil(busy / a.target - 1e-9);
    return int(std::clamp(n, double(a.min), double(a.max)));
}

} // namespace

bool hasAutoscaling(const CompiledModel &model) {
    return std::any_of(model.units.begin(), model.units.end(),
                       [](const CompiledUnit &u) { return u.autoscale.has_value(); });
}

CompiledModel withReplicas(const CompiledModel &model, const std::vector<int> &replicas) {
    CompiledModel out = model;
    int first = 0;
    for (std::size_t u = 0; u < out.units.size(); ++u) {
        out.units[u].replicas = replicas[u];
        out.units[u].firstReplica = first;
        first += out.units[u].replicaSlots();
    }
    out.replicaCount = first;
    return out;
}

CompiledModel atAutoscaleMax(const CompiledModel &model) {
    std::vector<int> counts;
    for (const CompiledUnit &u : model.units)
        counts.push_back(u.autoscale ? u.autoscale->max : u.replicas);
    return withReplicas(model, counts);
}

std::vector<int> steadyStateReplicas(const CompiledModel &model,
                                     const std::vector<double> &ratesPerSec, int exactMvaMaxUsers) {
    // Start where every callee is as fast as it gets (all at max): the counts needed there are
    // a lower bound of the answer, since fewer callee replicas only lengthen the callers'
    // holding times. Then raise each count to what the solve at the current counts needs until
    // nothing changes: the smallest counts that meet every target together.
    std::vector<int> counts;
    for (const CompiledUnit &u : model.units)
        counts.push_back(u.autoscale ? u.autoscale->max : u.replicas);
    bool first = true;
    for (int round = 0; round < 64; ++round) {
        const CompiledModel sized = withReplicas(model, counts);
        LayeredSolver solver(sized, {exactMvaMaxUsers});
        const bool stable = solver.solve(ratesPerSec);
        if (first && !stable) return counts; // saturated even at max
        bool changed = false;
        for (std::size_t u = 0; u < model.units.size(); ++u) {
            if (!model.units[u].autoscale) continue;
            int need = neededReplicas(sized.units[u], solver.unit(int(u)));
            // An unstable solve's figures are not reliable: a unit past its limit gets more.
            if (!stable && !(solver.unit(int(u)).openLoad < 1))
                need = std::min(model.units[u].autoscale->max, std::max(need, counts[u] + 1));
            const int next = first ? need : std::max(counts[u], need);
            changed = changed || next != counts[u];
            counts[u] = next;
        }
        first = false;
        if (!changed) break;
    }
    return counts;
}

} // namespace archsim::sim::analytic
