// SPDX-License-Identifier: GPL-3.0-or-later
// Queueing theory for the tests, written from the textbook formulas, not from the engines' code.
#pragma once

#include <vector>

namespace archsim::test {

// Erlang C by its defining sums: P(wait) = (a^c/c!)/(1-rho) / (sum_{k<c} a^k/k! +
// (a^c/c!)/(1-rho)).
inline double erlangCBySums(int c, double a) {
    double term = 1, sum = 0;
    for (int k = 0; k < c; ++k) {
        sum += term;
        term *= a / (k + 1);
    }
    const double top = term / (1 - a / c); // term is now a^c / c!
    return top / (sum + top);
}

inline double mmcResponse(int c, double lambdaPerMs, double s) {
    const double a = lambdaPerMs * s;
    return erlangCBySums(c, a) / (c / s - lambdaPerMs) + s;
}

// Pollaczek–Khinchine: R = S + lambda E[S^2] / (2 (1 - rho)).
inline double pkResponse(double lambdaPerMs, double s, double scv) {
    const double rho = lambdaPerMs * s;
    return s + lambdaPerMs * s * s * (1 + scv) / (2 * (1 - rho));
}

// Exact single-class MVA over single-server stations with think time z.
struct Mva {
    double throughputPerMs;
    double responseMs;
};
inline Mva exactMvaByHand(const std::vector<double> &demands, int users, double z) {
    std::vector<double> q(demands.size(), 0);
    Mva r{0, 0};
    for (int n = 1; n <= users; ++n) {
        std::vector<double> res(demands.size());
        double total = 0;
        for (std::size_t k = 0; k < demands.size(); ++k) {
            res[k] = demands[k] * (1 + q[k]);
            total += res[k];
        }
        r.throughputPerMs = n / (z + total);
        r.responseMs = total;
        for (std::size_t k = 0; k < demands.size(); ++k)
            q[k] = r.throughputPerMs * res[k];
    }
    return r;
}

} // namespace archsim::test

namespace archsim::test {

// The machine-repairman model M/M/c//N: N users thinking z (exponential) before each request
// to c servers of mean s. Its birth–death chain solved directly (births (N - n)/z, deaths
// min(n, c)/s): throughput and mean response by Little's law.
inline Mva machineRepairman(int c, double s, int users, double z) {
    std::vector<double> p(std::size_t(users) + 1, 0);
    p[0] = 1;
    double sum = 1;
    for (int n = 1; n <= users; ++n) {
        p[std::size_t(n)] = p[std::size_t(n - 1)] * ((users - n + 1) / z) / (std::min(n, c) / s);
        sum += p[std::size_t(n)];
    }
    double inSystem = 0, throughput = 0;
    for (int n = 0; n <= users; ++n) {
        inSystem += n * p[std::size_t(n)] / sum;
        throughput += std::min(n, c) / s * p[std::size_t(n)] / sum;
    }
    return {throughput, inSystem / throughput};
}

} // namespace archsim::test

namespace archsim::test {

// E[min(N, t)] for N the number present in an M/M/c queue (the Erlang distribution).
inline double mmcMeanMin(int c, double lambdaPerMs, double s, int t) {
    const double a = lambdaPerMs * s, rho = a / c;
    std::vector<double> p;
    double term = 1, sum = 0;
    for (int n = 0; n < 100000; ++n) {
        p.push_back(term);
        sum += term;
        if (n > c && term < 1e-18 * sum) break;
        term *= n + 1 <= c ? a / (n + 1) : rho;
    }
    double mean = 0;
    for (std::size_t n = 0; n < p.size(); ++n)
        mean += std::min(int(n), t) * p[n] / sum;
    return mean;
}

} // namespace archsim::test
