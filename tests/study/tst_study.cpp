// SPDX-License-Identifier: GPL-3.0-or-later
// tst_study: deriving variants, comparing them, capacity plans, break-even and sharded runs.
#include "modelbuilder.h"
#include "studycli.h"

#include "model/projectfile.h"
#include "model/variantedits.h"
#include "simulator/des/replications.h"
#include "simulator/study/breakeven.h"
#include "simulator/study/compare.h"
#include "simulator/study/plan.h"
#include "simulator/study/sweep.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace archsim;
using archsim::test::ModelBuilder;

namespace {

Project example() {
    ReadResult read = loadProject(QStringLiteral(ARCHSIM_EXAMPLES "/shop.json"));
    if (!read.ok()) qFatal("cannot read the example");
    return read.project;
}

QSet<QString> unitIds(const Variant &v) {
    QSet<QString> ids;
    for (const Unit &u : v.units)
        ids.insert(u.id);
    return ids;
}

sim::DesOptions shortRun(std::uint64_t seed = 7) {
    sim::DesOptions o;
    o.durationSec = 8;
    o.warmupSec = 2;
    o.replications = 3;
    o.seed = seed;
    o.workerThreads = 2;
    return o;
}

// client -> gateway g (unit gw) -> services a (ua), b (ub) -> database db (dbu).
Variant handBuilt() {
    ModelBuilder b;
    b.client(QStringLiteral("web"))
        .unit(QStringLiteral("gw"), 4, 2, 2)
        .unit(QStringLiteral("ua"), 8, 2, 2)
        .unit(QStringLiteral("ub"), 4, 3, 1)
        .unit(QStringLiteral("dbu"), 10, 1, 4)
        .component(QStringLiteral("g"), QStringLiteral("gw"), 1, Distribution::Exponential, 1,
                   ComponentKind::Gateway)
        .component(QStringLiteral("a"), QStringLiteral("ua"), 2)
        .component(QStringLiteral("b"), QStringLiteral("ub"), 3)
        .component(QStringLiteral("db"), QStringLiteral("dbu"), 1, Distribution::Exponential, 1,
                   ComponentKind::Database)
        .call(QStringLiteral("web"), QStringLiteral("g"))
        .call(QStringLiteral("g"), QStringLiteral("a"), 1, 1)
        .call(QStringLiteral("g"), QStringLiteral("b"), 0.5, 1)
        .call(QStringLiteral("a"), QStringLiteral("db"), 1, 1)
        .open(QStringLiteral("load"), QStringLiteral("web"), 100);
    Variant v = b.variant();
    const double costs[] = {0, 0.1, 0.2, 0.1, 0.5};
    for (int i = 0; i < v.units.size(); ++i)
        v.units[i].costPerHour = costs[i];
    return v;
}

// One 10 ms constant-time step per component, called straight from the client: a unit's
// utilisation is rate x 10 ms x components / (replicas x 1 thread), computable by hand.
Variant twoStep(bool monolith) {
    ModelBuilder b;
    b.client(QStringLiteral("c"));
    if (monolith)
        b.unit(QStringLiteral("app"), 1, 1);
    else
        b.unit(QStringLiteral("ua"), 1, 2).unit(QStringLiteral("ub"), 1, 2);
    b.component(QStringLiteral("A"), monolith ? QStringLiteral("app") : QStringLiteral("ua"), 10,
                Distribution::Constant)
        .component(QStringLiteral("B"), monolith ? QStringLiteral("app") : QStringLiteral("ub"), 10,
                   Distribution::Constant)
        .call(QStringLiteral("c"), QStringLiteral("A"))
        .call(QStringLiteral("c"), QStringLiteral("B"))
        .open(QStringLiteral("w"), QStringLiteral("c"), 10);
    Variant v = b.variant();
    v.name = monolith ? QStringLiteral("Mono") : QStringLiteral("Micro");
    for (Unit &u : v.units) {
        if (u.implicit) continue;
        // A monolith replica costs 3 a month (a fixed overhead per replica), a service 1, with
        // at least two replicas per service.
        u.costPerHour = (monolith ? 3.0 : 1.0) / sim::kHoursPerMonth;
        if (!monolith) u.autoscaleMin = 2;
    }
    return v;
}

} // namespace

