// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/queueing.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace archsim::sim::queueing {

double erlangC(int c, double a) {
    if (a <= 0) return 0;
    if (a >= c) return 1;
    // Erlang B by its stable recurrence, then C = B / (1 - rho (1 - B)).
    double b = 1;
    for (int k = 1; k <= c; ++k)
        b = a * b / (k + a * b);
    const double rho = a / c;
    return b / (1 - rho * (1 - b));
}

QueueWait allenCunneen(int c, double lambda, double s, double cs2, double ca2) {
    if (lambda <= 0 || s <= 0) return {};
    const double a = lambda * s;
    if (a >= c) return {std::numeric_limits<double>::infinity(), 1};
    const double mu = 1 / s;
    // Krämer and Langenbach-Belz's correction of the heavy-traffic formula; 1 for Poisson
    // arrivals, so M/M/c and M/G/1 stay exact.
    const double rho = a / c;
    double g = 1;
    if (ca2 < 1 && ca2 + cs2 > 0)
        g = std::exp(-2 * (1 - rho) * (1 - ca2) * (1 - ca2) / (3 * rho * (ca2 + cs2)));
    else if (ca2 > 1)
        g = std::exp(-(1 - rho) * (ca2 - 1) / (ca2 + 4 * cs2));
    const double pc = erlangC(c, a);
    return {pc / (c * mu - lambda) * (ca2 + cs2) / 2 * g, pc};
}

double waitAllenCunneen(int c, double lambda, double s, double cs2, double ca2) {
    return allenCunneen(c, lambda, s, cs2, ca2).waitMs;
}

MvaResult exactMva(const std::vector<MvaStation> &stations, int users, double thinkMs) {
    const std::size_t k = stations.size();
    MvaResult r;
    r.residenceMs.assign(k, 0);
    r.queueLength.assign(k, 0);
    // Multi-server stations are load dependent; their marginal probabilities p(j | n) of j
    // busy servers, j < c, are carried in the numerically stable form of Bruell, Balbo and
    // Afshari (1984). A station with at least as many servers as users never queues.
    std::vector<std::vector<double>> p(k);
    for (std::size_t i = 0; i < k; ++i) {
        const int c = std::max(1, stations[i].servers);
        if (c > 1 && c < users) p[i].assign(std::size_t(c), 0), p[i][0] = 1;
    }
    std::vector<double> q(k, 0);
    r.throughputByUsers.assign(std::size_t(std::max(users, 0)) + 1, 0);
    for (int n = 1; n <= users; ++n) {
        double total = 0;
        for (std::size_t i = 0; i < k; ++i) {
            const int c = std::max(1, stations[i].servers);
            const double d = stations[i].demandMs;
            if (c == 1) {
                r.residenceMs[i] = d * (1 + q[i]);
            } else if (c >= users) {
                r.residenceMs[i] = d;
            } else {
                double idle = 0;
                for (int j = 0; j <= c - 2; ++j)
                    idle += (c - 1 - j) * p[i][std::size_t(j)];
                r.residenceMs[i] = d / c * (1 + q[i] + idle);
            }
            total += r.residenceMs[i];
        }
        r.throughputPerMs = n / (thinkMs + total);
        r.throughputByUsers[std::size_t(n)] = r.throughputPerMs;
        r.responseMs = total;
        for (std::size_t i = 0; i < k; ++i) {
            q[i] = r.throughputPerMs * r.residenceMs[i];
            r.queueLength[i] = q[i];
            const int c = std::max(1, stations[i].servers);
            if (p[i].empty()) continue;
            const double d = stations[i].demandMs;
            double weighted = 0;
            for (int j = c - 1; j >= 1; --j) {
                p[i][std::size_t(j)] = d / j * r.throughputPerMs * p[i][std::size_t(j - 1)];
                weighted += (c - j) * p[i][std::size_t(j)];
            }
            p[i][0] = std::max(0.0, 1 - (r.throughputPerMs * d + weighted) / c);
        }
    }
    return r;
}

