// SPDX-License-Identifier: GPL-3.0-or-later
// Autoscaling (issue 14): the controller alone on synthetic utilisation traces, the analytical
// engine's steady-state counts against hand-computed ones, the discrete-event engine on a step
// of load, and runs without autoscaling unchanged.
#include "loadexpectations.h"
#include "modelbuilder.h"

#include "model/projectfile.h"
#include "simulator/analytic/analyticengine.h"
#include "simulator/compiledmodel.h"
#include "simulator/des/autoscaler.h"
#include "simulator/des/desengine.h"
#include "simulator/loadresult.h"

#include <QJsonArray>

#include <QTest>

#include <cmath>
#include <functional>

using namespace archsim;
using namespace archsim::sim;
using namespace archsim::test;

namespace {

CompiledAutoscale spec(int min, int max, double target) {
    CompiledAutoscale a;
    a.min = min;
    a.max = max;
    a.target = target;
    return a; // defaults: sync 15 s, tolerance 0.1, window 300 s, provisioning 30 s
}

struct Sample {
    double sec;
    int ready, replicas;
};

// A fluid trace: at each sync the ready replicas' utilisation is the offered work
// rate x service time spread over them (what the controller measures, docs/simulator.md).
std::vector<Sample> fluid(Autoscaler &a, const std::function<double(double)> &ratePerSec,
                          double serviceMs, double endSec) {
    std::vector<Sample> trace;
    const double syncSec = a.spec().syncMs / 1000;
    for (double t = syncSec; t <= endSec + 1e-9; t += syncSec) {
        a.becomeReady(t * 1000);
        const double busy = ratePerSec(t - syncSec / 2) * serviceMs / 1000; // mid-period load
        a.sync(t * 1000, busy / a.ready());
        trace.push_back({t, a.ready(), a.replicas()});
    }
    return trace;
}

int hpaFormula(double busyReplicas, double target, int min, int max) {
    return std::clamp(int(std::ceil(busyReplicas / target - 1e-9)), min, max);
}

// The unit: one replica, 5 ms of work, min 1, max 10, target 0.6.
Variant stepUnit(double rate, std::optional<double> target) {
    ModelBuilder b;
    b.client("web")
        .unit("svc-u")
        .component("svc", "svc-u", 5)
        .call("web", "svc")
        .open("load", "web", rate);
    Variant v = b.variant();
    for (Unit &u : v.units)
        if (u.id == QLatin1String("svc-u")) {
            u.autoscaleMin = 1;
            u.autoscaleMax = 10;
            u.autoscaleTargetUtilization = target;
        }
    return v;
}

CompiledModel compiled(const Variant &v) {
    CompileResult c = compileVariant(v);
    if (!c.model) qFatal("%s", qPrintable(formatProblems(c.problems)));
    return *c.model;
}

// The step: 100/s, 400/s from 60 s to 360 s, then 100/s again, on the unit above.
Variant stepLoad(std::optional<double> target) {
    Variant v = stepUnit(100, target);
    Workload &w = v.workloads[0];
    w.pattern = LoadPattern::Spike;
    w.toRatePerSec = 400;
    w.atSec = 60;
    w.forSec = 300;
    v.units[1].costPerHour = 0.5;
    return v;
}

DesOptions stepRun() {
    DesOptions o;
    o.warmupSec = 0;
    o.durationSec = 720;
    o.intervalSec = 5;
    o.replications = 1;
    o.seed = 11;
    return o;
}

// Mean response of the requests that finished in [fromSec, toSec), from the series.
double meanResponse(const LoadResult &r, double fromSec, double toSec) {
    double sum = 0, n = 0;
    for (const SeriesPoint &p : r.series)
        if (p.timeSec >= fromSec && p.timeSec < toSec) {
            sum += p.meanResponseMs[0] * p.throughputPerSec[0];
            n += p.throughputPerSec[0];
        }
    return n > 0 ? sum / n : 0;
}

// The JSON without the autoscaling figures (units[].replicas, replicaHours, series replicas).
QJsonObject withoutAutoscalingFields(QJsonObject o) {
    o.remove(QStringLiteral("replicaHours"));
    o.remove(QStringLiteral("runCost"));
    QJsonArray units;
    for (const QJsonValue &v : o.value(QStringLiteral("units")).toArray()) {
        QJsonObject u = v.toObject();
        u.remove(QStringLiteral("replicas"));
        u.remove(QStringLiteral("replicaHours"));
        units.append(u);
    }
    o.insert(QStringLiteral("units"), units);
    QJsonArray series;
    for (const QJsonValue &v : o.value(QStringLiteral("series")).toArray()) {
        QJsonObject p = v.toObject();
        p.remove(QStringLiteral("replicas"));
        series.append(p);
    }
    o.insert(QStringLiteral("series"), series);
    return o;
}

// The same JSON, numbers equal within a relative tolerance.
bool sameWithin(const QJsonValue &a, const QJsonValue &b, double tolerance) {
    if (a.isDouble() && b.isDouble()) {
        const double x = a.toDouble(), y = b.toDouble();
        return x == y || std::abs(x - y) <= tolerance * std::max(std::abs(x), std::abs(y));
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray p = a.toArray(), q = b.toArray();
        if (p.size() != q.size()) return false;
        for (qsizetype i = 0; i < p.size(); ++i)
            if (!sameWithin(p[i], q[i], tolerance)) return false;
        return true;
    }
    if (a.isObject() && b.isObject()) {
        const QJsonObject p = a.toObject(), q = b.toObject();
        if (p.keys() != q.keys()) return false;
        for (const QString &k : p.keys())
            if (!sameWithin(p[k], q[k], tolerance)) {
                qWarning("differs at %s", qPrintable(k));
                return false;
            }
        return true;
    }
    return a == b;
}

} // namespace

