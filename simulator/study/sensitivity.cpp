// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/study/sensitivity.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace archsim::sim {

namespace {

constexpr double kNoPlan = std::numeric_limits<double>::quiet_NaN();

// Advantage of RECOMMENDED over the cheapest other variant with a plan.
std::optional<double> advantage(const std::vector<double> &costs, int recommended) {
    if (recommended < 0 || std::isnan(costs[std::size_t(recommended)])) return std::nullopt;
    std::optional<double> other;
    for (std::size_t i = 0; i < costs.size(); ++i)
        if (int(i) != recommended && !std::isnan(costs[i]))
            other = other ? std::min(*other, costs[i]) : costs[i];
    if (!other) return std::nullopt;
    return *other - costs[std::size_t(recommended)];
}

class Study {
public:
    Study(const QList<Variant> &variants, double rate, const SensitivityOptions &options)
        : m_variants(variants)
        , m_rate(rate)
        , m_options(options) {
        m_options.plan.confirm = false;
    }

    // Every variant's analytic plan cost with COMPONENT's service time (or the load, when
    // empty) times FACTOR.
    std::vector<double> costs(const QString &component, double factor) {
        std::vector<double> out;
        for (Variant v : m_variants) {
            PlanOptions plan = m_options.plan;
            plan.ratePerSec = m_rate;
            if (component.isEmpty())
                plan.ratePerSec = m_rate * factor;
            else
                for (Component &c : v.components)
                    if (c.id == component) c.serviceTimeMs *= factor;
            const PlanResult result = planCapacity(v, plan);
            ++m_plans;
            out.push_back(result.feasible ? result.costPerMonth : kNoPlan);
        }
        return out;
    }
    bool cancelled() const { return m_options.cancel && m_options.cancel->load(); }
    int plans() const { return m_plans; }

private:
    QList<Variant> m_variants;
    double m_rate;
    SensitivityOptions m_options;
    int m_plans = 0;
};

} // namespace

double SensitivityFactor::swing() const {
    auto end = [](std::optional<double> a, bool fails) {
        return a ? *a : (fails ? -1e12 : 1e12); // a lost plan counts as the largest change
    };
    return std::fabs(end(advantageHigh, recommendedFailsHigh) -
                     end(advantageLow, recommendedFailsLow));
}

int cheapestVariant(const std::vector<double> &costs) {
    int best = -1;
    for (std::size_t i = 0; i < costs.size(); ++i)
        if (!std::isnan(costs[i]) && (best < 0 || costs[i] < costs[std::size_t(best)]))
            best = int(i);
    return best;
}

Sensitivity verdictSensitivity(const QList<Variant> &variants, double ratePerSec,
                               const SensitivityOptions &options) {
    Sensitivity out;
    Study study(variants, ratePerSec, options);
    out.costs = study.costs({}, 1);
    out.recommended = cheapestVariant(out.costs);
    out.baseAdvantage = advantage(out.costs, out.recommended);
    if (out.recommended < 0) {
        out.plans = study.plans();
        return out;
    }

    // The factors: the load, then every component with its own work, in the first variant's
    // order (components keep their ids across derived variants).
    std::vector<std::pair<QString, QString>> factors{{QString(), QStringLiteral("load")}};
    for (const Variant &v : variants)
        for (const Component &c : v.components) {
            if (!(c.serviceTimeMs > 0)) continue;
            if (std::any_of(factors.begin(), factors.end(),
                            [&](const auto &f) { return f.first == c.id; }))
                continue;
            factors.emplace_back(c.id, (c.name.isEmpty() ? c.id : c.name) +
                                           QStringLiteral(" service time"));
        }

    const int steps = std::max(1, options.steps);
    for (std::size_t f = 0; f < factors.size(); ++f) {
        if (study.cancelled()) {
            out.cancelled = true;
            break;
        }
        SensitivityFactor factor;
        factor.component = factors[f].first;
        factor.label = factors[f].second;
        factor.low = 1 - options.range;
        factor.high = 1 + options.range;
        for (int side : {-1, +1}) {
            // The grid inside the range, then on outwards (without advantage figures) until
            // the recommendation changes or the search limit: "holds up to x3.2" is worth
            // knowing too.
            std::vector<double> grid;
            for (int k = 1; k <= steps; ++k)
                grid.push_back(1 + side * options.range * k / steps);
            const double outer = side > 0 ? options.searchAbove : options.searchBelow;
            const double stride = side > 0 ? 0.25 : 0.1;
            for (double m = grid.back() + side * stride;
                 side > 0 ? m <= outer + 1e-9 : m >= outer - 1e-9; m += side * stride)
                grid.push_back(m);
            double inside = 1; // the last multiplier with the base recommendation
            std::optional<double> flip;
            QString flipTo;
            std::vector<double> end;
            for (std::size_t k = 0; k < grid.size(); ++k) {
                const bool inRange = int(k) < steps;
                if (!inRange && flip) break;
                const double m = grid[k];
                const std::vector<double> c = study.costs(factor.component, m);
                if (int(k) == steps - 1) end = c;
                const int rec = cheapestVariant(c);
                if (!flip && rec != out.recommended) {
                    // Bisect between the last agreeing multiplier and this one.
                    double a = inside, b = m;
                    int to = rec;
                    for (int i = 0; i < 4; ++i) {
                        const double mid = 0.5 * (a + b);
                        const int r = cheapestVariant(study.costs(factor.component, mid));
                        if (r == out.recommended) {
                            a = mid;
                        } else {
                            b = mid;
                            to = r;
                        }
                    }
                    flip = b;
                    flipTo =
                        to >= 0 ? variants[to].name : QStringLiteral("no variant meets the SLO");
                }
                if (!flip) inside = m;
            }
            const std::optional<double> adv = advantage(end, out.recommended);
            const bool fails = std::isnan(end[std::size_t(out.recommended)]);
            if (side < 0) {
                factor.advantageLow = adv;
                factor.recommendedFailsLow = fails;
                factor.flipBelow = flip;
                factor.flipToBelow = flipTo;
                factor.searchedBelow = flip ? *flip : grid.back();
            } else {
                factor.advantageHigh = adv;
                factor.recommendedFailsHigh = fails;
                factor.flipAbove = flip;
                factor.flipToAbove = flipTo;
                factor.searchedAbove = flip ? *flip : grid.back();
            }
        }
        out.factors.push_back(factor);
        if (options.progress) options.progress(double(f + 1) / factors.size());
    }
    // Largest swing first; among equal swings, the factor whose flip is nearest to 1.
    auto nearest = [](const SensitivityFactor &f) {
        double d = 1e9;
        if (f.flipBelow) d = std::min(d, 1 - *f.flipBelow);
        if (f.flipAbove) d = std::min(d, *f.flipAbove - 1);
        return d;
    };
    std::stable_sort(out.factors.begin(), out.factors.end(),
                     [&](const SensitivityFactor &a, const SensitivityFactor &b) {
                         if (std::fabs(a.swing() - b.swing()) > 1e-9) return a.swing() > b.swing();
                         return nearest(a) < nearest(b);
                     });
    out.plans = study.plans();
    return out;
}

} // namespace archsim::sim
