// SPDX-License-Identifier: GPL-3.0-or-later
// The .archsim file's SQL schema: version 1 and every forward migration since.
#pragma once

#include <QByteArrayList>

namespace archsim {

// PRAGMA application_id of every ArchSim project file: "ArSm".
inline constexpr qint32 kApplicationId = 0x4172536D;

// migrations()[0] creates schema version 1; migrations()[n] takes version n to n + 1.
// A new file runs them all, so new and migrated files always have the same schema.
const QByteArrayList &schemaMigrations();
inline int currentSchemaVersion() {
    return int(schemaMigrations().size());
}

} // namespace archsim