class AutoscaleTest : public QObject {
    Q_OBJECT
private slots:
    // --- the controller alone --------------------------------------------------------------
    void controllerStepUpWithinSyncAndProvisioning();
    void controllerToleranceKeepsCount();
    void controllerWaitsForProvisioningReplicas();
    void controllerScaleDownAfterWindow();
    void controllerBounds();
    // --- the analytical engine -------------------------------------------------------------
    void analyticSingleUnitFormula_data();
    void analyticSingleUnitFormula();
    void analyticLayeredCallerAndCallee();
    void analyticSaturationAtMax();
    void analyticWithoutAutoscalingUnchanged();
    // --- the discrete-event engine ---------------------------------------------------------
    void desStepReachesFormulaThenWaitsForWindow();
    void desColdStartSlowsNewReplicas();
    void desWithoutAutoscalingUnchanged();
    void exampleUnderSpike();
};

void AutoscaleTest::controllerStepUpWithinSyncAndProvisioning() {
    // 100/s then 400/s from 300 s; 5 ms of work: 0.5 and 2 replicas' worth of work.
    Autoscaler a(spec(1, 10, 0.6), 1);
    const auto rate = [](double t) { return t < 300 ? 100.0 : 400.0; };
    const std::vector<Sample> trace = fluid(a, rate, 5, 600);
    const int before = hpaFormula(0.5, 0.6, 1, 10); // 1
    const int after = hpaFormula(2.0, 0.6, 1, 10);  // ceil(3.33) = 4
    QCOMPARE(before, 1);
    QCOMPARE(after, 4);
    for (const Sample &s : trace) {
        if (s.sec <= 300) QCOMPARE(s.replicas, before);
        // Asked for at the first sync after the step, ready one provisioning delay later.
        if (s.sec >= 300 + 15) QCOMPARE(s.replicas, after);
        if (s.sec >= 300 + 15 + 30) QCOMPARE(s.ready, after);
        if (s.sec < 300 + 30) QVERIFY2(s.ready == before, qPrintable(QString::number(s.sec)));
    }
}

