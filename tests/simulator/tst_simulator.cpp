// SPDX-License-Identifier: GPL-3.0-or-later
// Proves both load engines against queueing theory, computed here independently of the engines.
#include "loadexpectations.h"
#include "modelbuilder.h"
#include "testmodels.h"
#include "theory.h"

#include "simulator/analytic/analyticengine.h"
#include "simulator/compiledmodel.h"
#include "simulator/des/desengine.h"
#include "simulator/study/sweep.h"

#include "model/projectfile.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace archsim;
using namespace archsim::sim;
using namespace archsim::test;

namespace {

// --- helpers -----------------------------------------------------------------------------------

CompiledModel compile(const ModelBuilder &b) {
    CompileResult r = compileVariant(b.variant());
    if (!r.model) qFatal("test model does not compile: %s", qPrintable(formatProblems(r.problems)));
    return *r.model;
}

// The DES mean lies within its own 95% interval of the exact answer (plus the histogram's
// bucket width for percentiles, which are checked separately).
#define EXPECT_IN_CI(result, expected)                                                             \
    do {                                                                                           \
        const WorkloadResult &w_ = (result);                                                       \
        QVERIFY(w_.meanResponseMsCi95.has_value());                                                \
        const double e_ = (expected);                                                              \
        if (!(std::abs(w_.meanResponseMs - e_) <= *w_.meanResponseMsCi95))                         \
            QFAIL(qPrintable(QStringLiteral("DES mean %1 ms ± %2, exact %3 ms")                    \
                                 .arg(w_.meanResponseMs)                                           \
                                 .arg(*w_.meanResponseMsCi95)                                      \
                                 .arg(e_)));                                                       \
    } while (false)

DesOptions shortRun(double durationSec, int replications = 5, std::uint64_t seed = 7) {
    DesOptions o;
    o.durationSec = durationSec;
    o.warmupSec = durationSec / 10;
    o.replications = replications;
    o.seed = seed;
    o.workerThreads = 2;
    return o;
}

// client -> svc, one unit "svc-u" with `threads` threads.
ModelBuilder singleStation(double rate, double s, int threads = 1,
                           Distribution d = Distribution::Exponential, double cv = 1) {
    ModelBuilder b;
    b.client(QStringLiteral("web"))
        .unit(QStringLiteral("svc-u"), threads)
        .component(QStringLiteral("svc"), QStringLiteral("svc-u"), s, d, cv)
        .call(QStringLiteral("web"), QStringLiteral("svc"))
        .open(QStringLiteral("load"), QStringLiteral("web"), rate);
    return b;
}

} // namespace

class TestSimulator : public QObject {
    Q_OBJECT

private slots:
    // --- analytical engine -------------------------------------------------------------------
    void analyticMM1() {
        const LoadResult r = analyze(compile(singleStation(60, 10)));
        EXPECT_REL(workload(r, "load").meanResponseMs, 10 / (1 - 0.6), 0.01);
        EXPECT_REL(unitOf(r, "svc-u").utilization, 0.6, 0.01);
        EXPECT_REL(unitOf(r, "svc-u").meanQueueLength, 0.6 * 0.6 / 0.4, 0.01);
        EXPECT_REL(*r.saturationRatePerSec, 100, 0.01);
        QCOMPARE(r.bottleneck, QStringLiteral("svc-u"));
        QVERIFY(!r.saturated);
    }

    void analyticMMc_data() {
        QTest::addColumn<int>("threads");
        QTest::addColumn<double>("rate");
        QTest::addColumn<double>("service");
        QTest::newRow("c=2 rho=0.5") << 2 << 50.0 << 20.0;
        QTest::newRow("c=4 rho=0.8") << 4 << 160.0 << 20.0;
        QTest::newRow("c=16 rho=0.9") << 16 << 288.0 << 50.0;
    }
    void analyticMMc() {
        QFETCH(int, threads);
        QFETCH(double, rate);
        QFETCH(double, service);
        const LoadResult r = analyze(compile(singleStation(rate, service, threads)));
        EXPECT_REL(workload(r, "load").meanResponseMs, mmcResponse(threads, rate / 1000, service),
                   0.01);
        EXPECT_REL(unitOf(r, "svc-u").utilization, rate / 1000 * service / threads, 0.01);
    }

