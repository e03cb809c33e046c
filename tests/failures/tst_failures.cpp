// SPDX-License-Identifier: GPL-3.0-or-later
// tst_failures: static failure analysis against availabilities computed by hand.
#include "simulator/failures/availabilitymontecarlo.h"
#include "simulator/failures/failureanalysis.h"

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

namespace {

// A small design built call by call: a client "user" enters at the first service.
class Design {
public:
    Design() {
        m_v.name = QStringLiteral("T");
        addUnit(QStringLiteral("user-unit"), 1, {}, {}, 0);
        Component c;
        c.id = QStringLiteral("user");
        c.kind = ComponentKind::Client;
        c.unit = QStringLiteral("user-unit");
        m_v.components << c;
    }
    // A unit whose replicas are each up with probability `a` (MTBF 100 h, MTTR to match).
    Design &addUnit(const QString &id, int replicas, std::optional<double> a,
                    QStringList zones = {}, double mtbf = 100) {
        Unit u;
        u.id = id;
        u.replicas = replicas;
        u.threads = 4;
        u.zones = zones;
        if (a) {
            u.mtbfHours = mtbf;
            u.mttrMinutes = 60 * mtbf * (1 - *a) / *a; // a = MTBF / (MTBF + MTTR)
        }
        m_v.units << u;
        return *this;
    }
    Design &component(const QString &id, const QString &unit,
                      ComponentKind kind = ComponentKind::Service, double hitRatio = 0) {
        Component c;
        c.id = id;
        c.unit = unit;
        c.kind = kind;
        c.hitRatio = hitRatio;
        c.serviceTimeMs = 1;
        m_v.components << c;
        return *this;
    }
    Design &call(const QString &from, const QString &to, double calls = 1,
                 CallMode mode = CallMode::Sync, bool optional = false) {
        Connection k;
        k.from = from;
        k.to = to;
        k.calls = calls;
        k.mode = mode;
        k.optional = optional;
        m_v.connections << k;
        return *this;
    }
    Design &workload(const QString &entry = QStringLiteral("user")) {
        Workload w;
        w.name = QStringLiteral("w") + QString::number(m_v.workloads.size());
        w.entry = entry;
        w.ratePerSec = 10;
        m_v.workloads << w;
        return *this;
    }
    const Variant &variant() const { return m_v; }
    CompiledModel compile() const {
        const CompileResult r = compileVariant(m_v);
        if (!r.model) qFatal("%s", qPrintable(formatProblems(r.problems)));
        return *r.model;
    }

private:
    Variant m_v;
};

FailureReport analyze(const Design &d) {
    const CompiledModel m = d.compile();
    return analyzeFailures(d.variant(), m);
}

double lostShare(const FailureReport &r, const QString &unit, int workload = 0) {
    for (const UnitBlastRadius &b : r.blastRadius)
        if (b.unit == unit) return b.lostShare[workload];
    return -1;
}

QStringList spofUnits(const FailureReport &r) {
    QStringList units;
    for (const SinglePointOfFailure &s : r.singlePointsOfFailure)
        units << s.unit;
    return units;
}

constexpr double kTight = 1e-12;

} // namespace

class FailuresTest : public QObject {
    Q_OBJECT
private slots:
    void unitAvailabilityFromMtbfAndMttr() {
        Design d;
        d.addUnit(QStringLiteral("a"), 1, 0.9, {}, 9) // MTBF 9 h, MTTR 60 min
            .component(QStringLiteral("A"), QStringLiteral("a"))
            .call(QStringLiteral("user"), QStringLiteral("A"))
            .workload();
        const FailureReport r = analyze(d);
        QVERIFY(std::abs(d.variant().units[1].mttrMinutes - 60) < 1e-9);
        QVERIFY(std::abs(r.workloads[0].availability - 0.9) < kTight);
        QCOMPARE(r.workloads[0].bound, 0.0);
    }

