// SPDX-License-Identifier: GPL-3.0-or-later
// The traffic equations of one cycle of calls, solved exactly: visits v = b + A v inside a
// strongly connected set of components, where A[j][i] is the expected calls from i to j per
// visit of i. Sparse elimination, so a ring of 10,000 members costs linear time and memory.
#pragma once

#include <utility>
#include <vector>

namespace archsim::sim {

class TrafficEquations {
public:
    // n members; entries (to, from, calls per visit) may repeat (they add up). No self-calls.
    struct Entry {
        int to = 0;
        int from = 0;
        double calls = 0;
    };
    TrafficEquations(int n, const std::vector<Entry> &entries);

    // False when the calls around the cycle multiply to 1 or more (within 1e-9): expected
    // visits would be unbounded. For a strongly connected set this is exact: I - A is a
    // nonsingular M-matrix (every pivot of elimination without row exchanges is positive)
    // exactly when the spectral radius of A is below 1.
    bool bounded() const { return m_bounded; }
    // Solves (I - A) v = b; only when bounded().
    std::vector<double> solve(std::vector<double> b) const;

private:
    int m_n = 0;
    bool m_bounded = true;
    // LU factors of I - A: lower[i] holds (k, l_ik) for k < i, upper[i] (j, u_ij) for j > i.
    std::vector<std::vector<std::pair<int, double>>> m_lower, m_upper;
    std::vector<double> m_pivot;
};

} // namespace archsim::sim
