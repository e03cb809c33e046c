// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/chartbuilder.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace archsim::charts {

namespace {

const QColor kFaultColor(213, 94, 0, 50);
const QColor kWarmupColor(120, 120, 120, 40);

// The largest finite y of the lines on AXIS, with 10% room; 1 when there is none.
double topOf(const ChartSpec &spec, int axis) {
    double top = 0;
    for (const ChartLine &l : spec.lines)
        if (l.axis == axis)
            for (const QPointF &p : l.points)
                if (std::isfinite(p.y())) top = std::max(top, p.y());
    return top > 0 ? top * 1.1 : 1;
}

void fitX(ChartSpec &spec) {
    bool first = true;
    for (const ChartLine &l : spec.lines)
        for (const QPointF &p : l.points) {
            spec.xMin = first ? p.x() : std::min(spec.xMin, p.x());
            spec.xMax = first ? p.x() : std::max(spec.xMax, p.x());
            first = false;
        }
    for (const ChartMarker &m : spec.markers) {
        spec.xMin = first ? m.x : std::min(spec.xMin, m.x);
        spec.xMax = first ? m.x : std::max(spec.xMax, m.x);
        first = false;
    }
    if (spec.xMax <= spec.xMin) spec.xMax = spec.xMin + 1;
}

QList<ChartShade> faultShades(const sim::LoadResult &r, bool withWarmup) {
    QList<ChartShade> shades;
    const double end = r.warmupSec + r.durationSec;
    if (withWarmup && r.warmupSec > 0)
        shades << ChartShade{0, r.warmupSec, QStringLiteral("warm-up (not measured)"),
                             kWarmupColor};
    for (const sim::LoadResult::FaultWindow &f : r.faults)
        shades << ChartShade{f.atSec, std::min(end, f.endSec.value_or(end)), f.label, kFaultColor};
    return shades;
}

QString timeTitle(const sim::LoadResult &r) {
    return QStringLiteral("time (s); warm-up ends at %1 s").arg(r.warmupSec);
}

} // namespace

QColor utilisationColor(double u, bool saturated) {
    if (saturated || u >= kRedAt) return QColor(213, 94, 0); // vermilion
    if (u >= kAmberAt) return QColor(230, 159, 0);           // orange
    return QColor(0, 158, 115);                              // bluish green
}

ChartSpec latencyChart(const sim::LoadResult &r) {
    ChartSpec spec;
    spec.id = QStringLiteral("latency");
    spec.title =
        QStringLiteral("%1: latency of answered requests and error rate (%2 replication(s))")
            .arg(r.variant)
            .arg(r.replications);
    spec.xTitle = timeTitle(r);
    spec.yTitle = QStringLiteral("latency (ms)");
    spec.y2Title = QStringLiteral("error rate (%)");
    spec.shades = faultShades(r, true);
    for (std::size_t w = 0; w < r.workloads.size(); ++w) {
        const QString name = r.workloads[w].name;
        ChartLine mean{name + QStringLiteral(" mean"), {}, false, 0, {}};
        ChartLine p99{name + QStringLiteral(" p99"), {}, true, 0, {}};
        // Error rates in warm colours of their own, apart from the latency lines.
        static const QColor kErrorColors[] = {QColor(213, 94, 0), QColor(204, 121, 167),
                                              QColor(230, 159, 0), QColor(120, 40, 20)};
        ChartLine errors{name + QStringLiteral(" error rate"),
                         {},
                         false,
                         1,
                         kErrorColors[w % std::size(kErrorColors)]};
        for (const sim::SeriesPoint &p : r.series) {
            const double t = p.timeSec + r.intervalSec / 2;
            const double done = p.throughputPerSec[w] + p.errorsPerSec[w];
            if (p.throughputPerSec[w] > 0) {
                mean.points << QPointF(t, p.meanResponseMs[w]);
                p99.points << QPointF(t, p.p99Ms[w]);
            }
            errors.points << QPointF(t, done > 0 ? 100.0 * p.errorsPerSec[w] / done : 0.0);
        }
        spec.lines << mean << p99 << errors;
    }
    fitX(spec);
    spec.xMin = 0;
    spec.yMax = topOf(spec, 0);
    spec.y2Max = std::max(1.0, topOf(spec, 1));
    if (spec.y2Max > 100) spec.y2Max = 100;
    return spec;
}

