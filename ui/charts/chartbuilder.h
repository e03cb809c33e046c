// SPDX-License-Identifier: GPL-3.0-or-later
// The charts of runs, sweeps and failure analyses, built as ChartSpecs from the engines' results.
// The app's chart panel and `archsim-cli ... --plot` both call these, so they draw the same.
#pragma once

#include "ui/charts/chartspec.h"

#include "simulator/failures/failureanalysis.h"
#include "simulator/loadresult.h"
#include "simulator/study/sweep.h"

#include <QJsonObject>

namespace archsim::charts {

// Utilisation colours (Okabe-Ito, safe for colour-blind readers): < 0.7, < 0.9, above.
QColor utilisationColor(double utilisation, bool saturated = false);
inline constexpr double kAmberAt = 0.7;
inline constexpr double kRedAt = 0.9;

// Latency over time: mean and p99 per workload (ms, left), error rate per workload (%, right),
// the warm-up and the fault windows shaded. Needs a run with a time series.
ChartSpec latencyChart(const sim::LoadResult &run);
// Throughput, errors and retries per workload over time, fault windows shaded.
ChartSpec trafficChart(const sim::LoadResult &run);
// Utilisation per unit as bars, busiest first, the bottleneck highlighted, 0.7 and 0.9 drawn.
ChartSpec utilisationChart(const sim::LoadResult &result);
// Latency distribution: the cumulative share of requests answered within x ms, per workload,
// through the run's percentiles (p50, p95, p99, p99.9), with those marked. Empty without them.
ChartSpec distributionChart(const sim::LoadResult &run);
// Latency (left) and bottleneck utilisation (right) against the total open rate, every point,
// the knee and the analytical saturation rate marked.
ChartSpec sweepChart(const sim::SweepResult &sweep);
// Availability per workload (bars, in "nines" as %) and blast radius per unit (share lost).
ChartSpec availabilityChart(const sim::FailureReport &report);
ChartSpec blastRadiusChart(const sim::FailureReport &report);

// Cheapest monthly cost against load, one curve per variant, the break-even crossing marked
// and today's load up to the first variant's saturation shaded (compare --break-even's JSON).
ChartSpec breakEvenChart(const QJsonObject &compareJson);

// Autoscaling over time: the replicas taking traffic per autoscaled unit (left) against the
// requests answered per second (right), so the lag of scaling behind the load shows. Empty
// (no lines) for a run without autoscaling.
ChartSpec replicasChart(const sim::LoadResult &run);

// The charts a run shows, in order: latency, traffic, replicas (when a unit autoscales),
// utilisation, distribution (if any).
QList<ChartSpec> runCharts(const sim::LoadResult &run);

// OTHER's lines added to BASE dashed, named "<name> (<label>)", ranges widened to hold both.
ChartSpec overlay(ChartSpec base, const ChartSpec &other, const QString &label);

} // namespace archsim::charts
