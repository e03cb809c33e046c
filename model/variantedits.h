// SPDX-License-Identifier: GPL-3.0-or-later
// Pure model operations on one variant: rename, group, ungroup and deriving a monolith or
// microservices deployment of the same components. Used alike by the editor and archsim-cli.
#pragma once

#include "model/variant.h"

#include <QString>
#include <QStringList>

namespace archsim {

// The edited variant, or an error naming the field that refused the edit.
struct VariantEdit {
    Variant variant;
    QString error; // empty on success
    QString id;    // the element the edit created (groupIntoUnit), when any
    bool ok() const { return error.isEmpty(); }
};

// An id not used by any component or unit of V, made from BASE ("service" → "service-2").
// Component ids double as implicit unit ids, so both lists count.
QString uniqueElementId(const Variant &v, const QString &base);

// Changes an element's id and every reference to it (units, connections, workloads, scenario
// events).
VariantEdit renameComponent(const Variant &v, const QString &from, const QString &to);
VariantEdit renameUnit(const Variant &v, const QString &from, const QString &to);
VariantEdit renameLayer(const Variant &v, const QString &from, const QString &to);

// Puts the components into one new unit UNITID (settings from the first member's unit).
VariantEdit groupIntoUnit(const Variant &v, const QStringList &componentIds, const QString &unitId);
// Gives every listed component, and every component of the listed units, a unit of its own.
Variant ungroup(const Variant &v, const QStringList &componentIds, const QStringList &unitIds);
// Drops the units that no component runs in any more.
void dropEmptyUnits(Variant &v);

// Application components (services and gateways) are what a monolith puts into one process;
// every other kind keeps its own deployment.
bool isApplicationComponent(ComponentKind kind);

// docs/compare.md, "Deriving variants", states both rules and their sizing.
// Monolith: every application component into one unit ("app"), sized to keep the total cores,
// threads and cost of the units it replaces; everything else keeps its unit.
VariantEdit deriveMonolith(const Variant &v, const QString &newName);
// Microservices: one unit per application component ("<component>-svc"); a split unit's
// replicas, threads and zones are copied, its cores shared out (at least one each) and each new
// unit priced at the source's price per core.
VariantEdit deriveMicroservices(const Variant &v, const QString &newName);

} // namespace archsim
