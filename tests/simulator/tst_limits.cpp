// SPDX-License-Identifier: GPL-3.0-or-later
// Bounded work and memory for valid but extreme models (issue 15): async cycles solved exactly,
// the event cap reported, replications merged as they finish, the visit tables bounded.
#include "modelbuilder.h"

#include "simulator/compiledmodel.h"
#include "simulator/des/desengine.h"
#include "simulator/loadresult.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <random>
#include <sys/resource.h>

using namespace archsim;
using namespace archsim::sim;
using namespace archsim::test;

namespace {

CompiledModel compile(const ModelBuilder &b) {
    CompileResult r = compileVariant(b.variant());
    if (!r.model) qFatal("test model does not compile: %s", qPrintable(formatProblems(r.problems)));
    return *r.model;
}

// web -> a, and a <-> b async with calls a->b = 1 and b->a = product.
ModelBuilder twoCycle(double product) {
    ModelBuilder b;
    b.client("web")
        .unit("u1", 8)
        .component("a", "u1", 1)
        .unit("u2", 8)
        .component("b", "u2", 1)
        .call("web", "a")
        .call("a", "b", 1, 0, CallMode::Async)
        .call("b", "a", product, 0, CallMode::Async)
        .open("load", "web", 1);
    return b;
}

long peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace

class TestLimits : public QObject {
    Q_OBJECT

private slots:
    void asyncCycleJustBelowOne() {
        // Loop product 0.9999: visits of a are the geometric series 1 / (1 - 0.9999) = 10,000,
        // b is called once per visit of a. An iteration stopped before converging rejected it.
        const CompileResult r = compileVariant(twoCycle(0.9999).variant());
        QVERIFY2(r.model, qPrintable(formatProblems(r.problems)));
        QVERIFY(std::abs(r.model->visits[0][1] - 1e4) < 1e-6);
        QVERIFY(std::abs(r.model->visits[0][2] - 1e4) < 1e-6);
    }

    void asyncCycleOfOneOrMoreIsRejected_data() {
        QTest::addColumn<double>("product");
        QTest::newRow("exactly 1") << 1.0;
        QTest::newRow("1.0001") << 1.0001;
        QTest::newRow("3") << 3.0;
    }
    void asyncCycleOfOneOrMoreIsRejected() {
        QFETCH(double, product);
        const CompileResult r = compileVariant(twoCycle(product).variant());
        QVERIFY(!r.model);
        QVERIFY2(formatProblems(r.problems).contains("async call cycle"),
                 qPrintable(formatProblems(r.problems)));
    }

    void asyncRingOfTenThousand() {
        // A ring of 10,000 members, each calling the next once, the last calling the first 0.5
        // times: loop product 0.5, so every member is visited 1 / (1 - 0.5) = 2 times.
        ModelBuilder b;
        b.client("web").unit("ring-u", 8);
        const int n = 10000;
        for (int i = 0; i < n; ++i)
            b.component(QStringLiteral("m%1").arg(i), "ring-u", 0.001);
        b.call("web", "m0");
        for (int i = 0; i + 1 < n; ++i)
            b.call(QStringLiteral("m%1").arg(i), QStringLiteral("m%1").arg(i + 1), 1, 0,
                   CallMode::Async);
        b.call(QStringLiteral("m%1").arg(n - 1), "m0", 0.5, 0, CallMode::Async);
        b.open("load", "web", 1);
        const CompileResult r = compileVariant(b.variant());
        QVERIFY2(r.model, qPrintable(formatProblems(r.problems)));
        for (int i : {1, 2, 5000, n})
            QVERIFY2(std::abs(r.model->visits[0][std::size_t(i)] - 2.0) < 1e-9,
                     qPrintable(QString::number(r.model->visits[0][std::size_t(i)], 'g', 17)));
    }

    void asyncCyclesOfAnyShapeMatchTheSeries() {
        // 30 members, each calling 3 random others asynchronously with calls chosen so that the
        // cycle dies out; visits must equal the Neumann series sum of A^k e computed here by
        // plain repeated multiplication (independent of the engine's elimination).
        std::mt19937 rng(15);
        const int n = 30;
        ModelBuilder b;
        b.client("web").unit("u", 8);
        for (int i = 0; i < n; ++i)
            b.component(QStringLiteral("m%1").arg(i), "u", 0.001);
        b.call("web", "m0");
        std::vector<std::vector<double>> a(n, std::vector<double>(n, 0.0)); // a[to][from]
        for (int i = 0; i < n; ++i) {
            const int next = (i + 1) % n; // a ring keeps it strongly connected
            std::uniform_int_distribution<int> pick(0, n - 1);
            for (int to : {next, pick(rng), pick(rng)}) {
                if (to == i) continue;
                const double calls = std::uniform_real_distribution<double>(0.05, 0.3)(rng);
                b.call(QStringLiteral("m%1").arg(i), QStringLiteral("m%1").arg(to), calls, 0,
                       CallMode::Async);
                a[std::size_t(to)][std::size_t(i)] += calls;
            }
        }
        b.open("load", "web", 1);
        const CompileResult r = compileVariant(b.variant());
        QVERIFY2(r.model, qPrintable(formatProblems(r.problems)));
        std::vector<double> term(n, 0.0), sum(n, 0.0);
        term[0] = 1;
        for (int k = 0; k < 5000; ++k) {
            std::vector<double> next(n, 0.0);
            for (int to = 0; to < n; ++to) {
                sum[std::size_t(to)] += term[std::size_t(to)];
                for (int from = 0; from < n; ++from)
                    next[std::size_t(to)] +=
                        a[std::size_t(to)][std::size_t(from)] * term[std::size_t(from)];
            }
            term = next;
        }
        for (int i = 0; i < n; ++i)
            QVERIFY2(std::abs(r.model->visits[0][std::size_t(i + 1)] - sum[std::size_t(i)]) <
                         1e-9 * sum[std::size_t(i)],
                     qPrintable(QStringLiteral("m%1: %2 vs %3")
                                    .arg(i)
                                    .arg(r.model->visits[0][std::size_t(i + 1)], 0, 'g', 15)
                                    .arg(sum[std::size_t(i)], 0, 'g', 15)));
    }