    void seriesMultiplies() {
        Design d;
        d.addUnit(QStringLiteral("a"), 1, 0.95)
            .addUnit(QStringLiteral("b"), 1, 0.9)
            .component(QStringLiteral("A"), QStringLiteral("a"))
            .component(QStringLiteral("B"), QStringLiteral("b"))
            .call(QStringLiteral("user"), QStringLiteral("A"))
            .call(QStringLiteral("A"), QStringLiteral("B"))
            .workload();
        const FailureReport r = analyze(d);
        QVERIFY(std::abs(r.workloads[0].availability - 0.95 * 0.9) < kTight);
        QCOMPARE(r.workloads[0].dependsOn, (QStringList{"a", "b"}));
    }

    void replicasAreParallel() {
        Design d;
        d.addUnit(QStringLiteral("a"), 3, 0.9)
            .component(QStringLiteral("A"), QStringLiteral("a"))
            .call(QStringLiteral("user"), QStringLiteral("A"))
            .workload();
        const FailureReport r = analyze(d);
        QVERIFY(std::abs(r.workloads[0].availability - (1 - 0.1 * 0.1 * 0.1)) < kTight);
        QVERIFY(std::abs(r.units[1].availability - 0.999) < kTight);
    }

    void probabilisticCallsWeighTheirBranch() {
        Design d;
        d.addUnit(QStringLiteral("a"), 1, 0.95)
            .addUnit(QStringLiteral("b"), 1, 0.8)
            .component(QStringLiteral("A"), QStringLiteral("a"))
            .component(QStringLiteral("B"), QStringLiteral("b"))
            .call(QStringLiteral("user"), QStringLiteral("A"))
            .call(QStringLiteral("A"), QStringLiteral("B"), 0.3)
            .workload();
        const FailureReport r = analyze(d);
        QVERIFY(std::abs(r.workloads[0].availability - 0.95 * (0.7 + 0.3 * 0.8)) < kTight);
        QVERIFY(std::abs(lostShare(r, QStringLiteral("b")) - 0.3) < kTight);
        QVERIFY(std::abs(lostShare(r, QStringLiteral("a")) - 1.0) < kTight);
    }

    void repeatedCallsToOneUnitFailTogether() {
        // 2.5 calls to B, and B again through C: all need the same unit b, which is up or down
        // for the whole request, so b counts once: a x b, not a x b^2.5.
        Design d;
        d.addUnit(QStringLiteral("a"), 1, 0.95)
            .addUnit(QStringLiteral("b"), 1, 0.8)
            .component(QStringLiteral("A"), QStringLiteral("a"))
            .component(QStringLiteral("B"), QStringLiteral("b"))
            .component(QStringLiteral("C"), QStringLiteral("b"))
            .call(QStringLiteral("user"), QStringLiteral("A"))
            .call(QStringLiteral("A"), QStringLiteral("B"), 2.5)
            .call(QStringLiteral("A"), QStringLiteral("C"))
            .workload();
        const FailureReport r = analyze(d);
        QVERIFY(std::abs(r.workloads[0].availability - 0.95 * 0.8) < kTight);
        QVERIFY(std::abs(lostShare(r, QStringLiteral("b")) - 1.0) < kTight);
    }

    void optionalAndAsyncCallsAreNoDependency() {
        Design d;
        d.addUnit(QStringLiteral("a"), 1, 0.95)
            .addUnit(QStringLiteral("opt"), 1, 0.5)
            .addUnit(QStringLiteral("queue"), 1, 0.5)
            .component(QStringLiteral("A"), QStringLiteral("a"))
            .component(QStringLiteral("O"), QStringLiteral("opt"))
            .component(QStringLiteral("Q"), QStringLiteral("queue"), ComponentKind::Queue)
            .call(QStringLiteral("user"), QStringLiteral("A"))
            .call(QStringLiteral("A"), QStringLiteral("O"), 1, CallMode::Sync, true)
            .call(QStringLiteral("A"), QStringLiteral("Q"), 1, CallMode::Async)
            .workload();
        const FailureReport r = analyze(d);
        QVERIFY(std::abs(r.workloads[0].availability - 0.95) < kTight);
        QCOMPARE(r.workloads[0].dependsOn, QStringList{"a"});
        QCOMPARE(lostShare(r, QStringLiteral("opt")), 0.0);
        QCOMPARE(lostShare(r, QStringLiteral("queue")), 0.0);
        QVERIFY(!spofUnits(r).contains(QStringLiteral("opt")));
        QVERIFY(!spofUnits(r).contains(QStringLiteral("queue")));
    }