    void analyticMG1_data() {
        QTest::addColumn<int>("distribution");
        QTest::addColumn<double>("cv");
        QTest::addColumn<double>("scv");
        QTest::newRow("M/D/1") << int(Distribution::Constant) << 0.0 << 0.0;
        QTest::newRow("lognormal cv 2") << int(Distribution::Lognormal) << 2.0 << 4.0;
        QTest::newRow("lognormal cv 0.5") << int(Distribution::Lognormal) << 0.5 << 0.25;
        QTest::newRow("uniform") << int(Distribution::Uniform) << 0.0 << 1.0 / 3.0;
    }
    void analyticMG1() {
        QFETCH(int, distribution);
        QFETCH(double, cv);
        QFETCH(double, scv);
        const LoadResult r =
            analyze(compile(singleStation(100, 8, 1, Distribution(distribution), cv)));
        EXPECT_REL(workload(r, "load").meanResponseMs, pkResponse(0.1, 8, scv), 0.02);
    }

    // Feed-forward Jackson network: a client visits A, then B with p 0.4, C with p 0.6, then D.
    void analyticJackson() {
        const LoadResult r = analyze(compile(jackson()));
        const double l = 0.05; // per ms
        const double expected = 6 / (1 - l * 6) + 0.4 * (10 / (1 - 0.4 * l * 10)) +
                                0.6 * (8 / (1 - 0.6 * l * 8)) + mmcResponse(2, l, 30);
        EXPECT_REL(workload(r, "load").meanResponseMs, expected, 0.01);
        EXPECT_REL(unitOf(r, "b-u").throughputPerSec, 20, 0.01);
        EXPECT_REL(unitOf(r, "c-u").throughputPerSec, 30, 0.01);
        EXPECT_REL(unitOf(r, "d-u").utilization, 0.05 * 30 / 2, 0.01);
    }

    void analyticClosedMva() {
        const LoadResult r = analyze(compile(closedNetwork()));
        const Mva exact = exactMvaByHand({5, 16, 3}, 12, 100);
        EXPECT_REL(workload(r, "users").throughputPerSec, exact.throughputPerMs * 1000, 0.01);
        EXPECT_REL(workload(r, "users").meanResponseMs, exact.responseMs, 0.01);
        EXPECT_REL(unitOf(r, "s2-u").utilization, exact.throughputPerMs * 16, 0.01);
    }

    // Latency is paid both ways on cross-unit calls and held by the waiting caller's thread.
    void analyticLatency() {
        const LoadResult r = analyze(compile(latencyModel()));
        // svc holds its (many) threads for 2 + 2 x 3 + R(db); db is M/M/1 at 0.5.
        const double db = 4 / (1 - 0.5);
        const double svcHold = 2 + 6 + db;
        EXPECT_REL(workload(r, "load").meanResponseMs, 2 * 5 + svcHold, 0.01);
        EXPECT_REL(unitOf(r, "svc-u").threadUtilization, 0.125 * svcHold / 1000, 0.01);
        EXPECT_REL(unitOf(r, "svc-u").coreUtilization, 0.125 * 2 / 1000, 0.01);
    }

    void analyticCacheHitRatio() {
        const LoadResult r = analyze(compile(cacheModel()));
        // db sees only the misses: 200/s x 0.25 = 50/s, M/M/1 with S = 10 ms.
        EXPECT_REL(unitOf(r, "db-u").throughputPerSec, 50, 0.01);
        EXPECT_REL(unitOf(r, "db-u").utilization, 0.5, 0.01);
        const double expected = 1 + 0.25 * (2 * 1 + 10 / (1 - 0.5));
        EXPECT_REL(workload(r, "load").meanResponseMs, expected, 0.01);
    }

