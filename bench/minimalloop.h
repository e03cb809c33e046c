// SPDX-License-Identifier: GPL-3.0-or-later
// The smallest event loop for a tandem of M/M/c stations: the baseline the DES is measured against.
#pragma once

#include <cstdint>

namespace archsim::bench {

struct MinimalLoopResult {
    std::uint64_t requests = 0;
    std::uint64_t events = 0;
    double meanResponseMs = 0;
    double seconds = 0; // wall time
};

// Poisson arrivals at ratePerMs into `stations` FIFO stations in series, each with `servers`
// servers and exponential service of serviceMs; `requests` arrive, and the run ends when the
// last has left the last station.
MinimalLoopResult runMinimalTandem(int stations, int servers, double ratePerMs, double serviceMs,
                                   std::uint64_t requests, std::uint64_t seed);

} // namespace archsim::bench
