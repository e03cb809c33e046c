// SPDX-License-Identifier: GPL-3.0-or-later
#include "incrementalvalidationtest.h"

#include "testprojects.h"

#include "model/incrementalvalidator.h"
#include "model/validator.h"

#include <QTest>

#include <functional>
#include <random>

using namespace archsim;
using Part = IncrementalValidator::Part;

namespace {

// A design of N components in 4 layers: a shared explicit unit for every fifth component, the
// others units of their own; calls to the next layer; workloads and a scenario naming units,
// connections, zones and workloads, so that every kind of reference is present.
Variant generated(const QString &name, int n) {
    Variant v;
    v.name = name;
    for (int l = 0; l < 4; ++l)
        v.layers << Layer{QStringLiteral("l%1").arg(l), QStringLiteral("Layer %1").arg(l), {}};
    Unit shared;
    shared.id = QStringLiteral("shared");
    shared.replicas = 2;
    shared.zones = {QStringLiteral("a"), QStringLiteral("b")};
    v.units << shared;
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.name = QStringLiteral("C %1").arg(i);
        c.layer = v.layers[i * 4 / n].id;
        c.serviceTimeMs = 1 + i % 3;
        c.x = i * 10;
        if (i % 5 == 0) {
            c.unit = shared.id;
        } else {
            c.unit = c.id;
            Unit u;
            u.id = c.id;
            u.implicit = true;
            v.units << u;
        }
        v.components << c;
    }
    for (int i = 0; i + n / 4 < n; ++i) {
        Connection k;
        if (i % 3) k.id = QStringLiteral("k%1").arg(i);
        k.from = v.components[i].id;
        k.to = v.components[i + n / 4].id;
        v.connections << k;
    }
    Workload w;
    w.name = QStringLiteral("browse");
    w.entry = QStringLiteral("c0");
    w.ratePerSec = 10;
    v.workloads << w;
    Scenario s;
    s.name = QStringLiteral("faults");
    ScenarioEvent crash;
    crash.unit = shared.id;
    ScenarioEvent zone;
    zone.action = ScenarioAction::ZoneDown;
    zone.zone = QStringLiteral("a");
    ScenarioEvent latency;
    latency.action = ScenarioAction::Latency;
    latency.connection = QStringLiteral("k1");
    ScenarioEvent load;
    load.action = ScenarioAction::Load;
    load.workload = w.name;
    s.events << crash << zone << latency << load;
    v.scenarios << s;
    return v;
}

Project generatedProject(int n) {
    Project p;
    p.name = QStringLiteral("incremental");
    p.variants << generated(QStringLiteral("One"), n) << generated(QStringLiteral("Two"), n / 2);
    return p;
}

QString describe(const Problem &p) {
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8:%9:%10:%11:%12")
        .arg(int(p.severity))
        .arg(p.path, p.variant, p.elementKind, p.elementId, p.field, p.message)
        .arg(int(p.location.kind))
        .arg(p.location.variant)
        .arg(p.location.index)
        .arg(p.location.event)
        .arg(p.location.field);
}

QStringList described(const ProblemList &problems) {
    QStringList lines;
    for (const Problem &p : problems)
        lines << describe(p);
    return lines;
}

// The edits, each on a random element of variant V; returns the parts it touched.
using Edit = std::function<int(Variant &, std::mt19937 &)>;

template <class T> int pick(const QList<T> &list, std::mt19937 &rng) {
    if (list.isEmpty()) return -1;
    return std::uniform_int_distribution<int>(0, int(list.size()) - 1)(rng);
}

template <class T> int insertAt(const QList<T> &list, std::mt19937 &rng) {
    return std::uniform_int_distribution<int>(0, int(list.size()))(rng);
}

QString someComponentId(const Variant &v, std::mt19937 &rng) {
    const int i = pick(v.components, rng);
    return i < 0 ? QStringLiteral("nobody") : v.components[i].id;
}

