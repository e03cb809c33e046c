// SPDX-License-Identifier: GPL-3.0-or-later
#include "validationtest.h"

#include "testprojects.h"

#include "model/projectfile.h"
#include "model/validator.h"

#include <QTest>

#include <cmath>
#include <functional>

using namespace archsim;
using namespace archsim::test;

namespace {

struct Case {
    const char *name;
    std::function<void(Variant &)> mutate;
    const char *path;    // JSON path of the one expected error
    const char *message; // a fragment of its message
};

const QList<Case> &cases() {
    static const QList<Case> list{
        {"unknown callee", [](Variant &v) { v.connections[1].to = QStringLiteral("paymnt"); },
         "variants[0].connections[1].to", "unknown component \"paymnt\""},
        {"unknown caller", [](Variant &v) { v.connections[0].from = QStringLiteral("nobody"); },
         "variants[0].connections[0].from", "unknown component \"nobody\""},
        {"self call", [](Variant &v) { v.connections[1].to = QStringLiteral("api"); },
         "variants[0].connections[1].to", "cannot call itself"},
        {"duplicate component", [](Variant &v) { v.components << v.components[1]; },
         "variants[0].components[3].id", "duplicate component \"api\""},
        {"duplicate unit", [](Variant &v) { v.units << v.units[0]; }, "variants[0].units[2].id",
         "duplicate unit \"app\""},
        {"duplicate layer", [](Variant &v) { v.layers << v.layers[0]; }, "variants[0].layers[2].id",
         "duplicate layer \"edge\""},
        {"empty component id",
         [](Variant &v) {
             v.components << Component{};
             v.components.last().unit = QStringLiteral("app");
         },
         "variants[0].components[3].id", "non-empty id"},
        {"unknown unit", [](Variant &v) { v.components[1].unit = QStringLiteral("ap"); },
         "variants[0].components[1].unit", "unknown unit \"ap\""},
        {"unknown layer", [](Variant &v) { v.components[1].layer = QStringLiteral("domain"); },
         "variants[0].components[1].layer", "unknown layer \"domain\""},
        {"negative service time", [](Variant &v) { v.components[1].serviceTimeMs = -3; },
         "variants[0].components[1].serviceTimeMs", "at least 0"},
        {"service time not finite",
         [](Variant &v) { v.components[1].serviceTimeMs = std::nan(""); },
         "variants[0].components[1].serviceTimeMs", "not a finite number"},
        {"zero threads", [](Variant &v) { v.units[0].threads = 0; }, "variants[0].units[0].threads",
         "at least 1"},
        {"zero replicas", [](Variant &v) { v.units[1].replicas = 0; },
         "variants[0].units[1].replicas", "at least 1"},
        // Limits (docs/model.md): beyond them the engines' counts would overflow.
        {"calls beyond the limit", [](Variant &v) { v.connections[1].calls = 3e9; },
         "variants[0].connections[1].calls", "must be at most 1000000"},
        {"too many users",
         [](Variant &v) {
             v.workloads[0].ratePerSec.reset();
             v.workloads[0].users = 2000000000;
             v.workloads[0].thinkTimeMs = 1000;
         },
         "variants[0].workloads[0].users", "must be at most 1000000"},
        {"too many replicas in all",
         [](Variant &v) {
             // 22 units of 100,000 replicas: each within its own limit, 2.2 million together.
             for (int i = 0; i < 22; ++i) {
                 Unit u = v.units[1];
                 u.id = QStringLiteral("big%1").arg(i);
                 u.replicas = 100000;
                 v.units << u;
                 Component c = v.components[1];
                 c.id = QStringLiteral("big%1-c").arg(i);
                 c.unit = u.id;
                 v.components << c;
             }
         },
         "variants[0].units", "replicas in all; at most 1000000"},
        {"zero cores", [](Variant &v) { v.units[0].cores = 0; }, "variants[0].units[0].cores",
         "at least 1"},
        {"negative queue", [](Variant &v) { v.units[0].queueCapacity = -1; },
         "variants[0].units[0].queueCapacity", "at least 0"},
        {"zero mtbf", [](Variant &v) { v.units[0].mtbfHours = 0; },
         "variants[0].units[0].mtbfHours", "greater than 0"},
        {"negative cost", [](Variant &v) { v.units[0].costPerHour = -0.1; },
         "variants[0].units[0].costPerHour", "at least 0"},
        // The autoscaler's fields are checked only when the unit autoscales (a target is set).
        {"autoscale max above the limit",
         [](Variant &v) {
             v.units[0].autoscaleTargetUtilization = 0.6;
             v.units[0].autoscaleMax = 200000;
         },
         "variants[0].units[0].autoscaleMax", "must be at most 100000"},
        {"autoscale zero sync period",
         [](Variant &v) {
             v.units[0].autoscaleTargetUtilization = 0.6;
             v.units[0].autoscaleMax = 4;
             v.units[0].autoscaleSyncPeriodSec = 0;
         },
         "variants[0].units[0].autoscaleSyncPeriodSec", "greater than 0"},
        {"autoscale tolerance of 1",
         [](Variant &v) {
             v.units[0].autoscaleTargetUtilization = 0.6;
             v.units[0].autoscaleMax = 4;
             v.units[0].autoscaleTolerance = 1;
         },
         "variants[0].units[0].autoscaleTolerance", "at most 0.99"},
        {"autoscale negative window",
         [](Variant &v) {
             v.units[0].autoscaleTargetUtilization = 0.6;
             v.units[0].autoscaleMax = 4;
             v.units[0].autoscaleScaleDownWindowSec = -1;
         },
         "variants[0].units[0].autoscaleScaleDownWindowSec", "at least 0"},
        {"autoscale negative provisioning",
         [](Variant &v) {
             v.units[0].autoscaleTargetUtilization = 0.6;
             v.units[0].autoscaleMax = 4;
             v.units[0].autoscaleProvisioningSec = -5;
         },
         "variants[0].units[0].autoscaleProvisioningSec", "at least 0"},
        {"autoscale cold start speeds up",
         [](Variant &v) {
             v.units[0].autoscaleTargetUtilization = 0.6;
             v.units[0].autoscaleMax = 4;
             v.units[0].autoscaleColdStartFactor = 0.5;
         },
         "variants[0].units[0].autoscaleColdStartFactor", "at least 1"},
        {"autoscale target above 1",
         [](Variant &v) {
             v.units[0].autoscaleMax = 4;
             v.units[0].autoscaleTargetUtilization = 1.2;
         },
         "variants[0].units[0].autoscaleTargetUtilization", "at most 1"},
        {"implicit unit field on its component", [](Variant &v) { v.units[2].replicas = -2; },
         "variants[0].components[0].replicas", "at least 1"},
        {"implicit unit collides",
         [](Variant &v) {
             v.units[0].id = QStringLiteral("web");
             v.components[1].unit = QStringLiteral("web");
         },
         "variants[0].components[0].id", "unit of its own"},
        {"hit ratio above 1",
         [](Variant &v) {
             v.components[2].kind = ComponentKind::Cache;
             v.components[2].hitRatio = 1.5;
         },
         "variants[0].components[2].hitRatio", "at most 1"},
        {"hit ratio below 0",
         [](Variant &v) {
             v.components[2].kind = ComponentKind::Cache;
             v.components[2].hitRatio = -0.1;
         },
         "variants[0].components[2].hitRatio", "at least 0"},
        {"negative calls", [](Variant &v) { v.connections[1].calls = -1; },
         "variants[0].connections[1].calls", "at least 0"},
        {"negative latency", [](Variant &v) { v.connections[1].latencyMs = -5; },
         "variants[0].connections[1].latencyMs", "at least 0"},
        {"jitter above 1", [](Variant &v) { v.connections[1].retryJitter = 2; },
         "variants[0].connections[1].retryJitter", "at most 1"},
        {"negative retries", [](Variant &v) { v.connections[1].retries = -1; },
         "variants[0].connections[1].retries", "at least 0"},
        {"unknown workload entry",
         [](Variant &v) { v.workloads[0].entry = QStringLiteral("mobile"); },
         "variants[0].workloads[0].entry", "unknown component \"mobile\""},
        {"negative rate", [](Variant &v) { v.workloads[0].ratePerSec = -10; },
         "variants[0].workloads[0].ratePerSec", "at least 0"},
        {"open and closed", [](Variant &v) { v.workloads[0].users = 5; },
         "variants[0].workloads[0].users", "not both"},
        {"neither open nor closed", [](Variant &v) { v.workloads[0].ratePerSec.reset(); },
         "variants[0].workloads[0].ratePerSec", "needs ratePerSec"},
        {"zero users",
         [](Variant &v) {
             v.workloads[0].ratePerSec.reset();
             v.workloads[0].users = 0;
         },
         "variants[0].workloads[0].users", "at least 1"},
        {"pattern without target", [](Variant &v) { v.workloads[0].pattern = LoadPattern::Ramp; },
         "variants[0].workloads[0].toRatePerSec", "needs toRatePerSec"},
        {"duplicate workload", [](Variant &v) { v.workloads << v.workloads[0]; },
         "variants[0].workloads[1].name", "duplicate workload \"browse\""},
        {"scenario unknown unit",
         [](Variant &v) { v.scenarios[0].events[0].unit = QStringLiteral("dbb"); },
         "variants[0].scenarios[0].events[0].unit", "unknown unit \"dbb\""},
        {"scenario unknown zone",
         [](Variant &v) {
             v.scenarios[0].events[0].action = ScenarioAction::ZoneDown;
             v.scenarios[0].events[0].unit.clear();
             v.scenarios[0].events[0].zone = QStringLiteral("mars");
         },
         "variants[0].scenarios[0].events[0].zone", "no unit runs in zone \"mars\""},
        {"scenario unknown connection",
         [](Variant &v) {
             v.scenarios[0].events[0].action = ScenarioAction::Latency;
             v.scenarios[0].events[0].unit.clear();
             v.scenarios[0].events[0].connection = QStringLiteral("k9");
         },
         "variants[0].scenarios[0].events[0].connection", "unknown connection \"k9\""},
        {"scenario crash without unit", [](Variant &v) { v.scenarios[0].events[0].unit.clear(); },
         "variants[0].scenarios[0].events[0].unit", "needs a unit"},
        {"scenario negative time", [](Variant &v) { v.scenarios[0].events[0].atSec = -1; },
         "variants[0].scenarios[0].events[0].atSec", "at least 0"},
        {"scenario zero replicas", [](Variant &v) { v.scenarios[0].events[0].replicas = 0; },
         "variants[0].scenarios[0].events[0].replicas", "at least 1"},
        {"scenario unknown workload",
         [](Variant &v) {
             v.scenarios[0].events[0].action = ScenarioAction::Load;
             v.scenarios[0].events[0].workload = QStringLiteral("x");
         },
         "variants[0].scenarios[0].events[0].workload", "unknown workload \"x\""},
    };
    return list;
}

QString describe(const ProblemList &problems) {
    return formatProblems(problems);
}

} // namespace