    // In-process: one thread does both works (M/G/1 with the summed service); cross-unit:
    // the callee has its own queue.
    void analyticInProcessVersusCrossUnit() {
        const LoadResult inProcess = analyze(compile(pairModel(true)));
        const double mean = 4 + 6, second = 2 * 16 + 2 * 36 + 2 * 4 * 6; // E[(A+B)^2]
        const double scv = second / (mean * mean) - 1;
        EXPECT_REL(workload(inProcess, "load").meanResponseMs, pkResponse(0.06, mean, scv), 0.01);
        QCOMPARE(unitOf(inProcess, "a-u").throughputPerSec, 60.0);
        const LoadResult crossUnit = analyze(compile(pairModel(false)));
        EXPECT_REL(workload(crossUnit, "load").meanResponseMs, 4 + 2 * 1 + 6 / (1 - 0.36), 0.01);
        EXPECT_REL(unitOf(crossUnit, "b-u").throughputPerSec, 60, 0.01);
    }

    void analyticAsyncAddsNoLatency() {
        const LoadResult r = analyze(compile(asyncModel()));
        EXPECT_REL(workload(r, "load").meanResponseMs, 5 / (1 - 0.25), 0.01);
        EXPECT_REL(unitOf(r, "worker-u").utilization, 0.05 * 2 * 10 / 2, 0.01);
    }

    void analyticSaturation() {
        const LoadResult r = analyze(compile(singleStation(120, 10)));
        QVERIFY(r.saturated);
        QVERIFY(std::isinf(workload(r, "load").meanResponseMs));
        EXPECT_REL(*r.saturationRatePerSec, 100, 0.001);
        // Bottleneck = the unit with the least headroom, not the first one.
        ModelBuilder b;
        b.client("web")
            .unit("a-u", 4)
            .component("a", "a-u", 10)
            .unit("b-u", 1)
            .component("b", "b-u", 5)
            .call("web", "a")
            .call("web", "b", 0.5)
            .open("load", "web", 100);
        const LoadResult two = analyze(compile(b));
        QCOMPARE(two.bottleneck, QStringLiteral("a-u")); // 0.25 vs 0.25: a-u 400/s, b-u 400/s
        b.open("more", "web", 0);
        ModelBuilder c;
        c.client("web")
            .unit("a-u", 4)
            .component("a", "a-u", 10)
            .unit("b-u", 1)
            .component("b", "b-u", 6)
            .call("web", "a")
            .call("web", "b", 0.5)
            .open("load", "web", 100);
        const LoadResult three = analyze(compile(c));
        QCOMPARE(three.bottleneck, QStringLiteral("b-u"));
        EXPECT_REL(*three.saturationRatePerSec, 1000 / 3.0, 0.001);
    }

    // A large population switches to Schweitzer's approximate MVA; near saturation it still
    // agrees with exact MVA.
    void analyticLargeClosedPopulation() {
        ModelBuilder b = closedNetwork();
        Variant v = b.variant();
        v.workloads[0].users = 1500;
        v.workloads[0].thinkTimeMs = 20000;
        CompileResult c = compileVariant(v);
        QVERIFY(c.model);
        const LoadResult r = analyze(*c.model);
        QVERIFY(r.notes.join(' ').contains("Schweitzer"));
        const Mva exact = exactMvaByHand({5, 16, 3}, 1500, 20000);
        EXPECT_REL(workload(r, "users").throughputPerSec, exact.throughputPerMs * 1000, 0.02);
        EXPECT_REL(workload(r, "users").meanResponseMs, exact.responseMs, 0.05);
    }

    // Fewer cores than threads: the work queues for the single core, FIFO, so the whole unit
    // behaves as an M/M/1 queue (threads only cap how many requests are inside).
    void coresFewerThanThreads() {
        ModelBuilder b;
        b.client("web")
            .unit("svc-u", 4, 1, 1)
            .component("svc", "svc-u", 10)
            .call("web", "svc")
            .open("load", "web", 60);
        const CompiledModel m = compile(b);
        const LoadResult analytic = analyze(m);
        EXPECT_REL(unitOf(analytic, "svc-u").coreUtilization, 0.6, 0.01);
        // Thread wait and core wait are added as two stations: an approximation (docs).
        EXPECT_REL(workload(analytic, "load").meanResponseMs, 25, 0.06);
        const LoadResult des = simulate(m, shortRun(4000, 10));
        EXPECT_IN_CI(workload(des, "load"), 25);
        EXPECT_REL(unitOf(des, "svc-u").coreUtilization, 0.6, 0.02);
    }

