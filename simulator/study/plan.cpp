// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/study/plan.h"

#include "simulator/analytic/analyticengine.h"
#include "simulator/failures/failureanalysis.h"
#include "simulator/study/compare.h"
#include "simulator/study/sweep.h"
#include "simulator/study/variantfigures.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace archsim::sim {

namespace {

// p99 / mean of an exponential response time (M/M/1): the tail factor before calibration.
const double kExponentialTail = std::log(100.0);

using Counts = std::vector<int>;

class Planner {
public:
    Planner(const Variant &variant, const PlanOptions &options)
        : m_variant(variant)
        , m_options(options) {}

    PlanResult run();

private:
    struct Analytic {
        bool compiled = false;
        double violation = std::numeric_limits<double>::infinity();
        LoadResult result;
    };
    struct Des {
        bool pass = false;
        LoadResult result;
        FailureReport failures;
        SloVerdict verdict;
    };

    Variant withCounts(const Counts &counts) const {
        Variant v = m_variant;
        for (std::size_t i = 0; i < m_units.size(); ++i)
            v.units[m_units[i]].replicas = counts[i];
        return v;
    }
    double cost(const Counts &counts) const {
        double total = 0;
        for (std::size_t i = 0; i < counts.size(); ++i)
            total += m_unitCost[i] * counts[i];
        return total;
    }
    bool cancelled() const { return m_options.des.cancel && m_options.des.cancel->load(); }

    Analytic analytic(const Counts &counts);
    const Des &des(const Counts &counts);
    Counts analyticSearch();
    bool m_useP99 = true; // false: capacity only (utilisation ceiling, availability)
    void calibrate(const Counts &counts, const Des &run);

    const Variant &m_variant;
    const PlanOptions &m_options;
    std::vector<int> m_units;       // indexes in the variant's units of the units we size
    std::vector<double> m_unitCost; // per replica and month
    std::vector<int> m_min, m_max;
    double m_scale = 1;
    std::vector<double> m_tail; // per workload: p99 / analytic mean
    std::map<Counts, Des> m_desCache;
    int m_analyticEvaluations = 0;
};

Planner::Analytic Planner::analytic(const Counts &counts) {
    Analytic a;
    ++m_analyticEvaluations;
    const Variant v = withCounts(counts);
    const CompileResult compiled = compileVariant(v);
    if (!compiled.model) return a;
    a.compiled = true;
    AnalyticOptions options;
    options.scale = m_scale;
    options.searchSaturation = false; // the search looks at utilisation and p99 only
    a.result = analyze(*compiled.model, options);
    // The SLO deficit: how far each constraint is from holding, in relative terms, summed, so a
    // replica that relieves any constraint shows a gain.
    double v2 = 0;
    for (const UnitResult &u : a.result.units)
        v2 += std::max(0.0, u.utilization - m_options.maxUtilization);
    if (a.result.saturated) v2 += 1;
    for (std::size_t w = 0; w < a.result.workloads.size(); ++w) {
        const WorkloadResult &r = a.result.workloads[w];
        if (r.closed || !m_options.slo.p99Ms || !m_useP99) continue;
        const double p99 = r.p99Ms ? *r.p99Ms : r.meanResponseMs * m_tail[w];
        if (!std::isfinite(p99)) {
            v2 += 1;
            continue;
        }
        v2 += std::max(0.0, p99 / *m_options.slo.p99Ms - 1);
    }
    if (m_options.slo.availability) {
        const FailureReport f = analyzeFailures(v, *compiled.model);
        const double target = *m_options.slo.availability;
        for (const WorkloadAvailability &w : f.workloads)
            v2 += std::max(0.0, (target - w.availability) / std::max(1e-12, 1 - target));
    }
    a.violation = v2;
    return a;
}

const Planner::Des &Planner::des(const Counts &counts) {
    auto it = m_desCache.find(counts);
    if (it != m_desCache.end()) return it->second;
    Des d;
    const Variant v = withCounts(counts);
    const CompileResult compiled = compileVariant(v);
    if (compiled.model) {
        DesOptions options = m_options.des;
        options.scale = m_scale;
        options.progress = nullptr;
        d.result = simulate(*compiled.model, options);
        d.failures = analyzeFailures(v, *compiled.model);
        d.verdict = checkSlo(m_options.slo, d.result, d.failures);
        d.pass = d.verdict.pass && !d.result.saturated && !d.result.cancelled;
    }
    return m_desCache.emplace(counts, std::move(d)).first->second;
}

Counts Planner::analyticSearch() {
    // Greedy from the minimum: add the replica that removes the most SLO deficit per dollar
    // (a free unit first), until the deficit is gone or no unit can grow.
    Counts counts = m_min;
    Analytic current = analytic(counts);
    for (int guard = 0; guard < 10000 && current.violation > 0 && !cancelled(); ++guard) {
        int best = -1;
        double bestGain = 0;
        Analytic bestResult;
        for (std::size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] >= m_max[i]) continue;
            Counts next = counts;
            ++next[i];
            Analytic a = analytic(next);
            const double removed = current.violation - a.violation;
            // Less than this is queueing delay already near zero: more replicas cannot reach
            // a latency target below the design's own work and network time.
            if (!(removed > 1e-4)) continue;
            const double gain = removed / std::max(m_unitCost[i], 1e-9);
            if (gain > bestGain) {
                bestGain = gain;
                best = int(i);
                bestResult = std::move(a);
            }
        }
        if (best < 0) {
            // No single replica helps (two constraints bind together): grow the busiest unit,
            // when one is over the ceiling; otherwise more replicas do not help at all.
            double worst = m_options.maxUtilization;
            for (std::size_t i = 0; i < counts.size(); ++i) {
                if (counts[i] >= m_max[i]) continue;
                const QString &id = m_variant.units[m_units[i]].id;
                for (const UnitResult &u : current.result.units)
                    if (u.id == id && u.utilization > worst) {
                        worst = u.utilization;
                        best = int(i);
                    }
            }
            if (best < 0) break;
            ++counts[std::size_t(best)];
            current = analytic(counts);
            continue;
        }
        ++counts[std::size_t(best)];
        current = std::move(bestResult);
    }
    if (current.violation > 0) return counts;
    // Drop what the greedy path no longer needs, dearest replicas first.
    std::vector<std::size_t> order(counts.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return m_unitCost[a] > m_unitCost[b]; });
    for (std::size_t i : order)
        while (counts[i] > m_min[i]) {
            Counts fewer = counts;
            --fewer[i];
            if (analytic(fewer).violation > 0) break;
            counts = fewer;
        }
    return counts;
}