void ValidationTest::exampleIsValid() {
    const ReadResult read = loadProject(examplePath());
    QVERIFY2(read.ok(), qPrintable(describe(read.problems)));
    QCOMPARE(read.project.variants.size(), 2);
    const ProblemList problems = validateProject(read.project);
    QVERIFY2(!hasErrors(problems), qPrintable(describe(problems)));
}

void ValidationTest::smallVariantIsValid() {
    const ProblemList problems = validateProject(smallProject());
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
}

void ValidationTest::reportsEachProblemAtItsPlace_data() {
    QTest::addColumn<int>("index");
    for (int i = 0; i < cases().size(); ++i)
        QTest::newRow(cases()[i].name) << i;
}

void ValidationTest::reportsEachProblemAtItsPlace() {
    QFETCH(int, index);
    const Case &c = cases()[index];
    Variant v = smallVariant();
    c.mutate(v);
    ProblemList errors;
    for (const Problem &p : validateVariant(v, 0))
        if (p.severity == Severity::Error) errors << p;
    QVERIFY2(errors.size() == 1,
             qPrintable(QStringLiteral("expected one error, got:\n") + describe(errors)));
    QCOMPARE(errors[0].path, QString::fromLatin1(c.path));
    QVERIFY2(errors[0].message.contains(QString::fromLatin1(c.message)),
             qPrintable(errors[0].toString()));
    QCOMPARE(errors[0].variant, QStringLiteral("Small"));
    QVERIFY(!errors[0].elementKind.isEmpty());
    // The text a user reads names the path and the element.
    QVERIFY(errors[0].toString().startsWith(QString::fromLatin1(c.path) + QStringLiteral(": ")));
    QVERIFY(errors[0].toString().contains(QStringLiteral("variant \"Small\"")));
}