    void closedWorkloadWithoutTimeIsRejected() {
        ModelBuilder b;
        b.client("desk")
            .unit("u")
            .component("s", "u", 0)
            .call("desk", "s")
            .closed("c", "desk", 3, 0);
        const CompileResult r = compileVariant(b.variant());
        QVERIFY(!r.model);
        QVERIFY(formatProblems(r.problems).contains("workloads[0].thinkTimeMs"));
    }

    void syncCycleIsRejectedWithItsName() {
        ModelBuilder b;
        b.client("web")
            .unit("u1")
            .component("a", "u1", 1)
            .unit("u2")
            .component("b", "u2", 1)
            .unit("u3")
            .component("c", "u3", 1)
            .call("web", "a")
            .call("a", "b")
            .call("b", "c")
            .call("c", "a")
            .open("load", "web", 1);
        const CompileResult r = compileVariant(b.variant());
        QVERIFY(!r.model);
        const QString text = formatProblems(r.problems);
        QVERIFY2(text.contains("cycle of sync calls") &&
                     (text.contains("a -> b -> c -> a") || text.contains("b -> c -> a -> b") ||
                      text.contains("c -> a -> b -> c")),
                 qPrintable(text));
    }

    void asyncCycles() {
        // A retry loop that dies out: visits are 1 / (1 - 0.5) = 2.
        ModelBuilder b;
        b.client("web")
            .unit("u1", 8)
            .component("a", "u1", 1)
            .unit("u2", 8)
            .component("b", "u2", 1)
            .call("web", "a")
            .call("a", "b", 1, 0, CallMode::Async)
            .call("b", "a", 0.5, 0, CallMode::Async)
            .open("load", "web", 10);
        const CompileResult ok = compileVariant(b.variant());
        QVERIFY2(ok.model, qPrintable(formatProblems(ok.problems)));
        QVERIFY(std::abs(ok.model->visits[0][1] - 2.0) < 1e-9); // a: 1 + 0.5 + 0.25 + ...
        QVERIFY(std::abs(ok.model->visits[0][2] - 2.0) < 1e-9);
        b.call("b", "a", 0.5, 0, CallMode::Async); // now 1 message back per visit: unbounded
        const CompileResult bad = compileVariant(b.variant());
        QVERIFY(!bad.model);
        QVERIFY2(formatProblems(bad.problems).contains("async call cycle"),
                 qPrintable(formatProblems(bad.problems)));
    }

    // --- discrete-event engine ---------------------------------------------------------------
    void desMM1WithPercentiles() {
        const LoadResult r = simulate(compile(singleStation(70, 10)), shortRun(2000));
        const double exact = 10 / (1 - 0.7);
        EXPECT_IN_CI(workload(r, "load"), exact);
        // M/M/1 response is exponential: p = -R ln(1 - q).
        EXPECT_REL(*workload(r, "load").p50Ms, exact * std::log(2.0), 0.03);
        EXPECT_REL(*workload(r, "load").p95Ms, exact * std::log(20.0), 0.03);
        EXPECT_REL(*workload(r, "load").p99Ms, exact * std::log(100.0), 0.04);
        EXPECT_REL(unitOf(r, "svc-u").utilization, 0.7, 0.02);
        EXPECT_REL(workload(r, "load").throughputPerSec, 70, 0.02);
        QVERIFY(!r.saturated);
        QCOMPARE(*workload(r, "load").errorRate, 0.0);
    }

    void desMMc() {
        const LoadResult r = simulate(compile(singleStation(160, 20, 4)), shortRun(1500));
        EXPECT_IN_CI(workload(r, "load"), mmcResponse(4, 0.16, 20));
    }

