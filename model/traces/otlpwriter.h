// SPDX-License-Identifier: GPL-3.0-or-later
// Writes spans as OTLP JSON (ExportTraceServiceRequest: resourceSpans per service instance,
// hex ids, kinds as numbers, nanosecond times as strings), which Jaeger and Tempo import.
#pragma once

#include "model/traces/span.h"

#include <QByteArray>

#include <vector>

namespace archsim::traces {

QByteArray writeOtlpJson(const std::vector<Span> &spans);

// 16 or 32 lower-case hex digits of a number, as OTLP ids are written.
QByteArray hexId(std::uint64_t value, int digits);

} // namespace archsim::traces
