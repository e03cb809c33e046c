// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/variant.h"

namespace archsim {

int Variant::componentIndex(const QString &id) const {
    for (int i = 0; i < components.size(); ++i)
        if (components[i].id == id) return i;
    return -1;
}

int Variant::unitIndex(const QString &id) const {
    for (int i = 0; i < units.size(); ++i)
        if (units[i].id == id) return i;
    return -1;
}

const Component *Variant::findComponent(const QString &id) const {
    const int i = componentIndex(id);
    return i < 0 ? nullptr : &components[i];
}

const Unit *Variant::findUnit(const QString &id) const {
    const int i = unitIndex(id);
    return i < 0 ? nullptr : &units[i];
}

} // namespace archsim