    void desMG1_data() { analyticMG1_data(); }
    void desMG1() {
        QFETCH(int, distribution);
        QFETCH(double, cv);
        QFETCH(double, scv);
        const LoadResult r = simulate(
            compile(singleStation(100, 8, 1, Distribution(distribution), cv)), shortRun(1500, 8));
        EXPECT_IN_CI(workload(r, "load"), pkResponse(0.1, 8, scv));
    }

    void desJackson() {
        const LoadResult r = simulate(compile(jackson()), shortRun(2000));
        const double l = 0.05;
        const double expected = 6 / (1 - l * 6) + 0.4 * (10 / (1 - 0.4 * l * 10)) +
                                0.6 * (8 / (1 - 0.6 * l * 8)) + mmcResponse(2, l, 30);
        EXPECT_IN_CI(workload(r, "load"), expected);
        EXPECT_REL(unitOf(r, "b-u").throughputPerSec, 20, 0.03);
    }

    void desClosedMva() {
        const LoadResult r = simulate(compile(closedNetwork()), shortRun(1500));
        const Mva exact = exactMvaByHand({5, 16, 3}, 12, 100);
        EXPECT_IN_CI(workload(r, "users"), exact.responseMs);
        EXPECT_REL(workload(r, "users").throughputPerSec, exact.throughputPerMs * 1000, 0.02);
    }

    void desLatencyCacheInProcessAsync() {
        const DesOptions o = shortRun(1500);
        const LoadResult lat = simulate(compile(latencyModel()), o);
        EXPECT_IN_CI(workload(lat, "load"), 2 * 5 + 2 + 6 + 4 / (1 - 0.5));
        const LoadResult cache = simulate(compile(cacheModel()), o);
        EXPECT_IN_CI(workload(cache, "load"), 1 + 0.25 * (2 + 10 / (1 - 0.5)));
        EXPECT_REL(unitOf(cache, "db-u").throughputPerSec, 50, 0.03);
        const LoadResult inProcess = simulate(compile(pairModel(true)), o);
        const double mean = 10, second = 2 * 16 + 2 * 36 + 2 * 4 * 6;
        EXPECT_IN_CI(workload(inProcess, "load"), pkResponse(0.06, mean, second / 100 - 1));
        const LoadResult cross = simulate(compile(pairModel(false)), o);
        EXPECT_IN_CI(workload(cross, "load"), 4 + 2 + 6 / (1 - 0.36));
        const LoadResult async = simulate(compile(asyncModel()), o);
        EXPECT_IN_CI(workload(async, "load"), 5 / (1 - 0.25));
        EXPECT_REL(unitOf(async, "worker-u").utilization, 0.5, 0.03);
    }

    // M/M/1/K: a full queue rejects; the blocking probability is (1-rho) rho^K / (1-rho^(K+1)).
    void desQueueCapacityRejects() {
        ModelBuilder b;
        b.client("web")
            .unit("svc-u", 1, 1, {}, 3)
            .component("svc", "svc-u", 10)
            .call("web", "svc")
            .open("load", "web", 90);
        const LoadResult r = simulate(compile(b), shortRun(2000));
        const double rho = 0.9;
        const int k = 4; // one in service + three waiting
        const double blocking = (1 - rho) * std::pow(rho, k) / (1 - std::pow(rho, k + 1));
        EXPECT_REL(*workload(r, "load").errorRate, blocking, 0.05);
    }

    // Random balancing splits Poisson arrivals into independent M/M/1 queues.
    void desRandomReplicas() {
        ModelBuilder b;
        b.client("web")
            .unit("svc-u", 1, 3, {}, {}, BalancingPolicy::Random)
            .component("svc", "svc-u", 10)
            .call("web", "svc")
            .open("load", "web", 180);
        const LoadResult r = simulate(compile(b), shortRun(1500));
        EXPECT_IN_CI(workload(r, "load"), 10 / (1 - 0.6));
        EXPECT_REL(unitOf(r, "svc-u").utilization, 0.6, 0.02);
        // Least-outstanding does better than random at the same load.
        ModelBuilder lo;
        lo.client("web")
            .unit("svc-u", 1, 3, {}, {}, BalancingPolicy::LeastOutstanding)
            .component("svc", "svc-u", 10)
            .call("web", "svc")
            .open("load", "web", 180);
        const LoadResult least = simulate(compile(lo), shortRun(1500));
        QVERIFY(workload(least, "load").meanResponseMs < workload(r, "load").meanResponseMs);
        QVERIFY(workload(least, "load").meanResponseMs >= mmcResponse(3, 0.18, 10) * 0.97);
    }