const QList<std::pair<const char *, Edit>> &edits() {
    static int counter = 0;
    static const QList<std::pair<const char *, Edit>> list{
        {"add component",
         [](Variant &v, std::mt19937 &rng) {
             Component c;
             c.id = QStringLiteral("new%1").arg(++counter);
             c.unit = c.id;
             c.layer = v.layers.isEmpty() ? QString() : v.layers[pick(v.layers, rng)].id;
             v.components.insert(insertAt(v.components, rng), c);
             Unit u;
             u.id = c.id;
             u.implicit = true;
             v.units.insert(insertAt(v.units, rng), u);
             return Part::Components | Part::Units;
         }},
        {"remove component",
         [](Variant &v, std::mt19937 &rng) {
             const int i = pick(v.components, rng);
             if (i >= 0) v.components.removeAt(i); // its connections and unit stay: dangling
             return int(Part::Components);
         }},
        {"rename component",
         [](Variant &v, std::mt19937 &rng) {
             const int i = pick(v.components, rng);
             if (i < 0) return 0;
             const int how = std::uniform_int_distribution<int>(0, 3)(rng);
             v.components[i].id = how == 0   ? QString()
                                  : how == 1 ? someComponentId(v, rng) // a duplicate
                                             : QStringLiteral("renamed%1").arg(++counter);
             return int(Part::Components);
         }},
        {"bad component field",
         [](Variant &v, std::mt19937 &rng) {
             const int i = pick(v.components, rng);
             if (i < 0) return 0;
             Component &c = v.components[i];
             switch (std::uniform_int_distribution<int>(0, 4)(rng)) {
             case 0:
                 c.serviceTimeMs = -1;
                 break;
             case 1:
                 c.layer = QStringLiteral("nolayer");
                 break;
             case 2:
                 c.unit = QStringLiteral("nounit");
                 break;
             case 3:
                 c.hitRatio = 0.5;
                 break;
             default:
                 c.serviceTimeMs = 3;
                 c.unit = c.id;
                 break;
             }
             return int(Part::Components);
         }},
        {"move component",
         [](Variant &v, std::mt19937 &rng) {
             const int i = pick(v.components, rng);
             if (i >= 0) v.components[i].x += 20;
             return int(Part::Components);
         }},
        {"add connection",
         [](Variant &v, std::mt19937 &rng) {
             Connection k;
             k.from = someComponentId(v, rng);
             k.to = someComponentId(v, rng);                              // sometimes a self-call
             if (rng() % 2) k.id = QStringLiteral("k%1").arg(rng() % 40); // sometimes repeated
             v.connections.insert(insertAt(v.connections, rng), k);
             return int(Part::Connections);
         }},
        {"remove connection",
         [](Variant &v, std::mt19937 &rng) {
             const int i = pick(v.connections, rng);
             if (i >= 0) v.connections.removeAt(i);
             return int(Part::Connections);
         }},
        {"change connection",
         [](Variant &v, std::mt19937 &rng) {
             const int i = pick(v.connections, rng);
             if (i < 0) return 0;
             Connection &k = v.connections[i];
             switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
             case 0:
                 k.to = QStringLiteral("ghost");
                 break;
             case 1:
                 k.calls = -2;
                 break;
             case 2:
                 k.mode = CallMode::Async;
                 k.parallelGroup = QStringLiteral("g");
                 break;
             default:
                 k.id = k.id.isEmpty() ? QStringLiteral("k1") : QString();
                 break;
             }
             return int(Part::Connections);
         }},
        {"add unit",
         [](Variant &v, std::mt19937 &rng) {
             Unit u;
             u.id = rng() % 3 ? QStringLiteral("unit%1").arg(++counter) : QStringLiteral("shared");
             u.zones = {QStringLiteral("z%1").arg(rng() % 3)};
             v.units.insert(insertAt(v.units, rng), u);
             return int(Part::Units);
         }},
        {"remove unit",
         [](Variant &v, std::mt19937 &rng) {
             const int i = pick(v.units, rng);
             if (i >= 0) v.units.removeAt(i);
             return int(Part::Units);
         }},
        {"change unit",
         [](Variant &v, std::mt19937 &rng) {
             const int i = pick(v.units, rng);
             if (i < 0) return 0;
             Unit &u = v.units[i];
             switch (std::uniform_int_distribution<int>(0, 4)(rng)) {
             case 0:
                 u.replicas = 0;
                 break;
             case 1:
                 u.replicas = 100000; // ten of these pass the variant's total
                 break;
             case 2:
                 u.zones = {QStringLiteral("a"), QStringLiteral("a")};
                 break;
             case 3:
                 u.id = u.id + QStringLiteral("x");
                 break;
             default:
                 u.implicit = !u.implicit;
                 break;
             }
             return int(Part::Units);
         }},
        {"add layer",
         [](Variant &v, std::mt19937 &rng) {
             v.layers.insert(insertAt(v.layers, rng),
                             Layer{QStringLiteral("l%1").arg(rng() % 6), QStringLiteral("L"), {}});
             return int(Part::Layers);
         }},
        {"remove layer",
         [](Variant &v, std::mt19937 &rng) {
             const int i = pick(v.layers, rng);
             if (i >= 0) v.layers.removeAt(i);
             return int(Part::Layers);
         }},
        {"rename layer",
         [](Variant &v, std::mt19937 &rng) {
             const int i = pick(v.layers, rng);
             if (i >= 0) v.layers[i].id = rng() % 4 ? QStringLiteral("l%1").arg(rng() % 6) : " ";
             return int(Part::Layers);
         }},
        {"add workload",
         [](Variant &v, std::mt19937 &rng) {
             Workload w;
             w.name = QStringLiteral("w%1").arg(rng() % 4);
             w.entry = someComponentId(v, rng);
             if (rng() % 4) w.ratePerSec = 5;
             v.workloads.insert(insertAt(v.workloads, rng), w);
             return int(Part::Workloads);
         }},
        {"remove workload",
         [](Variant &v, std::mt19937 &rng) {
             const int i = pick(v.workloads, rng);
             if (i >= 0) v.workloads.removeAt(i);
             return int(Part::Workloads);
         }},
        {"rename workload",
         [](Variant &v, std::mt19937 &rng) {
             const int i = pick(v.workloads, rng);
             if (i >= 0) v.workloads[i].name = QStringLiteral("w%1").arg(rng() % 4);
             return int(Part::Workloads);
         }},
        {"change scenario",
         [](Variant &v, std::mt19937 &rng) {
             if (v.scenarios.isEmpty() || rng() % 5 == 0) {
                 v.scenarios << Scenario{QStringLiteral("s%1").arg(rng() % 3), {}, {}};
                 return int(Part::Scenarios);
             }
             Scenario &s = v.scenarios[pick(v.scenarios, rng)];
             ScenarioEvent e;
             e.action = static_cast<ScenarioAction>(rng() % 5);
             e.unit =
                 rng() % 2 ? QStringLiteral("shared") : QStringLiteral("unit%1").arg(rng() % 9);
             e.zone = QStringLiteral("z%1").arg(rng() % 3);
             e.connection = rng() % 2 ? QString() : QStringLiteral("k%1").arg(rng() % 40);
             e.workload = rng() % 2 ? QString() : QStringLiteral("w%1").arg(rng() % 4);
             s.events.insert(insertAt(s.events, rng), e);
             return int(Part::Scenarios);
         }},
        {"rename variant",
         [](Variant &v, std::mt19937 &rng) {
             v.name = rng() % 3 ? QStringLiteral("V%1").arg(rng() % 3) : QString();
             return int(Part::Name);
         }},
    };
    return list;
}

