// SPDX-License-Identifier: GPL-3.0-or-later
// A project: the whole content of one .archsim file or .json interchange file.
#pragma once

#include "model/runrecord.h"
#include "model/variant.h"

#include <QStringList>

namespace archsim {

// The newest interchange format version this build reads and writes.
inline constexpr int kFormatVersion = 1;

struct Project {
    QString name;
    QList<Variant> variants;
    QJsonObject extra;
    // Results of past runs: stored in .archsim files only (the .json interchange format holds
    // the design, not its results).
    RunList runs;

    const Variant *findVariant(const QString &name) const;
    int variantIndex(const QString &name) const; // -1 when there is none of that name
    QStringList variantNames() const;
    bool operator==(const Project &) const = default;
};

} // namespace archsim
