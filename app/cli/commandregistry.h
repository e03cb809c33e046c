// SPDX-License-Identifier: GPL-3.0-or-later
// The list of archsim-cli commands; a new command is one class and one line in the .cpp.
#pragma once

#include "clicommand.h"

#include <memory>
#include <vector>

namespace archsim::cli {

std::vector<std::unique_ptr<CliCommand>> createCommands();

} // namespace archsim::cli
