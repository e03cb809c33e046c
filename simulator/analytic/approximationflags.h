// SPDX-License-Identifier: GPL-3.0-or-later
// Where the analytical answer is known to be weak for this model: per-workload approximation
// notes (so a user is told to confirm with a run) and the engine-wide notes.
#pragma once

#include "simulator/analytic/layeredsolver.h"
#include "simulator/loadresult.h"

namespace archsim::sim::analytic {

// Thresholds, checked by the fidelity suite (bench/fidelity.cpp, tests/simulator).
constexpr double kNearLimitUtilization = 0.85; // a caller pool this busy bounds its callee
constexpr double kBusyMultiServer = 0.8;       // G/G/c approximation matters above this

void addApproximationNotes(const CompiledModel &model, const LayeredSolver &solver, bool stable,
                           LoadResult &result);

} // namespace archsim::sim::analytic
