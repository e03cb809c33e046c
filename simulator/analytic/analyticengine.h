// SPDX-License-Identifier: GPL-3.0-or-later
// The analytical engine: visit ratios, layered holding times, M/G/c queues and MVA, in
// microseconds.
#pragma once

#include "simulator/compiledmodel.h"
#include "simulator/loadresult.h"

namespace archsim::sim {

struct AnalyticOptions {
    double scale = 1;            // multiplies every open workload's rate (sweeps)
    int exactMvaMaxUsers = 1000; // a single closed workload above this uses Schweitzer's MVA
};

// Solves the model's steady state at its open workloads' base rate (ratePerSec) times scale.
// docs/simulator.md lists every approximation.
LoadResult analyze(const CompiledModel &model, const AnalyticOptions &options = {});

} // namespace archsim::sim
