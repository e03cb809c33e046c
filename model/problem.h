// SPDX-License-Identifier: GPL-3.0-or-later
// A problem found in a model or a file: what is wrong and exactly where.
#pragma once

#include <QList>
#include <QString>

namespace archsim {

enum class Severity { Error, Warning };

// The kind of element a problem is placed on, as the interchange format lists them.
enum class ElementKind {
    None,
    Project,
    Variant,
    Layer,
    Unit,
    Component,
    Connection,
    Workload,
    Scenario,
    ScenarioEvent
};

// Where a problem is, typed: the UI selects the element from this, never from the path text.
// A unit written inline on a component is placed on that component (where the user edits it).
struct ProblemLocation {
    ElementKind kind = ElementKind::None;
    int variant = -1; // index in the project's variants
    int index = -1;   // index in the variant's list of that kind (the scenario for an event)
    int event = -1;   // ScenarioEvent: index in the scenario's events
    QString field;    // "to", "threads"; empty for the element as a whole

    bool operator==(const ProblemLocation &) const = default;
};

// The typed location of a JSON path such as "variants[0].scenarios[2].events[1].atSec". Producers
// call it once when they make a problem; nothing else needs to read paths.
ProblemLocation locationFromPath(const QString &path);

struct Problem {
    Severity severity = Severity::Error;
    // Where, as a JSON path into the interchange format: "variants[0].connections[3].to".
    QString path;
    // Where, in the model's words: variant name, element kind and id, field.
    QString variant;
    QString elementKind;
    QString elementId;
    QString field;
    QString message;
    ProblemLocation location;

    // "variants[0].connections[3].to: unknown component "paymnt" (variant "Shop", connection
    // web->paymnt)"
    QString toString() const;
};

using ProblemList = QList<Problem>;

// Fills the typed location of every problem that has a path but no location yet.
void locateProblems(ProblemList &problems);

bool hasErrors(const ProblemList &problems);
int countErrors(const ProblemList &problems);
// One problem per line, errors first, each prefixed with "error: " or "warning: ".
QString formatProblems(const ProblemList &problems, const QString &fileName = {});

} // namespace archsim
