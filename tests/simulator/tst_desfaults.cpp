// SPDX-License-Identifier: GPL-3.0-or-later
// Dynamic failures in the discrete-event engine: crashes, zones, timeouts, retries, breakers,
// optional calls and random failures, checked against figures computed by hand.
#include "modelbuilder.h"

#include "simulator/compiledmodel.h"
#include "simulator/des/desengine.h"
#include "simulator/des/faultplan.h"
#include "simulator/failures/failureanalysis.h"

#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace archsim;
using namespace archsim::sim;

namespace {

// client -> a (unit ua) -> b (unit ub), `calls` calls of b per request; 1 ms constant work.
struct TwoTier {
    int replicasB = 1;
    QStringList zonesB;
    double healthCheckMs = 1000;
    double calls = 1;
    double serviceB = 1;
    Distribution distributionB = Distribution::Constant;
    double rate = 100;
};

Variant twoTier(const TwoTier &t) {
    test::ModelBuilder b;
    b.client(QStringLiteral("c"))
        .unit(QStringLiteral("ua"), 64)
        .unit(QStringLiteral("ub"), 64, t.replicasB)
        .component(QStringLiteral("a"), QStringLiteral("ua"), 1, Distribution::Constant)
        .component(QStringLiteral("b"), QStringLiteral("ub"), t.serviceB, t.distributionB)
        .call(QStringLiteral("c"), QStringLiteral("a"))
        .call(QStringLiteral("a"), QStringLiteral("b"), t.calls)
        .open(QStringLiteral("w"), QStringLiteral("c"), t.rate);
    Variant v = b.variant();
    for (Unit &u : v.units) {
        u.healthCheckMs = t.healthCheckMs;
        if (u.id == QLatin1String("ub")) u.zones = t.zonesB;
    }
    return v;
}

void addEvent(Variant &v, ScenarioEvent e) {
    if (v.scenarios.isEmpty()) v.scenarios << Scenario{QStringLiteral("s"), {}, {}};
    v.scenarios[0].events << e;
}

ScenarioEvent crashB(double atSec, double forSec, std::optional<int> replicas = {}) {
    ScenarioEvent e;
    e.action = ScenarioAction::Crash;
    e.atSec = atSec;
    e.forSec = forSec;
    e.unit = QStringLiteral("ub");
    e.replicas = replicas;
    return e;
}

Connection &callAB(Variant &v) {
    return v.connections[1];
}

struct Run {
    LoadResult result;
    CompiledModel model;
};

Run run(const Variant &v, double durationSec, std::uint64_t seed = 7, int replications = 2,
        bool randomFailures = false) {
    const CompileResult compiled = compileVariant(v);
    if (!compiled.model) qFatal("test model does not compile");
    DesOptions o;
    o.durationSec = durationSec;
    o.warmupSec = 10;
    o.seed = seed;
    o.replications = replications;
    o.workerThreads = 2;
    if (!v.scenarios.isEmpty()) {
        const QString error = applyScenario(v, *compiled.model, QStringLiteral("s"), o);
        if (!error.isEmpty()) qFatal("%s", qPrintable(error));
    }
    o.faults.randomFailures = randomFailures;
    return {simulate(*compiled.model, o), *compiled.model};
}

// Failed requests of workload 0 summed over the replications.
double failedRequests(const LoadResult &r) {
    const WorkloadResult &w = r.workloads[0];
    const double completed = w.throughputPerSec * r.durationSec * r.replications;
    const double e = w.errorRate.value_or(0);
    return e < 1 ? completed * e / (1 - e) : INFINITY;
}

const UnitResult &unitResult(const LoadResult &r, const QString &id) {
    for (const UnitResult &u : r.units)
        if (u.id == id) return u;
    qFatal("no unit");
}

} // namespace

