// SPDX-License-Identifier: GPL-3.0-or-later
// Everything a comparison report shows, computed once: the comparison itself (the very
// sim::compareVariants result that `compare --json` and the Compare window print), the capacity
// plan of each variant at the target load, break-even, DES load sweeps for the percentile
// chart, the verdict's sensitivity and the scenario runs. No widgets; the CLI and the app's
// worker thread both call runReportStudy().
#pragma once

#include "model/project.h"
#include "simulator/study/compare.h"
#include "simulator/study/plan.h"
#include "simulator/study/sensitivity.h"
#include "simulator/study/sweep.h"

#include <QDateTime>

#include <atomic>
#include <functional>

namespace archsim::report {

struct ReportOptions {
    QStringList variants;        // two or more, by name
    sim::CompareOptions compare; // rate, SLO, DES settings (same seed for every run)
    std::optional<double> from;  // break-even range; default 0.4x and 8x the target load
    std::optional<double> to;
    int steps = 12;        // break-even steps
    bool desPlans = false; // confirm the break-even plans with the DES (slower)
    double sensitivityRange = 0.5;
    int sweepSteps = 10;     // DES sweep steps of the percentile chart
    QString modelFile;       // the model file's name, for the provenance
    QByteArray modelContent; // its bytes, hashed (SHA-256) in the provenance
};

struct ScenarioRun {
    QString variant;
    QString scenario;
    sim::LoadResult result;
    QString error; // the scenario does not apply to this variant (names the event)
};

struct ReportData {
    ReportOptions options;
    QList<Variant> variants;
    sim::Comparison comparison;
    QJsonObject compareJson; // sim::toJson(comparison) with "breakEven", as compare --json
    std::vector<sim::PlanResult> plans;   // per variant, DES-confirmed, at the target load
    std::vector<sim::SweepResult> sweeps; // per variant, DES
    sim::Sensitivity sensitivity;
    std::vector<ScenarioRun> scenarios;
    int recommended = -1;   // cheapest feasible plan at the target load
    double targetRate = 0;  // total open rate the variants were compared at
    QString contentHash;    // SHA-256 of the model file, hex
    QString programVersion; // QCoreApplication::applicationVersion()
    QDateTime created;
    QString error;
    bool cancelled = false;
};

using Progress = std::function<void(double fraction, const QString &stage)>;

// Runs every study of the report over the named variants of PROJECT. Progress 0..1; CANCEL
// stops between and inside runs (the result then has cancelled set).
ReportData runReportStudy(const Project &project, const ReportOptions &options,
                          const Progress &progress = {}, const std::atomic<bool> *cancel = nullptr);

// The engines' approximations for this model: every distinct note of the analytic and DES
// results (with the analytic per-workload approximations), the plans and the scenario runs,
// with the runs that gave it.
QStringList approximationNotes(const ReportData &data);

} // namespace archsim::report