void AutoscaleTest::controllerToleranceKeepsCount() {
    // 4 replicas at 0.65 against 0.6: 8% off, inside the 10% tolerance: no change (the
    // formula alone would ask for ceil(4 x 1.083) = 5).
    Autoscaler a(spec(1, 10, 0.6), 4);
    QCOMPARE(a.sync(15000, 0.65), 0);
    QCOMPARE(a.replicas(), 4);
    // 0.7 is 16.7% off: ceil(4 x 0.7 / 0.6) = 5.
    QCOMPARE(a.sync(30000, 0.7), 1);
    QCOMPARE(a.replicas(), 5);
    QCOMPARE(a.pending(), 1);
    QCOMPARE(a.nextReadyMs().value_or(-1), 30000.0 + 30000.0);
    // Scale-down is inside the tolerance too: 0.56 on 0.6 is 6.7% off.
    Autoscaler b(spec(1, 10, 0.6), 4);
    QCOMPARE(b.sync(15000, 0.56), 0);
}

void AutoscaleTest::controllerWaitsForProvisioningReplicas() {
    // While 3 replicas provision the ready one stays overloaded; the controller must not ask
    // for them again at every sync (the HPA counts them as idle on a scale-up).
    Autoscaler a(spec(1, 10, 0.6), 1);
    QCOMPARE(a.sync(15000, 2.0), 3); // ceil(1 x 2 / 0.6) = 4
    QCOMPARE(a.sync(30000, 2.0), 0);
    QCOMPARE(a.ready(), 1);
    QCOMPARE(a.becomeReady(44999), 0);
    QCOMPARE(a.becomeReady(45000), 3);
    QCOMPARE(a.ready(), 4);
    QVERIFY(!a.nextReadyMs());
    // More load while replicas provision does raise the count: 3 replicas' worth on 1 ready
    // + 3 idle ones is 0.75 per replica, 25% above the target: ceil(3 / 0.6) = 5.
    Autoscaler b(spec(1, 10, 0.6), 1);
    b.sync(15000, 2.0);
    QCOMPARE(b.sync(30000, 3.0), 1);
    QCOMPARE(b.replicas(), 5);
}

void AutoscaleTest::controllerScaleDownAfterWindow() {
    // 400/s until 300 s, then 100/s: the count falls from 4 to 1 only once every
    // recommendation of the last 300 s says so.
    Autoscaler a(spec(1, 10, 0.6), 4);
    const auto rate = [](double t) { return t < 300 ? 400.0 : 100.0; };
    const std::vector<Sample> trace = fluid(a, rate, 5, 900);
    double fellAt = -1;
    for (const Sample &s : trace)
        if (fellAt < 0 && s.replicas < 4) fellAt = s.sec;
    // The last sync that recommended 4 was at 300 s; it leaves the window at 600 s.
    QCOMPARE(fellAt, 600.0);
    QCOMPARE(trace.back().replicas, 1);
    // With no window the count falls at the first sync after the step.
    CompiledAutoscale noWindow = spec(1, 10, 0.6);
    noWindow.scaleDownWindowMs = 0;
    Autoscaler b(noWindow, 4);
    for (const Sample &s : fluid(b, rate, 5, 900))
        if (s.sec == 315) QCOMPARE(s.replicas, 1);
}

void AutoscaleTest::controllerBounds() {
    Autoscaler a(spec(2, 5, 0.5), 1); // starts at the lower bound
    QCOMPARE(a.replicas(), 2);
    QCOMPARE(a.sync(15000, 10.0), 3); // ceil(2 x 20) = 40, capped at 5
    QCOMPARE(a.replicas(), 5);
    CompiledAutoscale s = spec(2, 5, 0.5);
    s.scaleDownWindowMs = 0;
    Autoscaler b(s, 5);
    QCOMPARE(b.sync(15000, 0.0), -3); // nothing to do: down to min, not 0
    QCOMPARE(b.replicas(), 2);
}

void AutoscaleTest::analyticSingleUnitFormula_data() {
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("threads");
    QTest::addColumn<double>("serviceMs");
    QTest::addColumn<int>("min");
    QTest::addColumn<int>("max");
    QTest::addColumn<double>("target");
    QTest::addColumn<int>("expected");
    // busy threads = rate x work; replicas = ceil(busy / threads / target) within the bounds.
    QTest::newRow("400/s x 5 ms, 0.6") << 400.0 << 1 << 5.0 << 1 << 10 << 0.6 << 4;    // 3.33
    QTest::newRow("exactly the target") << 240.0 << 1 << 5.0 << 1 << 10 << 0.6 << 2;   // 2.0
    QTest::newRow("100/s: one is enough") << 100.0 << 1 << 5.0 << 1 << 10 << 0.6 << 1; // 0.83
    QTest::newRow("bounded by max") << 400.0 << 1 << 5.0 << 1 << 3 << 0.6 << 3;
    QTest::newRow("held at min") << 100.0 << 1 << 5.0 << 5 << 10 << 0.6 << 5;
    QTest::newRow("4 threads, 20 ms") << 300.0 << 4 << 20.0 << 1 << 10 << 0.6 << 3; // 2.5
    QTest::newRow("target 0.9") << 1000.0 << 2 << 5.0 << 1 << 20 << 0.9 << 3;       // 2.78
}

