// SPDX-License-Identifier: GPL-3.0-or-later
// Load sweeps: every open workload scaled together from one total rate to another, either engine.
#pragma once

#include "simulator/des/desengine.h"

#include <optional>

namespace archsim::sim {

enum class Engine { Analytic, Des };

struct SweepPoint {
    double scale = 1;      // factor on every open workload's base rate
    double ratePerSec = 0; // total open rate at this step
    LoadResult result;
};

struct SweepResult {
    QString variant;
    QString engine;
    std::vector<SweepPoint> points;
    // The step where latency starts to climb steeply: the first whose throughput-weighted
    // mean response of the open workloads is at least twice the first loaded step's, or that is
    // saturated. None when latency stays flat over the range.
    std::optional<int> knee;
    // The total open rate where the analytical engine's layered solve first saturates
    // (saturationRate() below), whatever the sweep's engine: the load axis of a chart marks it.
    // Set by the callers (the CLI, the app), once per sweep rather than once per step.
    std::optional<double> saturationRatePerSec;
    QString saturationBottleneck; // the unit that saturates there
};

// The total base rate of the open workloads (0 when there are none: nothing to sweep).
double openBaseRate(const CompiledModel &model);

// Steps from fromRate to toRate (total open rate per second) in `steps` points (>= 2).
// The DES options give the run settings (seed, duration, ...) of every point; progress and
// cancellation cover the whole sweep.
SweepResult sweep(const CompiledModel &model, double fromRate, double toRate, int steps,
                  Engine engine, const DesOptions &desOptions = {});

// The total open rate at which the analytical engine's layered solve saturates (its own search,
// AnalyticOptions::searchSaturation) and the unit that saturates there: a sweep step above the
// rate is saturated, one below is not. None without open workloads.
std::optional<double> saturationRate(const CompiledModel &model);

struct Saturation {
    double ratePerSec = 0;
    QString bottleneck;
};
std::optional<Saturation> layeredSaturation(const CompiledModel &model);

// Throughput-weighted mean response of the open workloads (+inf when saturated).
double openMeanResponse(const LoadResult &result);

} // namespace archsim::sim
