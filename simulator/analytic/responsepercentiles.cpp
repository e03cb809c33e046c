// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/analytic/responsepercentiles.h"

#include <boost/math/distributions/gamma.hpp>

#include <cmath>

namespace archsim::sim::analytic {

ResponsePercentiles estimatePercentiles(double mean, double variance) {
    ResponsePercentiles p;
    if (!std::isfinite(mean) || !std::isfinite(variance) || mean <= 0) {
        p.p50 = p.p95 = p.p99 = p.p999 = mean;
        return p;
    }
    const double scv = variance / (mean * mean);
    if (scv < 1e-6) { // (nearly) constant
        p.p50 = p.p95 = p.p99 = p.p999 = mean;
        return p;
    }
    const boost::math::gamma_distribution<double> fitted(1 / scv, mean * scv);
    p.p50 = boost::math::quantile(fitted, 0.5);
    p.p95 = boost::math::quantile(fitted, 0.95);
    p.p99 = boost::math::quantile(fitted, 0.99);
    p.p999 = boost::math::quantile(fitted, 0.999);
    return p;
}

} // namespace archsim::sim::analytic
