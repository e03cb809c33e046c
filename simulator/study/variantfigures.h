// SPDX-License-Identifier: GPL-3.0-or-later
// Figures of a variant that need no load run: monthly cost, deployed units and replicas, and the
// calls per request that cross units (with their network hops). Shared by compare and plan.
#pragma once

#include "simulator/compiledmodel.h"

namespace archsim::sim {

inline constexpr double kHoursPerMonth = 730;               // cloud providers' billing month
inline constexpr double kMinutesPerYear = 365.25 * 24 * 60; // for downtime per year

struct VariantFigures {
    double costPerMonth = 0; // sum of costPerHour x replicas x 730 over the units
    int units = 0;           // units that run something (not only clients and externals)
    int replicas = 0;        // their replicas
    // Per request of the open workloads (rate-weighted; closed ones when there is no open one):
    // calls whose caller and callee are in different units, and the network hops they make
    // (a sync call goes and comes back: 2; an async message: 1).
    double crossUnitCallsPerRequest = 0;
    double networkHopsPerRequest = 0;
};

double costPerMonth(const Variant &variant);
VariantFigures variantFigures(const Variant &variant, const CompiledModel &model);

} // namespace archsim::sim
