// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_charts.h"

#include "ui/charts/chartbuilder.h"
#include "ui/charts/chartrender.h"

#include <QImage>

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace archsim;
using namespace archsim::charts;

namespace {

// A hand-made run: 2 workloads, 4 intervals of 10 s after a 10 s warm-up, a crash from 20 to 30 s.
sim::LoadResult run() {
    sim::LoadResult r;
    r.variant = QStringLiteral("V");
    r.engine = QStringLiteral("des");
    r.replications = 2;
    r.warmupSec = 10;
    r.durationSec = 30;
    r.intervalSec = 10;
    r.bottleneck = QStringLiteral("db");
    for (const char *name : {"a", "b"}) {
        sim::WorkloadResult w;
        w.name = QLatin1String(name);
        w.p50Ms = 5;
        w.p95Ms = 20;
        w.p99Ms = 40;
        w.p999Ms = 90;
        r.workloads.push_back(w);
    }
    for (const auto &[id, u] : {std::pair{"app", 0.3}, {"db", 0.95}, {"cache", 0.75}}) {
        sim::UnitResult unit;
        unit.id = QLatin1String(id);
        unit.utilization = u;
        r.units.push_back(unit);
    }
    // throughput, errors per workload a; b answers 50/s and never fails.
    const double tput[] = {100, 100, 60, 100}, errors[] = {0, 0, 40, 0}, mean[] = {10, 11, 30, 12};
    for (int i = 0; i < 4; ++i) {
        sim::SeriesPoint p;
        p.timeSec = 10.0 * i;
        p.throughputPerSec = {tput[i], 50};
        p.errorsPerSec = {errors[i], 0};
        p.retriesPerSec = {i == 2 ? 5.0 : 0.0, 0};
        p.meanResponseMs = {mean[i], 8};
        p.p99Ms = {4 * mean[i], 30};
        p.utilization = {0.3, 0.95, 0.75};
        r.series.push_back(p);
    }
    r.faults.push_back({20, 30.0, QStringLiteral("crash db")});
    return r;
}

} // namespace

void TestCharts::latencyChartHasErrorRateAndShades() {
    const ChartSpec c = latencyChart(run());
    QCOMPARE(c.lines.size(), 6); // mean, p99, error rate per workload
    const ChartLine *errors = c.line(QStringLiteral("a error rate"));
    QVERIFY(errors);
    QCOMPARE(errors->axis, 1);
    // Interval 3 (25 s mid-point): 40 failed of 100 finished = 40 %.
    QCOMPARE(errors->points.size(), 4);
    QCOMPARE(errors->points[2], QPointF(25, 40));
    QCOMPARE(errors->points[0].y(), 0.0);
    const ChartLine *mean = c.line(QStringLiteral("a mean"));
    QVERIFY(mean);
    QCOMPARE(mean->points[2], QPointF(25, 30));
    QCOMPARE(c.line(QStringLiteral("a p99"))->dashed, true);
    // x from 0 to the last interval's mid-point; y to 10 % above the largest p99 (4 x 30 ms).
    QCOMPARE(c.xMin, 0.0);
    QCOMPARE(c.xMax, 35.0);
    QCOMPARE(c.yMax, 120 * 1.1);
    QCOMPARE(c.y2Max, 40 * 1.1);
    // The warm-up and the crash window are shaded.
    QCOMPARE(c.shades.size(), 2);
    QCOMPARE(c.shades[0].from, 0.0);
    QCOMPARE(c.shades[0].to, 10.0);
    QCOMPARE(c.shades[1].from, 20.0);
    QCOMPARE(c.shades[1].to, 30.0);
}

void TestCharts::trafficChart() {
    const ChartSpec c = charts::trafficChart(run());
    QVERIFY(c.line(QStringLiteral("a answered")));
    QVERIFY(c.line(QStringLiteral("a errors")));
    QVERIFY(c.line(QStringLiteral("a retries")));  // a retried once
    QVERIFY(!c.line(QStringLiteral("b retries"))); // b never did
    QCOMPARE(c.line(QStringLiteral("a errors"))->points[2].y(), 40.0);
    QCOMPARE(c.yMax, 100 * 1.1);
    QCOMPARE(c.shades.size(), 2);
}

