// SPDX-License-Identifier: GPL-3.0-or-later
// What each model field means to a person: label, unit of measure, explanation, default and the
// section the inspector shows it in. One table (fielddocs.cpp) beside the field lists of
// elementfields.cpp; a field missing from the table is caught by tst_inspector.
#pragma once

#include "model/fieldspec.h"
#include "model/variant.h"

namespace archsim {

// Inspector sections, in the order they are shown.
enum class FieldSection {
    Identity,
    Work,
    Call,
    Load,
    Pattern,
    Event,
    Capacity,
    Autoscaling,
    Resilience,
    Cost,
    Layout,
    Other
};

QString sectionTitle(FieldSection section);
// Rarely used sections start folded; the one the user opens stays open.
bool sectionCollapsedByDefault(FieldSection section);

struct FieldDoc {
    QString label;       // "Service time"
    QString unit;        // "ms"; empty for text, choices and yes/no fields
    QString help;        // what it means, one or two sentences
    QString defaultText; // how the default reads when it is not the plain value ("unlimited")
    FieldSection section = FieldSection::Other;
    bool found = false; // false: the table has no row for this field
};

// The row for KEY of element type T (Component, Unit, Connection, Layer, Workload, Scenario,
// ScenarioEvent); a row with found == false and the key as label when there is none.
template <class T> FieldDoc fieldDoc(const QString &key);

// How a choice's file value reads in a form: "loadbalancer" → "Load balancer",
// "round-robin" → "Round-robin", "sync" → "Sync (waits for the reply)".
QString choiceLabel(const QString &value);

// "Service time (ms)".
QString fieldLabel(const FieldDoc &doc);
// The tooltip: the meaning, the file key and the default, as rich text.
QString fieldTooltip(const FieldDoc &doc, const QString &key, FieldType type,
                     const QJsonValue &defaultValue);

} // namespace archsim
