// SPDX-License-Identifier: GPL-3.0-or-later
// Percentile estimates of a response time from its mean and variance, for the analytical
// engine: a gamma distribution fitted by moments (exact for an M/M/1 response, which is
// exponential). Estimates, not measurements: the DES measures percentiles.
#pragma once

namespace archsim::sim::analytic {

struct ResponsePercentiles {
    double p50 = 0, p95 = 0, p99 = 0, p999 = 0;
};

ResponsePercentiles estimatePercentiles(double meanMs, double varianceMs2);

} // namespace archsim::sim::analytic