void TestCharts::replicasChartFollowsTheLoad() {
    // Without autoscaling: no replicas chart among the run's charts.
    QVERIFY(replicasChart(run()).lines.isEmpty());
    QCOMPARE(runCharts(run()).size(), 4);
    // "db" autoscales: 1, 1, 3, 2.5 replicas over the four intervals.
    sim::LoadResult r = run();
    r.units[1].replicas = 1.9;
    const double counts[] = {1, 1, 3, 2.5};
    for (int i = 0; i < 4; ++i)
        r.series[std::size_t(i)].replicas = {2, counts[i], 1};
    const ChartSpec c = replicasChart(r);
    QCOMPARE(c.id, QStringLiteral("replicas"));
    const ChartLine *db = c.line(QStringLiteral("db"));
    QVERIFY(db);
    QVERIFY(!c.line(QStringLiteral("app"))); // fixed units are not drawn
    // Steps: each interval's count from its start to its end.
    QCOMPARE(db->points.size(), 8);
    QCOMPARE(db->points[4], QPointF(20, 3));
    QCOMPARE(db->points[5], QPointF(30, 3));
    QCOMPARE(c.yMax, 4.0); // 3 replicas + 10%, up to whole ticks
    // The load on the right axis: a answers 60/s and b 50/s in the third interval.
    const ChartLine *load = c.line(QStringLiteral("answered/s (all workloads)"));
    QVERIFY(load);
    QCOMPARE(load->axis, 1);
    QCOMPARE(load->points[2], QPointF(25, 110));
    QCOMPARE(runCharts(r).size(), 5);
    QCOMPARE(runCharts(r)[2].id, QStringLiteral("replicas"));
}

void TestCharts::utilisationBarsSortedWithThresholds() {
    const ChartSpec c = utilisationChart(run());
    QVERIFY(c.bars);
    QCOMPARE(c.bars->categories, (QStringList{"db", "cache", "app"}));
    QCOMPARE(c.bars->values, (QList<double>{0.95, 0.75, 0.3}));
    QCOMPARE(c.bars->highlight, 0); // the bottleneck
    QCOMPARE(c.thresholds.size(), 2);
    QCOMPARE(c.thresholds[0].y, 0.7);
    QCOMPARE(c.thresholds[1].y, 0.9);
    QCOMPARE(c.yMax, 1.05);
}

void TestCharts::distributionThroughPercentiles() {
    const ChartSpec c = distributionChart(run());
    const ChartLine *a = c.line(QStringLiteral("a"));
    QVERIFY(a);
    QCOMPARE(a->points, (QList<QPointF>{{0, 0}, {5, 0.5}, {20, 0.95}, {40, 0.99}, {90, 0.999}}));
    QCOMPARE(c.markers.size(), 6); // p50, p95, p99 of both workloads
    QCOMPARE(c.xMax, 90.0);
    QCOMPARE(c.yMax, 1.0);
}

void TestCharts::sweepOneAxisKneeAndSaturation() {
    sim::SweepResult s;
    s.variant = QStringLiteral("V");
    s.engine = QStringLiteral("analytic");
    const double rates[] = {100, 200, 300, 400};
    for (int i = 0; i < 4; ++i) {
        sim::SweepPoint p;
        p.ratePerSec = rates[i];
        sim::WorkloadResult w;
        w.name = QStringLiteral("a");
        w.meanResponseMs = i < 3 ? 10.0 * (i + 1) : std::numeric_limits<double>::infinity();
        p.result.workloads.push_back(w);
        sim::UnitResult u;
        u.id = QStringLiteral("db");
        // The saturated step reports a fallback figure, as the analytic engine does.
        u.utilization = i < 3 ? rates[i] / 350 : 0.5;
        p.result.units.push_back(u);
        p.result.bottleneck = QStringLiteral("db");
        p.result.saturated = i == 3;
        s.points.push_back(p);
    }
    s.knee = 3;
    s.saturationRatePerSec = 350;
    s.saturationBottleneck = QStringLiteral("db");
    const ChartSpec c = sweepChart(s);
    // Latency leaves out the saturated step (no finite mean); utilisation shows every point.
    QCOMPARE(c.line(QStringLiteral("a mean"))->points.size(), 3);
    const ChartLine *util = c.line(QStringLiteral("db utilisation"));
    QVERIFY(util);
    QCOMPARE(util->axis, 1);
    QCOMPARE(util->points.size(), 4);
    QCOMPARE(util->points[2], QPointF(300, 300.0 / 350));
    QCOMPARE(util->points[3], QPointF(400, 1.0)); // past the saturation rate: saturated
    QCOMPARE(c.xMin, 100.0);
    QCOMPARE(c.xMax, 400.0);
    QCOMPARE(c.markers.size(), 2);
    QCOMPARE(c.markers[0].x, 400.0); // knee
    QCOMPARE(c.markers[1].x, 350.0); // analytic saturation
    // A saturation rate beyond the swept range widens the axis to show it.
    s.saturationRatePerSec = 500;
    QCOMPARE(sweepChart(s).xMax, 500.0);
}

