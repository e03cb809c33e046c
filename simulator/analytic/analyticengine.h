// SPDX-License-Identifier: GPL-3.0-or-later
// The analytical engine: visit ratios, layered holding times, M/G/c queues with finite caller
// populations, MVA for closed workloads; times in milliseconds. docs/simulator.md lists every
// approximation.
#pragma once

#include "simulator/compiledmodel.h"
#include "simulator/loadresult.h"

namespace archsim::sim {

struct AnalyticOptions {
    double scale = 1;            // multiplies every open workload's rate (sweeps)
    int exactMvaMaxUsers = 1000; // a single closed workload above this uses Schweitzer's MVA
    // Search the saturation rate (a few more solves). Without it, saturationRatePerSec is the
    // upper bound the solve at this load gives (noted), and the bottleneck the unit closest to
    // its limit now: enough for callers that solve many loads (planner, sweeps).
    bool searchSaturation = true;
};

// Solves the model's steady state at its open workloads' base rate (ratePerSec) times scale.
LoadResult analyze(const CompiledModel &model, const AnalyticOptions &options = {});

} // namespace archsim::sim
