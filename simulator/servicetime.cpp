// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/servicetime.h"

#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/tools/roots.hpp>

#include <algorithm>

namespace archsim::sim {

namespace {

// Squared coefficient of variation of a Weibull of this shape: G(1+2/k) / G(1+1/k)^2 - 1.
double weibullScv(double shape) {
    const double g1 = boost::math::tgamma(1 + 1 / shape);
    return boost::math::tgamma(1 + 2 / shape) / (g1 * g1) - 1;
}

} // namespace

double weibullShapeForCv(double cv) {
    const double target = std::clamp(cv, archsim::kWeibullMinCv, archsim::kWeibullMaxCv);
    // The scv falls as the shape grows; bracket [0.05, 100] covers cv 0.013 .. 1e10.
    const auto f = [&](double shape) { return weibullScv(shape) - target * target; };
    boost::math::tools::eps_tolerance<double> tolerance(40);
    std::uintmax_t iterations = 200;
    const auto [low, high] =
        boost::math::tools::toms748_solve(f, 0.05, 100.0, tolerance, iterations);
    return (low + high) / 2;
}

ServiceTime ServiceTime::make(Distribution distribution, double meanMs, double cv,
                              const std::vector<HistogramBin> &bins) {
    ServiceTime s;
    s.m_distribution = distribution;
    s.m_mean = meanMs;
    switch (distribution) {
    case Distribution::Exponential:
        s.m_scv = 1;
        break;
    case Distribution::Constant:
        s.m_scv = 0;
        break;
    case Distribution::Lognormal: {
        s.m_scv = cv * cv;
        const double sigma2 = std::log(1 + cv * cv);
        s.m_b = std::sqrt(sigma2);
        s.m_a = std::log(std::max(meanMs, 1e-300)) - sigma2 / 2;
        break;
    }
    case Distribution::Uniform:
        s.m_scv = 1.0 / 3.0; // uniform on [0, 2 x mean]
        break;
    case Distribution::Weibull: {
        const double shape = weibullShapeForCv(cv);
        s.m_scv = weibullScv(shape);
        s.m_b = 1 / shape;
        s.m_a = meanMs / boost::math::tgamma(1 + 1 / shape);
        break;
    }
    case Distribution::Empirical: {
        // Piecewise uniform within each bin: E[S] = sum w (a + b) / 2, E[S^2] = sum w (a^2 + ab
        // + b^2) / 3, over the shares w.
        double total = 0, first = 0, second = 0;
        for (const HistogramBin &b : bins)
            total += b.weight;
        if (!(total > 0)) {
            s.m_scv = 0;
            s.m_mean = 0;
            break;
        }
        double cumulative = 0;
        for (const HistogramBin &b : bins) {
            const double w = b.weight / total;
            first += w * (b.lowMs + b.highMs) / 2;
            second += w * (b.lowMs * b.lowMs + b.lowMs * b.highMs + b.highMs * b.highMs) / 3;
            if (!(w > 0)) continue;
            cumulative += w;
            s.m_low.push_back(b.lowMs);
            s.m_width.push_back(b.highMs - b.lowMs);
            s.m_cumulative.push_back(cumulative);
        }
        if (!s.m_cumulative.empty()) s.m_cumulative.back() = 1;
        const double scale = meanMs > 0 && first > 0 ? meanMs / first : 1;
        for (std::size_t i = 0; i < s.m_low.size(); ++i) {
            s.m_low[i] *= scale;
            s.m_width[i] *= scale;
        }
        s.m_mean = first * scale;
        s.m_scv = first > 0 ? std::max(0.0, second / (first * first) - 1) : 0;
        break;
    }
    }
    return s;
}

double ServiceTime::empirical(double u) const {
    if (m_cumulative.empty()) return 0;
    const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), u);
    const std::size_t i = std::min(std::size_t(it - m_cumulative.begin()), m_cumulative.size() - 1);
    const double below = i > 0 ? m_cumulative[i - 1] : 0;
    const double share = m_cumulative[i] - below;
    const double within = share > 0 ? std::clamp((u - below) / share, 0.0, 1.0) : 0.5;
    return m_low[i] + m_width[i] * within;
}

} // namespace archsim::sim