// Applies EDIT to a random variant (or adds/removes a variant), tells VALIDATOR what it
// touched, and checks the result against a full validation.
void step(Project &project, IncrementalValidator &validator, std::mt19937 &rng, int editIndex) {
    if (editIndex < 0) { // the list of variants itself
        if (project.variants.size() > 1 && rng() % 2)
            project.variants.removeAt(pick(project.variants, rng));
        else
            project.variants << generated(QStringLiteral("Extra"), 12);
        validator.touchAll();
    } else {
        const int v = pick(project.variants, rng);
        if (v < 0) return;
        validator.touch(v, edits()[editIndex].second(project.variants[v], rng));
    }
    const QStringList expected = described(validateProject(project));
    const QStringList actual = described(validator.update(project));
    if (actual != expected) {
        for (int i = 0; i < std::max(actual.size(), expected.size()); ++i)
            if (actual.value(i) != expected.value(i)) {
                qWarning("first difference at %d after \"%s\":\n  incremental: %s\n  full:        "
                         "%s",
                         i, editIndex < 0 ? "variants" : edits()[editIndex].first,
                         qPrintable(actual.value(i)), qPrintable(expected.value(i)));
                break;
            }
    }
    QCOMPARE(actual, expected);
}

} // namespace

void IncrementalValidationTest::firstUpdateEqualsFullValidation() {
    for (const Project &p :
         {test::smallProject(), test::everyFieldProject(), generatedProject(40)}) {
        IncrementalValidator validator;
        QCOMPARE(described(validator.update(p)), described(validateProject(p)));
    }
    // A broken project too: the bundled test data with a dangling reference.
    Project broken = generatedProject(40);
    broken.variants[0].connections[0].to = QStringLiteral("ghost");
    broken.variants[1].components << broken.variants[1].components[0];
    IncrementalValidator validator;
    const ProblemList problems = validator.update(broken);
    QVERIFY(problems.size() >= 2);
    QCOMPARE(described(problems), described(validateProject(broken)));
}

