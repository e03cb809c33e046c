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
};

// Solves the model's steady state at its open workloads' base rate (ratePerSec) times scale.
LoadResult analyze(const CompiledModel &model, const AnalyticOptions &options = {});

} // namespace archsim::sim