class TestStudy : public QObject {
    Q_OBJECT

private slots:
    void deriveMonolithHandBuilt() {
        const Variant v = handBuilt();
        const VariantEdit edit = deriveMonolith(v, QStringLiteral("Mono"));
        QVERIFY2(edit.ok(), qPrintable(edit.error));
        const Variant &m = edit.variant;
        QCOMPARE(m.name, QStringLiteral("Mono"));
        QCOMPARE(unitIds(m), (QSet<QString>{"web", "app", "dbu"}));
        const Unit *app = m.findUnit(QStringLiteral("app"));
        QVERIFY(app);
        // Rule: replicas = the largest (3); per replica the total cores 2*2+2*2+1*3 = 11,
        // threads 4*2+8*2+4*3 = 36 and cost 0.1*2+0.2*2+0.1*3 = 0.9 spread over 3 replicas.
        QCOMPARE(app->replicas, 3);
        QCOMPARE(app->effectiveCores(), 4);
        QCOMPARE(app->threads, 12);
        QCOMPARE(app->costPerHour, 0.3);
        for (const char *id : {"g", "a", "b"})
            QCOMPARE(m.findComponent(QLatin1String(id))->unit, QStringLiteral("app"));
        QCOMPARE(m.findComponent(QStringLiteral("db"))->unit, QStringLiteral("dbu"));
        QCOMPARE(*m.findUnit(QStringLiteral("dbu")), *v.findUnit(QStringLiteral("dbu")));
        QCOMPARE(m.connections, v.connections);
        QCOMPARE(m.workloads, v.workloads);
        QCOMPARE(m.layers, v.layers);
    }

    void deriveMicroservicesHandBuilt() {
        const Variant mono = deriveMonolith(handBuilt(), QStringLiteral("Mono")).variant;
        const VariantEdit edit = deriveMicroservices(mono, QStringLiteral("Micro"));
        QVERIFY2(edit.ok(), qPrintable(edit.error));
        const Variant &s = edit.variant;
        QCOMPARE(unitIds(s), (QSet<QString>{"web", "g-svc", "a-svc", "b-svc", "dbu"}));
        for (const char *id : {"g-svc", "a-svc", "b-svc"}) {
            const Unit *u = s.findUnit(QLatin1String(id));
            // Rule: the process's replicas (3) and threads (12); cores ceil(4 / 3) = 2 each,
            // priced at the source's 0.3 per 4 cores.
            QCOMPARE(u->replicas, 3);
            QCOMPARE(u->threads, 12);
            QCOMPARE(u->effectiveCores(), 2);
            QCOMPARE(u->costPerHour, 0.15);
        }
        QCOMPARE(s.findComponent(QStringLiteral("a"))->unit, QStringLiteral("a-svc"));
        // Splitting something already split changes nothing.
        const Variant again = deriveMicroservices(s, QStringLiteral("Again")).variant;
        QCOMPARE(again.units, s.units);
    }

