// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/project.h"

namespace archsim {

int Project::variantIndex(const QString &name) const {
    for (int i = 0; i < variants.size(); ++i)
        if (variants[i].name == name) return i;
    return -1;
}

const Variant *Project::findVariant(const QString &name) const {
    const int i = variantIndex(name);
    return i < 0 ? nullptr : &variants[i];
}

QStringList Project::variantNames() const {
    QStringList names;
    for (const Variant &v : variants)
        names << v.name;
    return names;
}

} // namespace archsim
