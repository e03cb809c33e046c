// SPDX-License-Identifier: GPL-3.0-or-later
// Reads trace files, groups their spans into traces and calibrates: what `archsim-cli calibrate`
// and File > Import Traces run.
#pragma once

#include "model/traces/calibrator.h"
#include "model/traces/spanreader.h"

#include <QStringList>

#include <atomic>
#include <functional>

namespace archsim::traces {

struct ImportOptions {
    QStringList paths;
    TraceFormat format = TraceFormat::Auto;
    CalibrationOptions calibration;
    std::uint64_t window = 20000;         // spans: see TraceGrouper
    std::function<void(double)> progress; // 0..1 over the input's bytes; may be empty
    const std::atomic<bool> *cancel = nullptr;
};

struct ImportResult {
    bool ok = false;
    QString error;
    CalibrationResult calibration;
    ReadStats stats;
    std::uint64_t peakOpenSpans = 0, lateSpans = 0;
};

ImportResult importTraces(const ImportOptions &options);

// The start of the earliest span of the input (a first pass; for --train/--test windows).
std::optional<std::int64_t> earliestSpanNs(const QStringList &paths, TraceFormat format,
                                           QString *error);

} // namespace archsim::traces
