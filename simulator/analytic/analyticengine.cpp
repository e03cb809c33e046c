// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/analytic/analyticengine.h"
#include "simulator/timeunit.h"

#include "simulator/analytic/approximationflags.h"
#include "simulator/analytic/autoscalesizing.h"
#include "simulator/analytic/layeredsolver.h"
#include "simulator/analytic/responsepercentiles.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace archsim::sim {

using analytic::LayeredSolver;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// The saturation rate is searched to this relative precision.
constexpr double kSaturationPrecision = 1e-3;
constexpr double kProbeTolerance = 1e-6;

double threadUtilization(const CompiledUnit &unit, const analytic::UnitFlow &f) {
    const double u = f.busyThreads / unit.threadCapacity();
    return std::isfinite(u) ? std::min(1.0, u) : 1.0;
}

double coreUtilization(const CompiledUnit &unit, const analytic::UnitFlow &f) {
    return std::min(1.0, f.busyCores / unit.coreCapacity());
}

std::vector<double> scaledRates(const CompiledModel &m, double scale) {
    std::vector<double> rates(m.workloads.size(), 0);
    for (std::size_t w = 0; w < m.workloads.size(); ++w)
        if (!m.workloads[w].closed) rates[w] = m.workloads[w].ratePerSec * scale;
    return rates;
}

// The most utilised unit of a solve (ties: the first).
int mostUtilised(const CompiledModel &m, const LayeredSolver &solver) {
    int best = -1;
    double top = -1;
    for (std::size_t i = 0; i < m.units.size(); ++i) {
        if (!m.units[i].hasResources) continue;
        const double u = std::max(threadUtilization(m.units[i], solver.unit(int(i))),
                                  coreUtilization(m.units[i], solver.unit(int(i))));
        if (u > top + 1e-12) {
            top = u;
            best = int(i);
        }
    }
    return best;
}

struct Saturation {
    double scale = kInf; // of the base rates
    int bottleneck = -1;
};

// The largest open load / capacity over the units: 1 saturates (LayeredSolver::UnitFlow).
double openLoad(const CompiledModel &m, const LayeredSolver &solver) {
    double top = 0;
    for (std::size_t i = 0; i < m.units.size(); ++i)
        if (m.units[i].hasResources) top = std::max(top, solver.unit(int(i)).openLoad);
    return top;
}

// The open load, scaled together, at which the layered solution stops being stable: some
// unit's threads or cores can no longer serve it, every wait included (callers' holding times
// grow with their callees' waits, so this comes before a no-queueing estimate). A stable solve
// at scale s bounds it from above by s / openLoad; the search probes just under that bound and
// bisects when the probe is not stable. The bottleneck is the unit closest to its limit just
// below it.
Saturation findSaturation(const CompiledModel &m, const AnalyticOptions &options,
                          const LayeredSolver &now, bool stableNow) {
    Saturation out;
    bool open = false;
    for (const CompiledWorkload &w : m.workloads)
        open = open || (!w.closed && w.ratePerSec > 0);
    if (!open) return out;
    // Probes only need to tell stable from unstable: a looser tolerance, and warm starts from
    // the solve at the current load.
    LayeredSolver solver = now;
    solver.setTolerance(kProbeTolerance);
    double low = 0, high = kInf, load = 0;
    double probe = options.scale > 0 ? options.scale : 1;
    if (stableNow) {
        low = probe;
        load = openLoad(m, now);
    } else {
        high = probe;
        for (int i = 0; i < 60 && low == 0; ++i) {
            probe /= 2;
            if (solver.solve(scaledRates(m, probe))) {
                low = probe;
                load = openLoad(m, solver);
            } else {
                high = probe;
            }
        }
        if (low == 0) return out;
    }
    if (load > 0) high = std::min(high, low / load);
    if (!std::isfinite(high)) return out;
    // Probes: where the open load, extrapolated through the last two stable solves, reaches 1
    // (it grows faster than linearly, so this lands just past the limit at worst), kept inside
    // the bracket; bisection when that does not shrink it.
    double previousLow = 0, previousLoad = 0;
    for (int i = 0; i < 60 && high - low > kSaturationPrecision * high; ++i) {
        double next = (low + high) / 2;
        if (previousLow > 0 && load > previousLoad) {
            const double guess = low + (1 - load) * (low - previousLow) / (load - previousLoad);
            if (guess > low && guess < high) next = std::max(low + 0.05 * (high - low), guess);
        } else if (i == 0) {
            next = high * (1 - kSaturationPrecision / 2);
        }
        if (solver.solve(scaledRates(m, next), true)) {
            previousLow = low;
            previousLoad = load;
            low = next;
            load = openLoad(m, solver);
            if (load > 0) high = std::min(high, low / load);
        } else {
            high = next;
        }
    }
    out.scale = low;
    const LayeredSolver *at = &now;
    if (low != (options.scale > 0 ? options.scale : 1) || !stableNow) {
        solver.solve(scaledRates(m, low), true);
        at = &solver;
    }
    double top = -1;
    for (std::size_t i = 0; i < m.units.size(); ++i)
        if (m.units[i].hasResources && at->unit(int(i)).openLoad > top + 1e-12) {
            top = at->unit(int(i)).openLoad;
            out.bottleneck = int(i);
        }
    return out;
}