class TestDesFaults : public QObject {
    Q_OBJECT

private slots:
    // The only replica of a unit half the requests need is down 20 s: the static blast radius
    // (0.5) times the arrivals in the window fail.
    void crashOfOnlyReplicaFailsItsShare() {
        TwoTier t;
        t.calls = 0.5;
        Variant v = twoTier(t);
        addEvent(v, crashB(30, 20));
        const Run r = run(v, 60);
        const FailureReport report = analyzeFailures(v, r.model);
        double blast = -1;
        for (const UnitBlastRadius &b : report.blastRadius)
            if (b.unit == QLatin1String("ub")) blast = b.lostShare[0];
        QCOMPARE(blast, 0.5);
        const double expected = blast * t.rate * 20 * r.result.replications; // 2000
        const double failed = failedRequests(r.result);
        qInfo("only replica down 20 s: %.0f failed, expected %.0f", failed, expected);
        QVERIFY2(std::abs(failed - expected) < 0.08 * expected,
                 qPrintable(QStringLiteral("failed %1, expected %2").arg(failed).arg(expected)));
        // The errors sit in the window: the series shows the outage and the recovery.
        double inside = 0, outside = 0;
        for (const SeriesPoint &p : r.result.series) {
            const bool before = p.timeSec + r.result.intervalSec <= 30;
            const bool after = p.timeSec >= 50 + 0.01; // a reply in flight may land just after
            (before || after ? outside : inside) += p.errorsPerSec[0];
        }
        QVERIFY(inside > 0);
        QCOMPARE(outside, 0.0);
    }

    // Two replicas, one crashes: only the calls the balancer sends to it before its health
    // check notices fail, about detection delay x call rate / 2.
    void secondReplicaAndHealthCheckAbsorbACrash() {
        TwoTier t;
        t.calls = 0.5;
        t.replicasB = 2;
        Variant v = twoTier(t);
        addEvent(v, crashB(30, 20, 1));
        const Run r = run(v, 60);
        const double expected = t.healthCheckMs / 1000 * t.rate * t.calls / 2 * 2; // 50 in 2 runs
        const double failed = failedRequests(r.result);
        qInfo("one of two replicas down: %.0f failed, expected about %.0f", failed, expected);
        QVERIFY2(
            failed > 0.5 * expected && failed < 1.6 * expected,
            qPrintable(QStringLiteral("failed %1, expected about %2").arg(failed).arg(expected)));
    }

    // All replicas in one zone: losing the zone fails the unit; spread over two it does not.
    void zoneOutage() {
        for (const QStringList &zones : {QStringList{"z1"}, QStringList{"z1", "z2"}}) {
            TwoTier t;
            t.replicasB = 2;
            t.zonesB = zones;
            Variant v = twoTier(t);
            ScenarioEvent e;
            e.action = ScenarioAction::ZoneDown;
            e.atSec = 30;
            e.forSec = 20;
            e.zone = QStringLiteral("z1");
            addEvent(v, e);
            const Run r = run(v, 60);
            const double failed = failedRequests(r.result);
            qInfo("zone z1 down, replicas in %lld zone(s): %.0f failed", qint64(zones.size()),
                  failed);
            if (zones.size() == 1) {
                const double expected = t.rate * 20 * 2;
                QVERIFY2(std::abs(failed - expected) < 0.08 * expected,
                         qPrintable(QString::number(failed)));
            } else {
                const double expected = t.healthCheckMs / 1000 * t.rate / 2 * 2;
                QVERIFY2(failed > 0.5 * expected && failed < 1.6 * expected,
                         qPrintable(QString::number(failed)));
            }
        }
    }

    // Retries multiply the calls that reach a failing dependency by 1 + retries; a circuit
    // breaker caps them at its trial calls.
    void retriesAmplifyAndBreakerCaps() {
        TwoTier t;
        Variant v = twoTier(t);
        addEvent(v, crashB(0, 0)); // down for the whole run
        callAB(v).retries = 3;
        callAB(v).retryBackoffMs = 5;
        callAB(v).retryJitter = 0.5;
        const Run plain = run(v, 30);
        const double calls = unitResult(plain.result, "ub").callsPerSec.value_or(0);
        QVERIFY2(std::abs(calls - 4 * t.rate) < 0.05 * 4 * t.rate,
                 qPrintable(QString::number(calls)));
        QVERIFY(std::abs(*plain.result.workloads[0].retriesPerRequest - 3) < 0.01);
        QVERIFY(std::abs(*plain.result.workloads[0].errorRate - 1) < 1e-9);

        callAB(v).breakerThreshold = 5;
        callAB(v).breakerOpenMs = 1000;
        const Run broken = run(v, 30);
        // Open all the time but one trial call per second.
        const double capped = unitResult(broken.result, "ub").callsPerSec.value_or(0);
        qInfo("calls reaching the dead unit: %.1f/s with 3 retries, %.2f/s with a breaker "
              "(arrivals %.0f/s)",
              calls, capped, t.rate);
        QVERIFY2(capped <= 1.5, qPrintable(QString::number(capped)));
        QVERIFY(std::abs(*broken.result.workloads[0].errorRate - 1) < 1e-9);
    }

