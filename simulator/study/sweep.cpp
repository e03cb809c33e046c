// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/study/sweep.h"

#include "simulator/analytic/analyticengine.h"

#include <cmath>
#include <limits>

namespace archsim::sim {

double openBaseRate(const CompiledModel &m) {
    double total = 0;
    for (const CompiledWorkload &w : m.workloads)
        if (!w.closed) total += w.ratePerSec;
    return total;
}

double openMeanResponse(const LoadResult &r) {
    if (r.saturated) return std::numeric_limits<double>::infinity();
    double weighted = 0, total = 0;
    for (const WorkloadResult &w : r.workloads)
        if (!w.closed) {
            weighted += w.throughputPerSec * w.meanResponseMs;
            total += w.throughputPerSec;
        }
    return total > 0 ? weighted / total : 0.0;
}

std::optional<Saturation> layeredSaturation(const CompiledModel &m) {
    // The analytical engine searches the rate over its layered solve (issue 10); one solve with
    // the search gives the rate and the unit, whatever the sweep's engine.
    if (!(openBaseRate(m) > 0)) return std::nullopt;
    const LoadResult r = analyze(m);
    if (!r.saturationRatePerSec) return std::nullopt;
    return Saturation{*r.saturationRatePerSec, r.bottleneck};
}

std::optional<double> saturationRate(const CompiledModel &m) {
    const auto s = layeredSaturation(m);
    return s ? std::optional<double>(s->ratePerSec) : std::nullopt;
}

SweepResult sweep(const CompiledModel &m, double fromRate, double toRate, int steps, Engine engine,
                  const DesOptions &desOptions) {
    SweepResult result;
    result.variant = m.variant;
    result.engine = engine == Engine::Analytic ? QStringLiteral("analytic") : QStringLiteral("des");
    const double base = openBaseRate(m);
    if (!(base > 0) || steps < 1) return result;
    steps = std::max(steps, 1);
    for (int i = 0; i < steps; ++i) {
        if (desOptions.cancel && desOptions.cancel->load()) break;
        const double rate =
            steps == 1 ? fromRate : fromRate + (toRate - fromRate) * i / (steps - 1);
        SweepPoint point;
        point.ratePerSec = rate;
        point.scale = rate / base;
        if (engine == Engine::Analytic) {
            AnalyticOptions options;
            options.scale = point.scale;
            point.result = analyze(m, options);
        } else {
            DesOptions options = desOptions;
            options.scale = point.scale;
            if (desOptions.progress)
                options.progress = [&, i](double f) { desOptions.progress((i + f) / steps); };
            point.result = simulate(m, options);
        }
        result.points.push_back(std::move(point));
    }
    // The reference latency is the first step that carries load (a sweep may start at 0).
    double reference = 0;
    for (std::size_t i = 0; i < result.points.size(); ++i) {
        const LoadResult &r = result.points[i].result;
        const double latency = openMeanResponse(r);
        if (r.saturated) {
            result.knee = int(i);
            break;
        }
        if (reference <= 0) {
            reference = latency;
            continue;
        }
        if (latency >= 2 * reference) {
            result.knee = int(i);
            break;
        }
    }
    return result;
}

} // namespace archsim::sim