    void desSameSeedSameResult() {
        const CompiledModel m = compile(jackson());
        const LoadResult a = simulate(m, shortRun(50, 3, 42));
        const LoadResult b = simulate(m, shortRun(50, 3, 42));
        const LoadResult c = simulate(m, shortRun(50, 3, 43));
        QCOMPARE(workload(a, "load").meanResponseMs, workload(b, "load").meanResponseMs);
        QCOMPARE(*workload(a, "load").p99Ms, *workload(b, "load").p99Ms);
        QCOMPARE(a.events, b.events);
        DesOptions oneWorker = shortRun(50, 3, 42);
        oneWorker.workerThreads = 1; // the same streams whatever the number of threads
        const LoadResult d = simulate(m, oneWorker);
        QCOMPARE(workload(d, "load").meanResponseMs, workload(a, "load").meanResponseMs);
        QCOMPARE(*workload(d, "load").meanResponseMsCi95, *workload(a, "load").meanResponseMsCi95);
        QVERIFY(workload(a, "load").meanResponseMs != workload(c, "load").meanResponseMs);
    }

    void desSaturatedIsFlagged() {
        const LoadResult r = simulate(compile(singleStation(130, 10)), shortRun(100, 2));
        QVERIFY(r.saturated);
        // And a cap on requests in flight ends a hopeless run early instead of hanging.
        DesOptions o = shortRun(1000, 1);
        o.maxInFlight = 5000;
        const LoadResult capped = simulate(compile(singleStation(1000, 10)), o);
        QVERIFY(capped.saturated);
    }

    void desCancelAndProgress() {
        std::atomic<bool> cancel{true};
        DesOptions o = shortRun(1e6, 2);
        o.cancel = &cancel;
        const LoadResult r = simulate(compile(singleStation(50, 10)), o);
        QVERIFY(r.cancelled || r.events == 0);
    }

    // A parallel group waits for the slowest call: E[max] of two exponential delays.
    void desParallelGroup() {
        ModelBuilder b;
        b.client("web")
            .component("x", "x", 10, Distribution::Exponential, 1, ComponentKind::External)
            .component("y", "y", 20, Distribution::Exponential, 1, ComponentKind::External)
            .call("web", "x", 1, 0, CallMode::Sync, "g")
            .call("web", "y", 1, 0, CallMode::Sync, "g")
            .open("load", "web", 50);
        ModelBuilder withUnits = b;
        withUnits.unit("x").unit("y");
        const LoadResult r = simulate(compile(withUnits), shortRun(200));
        // E[max(X, Y)] = 10 + 20 - 1 / (1/10 + 1/20).
        EXPECT_IN_CI(workload(r, "load"), 30 - 1 / (0.1 + 0.05));
        EXPECT_REL(workload(analyze(compile(withUnits)), "load").meanResponseMs,
                   30 - 1 / (0.1 + 0.05), 0.01);
    }

    void desLoadPatterns() {
        // A step from 20/s to 60/s halfway: the mean throughput is 40/s.
        ModelBuilder b = singleStation(20, 5);
        Variant v = b.variant();
        v.workloads[0].pattern = LoadPattern::Step;
        v.workloads[0].toRatePerSec = 60;
        v.workloads[0].atSec = 110;
        CompileResult c = compileVariant(v);
        QVERIFY(c.model);
        DesOptions o = shortRun(200, 3);
        o.warmupSec = 10;
        const LoadResult r = simulate(*c.model, o);
        EXPECT_REL(workload(r, "load").throughputPerSec, 40, 0.03);
        QVERIFY(r.series.front().throughputPerSec[0] < r.series.back().throughputPerSec[0]);
    }

