// SPDX-License-Identifier: GPL-3.0-or-later
// A Monte Carlo estimate of each workload's availability, independent of the formula: every
// replica fails and is repaired over simulated time (exponential times from MTBF and MTTR),
// and requests at random moments take random paths; the share that succeed is the estimate.
#pragma once

#include "simulator/compiledmodel.h"
#include "simulator/failures/failureanalysis.h"

#include <cstdint>
#include <vector>

namespace archsim::sim {

struct MonteCarloOptions {
    int replications = 10; // independent runs; the interval comes from their spread
    int requestsPerReplication = 200000;
    double horizonMtbfs = 2000; // simulated time per run, in multiples of the largest MTBF
    std::uint64_t seed = 1;
};

struct MonteCarloAvailability {
    std::vector<double> mean; // per workload
    std::vector<double> ci95; // half-width of the 95% confidence interval
};

MonteCarloAvailability estimateAvailability(const Variant &variant, const CompiledModel &model,
                                            const MonteCarloOptions &options = {});

} // namespace archsim::sim