    void cacheHitsSpareTheDatabase() {
        Design d;
        d.addUnit(QStringLiteral("a"), 1, 0.99)
            .addUnit(QStringLiteral("c"), 1, 0.95)
            .addUnit(QStringLiteral("d"), 1, 0.9)
            .component(QStringLiteral("A"), QStringLiteral("a"))
            .component(QStringLiteral("C"), QStringLiteral("c"), ComponentKind::Cache, 0.8)
            .component(QStringLiteral("D"), QStringLiteral("d"), ComponentKind::Database)
            .call(QStringLiteral("user"), QStringLiteral("A"))
            .call(QStringLiteral("A"), QStringLiteral("C"))
            .call(QStringLiteral("C"), QStringLiteral("D"))
            .workload();
        const FailureReport r = analyze(d);
        QVERIFY(std::abs(r.workloads[0].availability - 0.99 * 0.95 * (0.8 + 0.2 * 0.9)) < kTight);
        QVERIFY(std::abs(lostShare(r, QStringLiteral("d")) - 0.2) < kTight);
    }

    void unitsWithoutMtbfNeverFail() {
        Design d;
        d.addUnit(QStringLiteral("a"), 1, std::nullopt)
            .component(QStringLiteral("A"), QStringLiteral("a"))
            .call(QStringLiteral("user"), QStringLiteral("A"))
            .workload();
        const FailureReport r = analyze(d);
        QCOMPARE(r.workloads[0].availability, 1.0);
        // Still a single point of failure: one replica that every request needs.
        QCOMPARE(spofUnits(r), QStringList{"a"});
    }

    void singlePointsOfFailureNameTheirReason() {
        Design d;
        d.addUnit(QStringLiteral("one"), 1, 0.99, {QStringLiteral("z1")})
            .addUnit(QStringLiteral("onezone"), 3, 0.99, {QStringLiteral("z1")})
            .addUnit(QStringLiteral("spread"), 2, 0.99,
                     {QStringLiteral("z1"), QStringLiteral("z2")})
            .addUnit(QStringLiteral("idle"), 1, 0.99, {QStringLiteral("z1")})
            .component(QStringLiteral("A"), QStringLiteral("one"))
            .component(QStringLiteral("B"), QStringLiteral("onezone"))
            .component(QStringLiteral("C"), QStringLiteral("spread"))
            .call(QStringLiteral("user"), QStringLiteral("A"))
            .call(QStringLiteral("A"), QStringLiteral("B"))
            .call(QStringLiteral("A"), QStringLiteral("C"))
            .workload();
        const FailureReport r = analyze(d);
        QCOMPARE(spofUnits(r), (QStringList{"one", "onezone"}));
        QCOMPARE(r.singlePointsOfFailure[0].reason, QStringLiteral("one replica"));
        QCOMPARE(r.singlePointsOfFailure[1].reason, QStringLiteral("all 3 replicas in zone z1"));
        QCOMPARE(r.singlePointsOfFailure[1].workloads, QStringList{"w0"});
        // "idle" runs nothing a request needs: never a single point of failure.
        QVERIFY(!spofUnits(r).contains(QStringLiteral("idle")));
    }

