// SPDX-License-Identifier: GPL-3.0-or-later
// The back-test of a calibration: calibrate on one window of the traces, predict another
// window's response times per entry operation with both engines at that window's measured
// rate, and set the predictions beside the measurements.
#pragma once

#include "model/traces/traceimport.h"
#include "simulator/des/desengine.h"

#include <QJsonObject>

#include <optional>

namespace archsim::sim {

struct BacktestOptions {
    QStringList paths;
    traces::TraceFormat format = traces::TraceFormat::Auto;
    double trainFrom = 0, trainTo = 60, testFrom = 60,
           testTo = 120; // seconds from the earliest span
    double sampling = 1;
    int threads = 16;
    bool perOperation = false; // components per service and operation
    double durationSec = 300;  // DES measured time per replication
    int replications = 4;
    std::function<void(double)> progress;
    const std::atomic<bool> *cancel = nullptr;
};

struct Figures {
    double mean = 0, p50 = 0, p95 = 0, p99 = 0;
};

struct BacktestRow {
    QString operation, entry;
    double testRatePerSec = 0;
    std::uint64_t testRequests = 0;
    Figures measured;
    std::optional<Figures> analytic, des; // none when the engine gave no figure
};

struct BacktestResult {
    bool ok = false;
    QString error;
    Variant trained;
    std::vector<BacktestRow> rows;
    QJsonObject trainReport;
    QJsonObject toJson() const;
};

BacktestResult runBacktest(const BacktestOptions &options);

} // namespace archsim::sim