    // Retries on a slow dependency: b ~ Exp(20 ms) behind a 30 ms timeout fails an attempt with
    // p = exp(-1.5), so 2 retries send it 1 + p + p^2 calls per request (the timed-out work
    // goes on), and a request fails with p^3.
    void retriesOnSlowDependency() {
        TwoTier t;
        t.serviceB = 20;
        t.distributionB = Distribution::Exponential;
        t.rate = 50;
        Variant v = twoTier(t);
        callAB(v).timeoutMs = 30;
        callAB(v).retries = 2;
        const Run r = run(v, 120);
        const double p = std::exp(-1.5);
        const double perRequest = unitResult(r.result, "ub").callsPerSec.value_or(0) / t.rate;
        const double errors = *r.result.workloads[0].errorRate;
        qInfo("slow dependency, 2 retries: %.4f calls per request (1 + p + p^2 = %.4f), error "
              "rate %.4f (p^3 = %.4f)",
              perRequest, 1 + p + p * p, errors, p * p * p);
        QVERIFY(std::abs(perRequest - (1 + p + p * p)) < 0.03);
        QVERIFY(std::abs(errors - p * p * p) < 0.005);
    }

    // A breaker closes again once its dependency is back: no errors after the recovery.
    void breakerRecovers() {
        TwoTier t;
        Variant v = twoTier(t);
        addEvent(v, crashB(20, 10));
        callAB(v).breakerThreshold = 5;
        callAB(v).breakerOpenMs = 500;
        const Run r = run(v, 60);
        double late = 0;
        for (const SeriesPoint &p : r.result.series)
            if (p.timeSec > 32) late += p.errorsPerSec[0];
        QCOMPARE(late, 0.0);
        // Errors: the window (10 s of 100/s in two runs) and nothing much more.
        const double failed = failedRequests(r.result);
        QVERIFY2(failed > 0.9 * 2000 && failed < 1.1 * 2000 + 200,
                 qPrintable(QString::number(failed)));
    }

    // A timeout bounds the caller: with b ~ Exp(mean 20 ms) and a 30 ms timeout, P(fail) =
    // exp(-30/20) and the answered requests take at most 1 + 30 ms.
    void timeoutBoundsLatency() {
        TwoTier t;
        t.serviceB = 20;
        t.distributionB = Distribution::Exponential;
        t.rate = 50;
        Variant v = twoTier(t);
        callAB(v).timeoutMs = 30;
        const Run r = run(v, 120);
        const WorkloadResult &w = r.result.workloads[0];
        qInfo("timeout 30 ms: error rate %.4f (exp(-1.5) = %.4f), p99 %.2f ms", *w.errorRate,
              std::exp(-1.5), *w.p99Ms);
        QVERIFY2(std::abs(*w.errorRate - std::exp(-1.5)) < 0.02,
                 qPrintable(QString::number(*w.errorRate)));
        QVERIFY2(*w.p99Ms <= 31 * 1.03, qPrintable(QString::number(*w.p99Ms)));
        callAB(v).timeoutMs = 0;
        const Run free = run(v, 120);
        QVERIFY(*free.result.workloads[0].p99Ms > 80); // 1 + 20 ln 100 = 93 without it
    }

    // Injected latency adds to each call while it lasts; a slowdown multiplies service times.
    // Constant 1 ms work in a and b, low load: a request takes 2 ms, 2 + 50 ms with 50 ms on
    // the connection, 1 + 5 x 1 ms with b five times slower.
    void latencyAndSlowdownWindows() {
        TwoTier t;
        t.rate = 20;
        Variant v = twoTier(t);
        callAB(v).id = QStringLiteral("ab");
        ScenarioEvent latency;
        latency.action = ScenarioAction::Latency;
        latency.atSec = 20;
        latency.forSec = 10;
        latency.connection = QStringLiteral("ab");
        latency.latencyMs = 50;
        addEvent(v, latency);
        ScenarioEvent slow;
        slow.action = ScenarioAction::Slowdown;
        slow.atSec = 40;
        slow.forSec = 10;
        slow.unit = QStringLiteral("ub");
        slow.factor = 5;
        addEvent(v, slow);
        const Run r = run(v, 50);
        for (const SeriesPoint &p : r.result.series) {
            const double from = p.timeSec, to = p.timeSec + r.result.intervalSec;
            double expected = 2;
            if (from >= 20.1 && to <= 30)
                expected = 52;
            else if (from >= 40.1 && to <= 50)
                expected = 6;
            else if (to > 20 && from < 30.1)
                continue; // straddles a window edge
            else if (to > 40 && from < 50.1)
                continue;
            QVERIFY2(std::abs(p.meanResponseMs[0] - expected) < 1e-6,
                     qPrintable(QStringLiteral("at %1 s: %2 ms, expected %3")
                                    .arg(from)
                                    .arg(p.meanResponseMs[0])
                                    .arg(expected)));
        }
    }

