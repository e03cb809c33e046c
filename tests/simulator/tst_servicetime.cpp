// SPDX-License-Identifier: GPL-3.0-or-later
// Service-time distributions (Weibull, empirical) and per-component figures, against moments
// and queueing formulas worked out here by hand (issue 14).
#include "loadexpectations.h"
#include "modelbuilder.h"
#include "theory.h"

#include "model/jsonreader.h"
#include "model/jsonwriter.h"
#include "model/servicedistribution.h"
#include "model/validator.h"
#include "simulator/analytic/analyticengine.h"
#include "simulator/compiledmodel.h"
#include "simulator/des/desengine.h"
#include "simulator/servicetime.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>
#include <numbers>
#include <random>

using namespace archsim;
using namespace archsim::sim;
using namespace archsim::test;

namespace {

CompiledModel compile(const Variant &v) {
    CompileResult r = compileVariant(v);
    if (!r.model) qFatal("test model does not compile: %s", qPrintable(formatProblems(r.problems)));
    return *r.model;
}

// client -> svc on one unit of one thread: an M/G/1 queue.
Variant singleStation(double ratePerSec, double serviceMs, Distribution d, double cv,
                      const QStringList &histogram = {}) {
    ModelBuilder b;
    b.client(QStringLiteral("web"))
        .unit(QStringLiteral("svc-u"))
        .component(QStringLiteral("svc"), QStringLiteral("svc-u"), serviceMs, d, cv)
        .call(QStringLiteral("web"), QStringLiteral("svc"))
        .open(QStringLiteral("load"), QStringLiteral("web"), ratePerSec);
    Variant v = b.variant();
    v.components.last().serviceHistogram = histogram;
    return v;
}

DesOptions run(double durationSec, int replications, std::uint64_t seed) {
    DesOptions o;
    o.durationSec = durationSec;
    o.warmupSec = durationSec / 10;
    o.replications = replications;
    o.seed = seed;
    o.workerThreads = 2;
    return o;
}

// Draws' mean and squared coefficient of variation.
struct Moments {
    double mean = 0, scv = 0;
};
struct Draws {
    std::mt19937_64 engine{5};
    std::exponential_distribution<double> e{1.0};
    std::uniform_real_distribution<double> u{0.0, 1.0};
    std::normal_distribution<double> n{0.0, 1.0};
    double exponential() { return e(engine); }
    double uniform() { return u(engine); }
    double normal() { return n(engine); }
};
Moments sampled(const ServiceTime &s, int n = 400000) {
    Draws d;
    double sum = 0, sum2 = 0;
    for (int i = 0; i < n; ++i) {
        const double x = s.sample(d);
        sum += x;
        sum2 += x * x;
    }
    const double mean = sum / n;
    return {mean, (sum2 / n - mean * mean) / (mean * mean)};
}

// Bins "0-1:6", "1-5:3", "5-20:1" by hand: shares 0.6, 0.3, 0.1, uniform inside each bin,
// E[S] = sum w (a + b) / 2, E[S^2] = sum w (a^2 + ab + b^2) / 3.
const QStringList kHistogram{QStringLiteral("0-1:6"), QStringLiteral("1-5:3"),
                             QStringLiteral("5-20:1")};
constexpr double kHistogramMean = 0.6 * 0.5 + 0.3 * 3 + 0.1 * 12.5; // 2.45 ms
constexpr double kHistogramSecond =
    0.6 * (1.0 / 3) + 0.3 * (1 + 5 + 25) / 3.0 + 0.1 * (25 + 100 + 400) / 3.0; // 20.8 ms^2
constexpr double kHistogramScv = kHistogramSecond / (kHistogramMean * kHistogramMean) - 1;

const ComponentResult &componentOf(const LoadResult &r, const QString &id) {
    for (const ComponentResult &c : r.components)
        if (c.id == id) return c;
    qFatal("no component %s", qPrintable(id));
}

} // namespace

class TestServiceTime : public QObject {
    Q_OBJECT

private slots:
    // --- the distributions' moments ----------------------------------------------------------
    void weibullShapeFromCv() {
        // cv 1 is the exponential (shape 1); the Rayleigh (shape 2) has cv sqrt(4 / pi - 1).
        EXPECT_REL(weibullShapeForCv(1.0), 1.0, 1e-9);
        EXPECT_REL(weibullShapeForCv(std::sqrt(4 / std::numbers::pi - 1)), 2.0, 1e-9);
    }