void ValidationTest::reportsEveryProblemAtOnce() {
    Variant v = smallVariant();
    v.connections[1].to = QStringLiteral("paymnt");
    v.units[0].threads = 0;
    v.workloads[0].entry = QStringLiteral("nowhere");
    v.components[1].serviceTimeMs = -1;
    const ProblemList problems = validateVariant(v, 3);
    QCOMPARE(countErrors(problems), 4);
    QStringList paths;
    for (const Problem &p : problems)
        paths << p.path;
    QVERIFY(paths.contains(QStringLiteral("variants[3].connections[1].to")));
    QVERIFY(paths.contains(QStringLiteral("variants[3].units[0].threads")));
    QVERIFY(paths.contains(QStringLiteral("variants[3].workloads[0].entry")));
    QVERIFY(paths.contains(QStringLiteral("variants[3].components[1].serviceTimeMs")));
}

void ValidationTest::projectLevelProblems() {
    Project empty;
    ProblemList problems = validateProject(empty);
    QCOMPARE(countErrors(problems), 1);
    QVERIFY(problems[0].message.contains(QStringLiteral("at least one variant")));

    Project twice = smallProject();
    twice.variants << twice.variants[0];
    problems = validateProject(twice);
    QCOMPARE(countErrors(problems), 1);
    QCOMPARE(problems[0].path, QStringLiteral("variants[1].name"));
    QVERIFY(problems[0].message.contains(QStringLiteral("duplicate variant name \"Small\"")));
}