void Planner::calibrate(const Counts &counts, const Des &run) {
    const Analytic a = analytic(counts);
    if (run.result.saturated) return;
    for (std::size_t w = 0; w < m_tail.size() && w < run.result.workloads.size(); ++w) {
        const WorkloadResult &d = run.result.workloads[w];
        const double mean = a.result.workloads[w].meanResponseMs;
        if (d.p99Ms && mean > 0 && std::isfinite(mean)) m_tail[w] = std::max(1.0, *d.p99Ms / mean);
    }
}

PlanResult Planner::run() {
    PlanResult plan;
    plan.variant = m_variant.name;
    plan.ratePerSec = m_options.ratePerSec;
    plan.costPerMonthBefore = costPerMonth(m_variant);
    const CompileResult compiled = compileVariant(m_variant);
    if (!compiled.model) {
        plan.reason = compiled.problems.isEmpty() ? QStringLiteral("the variant does not compile")
                                                  : compiled.problems.first().message;
        return plan;
    }
    const CompiledModel &m = *compiled.model;
    const double base = openBaseRate(m);
    if (!(base > 0)) {
        plan.reason = QStringLiteral("workloads[].ratePerSec: no open workload with a rate to "
                                     "scale to the target load");
        return plan;
    }
    m_scale = m_options.ratePerSec / base;
    m_tail.assign(m.workloads.size(), kExponentialTail);
    for (int i = 0; i < m_variant.units.size(); ++i) {
        const Unit &u = m_variant.units[i];
        const int c = m.unitIndex(u.id);
        if (c < 0 || !m.units[std::size_t(c)].hasResources) continue;
        m_units.push_back(i);
        m_unitCost.push_back(u.costPerHour * kHoursPerMonth);
        const int lo = std::max(1, u.autoscaleMin.value_or(1));
        m_min.push_back(lo);
        m_max.push_back(std::max(lo, u.autoscaleMax.value_or(m_options.maxReplicas)));
    }

    Counts counts = analyticSearch();
    bool analyticOk = analytic(counts).violation <= 0;
    if (!analyticOk && m_options.confirm) {
        // The latency estimate cannot be met: start the DES from the capacity-only plan and let
        // its runs judge the latency.
        m_useP99 = false;
        counts = analyticSearch();
        const Analytic capacity = analytic(counts);
        m_useP99 = true;
        plan.notes << QStringLiteral("the analytical p99 estimate could not be met; the DES "
                                     "started from the capacity-only plan");
        if (capacity.result.saturated) {
            // Even every unit at its maximum cannot carry the load: no DES run can change that.
            QStringList full;
            for (std::size_t i = 0; i < counts.size(); ++i)
                for (const UnitResult &u : capacity.result.units)
                    if (u.id == m_variant.units[m_units[i]].id && counts[i] >= m_max[i] &&
                        u.utilization >= 1)
                        full << QStringLiteral("\"%1\" at its maximum of %2 replicas")
                                    .arg(u.id)
                                    .arg(m_max[i]);
            plan.reason = QStringLiteral("the load exceeds what the units can carry at their "
                                         "maximum replicas (units[].autoscaleMax): %1")
                              .arg(full.isEmpty() ? QStringLiteral("the bottleneck saturates")
                                                  : full.join(QStringLiteral(", ")));
            plan.notes.clear();
            plan.planned = withCounts(counts);
            plan.costPerMonth = costPerMonth(plan.planned);
            plan.final = capacity.result;
            plan.analyticEvaluations = m_analyticEvaluations;
            for (std::size_t i = 0; i < counts.size(); ++i) {
                const Unit &u = m_variant.units[m_units[i]];
                PlanUnit p{u.id, u.replicas, counts[i], m_min[i], m_max[i], m_unitCost[i], 0};
                for (const UnitResult &r : capacity.result.units)
                    if (r.id == u.id) p.utilization = r.utilization;
                plan.units.push_back(p);
            }
            return plan;
        }
    }
    if (m_options.confirm && !cancelled()) {
        plan.desChecked = true;
        const Counts first = counts;
        if (des(counts).pass) plan.confirmed = true;
        {
            // Learn p99 / mean from this run and search again with it: a better analytical
            // start for the DES passes below.
            calibrate(counts, des(counts));
            const Counts second = analyticSearch();
            if (second != counts && analytic(second).violation <= 0 && des(second).pass &&
                cost(second) <= cost(counts))
                counts = second;
            // Still failing: grow the busiest unit in the DES until the SLO holds.
            while (!des(counts).pass && int(m_desCache.size()) < m_options.maxDesRuns &&
                   !cancelled()) {
                int best = -1;
                double worst = -1;
                for (std::size_t i = 0; i < counts.size(); ++i) {
                    if (counts[i] >= m_max[i]) continue;
                    const QString &id = m_variant.units[m_units[i]].id;
                    for (const UnitResult &u : des(counts).result.units)
                        if (u.id == id && u.utilization > worst) {
                            worst = u.utilization;
                            best = int(i);
                        }
                }
                if (best < 0) break;
                ++counts[std::size_t(best)];
            }
        }
        if (des(counts).pass) {
            // Drop replicas the DES does not need, then move one replica from a dearer unit to
            // a cheaper one while that still holds; each accepted change lowers the cost.
            bool changed = true;
            while (changed && int(m_desCache.size()) < m_options.maxDesRuns && !cancelled()) {
                changed = false;
                for (std::size_t i = 0; i < counts.size() && !changed; ++i) {
                    if (counts[i] <= m_min[i]) continue;
                    Counts fewer = counts;
                    --fewer[i];
                    if (des(fewer).pass) {
                        counts = fewer;
                        changed = true;
                    }
                }
                for (std::size_t a = 0; a < counts.size() && !changed; ++a)
                    for (std::size_t b = 0; b < counts.size() && !changed; ++b) {
                        if (a == b || counts[a] <= m_min[a] || counts[b] >= m_max[b] ||
                            !(m_unitCost[b] < m_unitCost[a]))
                            continue;
                        Counts moved = counts;
                        --moved[a];
                        ++moved[b];
                        if (analytic(moved).result.saturated) continue;
                        if (des(moved).pass) {
                            counts = moved;
                            changed = true;
                        }
                    }
            }
        }
        if (counts != first) plan.confirmed = false;
        const Des &final = des(counts);
        plan.feasible = final.pass;
        plan.final = final.result;
        if (!final.pass)
            plan.reason = final.verdict.failed.isEmpty()
                              ? QStringLiteral("the discrete-event run saturated")
                              : final.verdict.failed.join(QStringLiteral("; "));
        for (const WorkloadResult &w : final.result.workloads) {
            if (w.p99Ms && !w.closed) plan.p99Ms = std::max(plan.p99Ms.value_or(0.0), *w.p99Ms);
            if (w.errorRate) plan.errorRate = std::max(plan.errorRate.value_or(0.0), *w.errorRate);
        }
        for (const WorkloadAvailability &a : final.failures.workloads)
            plan.availability = std::min(plan.availability.value_or(1.0), a.availability);
        if (int(m_desCache.size()) >= m_options.maxDesRuns)
            plan.notes << QStringLiteral("the DES correction stopped at %1 runs")
                              .arg(m_options.maxDesRuns);
    } else {
        plan.feasible = analyticOk;
        plan.final = analytic(counts).result;
        if (!analyticOk)
            plan.reason = QStringLiteral("no replica counts within the units' limits meet the SLO "
                                         "in the analytical engine");
        for (std::size_t w = 0; w < plan.final.workloads.size(); ++w) {
            const WorkloadResult &r = plan.final.workloads[w];
            if (!r.closed)
                plan.p99Ms = std::max(plan.p99Ms.value_or(0.0),
                                      r.p99Ms ? *r.p99Ms : r.meanResponseMs * m_tail[w]);
        }
        plan.notes << QStringLiteral("analytical search only: p99 estimated as mean x %1")
                          .arg(kExponentialTail, 0, 'f', 2);
    }
    plan.desRuns = int(m_desCache.size());
    plan.analyticEvaluations = m_analyticEvaluations;
    plan.planned = withCounts(counts);
    plan.costPerMonth = costPerMonth(plan.planned);
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const Unit &u = m_variant.units[m_units[i]];
        PlanUnit p{u.id, u.replicas, counts[i], m_min[i], m_max[i], m_unitCost[i], 0};
        for (const UnitResult &r : plan.final.units)
            if (r.id == u.id) p.utilization = r.utilization;
        plan.units.push_back(p);
    }
    return plan;
}

