// SPDX-License-Identifier: GPL-3.0-or-later
// The discrete-event engine's random numbers: one generator and one distribution object of
// each kind, so a replication repeats draw for draw with the same seed.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>

namespace archsim::sim::des {

class DesRandom {
public:
    explicit DesRandom(std::uint64_t seed)
        : m_engine(seed) {}

    // The uniform and exponential draws are libstdc++'s own formulas written out so they
    // inline into the event loop (its generate_canonical is an out-of-line call on the hottest
    // path): a 64-bit draw over 2^64 (a power of two, so the same double as its division),
    // kept below 1; the exponential is -log(1 - u). Same numbers, draw for draw, as
    // std::uniform_real_distribution(0, 1) and std::exponential_distribution(1).
    double uniform() { // [0, 1)
        const double u = double(m_engine()) * 0x1p-64;
        return u >= 1 ? std::nextafter(1.0, 0.0) : u;
    }
    double exponential() { return -std::log(1.0 - uniform()); } // mean 1
    double normal() { return m_normal(m_engine); }              // mean 0, sd 1 (keeps a spare)

private:
    std::mt19937_64 m_engine;
    std::normal_distribution<double> m_normal{0.0, 1.0};
};

} // namespace archsim::sim::des
