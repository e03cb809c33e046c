// SPDX-License-Identifier: GPL-3.0-or-later
// Autoscaling (issue 14): the controller alone on synthetic utilisation traces, the analytical
// engine's steady-state counts against hand-computed ones, the discrete-event engine on a step
// of load, and runs without autoscaling unchanged.
#include "loadexpectations.h"
#include "modelbuilder.h"

#include "simulator/analytic/analyticengine.h"
#include "simulator/compiledmodel.h"
#include "simulator/des/autoscaler.h"

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

QTEST_GUILESS_MAIN(AutoscaleTest)
#include "tst_autoscale.moc"