QJsonValue number(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

} // namespace

PlanResult planCapacity(const Variant &variant, const PlanOptions &options) {
    // A plan is fixed replica counts: the units are sized as if they did not autoscale (their
    // autoscaleMin/Max still bound the search).
    Variant fixed = variant;
    for (Unit &u : fixed.units)
        u.autoscaleTargetUtilization.reset();
    return Planner(fixed, options).run();
}

QJsonObject toJson(const PlanResult &p) {
    QJsonArray units;
    for (const PlanUnit &u : p.units)
        units.append(
            QJsonObject{{QStringLiteral("id"), u.id},
                        {QStringLiteral("replicas"), u.replicas},
                        {QStringLiteral("replicasBefore"), u.before},
                        {QStringLiteral("min"), u.min},
                        {QStringLiteral("max"), u.max},
                        {QStringLiteral("costPerMonth"), u.costPerReplicaMonth * u.replicas},
                        {QStringLiteral("utilization"), number(u.utilization)}});
    QJsonObject o{{QStringLiteral("variant"), p.variant},
                  {QStringLiteral("ratePerSec"), p.ratePerSec},
                  {QStringLiteral("feasible"), p.feasible},
                  {QStringLiteral("units"), units},
                  {QStringLiteral("costPerMonth"), number(p.costPerMonth)},
                  {QStringLiteral("costPerMonthBefore"), number(p.costPerMonthBefore)},
                  {QStringLiteral("desChecked"), p.desChecked},
                  {QStringLiteral("confirmed"), p.confirmed},
                  {QStringLiteral("desRuns"), p.desRuns},
                  {QStringLiteral("analyticEvaluations"), p.analyticEvaluations}};
    if (p.p99Ms) o.insert(QStringLiteral("p99Ms"), number(*p.p99Ms));
    if (p.errorRate) o.insert(QStringLiteral("errorRate"), number(*p.errorRate));
    if (p.availability) o.insert(QStringLiteral("availability"), number(*p.availability));
    if (!p.reason.isEmpty()) o.insert(QStringLiteral("reason"), p.reason);
    if (!p.notes.isEmpty()) o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(p.notes));
    return o;
}

} // namespace archsim::sim