void AutoscaleTest::analyticSingleUnitFormula() {
    QFETCH(double, rate);
    QFETCH(int, threads);
    QFETCH(double, serviceMs);
    QFETCH(int, min);
    QFETCH(int, max);
    QFETCH(double, target);
    QFETCH(int, expected);
    Variant v = stepUnit(rate, target);
    v.units[1].threads = threads;
    v.units[1].autoscaleMin = min;
    v.units[1].autoscaleMax = max;
    v.components[1].serviceTimeMs = serviceMs;
    const LoadResult r = analyze(compiled(v));
    const UnitResult &u = unitOf(r, QStringLiteral("svc-u"));
    QVERIFY(u.replicas.has_value());
    QCOMPARE(*u.replicas, double(expected));
    // Utilisation is that of the chosen count.
    QVERIFY(std::abs(u.utilization - rate * serviceMs / 1000 / (expected * threads)) < 1e-6);
}

void AutoscaleTest::analyticLayeredCallerAndCallee() {
    // A front (5 threads a replica, 2 ms own work) calls a back end (1 thread, 5 ms) at 400/s.
    // Back end: 2 busy threads -> ceil(2 / 0.6) = 4 replicas at 0.5, each an M/M/1 at 100/s
    // answering in about 5 / (1 - 0.5) = 10 ms. Front: each request holds a thread for its
    // 2 ms plus that answer, 400 x 12 ms = 4.8 busy threads (4 to 5.6 for an answer of 8 to
    // 12 ms) -> 0.96 replicas' worth -> ceil(0.96 / 0.6) = 2 (1.33 to 1.87 all give 2).
    ModelBuilder b;
    b.client("web")
        .unit("front-u", 5)
        .component("front", "front-u", 2)
        .unit("back-u")
        .component("back", "back-u", 5)
        .call("web", "front")
        .call("front", "back")
        .open("load", "web", 400);
    Variant v = b.variant();
    for (Unit &u : v.units) {
        if (u.id == QLatin1String("web")) continue;
        u.autoscaleMin = 1;
        u.autoscaleMax = 10;
        u.autoscaleTargetUtilization = 0.6;
    }
    const LoadResult r = analyze(compiled(v));
    QCOMPARE(unitOf(r, QStringLiteral("back-u")).replicas.value_or(-1), 4.0);
    QCOMPARE(unitOf(r, QStringLiteral("front-u")).replicas.value_or(-1), 2.0);
    QVERIFY(!r.saturated);
}

void AutoscaleTest::analyticSaturationAtMax() {
    // One thread of 5 ms per replica serves 200/s: with max 10 the design saturates at
    // 2000/s, not at the 200/s of the single replica it starts with.
    const LoadResult fixed = analyze(compiled(stepUnit(100, std::nullopt)));
    QVERIFY(std::abs(*fixed.saturationRatePerSec / 200.0 - 1) < 2e-3);
    const LoadResult scaled = analyze(compiled(stepUnit(100, 0.6)));
    QVERIFY2(std::abs(*scaled.saturationRatePerSec / 2000.0 - 1) < 2e-3,
             qPrintable(QString::number(*scaled.saturationRatePerSec)));
    QCOMPARE(scaled.bottleneck, QStringLiteral("svc-u"));
    // A load past what max can serve: saturated, at max.
    const LoadResult over = analyze(compiled(stepUnit(2500, 0.6)));
    QVERIFY(over.saturated);
    QCOMPARE(unitOf(over, QStringLiteral("svc-u")).replicas.value_or(-1), 10.0);
}

