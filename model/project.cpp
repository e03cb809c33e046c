#include "model/project.h"

namespace archsim {

const Variant *Project::findVariant(const QString &name) const {
    for (const Variant &v : variants)
        if (v.name == name) return &v;
    return nullptr;
}

} // namespace archsim