    // A scenario's "load" action: rates x factor over a window (here doubled after 60 s).
    void desLoadChange() {
        DesOptions o = shortRun(200, 3);
        o.warmupSec = 20;
        o.loadChanges.push_back({60, 0, -1, 2.0});
        const LoadResult r = simulate(compile(singleStation(30, 5)), o);
        // Measured 20..220 s: 40 s at 30/s, then 160 s at 60/s.
        EXPECT_REL(workload(r, "load").throughputPerSec, (40 * 30 + 160 * 60) / 200.0, 0.03);
    }

    void sweepFindsKnee() {
        const SweepResult s = sweep(compile(singleStation(50, 10)), 10, 95, 18, Engine::Analytic);
        QCOMPARE(int(s.points.size()), 18);
        QVERIFY(s.knee.has_value());
        // M/M/1: twice the unloaded latency at rho 0.5 (first step is rho 0.1: 11.1 ms).
        const double kneeRate = s.points[std::size_t(*s.knee)].ratePerSec;
        QVERIFY2(kneeRate >= 50 && kneeRate <= 60, qPrintable(QString::number(kneeRate)));
    }

    // One answer from sweep and analyze: on a single station the saturation rate is c / S; on the
    // layered example the step just above the saturation rate is saturated and the step just
    // below is not, and the discrete-event engine agrees on the rate and the unit.
    void sweepSaturationAgreesWithSteps() {
        const CompiledModel mm1 = compile(singleStation(50, 10));
        EXPECT_REL(*saturationRate(mm1), 100, 1e-3); // the engine's search stops within 0.1%
        const ReadResult read = loadProject(QStringLiteral(ARCHSIM_EXAMPLES "/shop.json"));
        QVERIFY(read.ok());
        const CompiledModel shop = *compileVariant(read.project.variants[0]).model;
        const double rate = *saturationRate(shop);
        QVERIFY(rate <= *analyze(shop).saturationRatePerSec + 1e-9);
        const SweepResult s = sweep(shop, rate * 0.995, rate * 1.005, 2, Engine::Analytic);
        QVERIFY(!s.points[0].result.saturated);
        QVERIFY(s.points[1].result.saturated);
        QCOMPARE(*s.knee, 1);
        // The unit that saturates there is the gateway, whose threads wait on the application;
        // the DES agrees: 5% below the rate it is stable, 5% above it is saturated and names
        // the same unit.
        const Saturation layered = *layeredSaturation(shop);
        QCOMPARE(layered.bottleneck, QStringLiteral("gateway-svc"));
        DesOptions des;
        des.durationSec = 30;
        des.warmupSec = 5;
        des.replications = 2;
        const double base = openBaseRate(shop);
        des.scale = 0.95 * rate / base;
        QVERIFY(!simulate(shop, des).saturated);
        des.scale = 1.05 * rate / base;
        const LoadResult over = simulate(shop, des);
        QVERIFY(over.saturated);
        QCOMPARE(over.bottleneck, layered.bottleneck);
    }

