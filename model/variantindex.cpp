// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/variantindex.h"

namespace archsim {

VariantIndex::VariantIndex(const Variant &variant)
    : m_variant(variant) {
    m_components.reserve(variant.components.size());
    m_units.reserve(variant.units.size());
    for (int i = 0; i < variant.components.size(); ++i) {
        if (!m_components.contains(variant.components[i].id))
            m_components.insert(variant.components[i].id, i);
        m_usedUnits.insert(variant.components[i].unit);
    }
    for (int i = 0; i < variant.units.size(); ++i)
        if (!m_units.contains(variant.units[i].id)) m_units.insert(variant.units[i].id, i);
    for (const Workload &w : variant.workloads)
        m_workloads.insert(w.name);
}

const Unit *VariantIndex::findUnit(const QString &id) const {
    const int i = unit(id);
    return i < 0 ? nullptr : &m_variant.units[i];
}

} // namespace archsim
