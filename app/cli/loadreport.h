// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by analyze, simulate and sweep: compiling the chosen variant and printing load results.
#pragma once

#include "clicommand.h"
#include "projectinput.h"

#include "simulator/compiledmodel.h"
#include "simulator/loadresult.h"

#include <optional>

namespace archsim::cli {

struct CompiledInput {
    LoadedProject loaded;
    sim::CompiledModel model;
};

// Loads FILE, picks --variant and compiles it; on any problem prints it and returns nothing.
std::optional<CompiledInput> compileForCommand(CliContext &context, const QString &path);

// Parses option NAME as a number within [low, high]; on failure prints a usage error.
std::optional<double> numberOption(CliContext &context, const QString &name, double fallback,
                                   double low, double high);

// A number for tables: fixed precision, "inf" for an unbounded figure.
QString formatNumber(double value, int precision = 2);

// The human-readable tables of one result (workloads, units, bottleneck).
void printLoadResult(QTextStream &out, const sim::LoadResult &result);

} // namespace archsim::cli