    void weibullMoments_data() {
        QTest::addColumn<double>("cv");
        QTest::newRow("cv 0.5") << 0.5;
        QTest::newRow("cv 1") << 1.0;
        QTest::newRow("cv 2") << 2.0;
    }
    void weibullMoments() {
        QFETCH(double, cv);
        const ServiceTime s = ServiceTime::make(Distribution::Weibull, 4, cv);
        QCOMPARE(s.meanMs(), 4.0);
        EXPECT_REL(s.scv(), cv * cv, 1e-9);
        const Moments m = sampled(s);
        EXPECT_REL(m.mean, 4, 0.01);
        EXPECT_REL(m.scv, cv * cv, cv > 1 ? 0.1 : 0.03);
    }

    void empiricalMoments() {
        const HistogramParse h = parseServiceHistogram(kHistogram);
        QVERIFY2(h.error.isEmpty(), qPrintable(h.error));
        const ServiceTime asMeasured = ServiceTime::make(Distribution::Empirical, 0, 1, h.bins);
        EXPECT_REL(asMeasured.meanMs(), kHistogramMean, 1e-12);
        EXPECT_REL(asMeasured.scv(), kHistogramScv, 1e-12);
        const Moments m = sampled(asMeasured);
        EXPECT_REL(m.mean, kHistogramMean, 0.01);
        EXPECT_REL(m.scv, kHistogramScv, 0.03);
        // With a mean of its own, the histogram is its shape: same scv, the mean asked.
        const ServiceTime scaled = ServiceTime::make(Distribution::Empirical, 10, 1, h.bins);
        EXPECT_REL(scaled.meanMs(), 10, 1e-12);
        EXPECT_REL(scaled.scv(), kHistogramScv, 1e-12);
        EXPECT_REL(sampled(scaled).mean, 10, 0.01);
        // One bin [0, 4): uniform, mean 2, scv 1/3.
        const ServiceTime flat = ServiceTime::make(
            Distribution::Empirical, 0, 1, parseServiceHistogram({QStringLiteral("0-4:1")}).bins);
        EXPECT_REL(flat.scv(), 1.0 / 3, 1e-12);
    }

    // --- M/G/1 in both engines against Pollaczek–Khinchine --------------------------------
    void mg1_data() {
        QTest::addColumn<int>("distribution");
        QTest::addColumn<double>("serviceMs");
        QTest::addColumn<double>("cv");
        QTest::addColumn<double>("scv"); // from the distribution's definition, not the engine
        QTest::newRow("weibull cv 0.5") << int(Distribution::Weibull) << 5.0 << 0.5 << 0.25;
        QTest::newRow("weibull cv 1.5") << int(Distribution::Weibull) << 5.0 << 1.5 << 2.25;
        QTest::newRow("empirical") << int(Distribution::Empirical) << 0.0 << 1.0 << kHistogramScv;
    }
    void mg1() {
        QFETCH(int, distribution);
        QFETCH(double, serviceMs);
        QFETCH(double, cv);
        QFETCH(double, scv);
        const Distribution d = Distribution(distribution);
        const double mean = d == Distribution::Empirical ? kHistogramMean : serviceMs;
        const double lambdaPerMs = 0.6 / mean; // utilisation 0.6
        const CompiledModel m =
            compile(singleStation(lambdaPerMs * 1000, serviceMs, d, cv,
                                  d == Distribution::Empirical ? kHistogram : QStringList{}));
        const double exact = pkResponse(lambdaPerMs, mean, scv);
        const LoadResult analytic = analyze(m);
        EXPECT_REL(workload(analytic, "load").meanResponseMs, exact, 1e-6);
        const LoadResult des = simulate(m, run(30000 * mean / 1000, 8, 3));
        const WorkloadResult &w = workload(des, "load");
        QVERIFY(w.meanResponseMsCi95);
        // Within the run's own 95% interval, or 3% for a heavy tail's slow convergence.
        const double slack = std::max(*w.meanResponseMsCi95, 0.03 * exact);
        if (!(std::abs(w.meanResponseMs - exact) <= slack))
            QFAIL(qPrintable(QStringLiteral("DES mean %1 ms ± %2, Pollaczek–Khinchine %3 ms")
                                 .arg(w.meanResponseMs)
                                 .arg(*w.meanResponseMsCi95)
                                 .arg(exact)));
        EXPECT_REL(unitOf(des, "svc-u").utilization, 0.6, 0.03);
    }

