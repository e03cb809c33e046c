// SPDX-License-Identifier: GPL-3.0-or-later
// What the simulation panel runs, without widgets: a request (engine, settings, the variant as
// it is now) in, a RunRecord for the project's run table out. The settings map onto the engines
// exactly as archsim-cli's options do, so the same seed gives the same numbers.
#pragma once

#include "simulator/des/desengine.h"

#include "model/runrecord.h"
#include "model/variant.h"

#include <atomic>
#include <functional>

namespace archsim::ui {

struct RunRequest {
    enum class Kind { Simulate, Sweep, Failures };
    Kind kind = Kind::Simulate;
    bool des = true; // engine: discrete-event, or analytic
    Variant variant;
    int variantIndex = 0;
    // Simulate (and DES sweeps): the CLI's defaults.
    double scale = 1;
    double durationSec = 60;
    double warmupSec = 10;
    quint64 seed = 1;
    int replications = 4;
    QString scenario; // empty: none
    bool randomFailures = false;
    // "What if it fails?": crash every replica of this unit for the middle third of the run.
    QString crashUnit;
    // Sweep.
    double fromRate = 0;
    double toRate = 0;
    int steps = 10;
};

struct RunOutcome {
    std::optional<RunRecord> record; // none when the request was refused (error says why)
    QString error;
    bool cancelled = false;
};

// Runs the request on the calling thread. PROGRESS gets 0..1; CANCEL stops within about a
// second (the engines poll it); a cancelled run returns no record.
RunOutcome executeRun(const RunRequest &request, const std::function<void(double)> &progress = {},
                      const std::atomic<bool> *cancel = nullptr);

// The scenario the what-if button runs: UNIT crashed (all replicas) from warm-up + duration/3
// for duration/3, so the chart shows before, during and after.
Scenario crashScenario(const QString &unit, double warmupSec, double durationSec);

} // namespace archsim::ui