ChartSpec trafficChart(const sim::LoadResult &r) {
    ChartSpec spec;
    spec.id = QStringLiteral("traffic");
    spec.title = QStringLiteral("%1: throughput, errors and retries").arg(r.variant);
    spec.xTitle = timeTitle(r);
    spec.yTitle = QStringLiteral("per second");
    spec.shades = faultShades(r, true);
    for (std::size_t w = 0; w < r.workloads.size(); ++w) {
        const QString name = r.workloads[w].name;
        ChartLine tput{name + QStringLiteral(" answered"), {}, false, 0, {}};
        ChartLine failed{name + QStringLiteral(" errors"), {}, false, 0, {}};
        ChartLine retries{name + QStringLiteral(" retries"), {}, true, 0, {}};
        bool anyRetries = false;
        for (const sim::SeriesPoint &p : r.series) {
            const double t = p.timeSec + r.intervalSec / 2;
            tput.points << QPointF(t, p.throughputPerSec[w]);
            failed.points << QPointF(t, p.errorsPerSec[w]);
            const double retried = w < p.retriesPerSec.size() ? p.retriesPerSec[w] : 0;
            anyRetries = anyRetries || retried > 0;
            retries.points << QPointF(t, retried);
        }
        spec.lines << tput << failed;
        if (anyRetries) spec.lines << retries;
    }
    fitX(spec);
    spec.xMin = 0;
    spec.yMax = topOf(spec, 0);
    return spec;
}

ChartSpec utilisationChart(const sim::LoadResult &r) {
    ChartSpec spec;
    spec.id = QStringLiteral("utilisation");
    spec.title = QStringLiteral("%1: utilisation per unit (%2 engine), bottleneck %3")
                     .arg(r.variant, r.engine, r.bottleneck);
    spec.xTitle = QStringLiteral("unit");
    spec.yTitle = QStringLiteral("utilisation");
    std::vector<std::size_t> order(r.units.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return r.units[a].utilization > r.units[b].utilization;
    });
    ChartBars bars;
    bars.name = QStringLiteral("utilisation");
    for (std::size_t i : order) {
        if (r.units[i].id == r.bottleneck) bars.highlight = int(bars.categories.size());
        bars.categories << r.units[i].id;
        bars.values << r.units[i].utilization;
    }
    spec.bars = bars;
    spec.thresholds << ChartThreshold{kAmberAt, QStringLiteral("0.7"), QColor(230, 159, 0)}
                    << ChartThreshold{kRedAt, QStringLiteral("0.9"), QColor(213, 94, 0)};
    spec.xMin = 0;
    spec.xMax = std::max<qsizetype>(1, bars.categories.size());
    spec.yMax = 1.05;
    return spec;
}

ChartSpec distributionChart(const sim::LoadResult &r) {
    ChartSpec spec;
    spec.id = QStringLiteral("distribution");
    spec.title = QStringLiteral("%1: latency distribution (share answered within x ms, through the "
                                "percentiles)")
                     .arg(r.variant);
    spec.xTitle = QStringLiteral("latency (ms)");
    spec.yTitle = QStringLiteral("share of answered requests");
    for (const sim::WorkloadResult &w : r.workloads) {
        if (!w.p50Ms || !w.p95Ms || !w.p99Ms) continue;
        ChartLine cdf{w.name, {}, false, 0, {}};
        cdf.points << QPointF(0, 0) << QPointF(*w.p50Ms, 0.5) << QPointF(*w.p95Ms, 0.95)
                   << QPointF(*w.p99Ms, 0.99);
        if (w.p999Ms) cdf.points << QPointF(*w.p999Ms, 0.999);
        spec.lines << cdf;
        spec.markers << ChartMarker{*w.p50Ms, w.name + QStringLiteral(" p50"), QColor(0, 114, 178)}
                     << ChartMarker{*w.p95Ms, w.name + QStringLiteral(" p95"), QColor(230, 159, 0)}
                     << ChartMarker{*w.p99Ms, w.name + QStringLiteral(" p99"), QColor(213, 94, 0)};
    }
    fitX(spec);
    spec.xMin = 0;
    spec.yMax = 1;
    return spec;
}