void AutoscaleTest::analyticWithoutAutoscalingUnchanged() {
    // min and max alone (as in the bundled example) do not switch autoscaling on.
    Variant v = stepUnit(100, std::nullopt);
    const QJsonObject before = toJson(analyze(compiled(v)));
    v.units[1].autoscaleMin = 2;
    v.units[1].autoscaleMax = 20;
    v.units[1].autoscaleProvisioningSec = 5;
    const LoadResult r = analyze(compiled(v));
    QVERIFY(!unitOf(r, QStringLiteral("svc-u")).replicas);
    QCOMPARE(toJson(r), before);
}

void AutoscaleTest::desStepReachesFormulaThenWaitsForWindow() {
    const LoadResult r = simulate(compiled(stepLoad(0.6)), stepRun());
    const int formula = hpaFormula(400 * 0.005, 0.6, 1, 10); // 2 busy / 0.6 -> 4
    QCOMPARE(formula, 4);
    const std::size_t svc = 0; // the only unit with resources
    QCOMPARE(r.units[svc].id, QStringLiteral("svc-u"));
    double reachedAt = -1, fellAt = -1;
    for (const SeriesPoint &p : r.series) {
        const double n = p.replicas.at(svc);
        if (p.timeSec < 60) QCOMPARE(n, 1.0); // 100/s: 0.5 busy on one replica is enough
        if (reachedAt < 0 && std::abs(n - formula) < 1e-9) reachedAt = p.timeSec;
        if (reachedAt >= 0 && fellAt < 0 && n < formula - 1e-9) fellAt = p.timeSec;
    }
    // Decided at the first sync after the step (75 s), taking traffic 30 s later: within one
    // sync period plus the provisioning delay of the step.
    QVERIFY2(reachedAt >= 60 && reachedAt <= 60 + 15 + 30, qPrintable(QString::number(reachedAt)));
    // The step down is at 360 s; the last sync that still asked for 4 is at 360 s, so the count
    // falls only when that leaves the 300 s window: not before 645 s, by 665 s.
    QVERIFY2(fellAt >= 360 + 285 && fellAt <= 360 + 305, qPrintable(QString::number(fellAt)));
    QCOMPARE(r.series.back().replicas.at(svc), 1.0);
    // Requests during the lag (one replica at 400/s: the queue grows) wait far longer than once
    // four replicas serve them (each an M/M/1 near 0.5: about 10 ms).
    const double lag = meanResponse(r, 75, 105), settled = meanResponse(r, 240, 360);
    QVERIFY2(settled > 5 && settled < 20, qPrintable(QString::number(settled)));
    QVERIFY2(lag > 20 * settled, qPrintable(QStringLiteral("%1 vs %2").arg(lag).arg(settled)));
    // Paid replicas: 1 until the decision at 75 s, 4 until 660 s, 1 to 720 s.
    const double hours = (75 * 1 + (660 - 75) * 4 + (720 - 660) * 1) / 3600.0;
    QVERIFY2(std::abs(*r.replicaHours / hours - 1) < 1e-6,
             qPrintable(QStringLiteral("%1 vs %2").arg(*r.replicaHours).arg(hours)));
    QVERIFY(std::abs(*r.runCost - 0.5 * hours) < 1e-9);
    QVERIFY(std::abs(*r.units[svc].replicaHours - hours) < 1e-9);
    QVERIFY(r.autoscaled);
    const QJsonObject json = toJson(r, true);
    QVERIFY(json.contains(QStringLiteral("replicaHours")));
    QVERIFY(json.value(QStringLiteral("series"))
                .toArray()
                .at(0)
                .toObject()
                .contains(QStringLiteral("replicas")));
}

void AutoscaleTest::desColdStartSlowsNewReplicas() {
    // The same run with new replicas three times slower for their first 60 s (the same
    // arrivals: one seed, one random stream).
    Variant v = stepLoad(0.6);
    const LoadResult warm = simulate(compiled(v), stepRun());
    v.units[1].autoscaleColdStartFactor = 3;
    v.units[1].autoscaleColdStartSec = 60;
    const LoadResult cold = simulate(compiled(v), stepRun());
    // Where the new replicas are cold (105..165 s) the unit is busier.
    double w = 0, c = 0;
    for (std::size_t i = 0; i < warm.series.size(); ++i)
        if (warm.series[i].timeSec >= 110 && warm.series[i].timeSec < 160) {
            w += warm.series[i].utilization[0];
            c += cold.series[i].utilization[0];
        }
    QVERIFY2(c > 1.3 * w, qPrintable(QStringLiteral("%1 vs %2").arg(c).arg(w)));
}