    void deriveOnTheExample() {
        const Project p = example();
        const Variant *mono = p.findVariant(QStringLiteral("Monolith"));
        const Variant *micro = p.findVariant(QStringLiteral("Microservices"));
        QVERIFY(mono && micro);
        // Splitting the monolith gives the hand-drawn microservices' units: the gateway keeps
        // gateway-svc, each service gets <service>-svc, the datastores keep theirs.
        const Variant split = deriveMicroservices(*mono, QStringLiteral("Split")).variant;
        QCOMPARE(unitIds(split), unitIds(*micro));
        for (const Component &c : micro->components)
            QCOMPARE(split.findComponent(c.id)->unit, c.unit);
        const Unit *search = split.findUnit(QStringLiteral("search-svc"));
        QCOMPARE(search->replicas, mono->findUnit(QStringLiteral("app"))->replicas);
        QCOMPARE(search->effectiveCores(), 1); // 4 cores over 8 services, at least one each
        // Collapsing the microservices puts services and the gateway into one unit.
        const Variant merged = deriveMonolith(*micro, QStringLiteral("Merged")).variant;
        QCOMPARE(unitIds(merged), (QSet<QString>{"web", "backoffice", "payment-provider", "app",
                                                 "redis", "postgres", "rabbitmq"}));
        double before = 0, after = 0;
        for (const Unit &u : micro->units)
            before += u.costPerHour * u.replicas;
        for (const Unit &u : merged.units)
            after += u.costPerHour * u.replicas;
        QVERIFY(std::fabs(before - after) < 1e-9); // the rule keeps the money
    }

    void renameAndGroupAreModelOperations() {
        const Variant v = handBuilt();
        const VariantEdit renamed = renameUnit(v, QStringLiteral("ua"), QStringLiteral("alpha"));
        QVERIFY(renamed.ok());
        QCOMPARE(renamed.variant.findComponent(QStringLiteral("a"))->unit, QStringLiteral("alpha"));
        QVERIFY(!renameUnit(v, QStringLiteral("ua"), QStringLiteral("ub")).ok());
        const VariantEdit grouped =
            groupIntoUnit(v, {QStringLiteral("a"), QStringLiteral("b")}, QStringLiteral("ab"));
        QVERIFY(grouped.ok());
        QVERIFY(!grouped.variant.findUnit(QStringLiteral("ua")));
        const Variant back = ungroup(grouped.variant, {}, {QStringLiteral("ab")});
        QCOMPARE(back.findComponent(QStringLiteral("a"))->unit, QStringLiteral("a"));
    }

    void comparisonEqualsRunningEachAlone() {
        const Project p = example();
        QList<Variant> variants{*p.findVariant(QStringLiteral("Monolith")),
                                *p.findVariant(QStringLiteral("Microservices"))};
        sim::CompareOptions options;
        options.des = shortRun();
        options.ratePerSec = 400;
        const sim::Comparison c = sim::compareVariants(variants, options);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        for (int i = 0; i < 2; ++i) {
            const sim::CompiledModel m = *sim::compileVariant(variants[i]).model;
            sim::DesOptions alone = shortRun();
            alone.scale = 400 / sim::openBaseRate(m);
            const sim::LoadResult r = sim::simulate(m, alone);
            QCOMPARE(sim::toJson(c.variants[std::size_t(i)].des, true), sim::toJson(r, true));
        }
    }

    void identicalVariantsHaveNoSignificantDifference() {
        const Project p = example();
        Variant a = *p.findVariant(QStringLiteral("Microservices"));
        Variant b = a;
        b.name = QStringLiteral("Copy");
        sim::CompareOptions options;
        options.des = shortRun(11);
        const sim::Comparison c = sim::compareVariants({a, b}, options);
        QVERIFY(!c.rows.empty());
        for (const sim::CompareRow &r : c.rows) {
            QVERIFY2(!r.significant, qPrintable(r.metric + QLatin1Char(' ') + r.workload));
            QCOMPARE(r.better, -1);
        }
    }

