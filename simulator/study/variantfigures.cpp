// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/study/variantfigures.h"

namespace archsim::sim {

double costPerMonth(const Variant &variant) {
    double perHour = 0;
    for (const Unit &u : variant.units)
        perHour += u.costPerHour * u.replicas;
    return perHour * kHoursPerMonth;
}

VariantFigures variantFigures(const Variant &variant, const CompiledModel &m) {
    VariantFigures f;
    f.costPerMonth = costPerMonth(variant);
    for (const CompiledUnit &u : m.units)
        if (u.hasResources) {
            ++f.units;
            f.replicas += u.replicas;
        }
    // Weights: the open workloads' rates, or equal weights for closed-only variants.
    std::vector<double> weight(m.workloads.size(), 0.0);
    double total = 0;
    for (std::size_t w = 0; w < m.workloads.size(); ++w)
        if (!m.workloads[w].closed) total += weight[w] = m.workloads[w].ratePerSec;
    if (!(total > 0))
        for (std::size_t w = 0; w < m.workloads.size(); ++w)
            total += weight[w] = 1;
    if (!(total > 0)) return f;
    for (std::size_t w = 0; w < m.workloads.size(); ++w) {
        double calls = 0, hops = 0;
        for (const CompiledCall &c : m.calls) {
            if (m.components[std::size_t(c.from)].unit == m.components[std::size_t(c.to)].unit)
                continue;
            const double n = m.visits[w][std::size_t(c.from)] * c.multiplier;
            calls += n;
            hops += n * (c.sync ? 2 : 1);
        }
        f.crossUnitCallsPerRequest += weight[w] / total * calls;
        f.networkHopsPerRequest += weight[w] / total * hops;
    }
    return f;
}

} // namespace archsim::sim