ChartSpec sweepChart(const sim::SweepResult &s) {
    ChartSpec spec;
    spec.id = QStringLiteral("sweep");
    spec.title = QStringLiteral("%1: latency and bottleneck utilisation against load (%2 engine)")
                     .arg(s.variant, s.engine);
    spec.xTitle = QStringLiteral("total open rate (requests/s)");
    spec.yTitle = QStringLiteral("mean latency (ms)");
    spec.y2Title = QStringLiteral("utilisation");
    if (!s.points.empty()) {
        const sim::LoadResult &first = s.points.front().result;
        for (std::size_t w = 0; w < first.workloads.size(); ++w) {
            if (first.workloads[w].closed) continue;
            ChartLine mean{first.workloads[w].name + QStringLiteral(" mean"), {}, false, 0, {}};
            ChartLine p99{first.workloads[w].name + QStringLiteral(" p99"), {}, true, 0, {}};
            for (const sim::SweepPoint &p : s.points) {
                const sim::WorkloadResult &wr = p.result.workloads[w];
                // A saturated step has no finite latency: it shows on the utilisation line.
                if (std::isfinite(wr.meanResponseMs))
                    mean.points << QPointF(p.ratePerSec, wr.meanResponseMs);
                if (wr.p99Ms && std::isfinite(*wr.p99Ms))
                    p99.points << QPointF(p.ratePerSec, *wr.p99Ms);
            }
            spec.lines << mean;
            if (!p99.points.isEmpty()) spec.lines << p99;
        }
        // The unit that saturates first (else the last point's bottleneck), over the range.
        const QString unit = !s.saturationBottleneck.isEmpty() ? s.saturationBottleneck
                                                               : s.points.back().result.bottleneck;
        ChartLine util{unit + QStringLiteral(" utilisation"), {}, false, 1, QColor(0, 0, 0)};
        for (const sim::SweepPoint &p : s.points)
            for (const sim::UnitResult &u : p.result.units)
                if (u.id == unit) {
                    // Past the rate where it saturates, the unit is saturated (a saturated
                    // analytic step reports utilisation from holding times without queueing).
                    const bool past = p.result.saturated && s.saturationRatePerSec &&
                                      p.ratePerSec >= *s.saturationRatePerSec &&
                                      unit == s.saturationBottleneck;
                    util.points << QPointF(p.ratePerSec, past ? 1.0 : u.utilization);
                }
        spec.lines << util;
        spec.xMin = s.points.front().ratePerSec;
        spec.xMax = s.points.back().ratePerSec;
    }
    if (s.knee)
        spec.markers << ChartMarker{
            s.points[std::size_t(*s.knee)].ratePerSec,
            QStringLiteral("knee %1/s").arg(s.points[std::size_t(*s.knee)].ratePerSec, 0, 'f', 1),
            QColor(213, 94, 0)};
    if (s.saturationRatePerSec)
        spec.markers << ChartMarker{
            *s.saturationRatePerSec,
            QStringLiteral("analytic saturation %1/s%2")
                .arg(*s.saturationRatePerSec, 0, 'f', 1)
                .arg(s.saturationBottleneck.isEmpty()
                         ? QString()
                         : QStringLiteral(" (%1)").arg(s.saturationBottleneck)),
            QColor(0, 114, 178)};
    // Every point is shown; a saturation rate beyond the range widens the axis to show it.
    for (const ChartMarker &m : spec.markers) {
        spec.xMin = std::min(spec.xMin, m.x);
        spec.xMax = std::max(spec.xMax, m.x);
    }
    if (spec.xMax <= spec.xMin) spec.xMax = spec.xMin + 1;
    spec.yMax = topOf(spec, 0);
    spec.y2Max = 1.05;
    return spec;
}

