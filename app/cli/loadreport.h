// Shared by analyze, simulate and sweep: compiling the chosen variant and printing load results.
#pragma once

#include "clicommand.h"

#include "simulator/compiledmodel.h"
#include "simulator/loadresult.h"

#include <optional>

namespace archsim::cli {

// Loads FILE, picks --variant and compiles it; on any problem prints it and returns nothing.
std::optional<sim::CompiledModel> compileForCommand(CliContext &context, const QString &path);

// A number for tables: fixed precision, "inf" for an unbounded figure.
QString formatNumber(double value, int precision = 2);

// The human-readable tables of one result (workloads, units, bottleneck).
void printLoadResult(QTextStream &out, const sim::LoadResult &result);

} // namespace archsim::cli
