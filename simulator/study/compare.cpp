// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/study/compare.h"

#include "simulator/analytic/analyticengine.h"
#include "simulator/confidence.h"
#include "simulator/des/replications.h"
#include "simulator/study/sweep.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace archsim::sim {

namespace {

QJsonValue number(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

double valueOf(const QJsonValue &v) {
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::infinity();
}

const WorkloadResult *findWorkload(const LoadResult &r, const QString &name) {
    for (const WorkloadResult &w : r.workloads)
        if (w.name == name) return &w;
    return nullptr;
}

double availabilityOf(const FailureReport &f, const QString &workload) {
    for (const WorkloadAvailability &w : f.workloads)
        if (w.name == workload) return w.availability;
    return std::numeric_limits<double>::quiet_NaN();
}

// The better variant of a row, when it is better than every other one beyond the rule.
void decide(CompareRow &row) {
    const qsizetype n = row.values.size();
    row.better = -1;
    row.significant = false;
    if (row.direction == 0 || n < 2) return;
    int best = -1;
    for (int i = 0; i < n; ++i) {
        const double v = valueOf(row.values[i]);
        if (std::isnan(v)) return;
        if (best < 0 ||
            (row.direction < 0 ? v < valueOf(row.values[best]) : v > valueOf(row.values[best])))
            best = i;
    }
    const bool des = !row.low.empty();
    for (int j = 0; j < n; ++j) {
        if (j == best) continue;
        if (des) {
            // 95% intervals that overlap (or touch) mean no significant difference.
            const bool apart = row.direction < 0
                                   ? row.high[std::size_t(best)] < row.low[std::size_t(j)]
                                   : row.low[std::size_t(best)] > row.high[std::size_t(j)];
            if (!apart) return;
        } else {
            const double a = valueOf(row.values[best]), b = valueOf(row.values[j]);
            if (a == b) return;
            if (std::isfinite(a) && std::isfinite(b)) {
                const double scale = std::max(std::fabs(a), std::fabs(b));
                if (std::fabs(a - b) <= row.tolerance * scale) return;
            }
        }
    }
    row.better = best;
    row.significant = true;
}

// A DES row from each variant's merged figure and its replications' interval; `get` reads a
// run's figure (none when it has none).
CompareRow desRunRow(const Comparison &c, const QString &metric, const QString &workload,
                     const std::function<std::optional<double>(const LoadResult &)> &get) {
    CompareRow row;
    row.metric = metric;
    row.workload = workload;
    row.engine = QStringLiteral("des");
    row.direction = -1;
    bool intervals = true;
    for (const VariantComparison &v : c.variants) {
        const std::optional<double> value = get(v.des);
        row.values.append(value ? number(*value) : QJsonValue(QJsonValue::Null));
        std::vector<double> samples;
        for (const LoadResult &r : v.replications)
            if (const auto s = get(r)) samples.push_back(*s);
        const auto half = ci95HalfWidth(samples);
        if (!half || samples.size() != v.replications.size()) {
            intervals = false;
            row.low.push_back(0);
            row.high.push_back(0);
            continue;
        }
        double mean = 0;
        for (double s : samples)
            mean += s / double(samples.size());
        row.low.push_back(mean - *half);
        row.high.push_back(mean + *half);
    }
    for (const VariantComparison &v : c.variants)
        if (v.des.saturated)
            row.note = QStringLiteral("%1 is saturated: its latency grows with the run's length")
                           .arg(v.name);
    if (!intervals) {
        row.note = QStringLiteral("fewer than two replications: no interval, no verdict");
        row.direction = 0;
    }
    decide(row);
    if (!intervals) row.direction = -1;
    return row;
}

// A DES row of one workload's figure.
template <class Get>
CompareRow desRow(const Comparison &c, const QString &metric, const QString &workload, Get get) {
    return desRunRow(c, metric, workload, [&](const LoadResult &r) -> std::optional<double> {
        const WorkloadResult *w = findWorkload(r, workload);
        return w ? std::optional<double>(get(*w)) : std::nullopt;
    });
}

CompareRow analyticRow(const Comparison &c, const QString &metric, const QString &workload,
                       const QString &engine, int direction, double tolerance,
                       const std::function<double(const VariantComparison &)> &get) {
    CompareRow row;
    row.metric = metric;
    row.workload = workload;
    row.engine = engine;
    row.direction = direction;
    row.tolerance = tolerance;
    for (const VariantComparison &v : c.variants)
        row.values.append(number(get(v)));
    decide(row);
    return row;
}

} // namespace

std::optional<double> ci95HalfWidth(const std::vector<double> &samples) {
    const std::size_t n = samples.size();
    if (n < 2) return std::nullopt;
    double mean = 0;
    for (double v : samples)
        mean += v / double(n);
    double var = 0;
    for (double v : samples)
        var += (v - mean) * (v - mean);
    var /= double(n - 1);
    return studentT95(int(n - 1)) * std::sqrt(var / double(n));
}

SloVerdict checkSlo(const Slo &slo, const LoadResult &des, const FailureReport &failures) {
    SloVerdict v;
    auto fail = [&](const QString &line) {
        v.pass = false;
        v.failed << line;
    };
    for (const WorkloadResult &w : des.workloads) {
        if (slo.p99Ms && !w.closed) {
            if (des.saturated)
                fail(QStringLiteral("p99Ms %1: saturated").arg(w.name));
            else if (!w.p99Ms || *w.p99Ms > *slo.p99Ms)
                fail(QStringLiteral("p99Ms %1 %2 > %3")
                         .arg(w.name)
                         .arg(w.p99Ms ? *w.p99Ms : 0.0, 0, 'f', 1)
                         .arg(*slo.p99Ms));
        }
        if (slo.errorRate && w.errorRate.value_or(0) > *slo.errorRate)
            fail(QStringLiteral("errorRate %1 %2 > %3")
                     .arg(w.name)
                     .arg(*w.errorRate, 0, 'g', 3)
                     .arg(*slo.errorRate));
    }
    if (slo.availability)
        for (const WorkloadAvailability &a : failures.workloads)
            if (a.availability < *slo.availability)
                fail(QStringLiteral("availability %1 %2 < %3")
                         .arg(a.name)
                         .arg(a.availability, 0, 'f', 6)
                         .arg(*slo.availability));
    return v;
}

VariantComparison evaluateVariant(const Variant &variant, const CompiledModel &m, double scale,
                                  const CompareOptions &options) {
    VariantComparison v;
    v.name = variant.name;
    v.scale = scale;
    v.ratePerSec = openBaseRate(m) * scale;
    AnalyticOptions analytic;
    analytic.scale = scale;
    v.analytic = analyze(m, analytic);
    DesOptions des = options.des;
    des.scale = scale;
    const std::vector<RunOutput> runs =
        runReplications(m, des, 0, std::max(1, options.des.replications));
    v.des = mergeReplications(m, des, runs);
    for (const RunOutput &run : runs)
        v.replications.push_back(mergeReplications(m, des, {run}));
    v.failures = analyzeFailures(variant, m);
    v.figures = variantFigures(variant, m);
    v.slo = checkSlo(options.slo, v.des, v.failures);
    return v;
}

Comparison compareVariants(const QList<Variant> &variants, const CompareOptions &options) {
    Comparison c;
    c.slo = options.slo;
    const int n = int(variants.size());
    for (int i = 0; i < n; ++i) {
        const Variant &variant = variants[i];
        const CompileResult compiled = compileVariant(variant, i);
        if (!compiled.model) {
            c.error = QStringLiteral("variant \"%1\": %2")
                          .arg(variant.name, compiled.problems.isEmpty()
                                                 ? QStringLiteral("does not compile")
                                                 : compiled.problems.first().message);
            return c;
        }
        const CompiledModel &m = *compiled.model;
        double scale = 1;
        if (options.ratePerSec) {
            const double base = openBaseRate(m);
            if (!(base > 0)) {
                c.error = QStringLiteral("variant \"%1\": workloads[].ratePerSec: no open workload "
                                         "with a rate to scale to --rate")
                              .arg(variant.name);
                return c;
            }
            scale = *options.ratePerSec / base;
        }
        CompareOptions one = options;
        if (options.des.progress)
            one.des.progress = [&, i](double f) { options.des.progress((i + f) / n); };
        c.variants.push_back(evaluateVariant(variant, m, scale, one));
        if (c.variants.back().des.cancelled && options.des.cancel && options.des.cancel->load()) {
            c.cancelled = true;
            return c;
        }
    }

    // Workload rows follow the first variant's workloads (the same workloads for all).
    const double tol = options.analyticTolerance;
    QStringList workloads;
    for (const WorkloadResult &w : c.variants.front().des.workloads)
        workloads << w.name;
    for (const QString &w : workloads) {
        c.rows.push_back(desRow(
            c, QStringLiteral("meanResponseMs"), w,
            [](const WorkloadResult &r) -> std::optional<double> { return r.meanResponseMs; }));
        c.rows.push_back(
            desRow(c, QStringLiteral("p50Ms"), w, [](const WorkloadResult &r) { return r.p50Ms; }));
        c.rows.push_back(
            desRow(c, QStringLiteral("p95Ms"), w, [](const WorkloadResult &r) { return r.p95Ms; }));
        c.rows.push_back(
            desRow(c, QStringLiteral("p99Ms"), w, [](const WorkloadResult &r) { return r.p99Ms; }));
        c.rows.push_back(desRow(c, QStringLiteral("errorRate"), w,
                                [](const WorkloadResult &r) { return r.errorRate; }));
        // Availability differs by its complement: 0.9990 vs 0.9995 is twice the downtime.
        c.rows.push_back(
            analyticRow(c, QStringLiteral("downtimeMinutesPerYear"), w, QStringLiteral("analytic"),
                        -1, tol, [&](const VariantComparison &v) {
                            return (1 - availabilityOf(v.failures, w)) * kMinutesPerYear;
                        }));
        CompareRow availability = c.rows.back();
        availability.metric = QStringLiteral("availability");
        availability.direction = +1;
        availability.values = QJsonArray();
        for (const VariantComparison &v : c.variants)
            availability.values.append(number(availabilityOf(v.failures, w)));
        c.rows.insert(c.rows.end() - 1, availability); // same verdict as the downtime row
    }
    const QString analytic = QStringLiteral("analytic"), model = QStringLiteral("model");
    c.rows.push_back(analyticRow(
        c, QStringLiteral("saturationRatePerSec"), {}, analytic, +1, tol,
        [](const VariantComparison &v) { return v.analytic.saturationRatePerSec.value_or(0.0); }));
    c.rows.push_back(analyticRow(c, QStringLiteral("headroom"), {}, analytic, +1, tol,
                                 [](const VariantComparison &v) {
                                     const double s = v.analytic.saturationRatePerSec.value_or(0.0);
                                     return v.ratePerSec > 0 ? s / v.ratePerSec : 0.0;
                                 }));
    CompareRow bottleneck;
    bottleneck.metric = QStringLiteral("bottleneck");
    bottleneck.engine = analytic;
    for (const VariantComparison &v : c.variants)
        bottleneck.values.append(v.analytic.bottleneck);
    c.rows.push_back(bottleneck);
    c.rows.push_back(
        analyticRow(c, QStringLiteral("costPerMonth"), {}, model, -1, options.costTolerance,
                    [](const VariantComparison &v) { return v.figures.costPerMonth; }));
    // Autoscaled variants pay for what the run used: replica-hours and their cost over the
    // measured time (rows only when some variant autoscales, so other comparisons keep their
    // rows).
    if (std::any_of(c.variants.begin(), c.variants.end(),
                    [](const VariantComparison &v) { return v.des.autoscaled; })) {
        c.rows.push_back(desRunRow(c, QStringLiteral("replicaHours"), {},
                                   [](const LoadResult &r) { return r.replicaHours; }));
        c.rows.push_back(desRunRow(c, QStringLiteral("runCost"), {},
                                   [](const LoadResult &r) { return r.runCost; }));
    }
    c.rows.push_back(
        analyticRow(c, QStringLiteral("units"), {}, model, 0, 0,
                    [](const VariantComparison &v) { return double(v.figures.units); }));
    c.rows.push_back(
        analyticRow(c, QStringLiteral("replicas"), {}, model, 0, 0,
                    [](const VariantComparison &v) { return double(v.figures.replicas); }));
    c.rows.push_back(
        analyticRow(c, QStringLiteral("crossUnitCallsPerRequest"), {}, model, -1, tol,
                    [](const VariantComparison &v) { return v.figures.crossUnitCallsPerRequest; }));
    c.rows.push_back(
        analyticRow(c, QStringLiteral("networkHopsPerRequest"), {}, model, -1, tol,
                    [](const VariantComparison &v) { return v.figures.networkHopsPerRequest; }));
    c.rows.push_back(analyticRow(c, QStringLiteral("singlePointsOfFailure"), {}, model, -1, 0,
                                 [](const VariantComparison &v) {
                                     return double(v.failures.singlePointsOfFailure.size());
                                 }));
    c.rows.push_back(analyticRow(c, QStringLiteral("worstBlastRadius"), {}, model, -1, tol,
                                 [](const VariantComparison &v) {
                                     double worst = 0;
                                     for (const UnitBlastRadius &b : v.failures.blastRadius)
                                         for (double s : b.lostShare)
                                             worst = std::max(worst, s);
                                     return worst;
                                 }));
    return c;
}

QJsonObject sloToJson(const Slo &slo) {
    QJsonObject o;
    if (slo.p99Ms) o.insert(QStringLiteral("p99Ms"), *slo.p99Ms);
    if (slo.errorRate) o.insert(QStringLiteral("errorRate"), *slo.errorRate);
    if (slo.availability) o.insert(QStringLiteral("availability"), *slo.availability);
    return o;
}

QJsonObject toJson(const Comparison &c) {
    QJsonArray variants;
    for (const VariantComparison &v : c.variants) {
        QJsonArray workloads;
        for (const WorkloadResult &w : v.des.workloads) {
            QJsonObject o{
                {QStringLiteral("name"), w.name},
                {QStringLiteral("throughputPerSec"), number(w.throughputPerSec)},
                {QStringLiteral("meanResponseMs"), number(w.meanResponseMs)},
                {QStringLiteral("availability"), number(availabilityOf(v.failures, w.name))}};
            if (w.p50Ms) o.insert(QStringLiteral("p50Ms"), number(*w.p50Ms));
            if (w.p95Ms) o.insert(QStringLiteral("p95Ms"), number(*w.p95Ms));
            if (w.p99Ms) o.insert(QStringLiteral("p99Ms"), number(*w.p99Ms));
            if (w.errorRate) o.insert(QStringLiteral("errorRate"), number(*w.errorRate));
            o.insert(QStringLiteral("downtimeMinutesPerYear"),
                     number((1 - availabilityOf(v.failures, w.name)) * kMinutesPerYear));
            workloads.append(o);
        }
        QJsonArray spofs;
        for (const SinglePointOfFailure &s : v.failures.singlePointsOfFailure)
            spofs.append(s.unit);
        double worst = 0;
        QString worstUnit;
        for (const UnitBlastRadius &b : v.failures.blastRadius)
            for (double s : b.lostShare)
                if (s > worst) {
                    worst = s;
                    worstUnit = b.unit;
                }
        const double saturation = v.analytic.saturationRatePerSec.value_or(0.0);
        QJsonObject variant{
            {QStringLiteral("name"), v.name},
            {QStringLiteral("ratePerSec"), number(v.ratePerSec)},
            {QStringLiteral("saturationRatePerSec"), number(saturation)},
            {QStringLiteral("headroom"),
             number(v.ratePerSec > 0 ? saturation / v.ratePerSec : 0.0)},
            {QStringLiteral("bottleneck"), v.analytic.bottleneck},
            {QStringLiteral("saturated"), v.des.saturated},
            {QStringLiteral("workloads"), workloads},
            {QStringLiteral("costPerMonth"), number(v.figures.costPerMonth)},
            {QStringLiteral("units"), v.figures.units},
            {QStringLiteral("replicas"), v.figures.replicas},
            {QStringLiteral("crossUnitCallsPerRequest"),
             number(v.figures.crossUnitCallsPerRequest)},
            {QStringLiteral("networkHopsPerRequest"), number(v.figures.networkHopsPerRequest)},
            {QStringLiteral("singlePointsOfFailure"), spofs},
            {QStringLiteral("worstBlastRadius"), QJsonObject{{QStringLiteral("unit"), worstUnit},
                                                             {QStringLiteral("lostShare"), worst}}},
            {QStringLiteral("slo"),
             QJsonObject{{QStringLiteral("pass"), v.slo.pass},
                         {QStringLiteral("failed"), QJsonArray::fromStringList(v.slo.failed)}}},
            {QStringLiteral("seed"), QString::number(v.des.seed)},
            {QStringLiteral("replications"), v.des.replications},
            {QStringLiteral("durationSec"), v.des.durationSec},
        };
        if (v.des.autoscaled && v.des.replicaHours && v.des.runCost) {
            variant.insert(QStringLiteral("replicaHours"), number(*v.des.replicaHours));
            variant.insert(QStringLiteral("runCost"), number(*v.des.runCost));
        }
        variants.append(variant);
    }
    QJsonArray rows;
    for (const CompareRow &r : c.rows) {
        QJsonObject o{
            {QStringLiteral("metric"), r.metric},
            {QStringLiteral("workload"),
             r.workload.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.workload)},
            {QStringLiteral("engine"), r.engine},
            {QStringLiteral("values"), r.values},
            {QStringLiteral("better"), r.better >= 0
                                           ? QJsonValue(c.variants[std::size_t(r.better)].name)
                                           : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("significant"), r.significant},
            {QStringLiteral("lowerIsBetter"),
             r.direction == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(r.direction < 0)}};
        if (!r.low.empty()) {
            QJsonArray intervals;
            for (std::size_t i = 0; i < r.low.size(); ++i)
                intervals.append(QJsonArray{number(r.low[i]), number(r.high[i])});
            o.insert(QStringLiteral("ci95"), intervals);
        } else if (r.direction != 0) {
            o.insert(QStringLiteral("tolerance"), r.tolerance);
        }
        if (!r.note.isEmpty()) o.insert(QStringLiteral("note"), r.note);
        rows.append(o);
    }
    return QJsonObject{{QStringLiteral("variants"), variants},
                       {QStringLiteral("rows"), rows},
                       {QStringLiteral("slo"), sloToJson(c.slo)}};
}

} // namespace archsim::sim
