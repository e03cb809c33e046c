// SPDX-License-Identifier: GPL-3.0-or-later
// Comparison of two or more variants under the same workloads: the discrete-event engine with
// replications for latency and errors, the analytical engine and the failure analysis for the
// rest, one row per metric naming the better variant only where the difference is significant.
#pragma once

#include "simulator/des/desengine.h"
#include "simulator/failures/failureanalysis.h"
#include "simulator/study/slo.h"
#include "simulator/study/variantfigures.h"

#include <QJsonArray>
#include <QJsonObject>

namespace archsim::sim {

struct CompareOptions {
    // Total rate of the open workloads, scaled together; none: each variant's rates as written.
    std::optional<double> ratePerSec;
    Slo slo;
    // Run settings of every variant's discrete-event run (same seed for all: common random
    // numbers); replications >= 2 give the 95% intervals significance needs.
    DesOptions des;
    // Analytic figures differ significantly when their relative difference exceeds this.
    double analyticTolerance = 0.05;
    double costTolerance = 0.005; // cost is exact arithmetic; this only absorbs rounding
};

struct VariantComparison {
    QString name;
    double ratePerSec = 0; // total open rate it ran at
    double scale = 1;
    LoadResult analytic;
    LoadResult des;                       // exactly what simulate() gives with these settings
    std::vector<LoadResult> replications; // each replication alone, for the intervals
    FailureReport failures;
    VariantFigures figures;
    SloVerdict slo;
};

struct CompareRow {
    QString metric;
    QString workload;              // empty for a variant-wide metric
    QString engine;                // "des", "analytic" or "model"
    QJsonArray values;             // one per variant (numbers, or names for "bottleneck")
    std::vector<double> low, high; // DES: the 95% interval of each variant; empty otherwise
    int direction = 0;             // -1 lower is better, +1 higher is better, 0 not a quality
    int better = -1;               // index of the better variant, -1 when none
    bool significant = false;
    double tolerance = 0; // analytic rows: the relative difference that counts
    QString note;
};

struct Comparison {
    std::vector<VariantComparison> variants;
    std::vector<CompareRow> rows;
    Slo slo;
    QString error; // names the variant that could not be compiled or run
    bool cancelled = false;
};

// Compares VARIANTS (at least two) of one project. Progress covers the whole comparison.
Comparison compareVariants(const QList<Variant> &variants, const CompareOptions &options);

// The figures of one variant (no rows): analytic, DES, failures, cost, SLO. Used by compare and
// by the planner's confirmation.
VariantComparison evaluateVariant(const Variant &variant, const CompiledModel &model, double scale,
                                  const CompareOptions &options);

// The JSON of interfaces.md: {"variants": [...], "rows": [...]} (breakEven is added by the CLI).
QJsonObject toJson(const Comparison &comparison);
QJsonObject sloToJson(const Slo &slo);

// Half width of the 95% Student-t interval of the mean of SAMPLES (nullopt below two).
std::optional<double> ci95HalfWidth(const std::vector<double> &samples);

} // namespace archsim::sim

namespace archsim::sim {

// SLO verdict of one variant: p99 and error rate from the DES run, availability from the
// failure analysis. A saturated run fails the latency threshold.
SloVerdict checkSlo(const Slo &slo, const LoadResult &des, const FailureReport &failures);

} // namespace archsim::sim