    void manyUnitsUseABoundedSum() {
        // A chain of 20 units: more than the exact enumeration takes, so the sum stops at two
        // units down and says how much probability it left out.
        Design d;
        QString previous = QStringLiteral("user");
        for (int i = 0; i < 20; ++i) {
            const QString id = QStringLiteral("u%1").arg(i);
            d.addUnit(id, 1, 0.99).component(QStringLiteral("C%1").arg(i), id);
            d.call(previous, QStringLiteral("C%1").arg(i));
            previous = QStringLiteral("C%1").arg(i);
        }
        d.workload();
        const FailureReport r = analyze(d);
        const double exact = std::pow(0.99, 20);
        QVERIFY(r.workloads[0].bound > 0);
        QVERIFY(r.workloads[0].bound < 2e-3);
        QVERIFY(r.workloads[0].availability <= exact + kTight);
        QVERIFY(exact <= r.workloads[0].availability + r.workloads[0].bound);
        // In a pure chain any down unit fails the request, so the partial sum is exact here.
        QVERIFY(std::abs(r.workloads[0].availability - exact) < 1e-9);
    }

    void monteCarloAgreesWithTheFormula() {
        // Replicas, a probabilistic branch, a cache and a repeated unit together.
        Design d;
        d.addUnit(QStringLiteral("a"), 2, 0.8, {}, 10)
            .addUnit(QStringLiteral("b"), 1, 0.9, {}, 5)
            .addUnit(QStringLiteral("c"), 1, 0.95, {}, 20)
            .addUnit(QStringLiteral("d"), 3, 0.7, {}, 8)
            .component(QStringLiteral("A"), QStringLiteral("a"))
            .component(QStringLiteral("B"), QStringLiteral("b"))
            .component(QStringLiteral("C"), QStringLiteral("c"), ComponentKind::Cache, 0.6)
            .component(QStringLiteral("D"), QStringLiteral("d"), ComponentKind::Database)
            .call(QStringLiteral("user"), QStringLiteral("A"))
            .call(QStringLiteral("A"), QStringLiteral("B"), 0.4)
            .call(QStringLiteral("A"), QStringLiteral("C"), 1.5)
            .call(QStringLiteral("C"), QStringLiteral("D"))
            .call(QStringLiteral("B"), QStringLiteral("D"))
            .workload();
        const CompiledModel m = d.compile();
        const FailureReport r = analyzeFailures(d.variant(), m);
        MonteCarloOptions options;
        options.replications = 10;
        options.requestsPerReplication = 100000;
        options.horizonMtbfs = 400;
        const MonteCarloAvailability mc = estimateAvailability(d.variant(), m, options);
        const double formula = r.workloads[0].availability;
        qInfo("formula %.6f, Monte Carlo %.6f +- %.6f", formula, mc.mean[0], mc.ci95[0]);
        QVERIFY(formula > 0.5 && formula < 0.99); // far enough from 1 to be a real check
        QVERIFY(mc.ci95[0] > 0 && mc.ci95[0] < 0.01);
        QVERIFY(std::abs(mc.mean[0] - formula) <= 1.5 * mc.ci95[0]);
    }

    void monteCarloWithMixedMtbfs() {
        // A unit failing every 36 s beside one failing every 4,000 h: the simulated span follows
        // the larger MTBF, which once meant a list of hundreds of millions of failures (> 6 GB).
        // In series the availability is 0.9 x 0.95 = 0.855.
        Design d;
        d.addUnit(QStringLiteral("flaky"), 1, 0.9, {}, 0.01)
            .addUnit(QStringLiteral("solid"), 1, 0.95, {}, 4000)
            .component(QStringLiteral("F"), QStringLiteral("flaky"))
            .component(QStringLiteral("S"), QStringLiteral("solid"))
            .call(QStringLiteral("user"), QStringLiteral("F"))
            .call(QStringLiteral("F"), QStringLiteral("S"))
            .workload();
        const CompiledModel m = d.compile();
        MonteCarloOptions options; // the default span: 2,000 x the largest MTBF
        options.requestsPerReplication = 50000;
        const MonteCarloAvailability mc = estimateAvailability(d.variant(), m, options);
        qInfo("Monte Carlo %.6f +- %.6f, exact 0.855", mc.mean[0], mc.ci95[0]);
        QVERIFY(mc.ci95[0] > 0 && mc.ci95[0] < 0.01);
        QVERIFY(std::abs(mc.mean[0] - 0.9 * 0.95) <= 1.5 * mc.ci95[0]);
    }