    void aRealDifferenceIsSignificant() {
        // One M/M/1 at utilisation 0.8 against one at 0.16: p99 = ln(100) / (mu - lambda),
        // 230 ms against 11 ms; no interval can make those overlap.
        ModelBuilder slow, fast;
        slow.client(QStringLiteral("c"))
            .unit(QStringLiteral("u"))
            .component(QStringLiteral("s"), QStringLiteral("u"), 10)
            .call(QStringLiteral("c"), QStringLiteral("s"))
            .open(QStringLiteral("w"), QStringLiteral("c"), 80);
        fast.client(QStringLiteral("c"))
            .unit(QStringLiteral("u"))
            .component(QStringLiteral("s"), QStringLiteral("u"), 2)
            .call(QStringLiteral("c"), QStringLiteral("s"))
            .open(QStringLiteral("w"), QStringLiteral("c"), 80);
        Variant a = slow.variant(), b = fast.variant();
        a.name = QStringLiteral("Slow");
        b.name = QStringLiteral("Fast");
        sim::CompareOptions options;
        options.des = shortRun();
        options.des.durationSec = 30;
        options.slo.p99Ms = 50;
        const sim::Comparison c = sim::compareVariants({a, b}, options);
        bool found = false;
        for (const sim::CompareRow &r : c.rows)
            if (r.metric == QLatin1String("p99Ms")) {
                found = true;
                QVERIFY(r.significant);
                QCOMPARE(r.better, 1);
                const double theory = std::log(100.0) / (0.1 - 0.08); // 230 ms
                QVERIFY(std::fabs(r.values[0].toDouble() - theory) < 0.3 * theory);
            }
        QVERIFY(found);
        QVERIFY(!c.variants[0].slo.pass);
        QVERIFY(c.variants[1].slo.pass);
    }

    void planIsMinimalInTheDes() {
        // A caller that holds its thread while a second unit works, and a dear third unit.
        ModelBuilder b;
        b.client(QStringLiteral("c"))
            .unit(QStringLiteral("u1"), 2)
            .unit(QStringLiteral("u2"), 2)
            .unit(QStringLiteral("u3"), 1)
            .component(QStringLiteral("s1"), QStringLiteral("u1"), 4)
            .component(QStringLiteral("s2"), QStringLiteral("u2"), 6)
            .component(QStringLiteral("s3"), QStringLiteral("u3"), 2)
            .call(QStringLiteral("c"), QStringLiteral("s1"))
            .call(QStringLiteral("s1"), QStringLiteral("s2"), 1, 1)
            .call(QStringLiteral("c"), QStringLiteral("s3"))
            .open(QStringLiteral("w"), QStringLiteral("c"), 100);
        Variant v = b.variant();
        v.units[1].costPerHour = 0.1;
        v.units[2].costPerHour = 0.05;
        v.units[3].costPerHour = 0.4;
        sim::PlanOptions options;
        options.ratePerSec = 600;
        options.slo.p99Ms = 60;
        options.des = shortRun(5);
        const sim::PlanResult plan = sim::planCapacity(v, options);
        QVERIFY2(plan.feasible, qPrintable(plan.reason));
        QVERIFY(plan.desChecked);

        // Checked again here with the engine itself, replica by replica.
        auto passes = [&](const Variant &candidate) {
            const sim::CompiledModel m = *sim::compileVariant(candidate).model;
            sim::DesOptions des = options.des;
            des.scale = options.ratePerSec / sim::openBaseRate(m);
            const sim::LoadResult r = sim::simulate(m, des);
            return sim::checkSlo(options.slo, r, sim::analyzeFailures(candidate, m)).pass &&
                   !r.saturated;
        };
        QVERIFY(passes(plan.planned));
        double planCost = sim::costPerMonth(plan.planned);
        QCOMPARE(planCost, plan.costPerMonth);
        for (int i = 1; i < plan.planned.units.size(); ++i) {
            if (plan.planned.units[i].replicas <= 1) continue; // at its minimum
            Variant fewer = plan.planned;
            --fewer.units[i].replicas;
            QVERIFY2(!passes(fewer), qPrintable(fewer.units[i].id));
        }
        // Every cheaper neighbour (one replica moved from one unit to another) breaks the SLO.
        for (int a = 1; a < plan.planned.units.size(); ++a)
            for (int c = 1; c < plan.planned.units.size(); ++c) {
                if (a == c || plan.planned.units[a].replicas <= 1) continue;
                Variant moved = plan.planned;
                --moved.units[a].replicas;
                ++moved.units[c].replicas;
                if (sim::costPerMonth(moved) < planCost)
                    QVERIFY2(!passes(moved), qPrintable(moved.units[a].id + QStringLiteral(" -> ") +
                                                        moved.units[c].id));
            }
    }

