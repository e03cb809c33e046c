// SPDX-License-Identifier: GPL-3.0-or-later
// Hash lookups by id over one variant, built once in linear time, so code that resolves every
// reference of a large model stays linear (Variant's own finders scan their lists).
#pragma once

#include "model/variant.h"

#include <QHash>
#include <QSet>

namespace archsim {

// Valid while the variant it was built from is unchanged; with duplicate ids the first wins,
// as with Variant::componentIndex.
class VariantIndex {
public:
    explicit VariantIndex(const Variant &variant);

    int component(const QString &id) const { return m_components.value(id, -1); }
    int unit(const QString &id) const { return m_units.value(id, -1); }
    const Unit *findUnit(const QString &id) const;
    bool hasComponent(const QString &id) const { return m_components.contains(id); }
    bool hasUnit(const QString &id) const { return m_units.contains(id); }
    bool hasWorkload(const QString &name) const { return m_workloads.contains(name); }
    // True when some component names this unit as its unit.
    bool unitUsed(const QString &id) const { return m_usedUnits.contains(id); }

private:
    const Variant &m_variant;
    QHash<QString, int> m_components, m_units;
    QSet<QString> m_workloads, m_usedUnits;
};

} // namespace archsim