void ValidationTest::warningsDoNotMakeAModelInvalid() {
    Variant v = smallVariant();
    v.components[1].hitRatio = 0.5; // not a cache
    Unit idle;
    idle.id = QStringLiteral("idle");
    v.units << idle;
    const ProblemList problems = validateVariant(v, 0);
    QCOMPARE(countErrors(problems), 0);
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems[0].path, QStringLiteral("variants[0].units[2]")); // "web" is written inline
    QVERIFY(problems[0].message.contains(QStringLiteral("no component")));
    QCOMPARE(problems[1].path, QStringLiteral("variants[0].components[1].hitRatio"));
}

void ValidationTest::autoscalingWarnings() {
    Variant v = smallVariant();
    v.units[0].autoscaleTargetUtilization = 0.6; // no autoscaleMax: cannot grow
    ProblemList problems = validateVariant(v, 0);
    QCOMPARE(countErrors(problems), 0);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems[0].path, QStringLiteral("variants[0].units[0].autoscaleMax"));
    QVERIFY(problems[0].message.contains(QStringLiteral("never scales above replicas (2)")));
    v.units[0].autoscaleMin = 3; // replicas 2 below the bounds
    v.units[0].autoscaleMax = 5;
    problems = validateVariant(v, 0);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems[0].path, QStringLiteral("variants[0].units[0].replicas"));
    QVERIFY(problems[0].message.contains(QStringLiteral("3..5")));
    // Timing fields of a unit that does not autoscale are not read, so not checked.
    v.units[1].autoscaleSyncPeriodSec = -1;
    v.units[0].replicas = 3;
    QVERIFY(validateVariant(v, 0).isEmpty());
}

void ValidationTest::typedLocationOfEachPath() {
    struct Case {
        const char *path;
        ElementKind kind;
        int variant, index, event;
        const char *field;
    };
    const Case cases[] = {
        {"variants[1].scenarios[2].events[3].atSec", ElementKind::ScenarioEvent, 1, 2, 3, "atSec"},
        {"variants[0].units[4].zones[1]", ElementKind::Unit, 0, 4, -1, "zones"},
        {"variants[2].connections[7].to", ElementKind::Connection, 2, 7, -1, "to"},
        {"variants[0].workloads[1]", ElementKind::Workload, 0, 1, -1, ""},
        {"variants[3].name", ElementKind::Variant, 3, -1, -1, "name"},
        {"variants", ElementKind::Project, -1, -1, -1, "variants"},
        {"", ElementKind::None, -1, -1, -1, ""},
    };
    for (const Case &c : cases) {
        const ProblemLocation at = locationFromPath(QLatin1String(c.path));
        QVERIFY2(at.kind == c.kind, c.path);
        QCOMPARE(at.variant, c.variant);
        QCOMPARE(at.index, c.index);
        QCOMPARE(at.event, c.event);
        QCOMPARE(at.field, QLatin1String(c.field));
    }
    // The validator fills it in: a broken reference is placed on its connection's field.
    Project p = smallProject();
    p.variants[0].connections[0].to = QStringLiteral("nowhere");
    const ProblemList problems = validateProject(p);
    QVERIFY(!problems.isEmpty());
    QCOMPARE(problems.first().location.kind, ElementKind::Connection);
    QCOMPARE(problems.first().location.index, 0);
    QCOMPARE(problems.first().location.field, QStringLiteral("to"));
}
