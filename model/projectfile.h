// SPDX-License-Identifier: GPL-3.0-or-later
// Opens and saves a project by its file name: .archsim (SQLite) or .json (interchange).
#pragma once

#include "model/jsonreader.h"

namespace archsim {

enum class ProjectFormat { Json, Archsim, Unknown };

ProjectFormat formatForPath(const QString &path);
ReadResult loadProject(const QString &path);
// Returns the problems that stopped the save; empty on success. JSON is written atomically.
ProblemList saveProject(const QString &path, const Project &project);

} // namespace archsim
