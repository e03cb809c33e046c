// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/confidence.h"

#include <boost/math/distributions/students_t.hpp>

#include <cmath>

namespace archsim::sim {

double studentT95(int df) {
    if (df < 1) return 0;
    return boost::math::quantile(boost::math::complement(boost::math::students_t(df), 0.025));
}

std::optional<double> halfWidth95(const std::vector<double> &samples) {
    const std::size_t n = samples.size();
    if (n < 2) return std::nullopt;
    double mean = 0;
    for (double v : samples)
        mean += v;
    mean /= double(n);
    double var = 0;
    for (double v : samples)
        var += (v - mean) * (v - mean);
    var /= double(n - 1);
    return studentT95(int(n - 1)) * std::sqrt(var / double(n));
}

} // namespace archsim::sim