void TestCharts::availabilityAndBlastRadius() {
    sim::FailureReport f;
    f.variant = QStringLiteral("V");
    f.workloads.push_back({QStringLiteral("a"), 0.999, 0, {}});
    f.workloads.push_back({QStringLiteral("b"), 0.99, 0, {}});
    f.blastRadius.push_back({QStringLiteral("db"), {1.0, 0.25}});
    f.blastRadius.push_back({QStringLiteral("cache"), {0.0, 0.5}});
    f.singlePointsOfFailure.push_back({QStringLiteral("db"), {}, {}});
    const ChartSpec a = availabilityChart(f);
    QCOMPARE(a.bars->values, (QList<double>{99.9, 99.0}));
    QVERIFY(a.yMin <= 99.0 && a.yMin >= 97.0);
    QCOMPARE(a.yMax, 100.0);
    const ChartSpec b = blastRadiusChart(f);
    QCOMPARE(b.bars->categories, (QStringList{"db", "cache"}));
    QCOMPARE(b.bars->values, (QList<double>{1.0, 0.5})); // the worst share per unit
    QCOMPARE(b.bars->highlight, 0);                      // the SPOF
}

void TestCharts::overlayTwoRuns() {
    sim::LoadResult slow = run();
    for (sim::SeriesPoint &p : slow.series)
        p.p99Ms[0] *= 2;
    const ChartSpec merged =
        overlay(latencyChart(run()), latencyChart(slow), QStringLiteral("run 2"));
    QCOMPARE(merged.lines.size(), 12);
    const ChartLine *other = merged.line(QStringLiteral("a p99 (run 2)"));
    QVERIFY(other);
    QVERIFY(other->dashed);
    QCOMPARE(other->points[2].y(), 240.0);
    QCOMPARE(merged.yMax, 240 * 1.1);
}

void TestCharts::filesPngSvgCsv() {
    QTemporaryDir dir;
    const QList<ChartSpec> specs = runCharts(run());
    QCOMPARE(specs.size(), 4);
    const QString png = dir.filePath(QStringLiteral("run.png"));
    QCOMPARE(saveCharts(specs, png, QSize(800, 300)), QString());
    const QImage image(png);
    QCOMPARE(image.size(), QSize(800, 1200)); // four panels stacked
    const QString svg = dir.filePath(QStringLiteral("run.svg"));
    QCOMPARE(saveCharts({specs[2]}, svg), QString());
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("<svg"));
    // CSV: a header and one row per point (lines) or bar.
    const QStringList rows = chartCsv(specs[0]).trimmed().split(QLatin1Char('\n'));
    QCOMPARE(rows.size(), 1 + 4 * 6 - 0); // 6 lines of 4 points... mean/p99 lines skip nothing here
    QVERIFY(rows.contains(QStringLiteral("a error rate,25,40")));
    const QStringList bars = chartCsv(specs[2]).trimmed().split(QLatin1Char('\n'));
    QCOMPARE(bars.first(), QStringLiteral("category,utilisation"));
    QCOMPARE(bars[1], QStringLiteral("db,0.95"));
    QCOMPARE(saveCsv(specs[2], dir.filePath(QStringLiteral("u.csv"))), QString());
}