    // --- the model: validation and the file formats -----------------------------------------
    void validationNamesThePlace() {
        Variant weibull = singleStation(10, 5, Distribution::Weibull, 50);
        QString text = formatProblems(validateVariant(weibull, 0));
        QVERIFY2(text.contains("components[1]") && text.contains("cv") && text.contains("weibull"),
                 qPrintable(text));
        Variant empty = singleStation(10, 5, Distribution::Empirical, 1);
        text = formatProblems(validateVariant(empty, 0));
        QVERIFY2(text.contains("serviceHistogram") && text.contains("no bins"), qPrintable(text));
        Variant bad = singleStation(10, 5, Distribution::Empirical, 1,
                                    {QStringLiteral("0-2:5"), QStringLiteral("3-1:2")});
        text = formatProblems(validateVariant(bad, 0));
        QVERIFY2(text.contains("serviceHistogram") && text.contains("entry 2") &&
                     text.contains("HIGH must be above LOW"),
                 qPrintable(text));
        Variant overlap = singleStation(10, 5, Distribution::Empirical, 1,
                                        {QStringLiteral("0-2:5"), QStringLiteral("1-3:2")});
        QVERIFY(formatProblems(validateVariant(overlap, 0)).contains("overlap"));
        QVERIFY(!compileVariant(bad).model);
    }

    void histogramSurvivesJson() {
        Project p;
        p.name = QStringLiteral("p");
        p.variants << singleStation(10, 0, Distribution::Empirical, 1, kHistogram);
        const ReadResult back = readProjectJson(writeProjectJson(p));
        QVERIFY2(back.ok(), qPrintable(formatProblems(back.problems)));
        const Component &c = back.project.variants[0].components[1];
        QCOMPARE(c.distribution, Distribution::Empirical);
        QCOMPARE(c.serviceHistogram, kHistogram);
    }

    // --- per-component figures ------------------------------------------------------------
    void componentFiguresInTandem() {
        // client -> front (unit of 2 threads, 2 ms) -> back (unit of 1 thread, 4 ms), 150/s:
        // back is M/M/1 at 0.6, R = 4 / 0.4 = 10 ms. front holds a thread while back answers,
        // so its visit is its wait for a thread plus 2 ms plus back's 10 ms; its core work
        // alone is 150/s x 2 ms over 2 cores = 0.15.
        ModelBuilder b;
        b.client(QStringLiteral("web"))
            .unit(QStringLiteral("front-u"), 64)
            .unit(QStringLiteral("back-u"))
            .component(QStringLiteral("front"), QStringLiteral("front-u"), 2)
            .component(QStringLiteral("back"), QStringLiteral("back-u"), 4)
            .call(QStringLiteral("web"), QStringLiteral("front"))
            .call(QStringLiteral("front"), QStringLiteral("back"))
            .open(QStringLiteral("load"), QStringLiteral("web"), 150);
        Variant v = b.variant();
        v.units[1].cores = 2;
        const LoadResult r = simulate(compile(v), run(400, 4, 5));
        const ComponentResult &back = componentOf(r, "back");
        const ComponentResult &front = componentOf(r, "front");
        const ComponentResult &web = componentOf(r, "web");
        EXPECT_REL(back.visitsPerSec, 150, 0.02);
        EXPECT_REL(back.meanResponseMs, 4 / (1 - 0.6), 0.05);
        EXPECT_REL(*back.utilization, 0.6, 0.03);
        // front: 2 cores (M/M/2 on its own work at 0.15 per core) then back's answer.
        EXPECT_REL(front.meanResponseMs, mmcResponse(2, 0.15, 2) + 4 / (1 - 0.6), 0.05);
        EXPECT_REL(*front.utilization, 0.15, 0.05);
        QCOMPARE(back.unit, QStringLiteral("back-u"));
        // The client's visit is the whole request; it holds nothing.
        EXPECT_REL(web.meanResponseMs, workload(r, "load").meanResponseMs,
                   0.01); // visits ended vs requests begun after the warm-up
        QVERIFY(!web.utilization);
        // The JSON names (docs/simulator.md).
        const QJsonObject json = toJson(r);
        const QJsonObject first = json.value(QStringLiteral("components")).toArray()[2].toObject();
        QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("back"));
        QVERIFY(first.contains(QStringLiteral("visitsPerSec")) &&
                first.contains(QStringLiteral("meanResponseMs")) &&
                first.contains(QStringLiteral("utilization")));
        QVERIFY(!toJson(analyze(compile(v))).contains(QStringLiteral("components")));
    }
};

QTEST_GUILESS_MAIN(TestServiceTime)
#include "tst_servicetime.moc"
