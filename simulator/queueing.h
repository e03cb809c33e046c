// SPDX-License-Identifier: GPL-3.0-or-later
// Queueing-theory formulas the analytical engine is built from (and the tests check against).
#pragma once

#include <vector>

namespace archsim::sim::queueing {

// Probability that an arrival waits in an M/M/c queue with offered load a = lambda/mu (< c).
double erlangC(int servers, double offeredLoad);

// Mean wait in queue of a G/G/c station by the Allen–Cunneen approximation:
// Wq = C(c, a) / (c mu - lambda) * (ca2 + cs2) / 2. With Poisson arrivals (ca2 = 1) it is exact
// for M/M/c (cs2 = 1) and, with c = 1, the Pollaczek–Khinchine formula of M/G/1.
// For ca2 != 1 the Krämer–Langenbach-Belz factor corrects it at low and moderate load.
// Returns +infinity when the station is saturated.
double waitAllenCunneen(int servers, double arrivalPerMs, double meanServiceMs, double serviceScv,
                        double arrivalScv = 1);

// One station of a closed network for mean-value analysis.
struct MvaStation {
    double demandMs = 0; // service demand per cycle
    int servers = 1;     // > 1: Seidmann's approximation (queue D/c plus delay D(c-1)/c)
};

struct MvaResult {
    double throughputPerMs = 0;
    double responseMs = 0;           // one cycle without the think time
    std::vector<double> residenceMs; // per station
    std::vector<double> queueLength; // per station, mean number present
};

// Exact single-class MVA for `users` customers; thinkMs is the delay outside the stations.
MvaResult exactMva(const std::vector<MvaStation> &stations, int users, double thinkMs);

// Schweitzer's approximate MVA for several closed classes (or one large population).
// demands[k][w]: demand of class w at station k.
struct MultiClassMva {
    std::vector<double> throughputPerMs; // per class
    std::vector<double> responseMs;      // per class
    std::vector<double> utilization;     // per station (busy share of its servers)
};
MultiClassMva schweitzerMva(const std::vector<std::vector<double>> &demands,
                            const std::vector<int> &servers, const std::vector<int> &users,
                            const std::vector<double> &thinkMs);

} // namespace archsim::sim::queueing
