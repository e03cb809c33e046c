// SPDX-License-Identifier: GPL-3.0-or-later
// The probability that a request succeeds while some units are fully down: the static failure
// model shared by the availability formula, the blast radius and the Monte Carlo check.
#pragma once

#include "simulator/compiledmodel.h"

#include <random>
#include <vector>

namespace archsim::sim {

class RequestSuccess {
public:
    explicit RequestSuccess(const CompiledModel &model);

    // P(a request of `workload` succeeds | the units with down[u] != 0 are down, all others up),
    // over the request's random path (probabilistic calls, cache hits). Only sync calls that are
    // not optional can fail a request; async messages and optional calls never do.
    double probability(int workload, const std::vector<char> &down) const;

    // One random request path: true when it touches no down unit (used by the Monte Carlo check).
    // Calls repeated more than a few times per visit, and paths past a budget of visits, draw
    // their outcome from the exact probability of their callee instead of walking every call:
    // the same distribution, at a cost bounded per request whatever `calls` is.
    bool sample(int workload, const std::vector<char> &down, std::mt19937_64 &rng) const;

    // Units a request of `workload` needs with positive probability (Boost.Graph reachability
    // over required sync calls), entry's unit included, units of clients left out.
    std::vector<int> dependencies(int workload) const;

    // True when a unit runs only clients: users' machines, never down in this model.
    bool isClientOnly(int unit) const { return m_clientOnly[unit] != 0; }

private:
    bool sampleVisit(int component, const std::vector<char> &down, std::mt19937_64 &rng) const;
    // Fills m_success for this down set (kept while the next sample has the same one).
    void successFor(const std::vector<char> &down) const;
    const CompiledModel &m_model;
    std::vector<char> m_clientOnly;
    mutable std::vector<double> m_success;   // scratch, one value per component
    mutable std::vector<char> m_successDown; // the down set m_success holds, when valid
    mutable bool m_successValid = false;
    mutable int m_budget = 0; // visits a sample may still walk
};

} // namespace archsim::sim
