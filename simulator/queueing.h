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

// The same wait with the Erlang C probability of waiting it was built from (C = 1 when
// saturated), for callers that also need the wait's variance.
struct QueueWait {
    double waitMs = 0;
    double probabilityOfWaiting = 0;
};
QueueWait allenCunneen(int servers, double arrivalPerMs, double meanServiceMs, double serviceScv,
                       double arrivalScv = 1);

// One station of a closed network for mean-value analysis.
struct MvaStation {
    double demandMs = 0; // service demand per cycle
    int servers = 1;     // > 1: a load-dependent multi-server station (exact in exactMva)
};

struct MvaResult {
    double throughputPerMs = 0;
    double responseMs = 0;                 // one cycle without the think time
    std::vector<double> residenceMs;       // per station
    std::vector<double> queueLength;       // per station, mean number present
    std::vector<double> throughputByUsers; // [n]: throughput with n users, n = 0..users
};

// Exact single-class MVA for `users` customers; thinkMs is the delay outside the stations.
// Multi-server stations are solved exactly (load-dependent MVA).
MvaResult exactMva(const std::vector<MvaStation> &stations, int users, double thinkMs);

// Exact single-class MVA with load-dependent stations: station k is visited `visits` times per
// cycle and completes rate[j] visits per ms while j customers are there (rate[0] unused).
struct LoadDependentStation {
    double visits = 1;
    std::vector<double> rate; // size > users
    // Scales the queueing part of the residence (beyond what one customer alone spends):
    // (1 + cs2) / 2 for service times less (or more) variable than exponential.
    double waitScale = 1;
};
struct LoadDependentMva {
    double throughputPerMs = 0;
    std::vector<double> residenceMs;           // per station, per cycle
    std::vector<std::vector<double>> marginal; // per station: P(j customers there), j = 0..users
};
LoadDependentMva loadDependentMva(const std::vector<LoadDependentStation> &stations, int users,
                                  double thinkMs);

// Schweitzer's approximate MVA for several closed classes (or one large population);
// multi-server stations by Seidmann's approximation (queue D/c plus delay D(c-1)/c).
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