LoadResult analyzeFixed(const CompiledModel &m, const AnalyticOptions &options);

} // namespace

LoadResult analyze(const CompiledModel &m, const AnalyticOptions &options) {
    if (!analytic::hasAutoscaling(m)) return analyzeFixed(m, options);
    // Autoscaled units run at their steady-state counts; the design saturates where even
    // their autoscaleMax does.
    const CompiledModel sized =
        analytic::withReplicas(m, analytic::steadyStateReplicas(m, scaledRates(m, options.scale),
                                                                options.exactMvaMaxUsers));
    LoadResult result = analyzeFixed(sized, options);
    const CompiledModel top = analytic::atAutoscaleMax(m);
    const LoadResult atMax = analyzeFixed(top, options);
    if (atMax.saturationRatePerSec) {
        result.saturationRatePerSec = atMax.saturationRatePerSec;
        result.bottleneck = atMax.bottleneck;
    }
    for (std::size_t i = 0, r = 0; i < sized.units.size(); ++i) {
        if (!sized.units[i].hasResources) continue;
        if (sized.units[i].autoscale) result.units[r].replicas = sized.units[i].replicas;
        ++r;
    }
    return result;
}

namespace {

LoadResult analyzeFixed(const CompiledModel &m, const AnalyticOptions &options) {
    LoadResult result;
    result.variant = m.variant;
    result.engine = QStringLiteral("analytic");
    const std::size_t nw = m.workloads.size();

    LayeredSolver solver(m, {options.exactMvaMaxUsers});
    const bool stable = solver.solve(scaledRates(m, options.scale));
    result.saturated = !stable;

    for (std::size_t w = 0; w < nw; ++w) {
        const CompiledWorkload &cw = m.workloads[w];
        WorkloadResult wr;
        wr.name = cw.name;
        wr.entry = m.components[std::size_t(cw.entry)].id;
        wr.closed = cw.closed;
        wr.throughputPerSec = perSecondFromPerMs(solver.throughputPerMs(int(w)));
        wr.meanResponseMs = stable ? solver.responseMs(int(w)) : kInf;
        if (stable) {
            const auto p =
                analytic::estimatePercentiles(wr.meanResponseMs, solver.responseVariance(int(w)));
            wr.p50Ms = p.p50;
            wr.p95Ms = p.p95;
            wr.p99Ms = p.p99;
            wr.p999Ms = p.p999;
            wr.percentilesEstimated = true;
        }
        result.workloads.push_back(wr);
    }

    for (std::size_t i = 0; i < m.units.size(); ++i) {
        const CompiledUnit &unit = m.units[i];
        if (!unit.hasResources) continue;
        const analytic::UnitFlow &f = solver.unit(int(i));
        UnitResult ur;
        ur.id = unit.id;
        ur.threadUtilization = threadUtilization(unit, f);
        ur.coreUtilization = coreUtilization(unit, f);
        ur.utilization = std::max(ur.threadUtilization, ur.coreUtilization);
        ur.throughputPerSec = perSecondFromPerMs(f.acquisitionsPerMs);
        if (stable && f.acquisitionsPerMs > 0) {
            const double perReplica = f.acquisitionsPerMs / unit.replicas;
            ur.meanQueueLength = perReplica * f.threadWaitMs;
            ur.meanResponseMs = f.threadWaitMs + f.busyThreads / f.acquisitionsPerMs;
        } else if (!stable) {
            ur.meanQueueLength = kInf;
            ur.meanResponseMs = kInf;
        }
        result.units.push_back(ur);
    }

    double openTotal = 0;
    for (const CompiledWorkload &w : m.workloads)
        if (!w.closed) openTotal += w.ratePerSec;
    Saturation sat;
    if (options.searchSaturation) {
        sat = findSaturation(m, options, solver, stable);
    } else if (stable && openLoad(m, solver) > 0) {
        sat.scale = options.scale / openLoad(m, solver);
        sat.bottleneck = -1;
        for (std::size_t i = 0, top = 0; i < m.units.size(); ++i)
            if (m.units[i].hasResources &&
                (sat.bottleneck < 0 ||
                 solver.unit(int(i)).openLoad > solver.unit(int(top)).openLoad)) {
                sat.bottleneck = int(i);
                top = i;
            }
        result.notes << QStringLiteral("saturation rate: an upper bound from this load (not "
                                       "searched)");
    }
    if (std::isfinite(sat.scale) && sat.bottleneck >= 0) {
        result.saturationRatePerSec = openTotal * sat.scale;
        result.bottleneck = m.units[std::size_t(sat.bottleneck)].id;
    } else {
        const int top = mostUtilised(m, solver);
        if (top >= 0) result.bottleneck = m.units[std::size_t(top)].id;
    }

    analytic::addApproximationNotes(m, solver, stable, result);
    return result;
}

} // namespace

} // namespace archsim::sim
