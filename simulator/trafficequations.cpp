// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/trafficequations.h"

#include <cmath>
#include <map>
#include <set>

namespace archsim::sim {

namespace {
// A pivot this close to 0 means a loop product of 1 (to rounding): unbounded visits.
constexpr double kSingularPivot = 1e-9;
} // namespace

TrafficEquations::TrafficEquations(int n, const std::vector<Entry> &entries)
    : m_n(n)
    , m_lower(std::size_t(n))
    , m_upper(std::size_t(n))
    , m_pivot(std::size_t(n), 1.0) {
    // Rows of I - A, and for each column the rows below the diagonal that still hold it.
    std::vector<std::map<int, double>> rows(static_cast<std::size_t>(n));
    std::vector<std::set<int>> below(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        rows[std::size_t(i)][i] = 1.0;
    for (const Entry &e : entries) {
        rows[std::size_t(e.to)][e.from] -= e.calls;
        if (e.from < e.to) below[std::size_t(e.from)].insert(e.to);
    }
    for (int k = 0; k < n; ++k) {
        std::map<int, double> &pivotRow = rows[std::size_t(k)];
        const double pivot = pivotRow[k];
        if (!(pivot > kSingularPivot) || !std::isfinite(pivot)) {
            m_bounded = false;
            return;
        }
        m_pivot[std::size_t(k)] = pivot;
        for (const auto &[j, u] : pivotRow)
            if (j > k && u != 0) m_upper[std::size_t(k)].emplace_back(j, u);
        for (int i : below[std::size_t(k)]) {
            std::map<int, double> &row = rows[std::size_t(i)];
            const auto at = row.find(k);
            if (at == row.end()) continue;
            const double l = at->second / pivot;
            row.erase(at);
            if (l == 0) continue;
            m_lower[std::size_t(i)].emplace_back(k, l);
            for (const auto &[j, u] : m_upper[std::size_t(k)]) {
                auto [cell, inserted] = row.try_emplace(j, 0.0);
                cell->second -= l * u;
                if (inserted && j < i) below[std::size_t(j)].insert(i);
            }
        }
        below[std::size_t(k)].clear();
        pivotRow.clear();
    }
}

std::vector<double> TrafficEquations::solve(std::vector<double> b) const {
    for (int i = 0; i < m_n; ++i)
        for (const auto &[k, l] : m_lower[std::size_t(i)])
            b[std::size_t(i)] -= l * b[std::size_t(k)];
    for (int i = m_n - 1; i >= 0; --i) {
        double x = b[std::size_t(i)];
        for (const auto &[j, u] : m_upper[std::size_t(i)])
            x -= u * b[std::size_t(j)];
        b[std::size_t(i)] = x / m_pivot[std::size_t(i)];
    }
    return b;
}

} // namespace archsim::sim