ChartSpec availabilityChart(const sim::FailureReport &f) {
    ChartSpec spec;
    spec.id = QStringLiteral("availability");
    spec.title = QStringLiteral("%1: steady-state availability per workload").arg(f.variant);
    spec.xTitle = QStringLiteral("workload");
    spec.yTitle = QStringLiteral("availability (%)");
    ChartBars bars;
    bars.name = QStringLiteral("availability %");
    double lowest = 100;
    for (const sim::WorkloadAvailability &w : f.workloads) {
        bars.categories << w.name;
        bars.values << 100.0 * w.availability;
        lowest = std::min(lowest, 100.0 * w.availability);
    }
    spec.bars = bars;
    spec.xMax = std::max<qsizetype>(1, bars.categories.size());
    // Availabilities sit near 100%: start the axis a little below the lowest.
    spec.yMin = std::max(0.0, std::floor(lowest - (100 - lowest) - 0.01));
    spec.yMax = 100;
    return spec;
}

ChartSpec blastRadiusChart(const sim::FailureReport &f) {
    ChartSpec spec;
    spec.id = QStringLiteral("blast-radius");
    spec.title = QStringLiteral("%1: blast radius (largest share of a workload's requests lost "
                                "while the unit is down)")
                     .arg(f.variant);
    spec.xTitle = QStringLiteral("unit");
    spec.yTitle = QStringLiteral("share lost");
    ChartBars bars;
    bars.name = QStringLiteral("share lost");
    for (const sim::UnitBlastRadius &b : f.blastRadius) {
        double worst = 0;
        for (double s : b.lostShare)
            worst = std::max(worst, s);
        bars.categories << b.unit;
        bars.values << worst;
    }
    for (const sim::SinglePointOfFailure &s : f.singlePointsOfFailure)
        if (bars.highlight < 0) bars.highlight = int(bars.categories.indexOf(s.unit));
    spec.bars = bars;
    spec.xMax = std::max<qsizetype>(1, bars.categories.size());
    spec.yMax = 1.05;
    return spec;
}

ChartSpec breakEvenChart(const QJsonObject &doc) {
    ChartSpec spec;
    spec.id = QStringLiteral("break-even");
    spec.title = QStringLiteral("Cheapest monthly cost that meets the SLO");
    spec.xTitle = QStringLiteral("total open rate (requests/s)");
    spec.yTitle = QStringLiteral("$ per month");
    const QJsonObject be = doc.value(QStringLiteral("breakEven")).toObject();
    const QJsonArray points = be.value(QStringLiteral("points")).toArray();
    const QJsonArray variants = doc.value(QStringLiteral("variants")).toArray();
    if (points.isEmpty() || variants.isEmpty()) return spec;
    for (qsizetype v = 0; v < variants.size(); ++v) {
        ChartLine line{
            variants[v].toObject().value(QStringLiteral("name")).toString(), {}, false, 0, {}};
        for (const QJsonValue &pv : points) {
            const QJsonObject p = pv.toObject();
            const QJsonValue cost = p.value(QStringLiteral("costPerMonth")).toArray().at(v);
            if (cost.isDouble())
                line.points << QPointF(p.value(QStringLiteral("ratePerSec")).toDouble(),
                                       cost.toDouble());
        }
        spec.lines << line;
    }
    // Today's load up to the first variant's saturation, shaded: the headroom.
    const QJsonObject first = variants.first().toObject();
    const double today = first.value(QStringLiteral("ratePerSec")).toDouble();
    const double saturation = first.value(QStringLiteral("saturationRatePerSec")).toDouble();
    if (saturation > today)
        spec.shades << ChartShade{today, saturation,
                                  QStringLiteral("today %1/s to saturation of %2")
                                      .arg(today, 0, 'f', 0)
                                      .arg(spec.lines.front().name),
                                  QColor(0, 158, 115, 40)};
    if (be.value(QStringLiteral("crossingRatePerSec")).isDouble()) {
        const double crossing = be.value(QStringLiteral("crossingRatePerSec")).toDouble();
        spec.title += QStringLiteral(", break-even at %1/s").arg(crossing, 0, 'f', 0);
        spec.markers << ChartMarker{crossing, QStringLiteral("break-even"), QColor(213, 94, 0)};
    }
    fitX(spec);
    spec.yMax = topOf(spec, 0);
    return spec;
}