    // An optional call that fails degrades the answer, it does not fail it.
    void optionalFailureDegrades() {
        TwoTier t;
        Variant v = twoTier(t);
        callAB(v).optional = true;
        addEvent(v, crashB(30, 20));
        const Run r = run(v, 60);
        const WorkloadResult &w = r.result.workloads[0];
        qInfo("optional call down 20 of 60 s: degraded %.4f, errors %.4f", *w.degradedRate,
              *w.errorRate);
        QCOMPARE(*w.errorRate, 0.0);
        QVERIFY2(std::abs(*w.degradedRate - 20.0 / 60) < 0.03,
                 qPrintable(QString::number(*w.degradedRate)));
    }

    // Random failures of a series of two units: the error share is near 1 - A_a A_b of the
    // static formula (MTBF 1 min, MTTR 15 s: A = 0.8 each), within the 95% interval of
    // independent runs.
    void randomFailuresMatchAvailability() {
        TwoTier t;
        t.rate = 10;
        Variant v = twoTier(t);
        for (Unit &u : v.units)
            if (!u.implicit) {
                u.mtbfHours = 1.0 / 60;
                u.mttrMinutes = 0.25;
            }
        const CompileResult compiled = compileVariant(v);
        const FailureReport report = analyzeFailures(v, *compiled.model);
        const double unavailable = 1 - report.workloads[0].availability;
        QVERIFY(std::abs(unavailable - 0.36) < 1e-9);
        std::vector<double> shares;
        for (std::uint64_t seed = 1; seed <= 6; ++seed) {
            const Run r = run(v, 3000, seed, 1, true);
            shares.push_back(*r.result.workloads[0].errorRate);
        }
        double mean = 0, var = 0;
        for (double s : shares)
            mean += s / double(shares.size());
        for (double s : shares)
            var += (s - mean) * (s - mean) / double(shares.size() - 1);
        const double half = 2.571 * std::sqrt(var / double(shares.size())); // t(5) 95%
        qInfo("random failures: error share %.4f +- %.4f, 1 - availability %.4f", mean, half,
              unavailable);
        QVERIFY2(std::abs(mean - unavailable) <= half,
                 qPrintable(QStringLiteral("error share %1 +- %2, formula %3")
                                .arg(mean)
                                .arg(half)
                                .arg(unavailable)));
        QVERIFY(half < 0.05);
    }

    // Bad scenario references are errors naming the event and field, or listing the scenarios.
    void scenarioErrors() {
        Variant v = twoTier(TwoTier{});
        const CompileResult compiled = compileVariant(v);
        ScenarioEvent e = crashB(1, 1);
        e.unit = QStringLiteral("nope");
        addEvent(v, e);
        DesOptions o;
        QString error = applyScenario(v, *compiled.model, QStringLiteral("s"), o);
        QVERIFY2(error.contains("events[0].unit") && error.contains("nope"), qPrintable(error));
        error = applyScenario(v, *compiled.model, QStringLiteral("other"), o);
        QVERIFY2(error.contains("other") && error.contains("(it has: s)"), qPrintable(error));
    }

    void sameSeedSameResult() {
        TwoTier t;
        t.replicasB = 2;
        Variant v = twoTier(t);
        addEvent(v, crashB(15, 10, 1));
        callAB(v).retries = 2;
        callAB(v).retryBackoffMs = 3;
        callAB(v).retryJitter = 1;
        callAB(v).timeoutMs = 4;
        for (Unit &u : v.units)
            u.mtbfHours = 0.01, u.mttrMinutes = 0.1;
        const auto a = QJsonDocument(toJson(run(v, 30, 3, 2, true).result, true)).toJson();
        const auto b = QJsonDocument(toJson(run(v, 30, 3, 2, true).result, true)).toJson();
        QCOMPARE(a, b);
    }
};

QTEST_GUILESS_MAIN(TestDesFaults)
#include "tst_desfaults.moc"