    void aLoadBeyondTheMaximumIsRefusedWithoutDesRuns() {
        // One 10 ms single-thread server, at most 2 replicas: 200/s is its limit; ask for 500.
        ModelBuilder b;
        b.client(QStringLiteral("c"))
            .unit(QStringLiteral("u"))
            .component(QStringLiteral("s"), QStringLiteral("u"), 10)
            .call(QStringLiteral("c"), QStringLiteral("s"))
            .open(QStringLiteral("w"), QStringLiteral("c"), 10);
        Variant v = b.variant();
        v.units[1].autoscaleMax = 2;
        sim::PlanOptions options;
        options.ratePerSec = 500;
        options.slo.p99Ms = 100;
        options.des = shortRun();
        const sim::PlanResult plan = sim::planCapacity(v, options);
        QVERIFY(!plan.feasible);
        QCOMPARE(plan.desRuns, 0);
        QVERIFY2(plan.reason.contains(QLatin1String("\"u\" at its maximum of 2")),
                 qPrintable(plan.reason));
    }

    void breakEvenFindsTheHandComputedCrossing() {
        // Monolith: replicas = ceil(rate x 20 ms / 0.85) at 3 a month each. Services: each
        // max(2, ceil(rate x 10 ms / 0.85)) at 1. Below 42.5/s the monolith needs one replica
        // (3 against 4); from there two (6 against 4): the crossing is at 0.85 / 0.02 = 42.5/s.
        const QList<Variant> variants{twoStep(true), twoStep(false)};
        sim::PlanOptions options;
        options.confirm = false;
        QJsonArray points;
        for (int i = 0; i < 10; ++i)
            points.append(sim::breakEvenPoint(variants, sim::stepRate(10, 100, 10, i), options));
        const QJsonObject doc =
            sim::breakEvenDocument({QStringLiteral("Mono"), QStringLiteral("Micro")}, points);
        const QJsonObject last = points.last().toObject();
        QCOMPARE(last.value(QStringLiteral("costPerMonth")).toArray().at(0).toDouble(), 9.0);
        QCOMPARE(last.value(QStringLiteral("costPerMonth")).toArray().at(1).toDouble(), 4.0);
        QVERIFY(doc.value(QStringLiteral("crossingRatePerSec")).isDouble());
        const double crossing = doc.value(QStringLiteral("crossingRatePerSec")).toDouble();
        QVERIFY2(std::fabs(crossing - 42.5) <= 10, qPrintable(QString::number(crossing)));
        const QJsonObject c = doc.value(QStringLiteral("crossings")).toArray().at(0).toObject();
        QCOMPARE(c.value(QStringLiteral("cheaperBelow")).toString(), QStringLiteral("Mono"));
        QCOMPARE(c.value(QStringLiteral("cheaperAbove")).toString(), QStringLiteral("Micro"));
    }

    void replicationsSurviveTheirJson() {
        const Project p = example();
        const sim::CompiledModel m = *sim::compileVariant(p.variants.first()).model;
        const sim::DesOptions o = shortRun();
        const std::vector<sim::RunOutput> runs = sim::runReplications(m, o, 0, 3);
        std::vector<sim::RunOutput> back;
        for (const sim::RunOutput &r : runs) {
            const QByteArray text = QJsonDocument(sim::runOutputToJson(r)).toJson();
            back.push_back(*sim::runOutputFromJson(QJsonDocument::fromJson(text).object()));
        }
        QCOMPARE(sim::toJson(sim::mergeReplications(m, o, back), true),
                 sim::toJson(sim::simulate(m, o), true));
    }

