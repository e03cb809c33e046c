// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/analytic/approximationflags.h"

#include <algorithm>

namespace archsim::sim::analytic {

namespace {

// Units a workload's requests take a thread of.
std::vector<int> unitsOnPath(const CompiledModel &m, std::size_t w) {
    std::vector<int> units;
    for (std::size_t c = 0; c < m.components.size(); ++c) {
        const CompiledComponent &cc = m.components[c];
        if (!cc.holdsThread || m.visits[w][c] <= 0) continue;
        if (std::find(units.begin(), units.end(), cc.unit) == units.end()) units.push_back(cc.unit);
    }
    return units;
}

} // namespace

void addApproximationNotes(const CompiledModel &m, const LayeredSolver &solver, bool stable,
                           LoadResult &result) {
    std::size_t closedCount = 0;
    QString closedName;
    for (const CompiledWorkload &w : m.workloads)
        if (w.closed && w.users > 0) {
            ++closedCount;
            closedName = w.name;
        }
    if (closedCount > 0)
        result.notes << (solver.schweitzerUsed()
                             ? QStringLiteral("closed workloads: Schweitzer's approximate MVA at "
                                              "the top layer")
                             : QStringLiteral("closed workload \"%1\": exact MVA at the top layer")
                                   .arg(closedName));
    if (!solver.converged())
        result.notes << QStringLiteral("the layered iteration did not settle: figures approximate");

    for (std::size_t w = 0; w < m.workloads.size(); ++w) {
        const CompiledWorkload &cw = m.workloads[w];
        QStringList &flags = result.workloads[w].approximations;
        if (!cw.closed && cw.pattern != LoadPattern::Constant) {
            const QString note =
                QStringLiteral("its %1 pattern is solved at its base rate ratePerSec")
                    .arg(enumName(cw.pattern));
            flags << note;
            result.notes << QStringLiteral("workload \"%1\": %2").arg(cw.name, note);
        }
        if (cw.closed && solver.schweitzerUsed())
            flags << QStringLiteral("several closed workloads or many users: Schweitzer's "
                                    "approximate MVA");
        if (!stable) continue;
        for (int i : unitsOnPath(m, w)) {
            const CompiledUnit &unit = m.units[std::size_t(i)];
            const UnitFlow &f = solver.unit(i);
            const double threads = unit.threadCapacity();
            const double threadUtil = f.busyThreads / threads;
            const double coreUtil = f.busyCores / unit.coreCapacity();
            if (f.flowEquivalent && threadUtil > kNearLimitUtilization)
                flags << QStringLiteral("%1: its threads wait for other units near their limit "
                                        "(flow-equivalent estimate)")
                             .arg(unit.id);
            if (f.flowEquivalent && unit.replicas > 1 &&
                unit.policy == BalancingPolicy::RoundRobin && threadUtil > 0.5)
                flags << QStringLiteral("%1: round-robin arrivals are smoother than the pool's "
                                        "Poisson chain assumes (busy threads a little high)")
                             .arg(unit.id);
            if (unit.cores < unit.threads && coreUtil > 0.5)
                flags << QStringLiteral("%1: fewer cores than threads, core and thread waits "
                                        "added as two stations")
                             .arg(unit.id);
            if (threadUtil > kBusyMultiServer && unit.threads * unit.replicas > 1 &&
                unit.policy != BalancingPolicy::Random)
                flags << QStringLiteral("%1: busy multi-server pool (%2%), Allen–Cunneen "
                                        "approximation")
                             .arg(unit.id)
                             .arg(qRound(100 * threadUtil));
        }
    }
}

} // namespace archsim::sim::analytic