    void visitTablesAreBounded() {
        // 5,001 workloads x 5,001 components is past the 25 million pairs the engines keep.
        ModelBuilder b;
        b.unit("u", 1);
        for (int i = 0; i < 5001; ++i)
            b.component(QStringLiteral("c%1").arg(i), "u", 1);
        for (int i = 0; i < 5001; ++i)
            b.open(QStringLiteral("w%1").arg(i), QStringLiteral("c%1").arg(i), 0.001);
        const CompileResult r = compileVariant(b.variant());
        QVERIFY(!r.model);
        QVERIFY2(formatProblems(r.problems).contains("above the engines' limit"),
                 qPrintable(formatProblems(r.problems)));
    }

    void eventCapIsReported() {
        // A fan-out of 1000 x 1000 calls: 1,000,000 visits per request, far past a cap of
        // 200,000 events. The run must say it stopped, in its flag, notes and JSON (it used to
        // count as "cancelled" and print zeros).
        ModelBuilder b;
        b.client("web")
            .unit("u", 64)
            .component("a", "u", 0.001)
            .component("b", "u", 0.001)
            .component("c", "u", 0.001)
            .call("web", "a")
            .call("a", "b", 1000, 0, CallMode::Async)
            .call("b", "c", 1000, 0, CallMode::Async)
            .open("load", "web", 10);
        const CompiledModel m = compile(b);
        DesOptions o;
        o.durationSec = 10;
        o.warmupSec = 1;
        o.replications = 1;
        o.maxEvents = 200000;
        o.maxInFlight = 100'000'000; // the event cap, not the in-flight one, must stop it
        QVERIFY(estimatedEventsPerReplication(m, o) > 4e8); // 10/s x 11 s x 4e6 events
        const LoadResult r = simulate(m, o);
        QVERIFY(r.stoppedAtEventCap);
        QVERIFY(r.notes.join('\n').contains("stopped at the event cap"));
        QVERIFY(toJson(r).value("stoppedAtEventCap").toBool());
        // A run that ends normally has no such flag.
        o.maxEvents = 2'000'000'000;
        o.durationSec = 0.001;
        o.warmupSec = 0;
        const LoadResult small = simulate(compile(twoCycle(0.5)), o);
        QVERIFY(!small.stoppedAtEventCap);
        QVERIFY(!toJson(small).contains("stoppedAtEventCap"));
    }

    void replicationsMergeInOrderWhateverTheThreads() {
        // Merged as they finish, in replication order: one worker or four give the same bits.
        const CompiledModel m = compile(twoCycle(0.5));
        DesOptions o;
        o.durationSec = 20;
        o.warmupSec = 2;
        o.replications = 9;
        o.workerThreads = 1;
        const QJsonObject one = toJson(simulate(m, o), true);
        o.workerThreads = 4;
        QCOMPARE(toJson(simulate(m, o), true), one);
    }

    void manyReplicationsKeepMemoryFlat() {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer keeps freed memory in quarantine: peak RSS says nothing here");
#endif
        // Each replication carries about 4 MB of per-interval latency histograms for these four
        // workloads; 200 kept whole would need about 800 MB. Merged as they finish, the peak
        // stays that of a few runs.
        ModelBuilder b = twoCycle(0.5);
        for (int w = 0; w < 3; ++w)
            b.open(QStringLiteral("extra%1").arg(w), "web", 1);
        const CompiledModel m = compile(b);
        DesOptions o;
        o.durationSec = 1;
        o.warmupSec = 0;
        o.replications = 200;
        o.workerThreads = 2;
        const long before = peakRssMb();
        const LoadResult r = simulate(m, o);
        QCOMPARE(r.replications, 200);
        const long grown = peakRssMb() - before;
        QVERIFY2(grown < 200, qPrintable(QStringLiteral("peak RSS grew by %1 MB").arg(grown)));
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
