// A station fed by callers of limited number: the finite-source (Engset) queue that bounds the
// wait at a callee when its callers' thread pools, or a closed workload's users, are the limit.
#pragma once

namespace archsim::sim::analytic {

struct FiniteSourceStation {
    int servers = 1;
    double holdingMs = 0;  // mean holding time of a server
    double openPerMs = 0;  // Poisson arrivals (open workloads, async messages)
    double finitePerMs = 0; // arrivals from the finite sources
    double population = 0;  // how many finite sources there are (threads or users)
};

struct FiniteSourceWait {
    // Mean queue wait of the exponential birth–death model of the station (the finite sources'
    // think time chosen so that they send finitePerMs), and of M/M/c with all arrivals Poisson.
    double waitMs = 0;
    double poissonWaitMs = 0;
    // False when the finite sources cannot send finitePerMs even with no think time at all:
    // their pools are saturated; waitMs is then the wait with every source at the station.
    bool reachable = true;
    // True when the population is so large (or so idle) that it cannot matter: waitMs ==
    // poissonWaitMs without solving the birth–death model.
    bool unbounded = false;

    // What the finite population does to a Poisson-based wait formula (1: nothing).
    double factor() const;
};

// Requires openPerMs x holdingMs < servers (the open part alone is stable).
FiniteSourceWait finiteSourceWait(const FiniteSourceStation &station);

// Above this population the sources are taken as Poisson (their effect is below 1e-9).
constexpr double kLargestSolvedPopulation = 20000;

} // namespace archsim::sim::analytic