void IncrementalValidationTest::eachKindOfEdit_data() {
    QTest::addColumn<int>("edit");
    for (int i = 0; i < edits().size(); ++i)
        QTest::newRow(edits()[i].first) << i;
    QTest::newRow("add or remove variant") << -1;
}

void IncrementalValidationTest::eachKindOfEdit() {
    QFETCH(int, edit);
    std::mt19937 rng(7 + edit);
    Project project = generatedProject(40);
    IncrementalValidator validator;
    validator.update(project);
    for (int i = 0; i < 25; ++i) {
        step(project, validator, rng, edit);
        if (QTest::currentTestFailed()) return;
    }
}

void IncrementalValidationTest::randomEditSequences() {
    int problemsSeen = 0;
    for (unsigned seed = 1; seed <= 12; ++seed) {
        std::mt19937 rng(seed);
        Project project = generatedProject(30 + int(seed) * 5);
        IncrementalValidator validator;
        validator.update(project);
        for (int i = 0; i < 150; ++i) {
            const int edit =
                rng() % 40 == 0
                    ? -1
                    : std::uniform_int_distribution<int>(0, int(edits().size()) - 1)(rng);
            step(project, validator, rng, edit);
            if (QTest::currentTestFailed()) return;
            problemsSeen = std::max(problemsSeen, int(validator.problems().size()));
        }
    }
    QVERIFY2(problemsSeen > 20, "the edits should break the designs in many places");
}

void IncrementalValidationTest::untouchedVariantsAreNotRechecked() {
    Project project = generatedProject(200);
    IncrementalValidator validator;
    validator.update(project);
    QVERIFY(validator.lastRechecked() > 300);
    // Moving one component rechecks that component only.
    project.variants[0].components[17].x += 40;
    validator.touch(0, Part::Components);
    validator.update(project);
    QCOMPARE(validator.lastRechecked(), 1);
    // Removing a component rechecks what referred to it: its two connections and the workload
    // entering at it (c0), nothing else.
    project.variants[0].components.removeFirst();
    validator.touch(0, Part::Components);
    const ProblemList problems = validator.update(project);
    QCOMPARE(described(problems), described(validateProject(project)));
    QCOMPARE(validator.lastRechecked(), 2);
    // Nothing touched: nothing rechecked, same answer.
    validator.update(project);
    QCOMPARE(validator.lastRechecked(), 0);
    QCOMPARE(described(validator.problems()), described(problems));
}

void IncrementalValidationTest::placedLocationsMatchTheirPaths() {
    // The validator places problems directly; the path parser is the independent reading.
    std::mt19937 rng(99);
    Project project = generatedProject(40);
    IncrementalValidator validator;
    for (int i = 0; i < 200; ++i)
        step(project, validator, rng,
             std::uniform_int_distribution<int>(0, int(edits().size()) - 1)(rng));
    int checked = 0;
    for (const Problem &p : validateProject(project)) {
        if (p.location.kind == ElementKind::None) continue; // project-level problems
        QCOMPARE(p.location, locationFromPath(p.path));
        ++checked;
    }
    QVERIFY(checked > 10);
}
