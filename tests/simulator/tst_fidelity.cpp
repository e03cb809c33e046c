// SPDX-License-Identifier: GPL-3.0-or-later
// The analytical engine where software architectures differ from textbook queues: thread pools
// held across synchronous calls. Exact cases against queueing theory written here; layered
// cases against the discrete-event engine (the fidelity suite, tests/simulator/fidelitycases.h).
#include "fidelitycases.h"
#include "loadexpectations.h"
#include "theory.h"

#include "simulator/analytic/responsepercentiles.h"
#include "simulator/queueing.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace archsim;
using namespace archsim::sim;
using namespace archsim::test;

namespace {

CompiledModel compile(const Variant &v) {
    CompileResult r = compileVariant(v);
    if (!r.model) qFatal("test model does not compile: %s", qPrintable(formatProblems(r.problems)));
    return *r.model;
}

DesOptions longRun(double seconds = 400, int replications = 8) {
    DesOptions o;
    o.durationSec = seconds;
    o.warmupSec = seconds / 10;
    o.replications = replications;
    o.seed = 5;
    o.workerThreads = 2;
    return o;
}

} // namespace

class TestFidelity : public QObject {
    Q_OBJECT

private slots:
    // --- the queueing pieces against theory ------------------------------------------------
    // Exact MVA with a multi-server station and a think time is the machine-repairman model.
    void exactMultiServerMva_data() {
        QTest::addColumn<int>("servers");
        QTest::addColumn<int>("users");
        QTest::newRow("c=2 N=45") << 2 << 45;
        QTest::newRow("c=4 N=10") << 4 << 10;
        QTest::newRow("c=8 N=60") << 8 << 60;
    }
    void exactMultiServerMva() {
        QFETCH(int, servers);
        QFETCH(int, users);
        const Mva theory = machineRepairman(servers, 11, users, 300);
        const auto r = queueing::exactMva({{11, servers}}, users, 300);
        EXPECT_REL(r.throughputPerMs, theory.throughputPerMs, 1e-9);
        EXPECT_REL(r.responseMs, theory.responseMs, 1e-9);
        // The same station given as load-dependent rates min(j, c) / s.
        queueing::LoadDependentStation st;
        st.rate.assign(std::size_t(users) + 1, 0);
        for (int j = 1; j <= users; ++j)
            st.rate[std::size_t(j)] = std::min(j, servers) / 11.0;
        const auto ld = queueing::loadDependentMva({st}, users, 300);
        EXPECT_REL(ld.throughputPerMs, theory.throughputPerMs, 1e-9);
        EXPECT_REL(ld.residenceMs[0], theory.responseMs, 1e-9);
    }

    // A caller pool in front of a callee that is the real server: with no own work, every
    // request waits its turn for the callee's c servers whether in the caller's queue or the
    // callee's, so the response is the callee's M/M/c response for any pool of at least c
    // threads, and the caller's threads are busy exactly while their request is at the callee.
    void callerPoolConservesTheCalleeWait_data() {
        QTest::addColumn<int>("threads");
        QTest::newRow("T=2") << 2;
        QTest::newRow("T=3") << 3;
        QTest::newRow("T=5") << 5;
        QTest::newRow("T=40") << 40;
    }
    void callerPoolConservesTheCalleeWait() {
        QFETCH(int, threads);
        ModelBuilder b;
        b.client("web")
            .unit("front-u", threads)
            .component("front", "front-u", 0, Distribution::Constant)
            .unit("back-u", 2)
            .component("back", "back-u", 5)
            .call("web", "front")
            .call("front", "back")
            .open("load", "web", 300);
        const LoadResult r = analyze(compile(b.variant()));
        QVERIFY(!r.saturated);
        EXPECT_REL(r.workloads[0].meanResponseMs, mmcResponse(2, 0.3, 5), 1e-6);
        // The front's threads are held exactly by the requests in the back end's M/M/2
        // system, up to the pool's size.
        EXPECT_REL(unitOf(r, "front-u").threadUtilization, mmcMeanMin(2, 0.3, 5, threads) / threads,
                   0.02);
    }

    // The response of an M/M/1 queue is exponential: the fitted percentiles are exact.
    void percentileEstimatesExactForMM1() {
        ModelBuilder b;
        b.client("web").unit("u").component("s", "u", 10).call("web", "s").open("l", "web", 60);
        const LoadResult r = analyze(compile(b.variant()));
        const double mean = 10 / (1 - 0.6);
        EXPECT_REL(*r.workloads[0].p50Ms, mean * std::log(2.0), 1e-6);
        EXPECT_REL(*r.workloads[0].p99Ms, mean * std::log(100.0), 1e-6);
        QVERIFY(r.workloads[0].percentilesEstimated);
        QVERIFY(r.workloads[0].approximations.isEmpty());
        const auto constant = analytic::estimatePercentiles(5, 0);
        QCOMPARE(constant.p99, 5.0);
    }

