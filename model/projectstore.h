// SPDX-License-Identifier: GPL-3.0-or-later
// .archsim project files: SQLite databases with our application_id, a versioned schema that
// migrates forward, and saves that are one transaction each (a crash keeps the last save).
#pragma once

#include "model/jsonreader.h"

#include <functional>

namespace archsim {

struct SaveOptions {
    // Called after each row written inside the save transaction; returning false aborts the
    // save (tests use it to prove that an interrupted save keeps the previous content).
    std::function<bool(int rowsWritten)> onRowWritten;
};

ReadResult loadProjectFile(const QString &path);
// Returns the problems that stopped the save; empty when the project was saved.
ProblemList saveProjectFile(const QString &path, const Project &project,
                            const SaveOptions &options = {});

} // namespace archsim
