// SPDX-License-Identifier: GPL-3.0-or-later
// What would flip a recommendation: a one-at-a-time sensitivity of "which variant is cheapest
// while meeting the SLO" to each component's service time and to the load. Each factor is
// multiplied from 1 - range to 1 + range while everything else stays as written; every point
// re-plans every variant with the analytical planner (fast; the DES would take minutes here).
#pragma once

#include "simulator/study/plan.h"

#include <atomic>
#include <functional>

namespace archsim::sim {

struct SensitivityOptions {
    PlanOptions plan;   // SLO and limits; run analytically (confirm is ignored)
    double range = 0.5; // multipliers from 1 - range to 1 + range
    int steps = 5;      // grid points on each side of 1, refined by bisection at a flip
    // Past the range, the search for a flip goes on (x0.25 steps up, x0.1 down) to these.
    double searchAbove = 4;
    double searchBelow = 0.1;
    std::function<void(double)> progress;
    const std::atomic<bool> *cancel = nullptr;
};

struct SensitivityFactor {
    QString label;     // "search service time" or "load"
    QString component; // component id; empty for the load
    double low = 0.5, high = 1.5;
    // Monthly cost advantage of the base recommendation over the cheapest other variant at the
    // low and high end ($/month; negative: another variant is cheaper there). nullopt: no
    // variant other than the recommended one has a plan (+) or the recommended has none (-).
    std::optional<double> advantageLow, advantageHigh;
    bool recommendedFailsLow = false, recommendedFailsHigh = false; // no plan at that end
    // The multiplier nearest to 1 at which the recommendation changes, below and above 1 (also
    // past the range, up to the search limits), and the variant recommended from there.
    std::optional<double> flipBelow, flipAbove;
    double searchedBelow = 0.5, searchedAbove = 1.5; // how far the search went without a flip
    QString flipToBelow, flipToAbove;
    double swing() const;
};

struct Sensitivity {
    int recommended = -1;      // cheapest analytic plan at the base (index into the variants)
    std::vector<double> costs; // each variant's analytic plan at the base; NaN: no plan
    std::optional<double> baseAdvantage;
    std::vector<SensitivityFactor> factors; // largest swing first
    int plans = 0;                          // analytical plans made
    bool cancelled = false;
};

// Index of the cheapest variant with a plan (-1 when none has one); COSTS NaN when no plan.
int cheapestVariant(const std::vector<double> &costs);

Sensitivity verdictSensitivity(const QList<Variant> &variants, double ratePerSec,
                               const SensitivityOptions &options);

} // namespace archsim::sim