    // --- the command line ----------------------------------------------------------------------
    void cliAnalyzeJson() {
        QProcess p;
        p.start(QStringLiteral(ARCHSIM_CLI),
                {QStringLiteral("analyze"), QStringLiteral(ARCHSIM_TEST_DATA "/mm1.json"),
                 QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject doc = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(doc.value("engine").toString(), QStringLiteral("analytic"));
        const QJsonObject w = doc.value("workloads").toArray().at(0).toObject();
        EXPECT_REL(w.value("meanResponseMs").toDouble(), 10 / (1 - 0.75), 0.01);
        EXPECT_REL(doc.value("saturationRatePerSec").toDouble(), 100, 0.01);
        QCOMPARE(doc.value("bottleneck").toString(), QStringLiteral("svc"));
        const QJsonObject u = doc.value("units").toArray().at(0).toObject();
        for (const char *key : {"id", "utilization", "threadUtilization", "coreUtilization",
                                "throughputPerSec", "meanQueueLength", "meanResponseMs"})
            QVERIFY2(u.contains(QLatin1String(key)), key);
    }

    void cliSweepJsonAndPlots() {
        QTemporaryDir dir;
        const QString sweepPng = dir.filePath("sweep.png");
        QProcess p;
        p.start(QStringLiteral(ARCHSIM_CLI),
                {"sweep", QStringLiteral(ARCHSIM_TEST_DATA "/mm1.json"), "--from", "10", "--to",
                 "95", "--steps", "18", "--json", "--plot", sweepPng});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject doc = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(doc.value("points").toArray().size(), 18);
        const double knee = doc.value("knee").toObject().value("ratePerSec").toDouble();
        QVERIFY2(knee >= 50 && knee <= 60, qPrintable(QString::number(knee))); // M/M/1: rho 0.5
        QCOMPARE(doc.value("knee").toObject().value("bottleneck").toString(),
                 QStringLiteral("svc"));
        QImage sweep(sweepPng);
        QVERIFY(sweep.width() >= 800 && sweep.height() >= 600);

        const QString runPng = dir.filePath("run.png");
        QProcess run;
        run.start(QStringLiteral(ARCHSIM_CLI),
                  {"simulate", QStringLiteral(ARCHSIM_EXAMPLES "/shop.json"), "--duration", "5",
                   "--warmup", "1", "--replications", "2", "--plot", runPng});
        QVERIFY(run.waitForFinished(60000));
        QCOMPARE(run.exitCode(), 0);
        const QString table = QString::fromUtf8(run.readAllStandardOutput());
        QVERIFY(table.contains("p99 ms") && table.contains("bottleneck: "));
        QImage chart(runPng);
        QVERIFY(chart.width() >= 800 && chart.height() >= 900);
    }

    void cliSimulateJsonAndScenarioRefusal() {
        QProcess p;
        p.start(QStringLiteral(ARCHSIM_CLI),
                {QStringLiteral("simulate"), QStringLiteral(ARCHSIM_TEST_DATA "/mm1.json"),
                 QStringLiteral("--json"), QStringLiteral("--duration"), QStringLiteral("1000"),
                 QStringLiteral("--replications"), QStringLiteral("4")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject doc = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        const QJsonObject w = doc.value("workloads").toArray().at(0).toObject();
        QCOMPARE(doc.value("engine").toString(), QStringLiteral("des"));
        QVERIFY(std::abs(w.value("meanResponseMs").toDouble() - 40) <=
                w.value("meanResponseMsCi95").toDouble());
        for (const char *key : {"p50Ms", "p95Ms", "p99Ms", "errorRate", "meanResponseMsCi95"})
            QVERIFY2(w.contains(QLatin1String(key)), key);

        // An unknown scenario is an input error naming it and listing the variant's.
        QProcess unknown;
        unknown.start(QStringLiteral(ARCHSIM_CLI),
                      {QStringLiteral("simulate"), QStringLiteral(ARCHSIM_EXAMPLES "/shop.json"),
                       QStringLiteral("--scenario"), QStringLiteral("no-such")});
        QVERIFY(unknown.waitForFinished(30000));
        QCOMPARE(unknown.exitCode(), 1);
        const QByteArray err = unknown.readAllStandardError();
        QVERIFY(err.contains("no-such") && err.contains("db-crash"));
        // The example's db-crash (postgres down from 60 s) fails requests during the outage.
        QProcess crash;
        crash.start(QStringLiteral(ARCHSIM_CLI),
                    {QStringLiteral("simulate"), QStringLiteral(ARCHSIM_EXAMPLES "/shop.json"),
                     QStringLiteral("--scenario"), QStringLiteral("db-crash"),
                     QStringLiteral("--json"), QStringLiteral("--duration"), QStringLiteral("70"),
                     QStringLiteral("--replications"), QStringLiteral("1")});
        QVERIFY(crash.waitForFinished(60000));
        QCOMPARE(crash.exitCode(), 0);
        const QJsonObject crashed = QJsonDocument::fromJson(crash.readAllStandardOutput()).object();
        const QJsonObject shop = crashed.value("workloads").toArray().at(0).toObject();
        QVERIFY(shop.value("errorRate").toDouble() > 0.05);
        QVERIFY(shop.contains("degradedRate") && shop.contains("retriesPerRequest"));
        QCOMPARE(crashed.value("faults").toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