ChartSpec replicasChart(const sim::LoadResult &r) {
    ChartSpec spec;
    spec.id = QStringLiteral("replicas");
    spec.title =
        QStringLiteral("%1: autoscaled replicas taking traffic against the load").arg(r.variant);
    spec.xTitle = timeTitle(r);
    spec.yTitle = QStringLiteral("replicas");
    spec.y2Title = QStringLiteral("requests answered per second");
    spec.shades = faultShades(r, true);
    ChartLine load{QStringLiteral("answered/s (all workloads)"), {}, true, 1, QColor(90, 90, 90)};
    for (const sim::SeriesPoint &p : r.series) {
        double answered = 0;
        for (double v : p.throughputPerSec)
            answered += v;
        load.points << QPointF(p.timeSec + r.intervalSec / 2, answered);
    }
    for (std::size_t u = 0; u < r.units.size(); ++u) {
        if (!r.units[u].replicas || r.engine != QLatin1String("des")) continue;
        ChartLine line{r.units[u].id, {}, false, 0, {}};
        // Steps: the count holds through each interval (its time-weighted mean).
        for (const sim::SeriesPoint &p : r.series)
            if (u < p.replicas.size())
                line.points << QPointF(p.timeSec, p.replicas[u])
                            << QPointF(p.timeSec + r.intervalSec, p.replicas[u]);
        if (!line.points.isEmpty()) spec.lines << line;
    }
    if (spec.lines.isEmpty()) return spec;
    spec.lines << load;
    fitX(spec);
    spec.xMin = 0;
    // A multiple of 4: the axis's four tick intervals fall on whole replicas.
    spec.yMax = 4 * std::ceil(topOf(spec, 0) / 4);
    spec.y2Max = topOf(spec, 1);
    return spec;
}

QList<ChartSpec> runCharts(const sim::LoadResult &run) {
    QList<ChartSpec> charts;
    if (!run.series.empty()) charts << latencyChart(run) << trafficChart(run);
    if (!run.series.empty()) {
        ChartSpec replicas = replicasChart(run);
        if (!replicas.lines.isEmpty()) charts << replicas;
    }
    charts << utilisationChart(run);
    ChartSpec distribution = distributionChart(run);
    if (!distribution.lines.isEmpty()) charts << distribution;
    return charts;
}

ChartSpec overlay(ChartSpec base, const ChartSpec &other, const QString &label) {
    for (ChartLine line : other.lines) {
        line.name += QStringLiteral(" (%1)").arg(label);
        line.dashed = true;
        line.color = line.color.isValid() ? line.color.lighter(140) : QColor();
        base.lines << line;
    }
    base.title += QStringLiteral(" — overlaid: %1").arg(label);
    base.xMin = std::min(base.xMin, other.xMin);
    base.xMax = std::max(base.xMax, other.xMax);
    base.yMax = std::max(base.yMax, other.yMax);
    base.y2Max = std::max(base.y2Max, other.y2Max);
    return base;
}

} // namespace archsim::charts
