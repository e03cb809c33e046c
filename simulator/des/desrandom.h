// SPDX-License-Identifier: GPL-3.0-or-later
// The discrete-event engine's random numbers: one generator and one distribution object of
// each kind, so a replication repeats draw for draw with the same seed.
#pragma once

#include <cstdint>
#include <random>

namespace archsim::sim::des {

class DesRandom {
public:
    explicit DesRandom(std::uint64_t seed)
        : m_engine(seed) {}

    double exponential() { return m_exponential(m_engine); } // mean 1
    double uniform() { return m_uniform(m_engine); }         // [0, 1)
    double normal() { return m_normal(m_engine); }           // mean 0, sd 1 (keeps a spare)

private:
    std::mt19937_64 m_engine;
    std::exponential_distribution<double> m_exponential{1.0};
    std::uniform_real_distribution<double> m_uniform{0.0, 1.0};
    std::normal_distribution<double> m_normal{0.0, 1.0};
};

} // namespace archsim::sim::des
