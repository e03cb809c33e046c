// SPDX-License-Identifier: GPL-3.0-or-later
// Reads trace exports span by span: Jaeger query-API JSON, OTLP JSON, Zipkin v2 JSON and span
// CSV (plain or gzip). Malformed spans are reported with their place and skipped.
#pragma once

#include "model/traces/span.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>

namespace archsim::traces {

enum class TraceFormat { Auto, Jaeger, Otlp, Zipkin, Csv };

std::optional<TraceFormat> traceFormatFromName(const QString &name); // "jaeger", "otlp", ...
QString traceFormatName(TraceFormat format);

struct ReadStats {
    std::uint64_t spans = 0;   // spans handed on
    std::uint64_t skipped = 0; // malformed spans reported and skipped
    std::uint64_t bytes = 0;   // input read so far (compressed bytes for .gz)
    QStringList problems;      // "file:line: message" (the first 100 of them)
};

struct ReadOptions {
    TraceFormat format = TraceFormat::Auto;
    // Called about every 10,000 spans with the bytes read so far; may be empty.
    std::function<void(std::uint64_t bytes)> progress;
    const std::atomic<bool> *cancel = nullptr;
};

// Reads one file and hands each span to sink. JSON files are parsed whole (one export file must
// fit in memory); CSV is read line by line, so its size is unlimited. Returns false with
// *error set when the file cannot be read at all (missing, not the format, cancelled).
bool readSpans(const QString &path, const ReadOptions &options,
               const std::function<void(Span &&)> &sink, ReadStats &stats, QString *error);

// The service of a Kubernetes pod name: the name without its last two '-' parts (the
// ReplicaSet hash and the pod suffix), e.g. "frontend-579b9bff58-t2dbm" -> "frontend".
QString serviceOfPod(const QString &pod);

// Detects the format of a file from its name and first bytes.
TraceFormat detectTraceFormat(const QString &path, const QByteArray &head);

} // namespace archsim::traces