LoadDependentMva loadDependentMva(const std::vector<LoadDependentStation> &stations, int users,
                                  double thinkMs) {
    const std::size_t k = stations.size();
    const std::size_t n1 = std::size_t(std::max(users, 0)) + 1;
    LoadDependentMva r;
    r.residenceMs.assign(k, 0);
    r.marginal.assign(k, std::vector<double>(n1, 0));
    for (auto &p : r.marginal)
        p[0] = 1;
    std::vector<double> previous(n1, 0);
    for (int n = 1; n <= users; ++n) {
        double total = 0;
        for (std::size_t i = 0; i < k; ++i) {
            const LoadDependentStation &st = stations[i];
            double residence = 0;
            for (int j = 1; j <= n; ++j)
                residence += j / st.rate[std::size_t(j)] * r.marginal[i][std::size_t(j - 1)];
            const double alone = st.visits / st.rate[1];
            r.residenceMs[i] = alone + (st.visits * residence - alone) * st.waitScale;
            total += r.residenceMs[i];
        }
        const double x = n / (thinkMs + total);
        r.throughputPerMs = x;
        for (std::size_t i = 0; i < k; ++i) {
            const LoadDependentStation &st = stations[i];
            std::vector<double> &p = r.marginal[i];
            previous = p;
            double busy = 0;
            for (int j = 1; j <= n; ++j) {
                p[std::size_t(j)] =
                    st.visits * x / st.rate[std::size_t(j)] * previous[std::size_t(j - 1)];
                busy += p[std::size_t(j)];
            }
            // The empty-station probability by difference can go slightly negative near
            // saturation; renormalise instead.
            p[0] = std::max(0.0, 1 - busy);
            if (busy > 1)
                for (int j = 1; j <= n; ++j)
                    p[std::size_t(j)] /= busy;
        }
    }
    return r;
}

MultiClassMva schweitzerMva(const std::vector<std::vector<double>> &demands,
                            const std::vector<int> &servers, const std::vector<int> &users,
                            const std::vector<double> &thinkMs) {
    const std::size_t k = demands.size();
    const std::size_t w = users.size();
    MultiClassMva r;
    r.throughputPerMs.assign(w, 0);
    r.responseMs.assign(w, 0);
    r.utilization.assign(k, 0);
    // q[i][j]: queueing-part customers of class j at station i; start spread evenly.
    std::vector<std::vector<double>> q(k, std::vector<double>(w, 0));
    for (std::size_t j = 0; j < w; ++j)
        for (std::size_t i = 0; i < k; ++i)
            q[i][j] = double(users[j]) / double(std::max<std::size_t>(k, 1));
    std::vector<std::vector<double>> res(k, std::vector<double>(w, 0));
    for (int it = 0; it < 10000; ++it) {
        double change = 0;
        for (std::size_t j = 0; j < w; ++j) {
            if (users[j] <= 0) continue;
            double total = 0;
            for (std::size_t i = 0; i < k; ++i) {
                double others = 0;
                for (std::size_t l = 0; l < w; ++l)
                    others += l == j ? q[i][l] * (users[j] - 1) / users[j] : q[i][l];
                const double c = std::max(1, servers[i]);
                res[i][j] = demands[i][j] / c * (1 + others) + demands[i][j] * (c - 1) / c;
                total += res[i][j];
            }
            r.throughputPerMs[j] = users[j] / (thinkMs[j] + total);
            r.responseMs[j] = total;
        }
        for (std::size_t i = 0; i < k; ++i)
            for (std::size_t j = 0; j < w; ++j) {
                const double c = std::max(1, servers[i]);
                const double next =
                    r.throughputPerMs[j] * (res[i][j] - demands[i][j] * (c - 1) / c);
                change = std::max(change, std::abs(next - q[i][j]));
                q[i][j] = next;
            }
        if (change < 1e-10) break;
    }
    for (std::size_t i = 0; i < k; ++i) {
        double busy = 0;
        for (std::size_t j = 0; j < w; ++j)
            busy += r.throughputPerMs[j] * demands[i][j];
        r.utilization[i] = busy / std::max(1, servers[i]);
    }
    return r;
}

} // namespace archsim::sim::queueing