    void monteCarloWithMillionsOfCalls() {
        // A million calls per request to one unit fail or succeed together (the unit is up or
        // down), so availability is that unit's, 0.9; sampling walked every call (> 60 s).
        Design d;
        d.addUnit(QStringLiteral("a"), 1, 0.9, {}, 10)
            .component(QStringLiteral("A"), QStringLiteral("a"))
            .component(QStringLiteral("B"), QStringLiteral("a"))
            .call(QStringLiteral("user"), QStringLiteral("A"))
            .call(QStringLiteral("A"), QStringLiteral("B"), 1e6)
            .workload();
        const CompiledModel m = d.compile();
        QVERIFY(std::abs(analyzeFailures(d.variant(), m).workloads[0].availability - 0.9) < 1e-12);
        MonteCarloOptions options;
        options.requestsPerReplication = 20000;
        const MonteCarloAvailability mc = estimateAvailability(d.variant(), m, options);
        qInfo("Monte Carlo %.6f +- %.6f, exact 0.9", mc.mean[0], mc.ci95[0]);
        QVERIFY(std::abs(mc.mean[0] - 0.9) <= 1.5 * mc.ci95[0]);
    }

    void cliReportsTheExample() {
        QProcess p;
        p.start(QStringLiteral(ARCHSIM_CLI),
                {QStringLiteral("failures"), QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json"),
                 QStringLiteral("--variant"), QStringLiteral("Microservices"),
                 QStringLiteral("--json"), QStringLiteral("--samples"), QStringLiteral("20000")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject doc = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(doc.value(QStringLiteral("variant")).toString(), QStringLiteral("Microservices"));
        const QJsonObject shop = doc.value(QStringLiteral("workloads")).toArray().at(0).toObject();
        QCOMPARE(shop.value(QStringLiteral("name")).toString(), QStringLiteral("shop"));
        const double a = shop.value(QStringLiteral("availability")).toDouble();
        QVERIFY(a > 0.99 && a < 1);
        QVERIFY(
            shop.value(QStringLiteral("dependsOn")).toArray().contains(QStringLiteral("postgres")));
        QVERIFY(!shop.value(QStringLiteral("dependsOn"))
                     .toArray()
                     .contains(QStringLiteral("rabbitmq")));
        const QJsonArray spofs = doc.value(QStringLiteral("singlePointsOfFailure")).toArray();
        QVERIFY(spofs.contains(QStringLiteral("postgres")));
        QVERIFY(!spofs.contains(QStringLiteral("orders-svc"))); // two replicas in two zones
        bool sawGateway = false;
        for (const QJsonValue &b : doc.value(QStringLiteral("blastRadius")).toArray()) {
            const QJsonObject o = b.toObject();
            if (o.value(QStringLiteral("unit")).toString() == QLatin1String("gateway-svc")) {
                sawGateway = true;
                QCOMPARE(o.value(QStringLiteral("lostShare"))
                             .toObject()
                             .value(QStringLiteral("shop"))
                             .toDouble(),
                         1.0);
            }
        }
        QVERIFY(sawGateway);
    }

    // failures --plot: the availability and blast-radius charts, stacked in one PNG.
    void cliPlotsAvailability() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("failures.png"));
        QProcess p;
        p.start(QStringLiteral(ARCHSIM_CLI),
                {QStringLiteral("failures"), QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json"),
                 QStringLiteral("--samples"), QStringLiteral("0"), QStringLiteral("--plot"), png});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1200, 2 * 420));
    }
};

QTEST_GUILESS_MAIN(FailuresTest)
#include "tst_failures.moc"