    void mergedShardsEqualTheWholeRun_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("parts");
        const QString ex = QStringLiteral(ARCHSIM_EXAMPLES "/shop.json");
        QTest::newRow("sweep des")
            << QStringList{"sweep",      ex,        "--from",   "100",      "--to",
                           "900",        "--steps", "5",        "--engine", "des",
                           "--duration", "4",       "--warmup", "1"}
            << 3;
        QTest::newRow("simulate") << QStringList{"simulate", ex,  "--duration",     "5",
                                                 "--warmup", "1", "--replications", "5",
                                                 "--seed",   "9"}
                                  << 2;
        QTest::newRow("compare break-even") << QStringList{"compare",
                                                           ex,
                                                           "--variants",
                                                           "Monolith,Microservices",
                                                           "--p99",
                                                           "400",
                                                           "--break-even",
                                                           "--from",
                                                           "100",
                                                           "--to",
                                                           "1500",
                                                           "--steps",
                                                           "4",
                                                           "--analytic-plans",
                                                           "--duration",
                                                           "4",
                                                           "--warmup",
                                                           "1"}
                                            << 3;
    }
    void mergedShardsEqualTheWholeRun() {
        QFETCH(QStringList, args);
        QFETCH(int, parts);
        QTemporaryDir dir;
        const test::CliRun whole = test::runCli(args + QStringList{"--json"});
        QCOMPARE(whole.exitCode, 0);
        QStringList files;
        for (int k = 1; k <= parts; ++k) {
            const test::CliRun part = test::runCli(
                args + QStringList{"--shard", QStringLiteral("%1/%2").arg(k).arg(parts)});
            QVERIFY2(part.exitCode == 0, part.err.constData());
            const QString path = dir.filePath(QStringLiteral("part%1.json").arg(k));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(part.out);
            files.prepend(path); // given in any order
        }
        const test::CliRun merged =
            test::runCli(QStringList{"merge"} + files + QStringList{"--json"});
        QVERIFY2(merged.exitCode == 0, merged.err.constData());
        QCOMPARE(merged.out, whole.out);
        // A missing part is an error that names it.
        const test::CliRun missing = test::runCli(QStringList{"merge", files.first()});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("missing"));
    }

    void compareJsonHasTheInterfaceNames() {
        // interfaces.md fixes these names; scripts in CI read them.
        const test::CliRun run =
            test::runCli({"compare", QStringLiteral(ARCHSIM_EXAMPLES "/shop.json"), "--variants",
                          "Monolith,Microservices", "--p99", "400", "--break-even", "--from", "100",
                          "--to", "1500", "--steps", "3", "--analytic-plans", "--duration", "4",
                          "--warmup", "1", "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        const QJsonObject v = doc.value(QStringLiteral("variants")).toArray().at(0).toObject();
        for (const char *key :
             {"name", "saturationRatePerSec", "bottleneck", "workloads", "costPerMonth", "units",
              "replicas", "crossUnitCallsPerRequest", "singlePointsOfFailure", "slo"})
            QVERIFY2(v.contains(QLatin1String(key)), key);
        const QJsonObject w = v.value(QStringLiteral("workloads")).toArray().at(0).toObject();
        for (const char *key : {"name", "meanResponseMs", "p99Ms", "availability"})
            QVERIFY2(w.contains(QLatin1String(key)), key);
        QVERIFY(v.value(QStringLiteral("slo")).toObject().contains(QStringLiteral("pass")));
        QVERIFY(
            v.value(QStringLiteral("slo")).toObject().value(QStringLiteral("failed")).isArray());
        const QJsonObject row = doc.value(QStringLiteral("rows")).toArray().at(0).toObject();
        for (const char *key : {"metric", "workload", "values", "better", "significant"})
            QVERIFY2(row.contains(QLatin1String(key)), key);
        const QJsonObject be = doc.value(QStringLiteral("breakEven")).toObject();
        QVERIFY(be.contains(QStringLiteral("crossingRatePerSec")));
        const QJsonObject point = be.value(QStringLiteral("points")).toArray().at(0).toObject();
        QCOMPARE(point.value(QStringLiteral("ratePerSec")).toDouble(), 100.0);
        QCOMPARE(point.value(QStringLiteral("costPerMonth")).toArray().size(), 2);
    }

    void deriveOnTheCommandLine() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("derived.json"));
        const test::CliRun run =
            test::runCli({"derive", QStringLiteral(ARCHSIM_EXAMPLES "/shop.json"), "--variant",
                          "Monolith", "--as", "microservices", "--name", "Split", "-o", out});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const ReadResult read = loadProject(out);
        QVERIFY(read.ok());
        QCOMPARE(read.project.variantNames(), (QStringList{"Monolith", "Split", "Microservices"}));
        // The file holds exactly what the model operation gives.
        const Variant expected =
            deriveMicroservices(*example().findVariant(QStringLiteral("Monolith")),
                                QStringLiteral("Split"))
                .variant;
        QCOMPARE(*read.project.findVariant(QStringLiteral("Split")), expected);
    }

    void badInputGetsAClearError_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString ex = QStringLiteral(ARCHSIM_EXAMPLES "/shop.json");
        QTest::newRow("unknown variant")
            << QStringList{"compare", ex, "--variants", "Monolith,Nope"} << 1
            << QStringLiteral("no variant \"Nope\"");
        QTest::newRow("one variant") << QStringList{"compare", ex, "--variants", "Monolith"} << 2
                                     << QStringLiteral("two or more");
        QTest::newRow("shard without break-even")
            << QStringList{"compare", ex, "--variants", "Monolith,Microservices", "--shard", "1/2"}
            << 2 << QStringLiteral("--break-even");
        QTest::newRow("bad shard")
            << QStringList{"sweep", ex, "--from", "1", "--to", "2", "--shard", "3/2"} << 2
            << QStringLiteral("K/N");
        QTest::newRow("break-even without range")
            << QStringList{"compare", ex, "--variants", "Monolith,Microservices", "--break-even"}
            << 2 << QStringLiteral("--from");
        QTest::newRow("plan without p99")
            << QStringList{"plan", ex, "--rate", "100"} << 2 << QStringLiteral("--p99");
        QTest::newRow("derive as what")
            << QStringList{"derive", ex, "--as", "serverless", "--name", "X"} << 2
            << QStringLiteral("serverless");
        QTest::newRow("derive existing name")
            << QStringList{"derive",        ex,   "--as",           "monolith", "--name",
                           "Microservices", "-o", "/tmp/never.json"}
            << 1 << QStringLiteral("exists already");
        QTest::newRow("merge a non-part")
            << QStringList{"merge", ex} << 1 << QStringLiteral("archsimShard");
    }
    void badInputGetsAClearError() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const test::CliRun run = test::runCli(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void partsOfDifferentRunsDoNotMerge() {
        QTemporaryDir dir;
        const QString ex = QStringLiteral(ARCHSIM_EXAMPLES "/shop.json");
        const QStringList base{"sweep", ex, "--from", "100", "--to", "500", "--steps", "4"};
        const test::CliRun a = test::runCli(base + QStringList{"--shard", "1/2"});
        const test::CliRun b = test::runCli(QStringList{"sweep", ex, "--from", "100", "--to", "600",
                                                        "--steps", "4", "--shard", "2/2"});
        QStringList files;
        for (const auto &[name, run] : {std::pair{"a.json", a}, std::pair{"b.json", b}}) {
            QFile f(dir.filePath(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(run.out);
            files << f.fileName();
        }
        const test::CliRun merged = test::runCli(QStringList{"merge"} + files);
        QCOMPARE(merged.exitCode, 1);
        QVERIFY(merged.err.contains("settings"));
    }
};

QTEST_GUILESS_MAIN(TestStudy)
#include "tst_study.moc"
