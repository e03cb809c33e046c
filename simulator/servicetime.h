// SPDX-License-Identifier: GPL-3.0-or-later
// A component's own work per visit, for both engines: its mean, its variability (what the
// analytical engine needs) and how the discrete-event engine draws it. A new distribution is
// one case in make(), scv() and sample() here, plus its test.
#pragma once

#include "model/enums.h"
#include "model/servicedistribution.h"

#include <cmath>
#include <vector>

namespace archsim::sim {

class ServiceTime {
public:
    ServiceTime() = default;
    // MEAN in ms; CV is used by lognormal and Weibull; BINS by empirical (the histogram's shape,
    // scaled to MEAN when MEAN > 0, else taken as it is).
    static ServiceTime make(Distribution distribution, double meanMs, double cv,
                            const std::vector<HistogramBin> &bins = {});

    Distribution distribution() const { return m_distribution; }
    double meanMs() const { return m_mean; }
    // Squared coefficient of variation: variance / mean^2.
    double scv() const { return m_scv; }
    // E[S^2], what the Pollaczek–Khinchine and Allen–Cunneen formulas take.
    double secondMomentMs2() const { return m_mean * m_mean * (1 + m_scv); }

    // One draw. R gives exponential() (mean 1), uniform() (0..1) and normal() (0, 1); the
    // engine keeps one stream of each so runs repeat draw for draw with the same seed.
    template <class R> double sample(R &random) const {
        switch (m_distribution) {
        case Distribution::Exponential:
            return m_mean * random.exponential();
        case Distribution::Constant:
            return m_mean;
        case Distribution::Lognormal:
            return m_mean > 0 ? std::exp(m_a + m_b * random.normal()) : 0.0;
        case Distribution::Uniform:
            return 2 * m_mean * random.uniform();
        case Distribution::Weibull:
            // Inverse transform: scale x (-ln U)^(1/shape), -ln U being a unit exponential.
            return m_mean > 0 ? m_a * std::pow(random.exponential(), m_b) : 0.0;
        case Distribution::Empirical:
            return empirical(random.uniform());
        }
        return m_mean;
    }

private:
    // The inverse of the histogram's piecewise-uniform distribution function at u.
    double empirical(double u) const;

    Distribution m_distribution = Distribution::Exponential;
    double m_mean = 0;
    double m_scv = 1;
    // Lognormal: mu, sigma of the underlying normal. Weibull: scale, 1 / shape.
    double m_a = 0, m_b = 0;
    // Empirical: bin i covers [m_low[i], m_low[i] + m_width[i]) with cumulative share
    // m_cumulative[i] at its upper edge (the last one is 1).
    std::vector<double> m_low, m_width, m_cumulative;
};

// The Weibull shape whose coefficient of variation is CV (0.05 .. 20).
double weibullShapeForCv(double cv);

} // namespace archsim::sim