    // --- honest results -----------------------------------------------------------------------
    // The case: 45 users thinking 300 ms, A (2 threads) calling B synchronously. The
    // throughput must be what 2 threads can serve, not what 64 can, and agree with the DES.
    void closedWorkloadRespectsTheCallerPool() {
        const CompiledModel scarce = compile(closedCallerPool(2).variant());
        const CompiledModel plenty = compile(closedCallerPool(64).variant());
        const LoadResult a2 = analyze(scarce), a64 = analyze(plenty);
        QVERIFY(a2.workloads[0].throughputPerSec < a64.workloads[0].throughputPerSec);
        QVERIFY(a2.workloads[0].meanResponseMs > a64.workloads[0].meanResponseMs);
        // Capacity of A: 2 threads each held 4 + 1 + 6 ms per request (B never queues: it has
        // as many threads as A can send).
        QVERIFY(a2.workloads[0].throughputPerSec <= 2 / 11.0 * 1000 * (1 + 1e-9));
        QVERIFY(unitOf(a2, "a-u").utilization <= 1);
        const LoadResult d2 = simulate(scarce, longRun());
        EXPECT_REL(a2.workloads[0].throughputPerSec, d2.workloads[0].throughputPerSec, 0.05);
        EXPECT_REL(a2.workloads[0].meanResponseMs, d2.workloads[0].meanResponseMs, 0.05);
        EXPECT_REL(unitOf(a2, "a-u").utilization, unitOf(d2, "a-u").utilization, 0.03);
    }

    // The saturation rate is where the layered solution stops being stable: just below it the
    // result is finite, just above it saturated, and the bottleneck is the unit at its limit.
    void saturationMatchesTheSolve() {
        for (int threads : {5, 8, 32}) {
            Variant v = openCallerPool(threads).variant();
            const LoadResult base = analyze(compile(v));
            QVERIFY(base.saturationRatePerSec.has_value());
            const double sat = *base.saturationRatePerSec;
            AnalyticOptions below, above;
            below.scale = sat / 300 * 0.995;
            above.scale = sat / 300 * 1.005;
            QVERIFY2(!analyze(compile(v), below).saturated, qPrintable(QString::number(threads)));
            QVERIFY2(analyze(compile(v), above).saturated, qPrintable(QString::number(threads)));
            // The back end (2 threads of 5 ms) can never do more than 400/s; a small front pool
            // saturates first because its threads also hold the back end's wait.
            QVERIFY(sat <= 400 * 1.001);
        }
    }

    // Fewer cores than threads, reached only by a closed workload: threads are busy at least
    // as long as cores (they hold the core wait too), as the DES measures.
    void closedOnlyUnitWithFewerCores() {
        ModelBuilder b;
        b.client("desk")
            .unit("app-u", 8, 1, 1)
            .component("app", "app-u", 4)
            .call("desk", "app")
            .closed("users", "desk", 30, 150);
        const CompiledModel m = compile(b.variant());
        const LoadResult a = analyze(m), d = simulate(m, longRun());
        const UnitResult &au = unitOf(a, "app-u"), &du = unitOf(d, "app-u");
        QVERIFY(au.threadUtilization >= au.coreUtilization / 8 - 1e-9);
        QVERIFY(std::abs(au.threadUtilization - du.threadUtilization) <=
                0.02 + *du.utilizationCi95);
        EXPECT_REL(a.workloads[0].throughputPerSec, d.workloads[0].throughputPerSec, 0.05);
    }

    // A result that the engine knows to be approximate says so, per workload, in the JSON.
    void approximationsAreFlagged() {
        ModelBuilder b = openCallerPool(4);
        b.open("more", "web", 40);
        const LoadResult r = analyze(compile(b.variant()));
        QVERIFY(!r.saturated);
        QVERIFY(!r.workloads[0].approximations.isEmpty());
        const QJsonObject json = toJson(r);
        const QJsonObject w = json[QStringLiteral("workloads")].toArray()[0].toObject();
        QCOMPARE(w[QStringLiteral("approximate")].toBool(), true);
        QVERIFY(w[QStringLiteral("approximations")].toArray().first().toString().contains(
            QStringLiteral("front-u")));
        QCOMPARE(w[QStringLiteral("percentilesEstimated")].toBool(), true);
    }

    // --- the fidelity suite -------------------------------------------------------------------
    // Every layered case: mean response and throughput within 5% of the DES mean (plus its
    // 95% interval), utilisation within 2 points, or the figure carries an approximation flag.
    void fidelitySuite() {
        int compared = 0;
        for (const FidelityCase &c : fidelityCases(QStringLiteral(ARCHSIM_EXAMPLES))) {
            const auto rows = compareEngines(c, longRun());
            QVERIFY2(!rows.empty(), qPrintable(c.name));
            for (const FidelityRow &r : rows) {
                if (r.metric.contains(QStringLiteral("estimate"))) continue;
                ++compared;
                QVERIFY2(r.within() || r.flagged,
                         qPrintable(QStringLiteral("%1 %2: analytic %3, DES %4 ± %5")
                                        .arg(r.caseName, r.metric)
                                        .arg(r.analytic)
                                        .arg(r.des)
                                        .arg(r.desCi95)));
            }
        }
        QVERIFY(compared >= 12 * 3);
    }
};

QTEST_GUILESS_MAIN(TestFidelity)
#include "tst_fidelity.moc"
