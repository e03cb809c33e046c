// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/failures/failureanalysis.h"

#include "model/variantindex.h"

#include "simulator/failures/requestsuccess.h"

#include <algorithm>
#include <cmath>

namespace archsim::sim {

namespace {

// Sum over the combinations of down units among `deps` of P(combination) x success; all of
// them, or (for many units) those with at most two down. Returns the probability mass covered.
double expectedSuccess(const RequestSuccess &success, int workload, const std::vector<int> &deps,
                       const std::vector<UnitReliability> &units, double &covered) {
    std::vector<char> down(units.size(), 0);
    double allUp = 1;
    for (int u : deps)
        allUp *= units[u].availability;
    const std::size_t n = deps.size();
    double total = 0;
    covered = 0;
    auto add = [&](double p) {
        covered += p;
        if (p > 0) total += p * success.probability(workload, down);
    };
    if (int(n) <= kExactUnits) {
        for (std::size_t mask = 0; mask < (std::size_t(1) << n); ++mask) {
            double p = 1;
            for (std::size_t i = 0; i < n; ++i) {
                const bool isDown = (mask >> i) & 1;
                down[deps[i]] = isDown;
                p *= isDown ? 1 - units[deps[i]].availability : units[deps[i]].availability;
            }
            add(p);
        }
        return total;
    }
    // Many units: P(exactly these down) = allUp x prod(q/a) over the down ones.
    auto ratio = [&](int u) { return (1 - units[u].availability) / units[u].availability; };
    add(allUp);
    for (std::size_t i = 0; i < n; ++i) {
        down[deps[i]] = 1;
        add(allUp * ratio(deps[i]));
        for (std::size_t j = i + 1; j < n; ++j) {
            down[deps[j]] = 1;
            add(allUp * ratio(deps[i]) * ratio(deps[j]));
            down[deps[j]] = 0;
        }
        down[deps[i]] = 0;
    }
    return total;
}

} // namespace

std::vector<UnitReliability> unitReliability(const Variant &variant, const CompiledModel &model) {
    const RequestSuccess success(model);
    const VariantIndex index(variant);
    std::vector<UnitReliability> units(model.units.size());
    for (std::size_t i = 0; i < model.units.size(); ++i) {
        UnitReliability &r = units[i];
        r.id = model.units[i].id;
        r.replicas = model.units[i].replicas;
        const Unit *unit = index.findUnit(r.id);
        if (!unit) continue;
        for (int k = 0; k < std::min<int>(r.replicas, int(unit->zones.size())); ++k)
            r.zonesUsed << unit->zones[k];
        r.canFail = unit->mtbfHours && !success.isClientOnly(int(i));
        if (!r.canFail) continue;
        const double mtbf = *unit->mtbfHours;
        const double mttr = unit->mttrMinutes / 60.0;
        r.replicaAvailability = mtbf / (mtbf + mttr);
        r.availability = 1 - std::pow(1 - r.replicaAvailability, r.replicas);
    }
    return units;
}

FailureReport analyzeFailures(const Variant &variant, const CompiledModel &model) {
    FailureReport report;
    report.variant = model.variant;
    report.units = unitReliability(variant, model);
    const RequestSuccess success(model);
    const int workloads = int(model.workloads.size());

    std::vector<std::vector<int>> deps(workloads);
    for (int w = 0; w < workloads; ++w) {
        deps[w] = success.dependencies(w);
        WorkloadAvailability a;
        a.name = model.workloads[w].name;
        std::vector<int> failing;
        for (int u : deps[w]) {
            a.dependsOn << model.units[u].id;
            if (report.units[u].canFail) failing.push_back(u);
        }
        double covered = 0;
        a.availability = expectedSuccess(success, w, failing, report.units, covered);
        a.bound = std::max(0.0, 1 - covered);
        report.workloads.push_back(a);
    }

    std::vector<char> down(model.units.size(), 0);
    for (std::size_t u = 0; u < model.units.size(); ++u) {
        if (success.isClientOnly(int(u))) continue;
        UnitBlastRadius radius;
        radius.unit = model.units[u].id;
        down[u] = 1;
        for (int w = 0; w < workloads; ++w)
            radius.lostShare.push_back(1 - success.probability(w, down));
        down[u] = 0;
        report.blastRadius.push_back(radius);

        // A single point of failure: a required unit that one failure takes out entirely.
        QStringList hit;
        for (int w = 0; w < workloads; ++w)
            if (radius.lostShare[w] > 1e-12) hit << model.workloads[w].name;
        if (hit.isEmpty()) continue;
        const UnitReliability &r = report.units[u];
        QString reason;
        const bool external = std::any_of(
            model.components.begin(), model.components.end(), [&](const CompiledComponent &c) {
                return int(u) == c.unit && c.kind == ComponentKind::External;
            });
        if (r.replicas == 1)
            reason = external ? QStringLiteral("an external service with no alternative")
                              : QStringLiteral("one replica");
        else if (r.zonesUsed.size() == 1)
            reason =
                QStringLiteral("all %1 replicas in zone %2").arg(r.replicas).arg(r.zonesUsed[0]);
        if (!reason.isEmpty()) report.singlePointsOfFailure.push_back({radius.unit, reason, hit});
    }
    std::stable_sort(
        report.blastRadius.begin(), report.blastRadius.end(),
        [](const UnitBlastRadius &a, const UnitBlastRadius &b) {
            const double ma =
                a.lostShare.empty() ? 0 : *std::max_element(a.lostShare.begin(), a.lostShare.end());
            const double mb =
                b.lostShare.empty() ? 0 : *std::max_element(b.lostShare.begin(), b.lostShare.end());
            return ma > mb;
        });
    return report;
}

} // namespace archsim::sim