void AutoscaleTest::desWithoutAutoscalingUnchanged() {
    DesOptions o = stepRun();
    o.durationSec = 200;
    o.replications = 2;
    // Without a target, the controller's other fields change nothing, byte for byte.
    Variant off = stepLoad(std::nullopt);
    const QJsonObject plain = toJson(simulate(compiled(off), o), true);
    off.units[1].autoscaleMin = 1;
    off.units[1].autoscaleMax = 10;
    off.units[1].autoscaleSyncPeriodSec = 5;
    off.units[1].autoscaleColdStartFactor = 4;
    QCOMPARE(toJson(simulate(compiled(off), o), true), plain);
    QVERIFY(!plain.contains(QStringLiteral("replicaHours")));
    // Autoscaling on but pinned (min = max = 1): the controller syncs and never changes a
    // thing, and every figure is that of the run without it.
    Variant pinned = stepLoad(0.6);
    pinned.units[1].autoscaleMax = 1;
    const LoadResult r = simulate(compiled(pinned), o);
    QJsonObject pinnedJson = withoutAutoscalingFields(toJson(r, true));
    // The controller's syncs are events of their own: 13 in 200 s (every 15 s) per replication.
    QCOMPARE(pinnedJson.value(QStringLiteral("events")).toDouble() -
                 plain.value(QStringLiteral("events")).toDouble(),
             26.0);
    pinnedJson.insert(QStringLiteral("events"), plain.value(QStringLiteral("events")));
    // Utilisation divides by the replica-ms summed as the run went: equal to the last digits.
    QVERIFY2(sameWithin(pinnedJson, plain, 1e-9), "the pinned run differs from the plain one");
    QCOMPARE(r.units[0].replicas.value_or(-1), 1.0);
}

void AutoscaleTest::exampleUnderSpike() {
    // The example's microservices under a spike (250/s, 1000/s from 120 s to 300 s), fixed and
    // with its four busiest services autoscaled from one replica (tests/data).
    const ReadResult read = loadProject(QStringLiteral(ARCHSIM_TEST_DATA "/shop-autoscale.json"));
    QVERIFY2(read.ok(), qPrintable(formatProblems(read.problems)));
    DesOptions o;
    o.warmupSec = 0;
    o.durationSec = 400;
    o.intervalSec = 5;
    o.replications = 1;
    const LoadResult fixed = simulate(compiled(read.project.variants[0]), o);
    const LoadResult scaled = simulate(compiled(read.project.variants[1]), o);
    // Fixed: 23 replicas all the time; cost = sum of costPerHour x replicas x hours.
    double perHour = 0;
    for (const Unit &u : read.project.variants[0].units)
        perHour += u.costPerHour * u.replicas;
    QVERIFY(std::abs(*fixed.replicaHours - 23 * 400 / 3600.0) < 1e-9);
    QVERIFY(std::abs(*fixed.runCost - perHour * 400 / 3600.0) < 1e-9);
    QVERIFY(!fixed.autoscaled);
    // Autoscaled: one replica each before the spike, more only after a sync and the
    // provisioning delay (not before 120 + 30 s), back down only after the window.
    const std::size_t search = 3;
    QCOMPARE(scaled.units[search].id, QStringLiteral("search-svc"));
    for (const SeriesPoint &p : scaled.series) {
        if (p.timeSec < 150) QCOMPARE(p.replicas[search], 1.0);
        if (p.timeSec >= 170 && p.timeSec < 300) QVERIFY(p.replicas[search] >= 2);
    }
    QVERIFY(scaled.units[search].replicas.value_or(0) > 1.5);
}

QTEST_GUILESS_MAIN(AutoscaleTest)
#include "tst_autoscale.moc"
