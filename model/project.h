// A project: the whole content of one .archsim file or .json interchange file.
#pragma once

#include "model/variant.h"

namespace archsim {

// The newest interchange format version this build reads and writes.
inline constexpr int kFormatVersion = 1;

struct Project {
    QString name;
    QList<Variant> variants;
    QJsonObject extra;

    const Variant *findVariant(const QString &name) const;
    bool operator==(const Project &) const = default;
};

} // namespace archsim
