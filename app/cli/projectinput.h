// SPDX-License-Identifier: GPL-3.0-or-later
// Loads the project a command names and picks its variant, reporting problems on stderr.
#pragma once

#include "clicommand.h"

#include "model/jsonreader.h"

#include <optional>

namespace archsim::cli {

struct LoadedProject {
    Project project;
    const Variant *variant = nullptr; // the --variant one, or the first
    int variantIndex = -1;
};

// Reads FILE; on any error prints it (naming the file and place) and returns nothing.
// With `requireValid`, model errors in the chosen variant also stop the command.
std::optional<LoadedProject> loadForCommand(CliContext &context, const QString &path,
                                            bool requireValid);

} // namespace archsim::cli
