// SPDX-License-Identifier: GPL-3.0-or-later
// Groups a stream of spans into traces with bounded memory. A trace is handed on once no span of
// it has arrived within the last `window` spans read (exports are written trace by trace or in
// time order, so a trace's spans arrive close together), and at the end. Memory is therefore
// about `window` spans, whatever the size of the input (docs/calibration.md).
#pragma once

#include "model/traces/span.h"

#include <QByteArray>
#include <QHash>

#include <cstdint>
#include <functional>
#include <list>
#include <vector>

namespace archsim::traces {

class TraceGrouper {
public:
    using TraceSink = std::function<void(std::vector<Span> &&)>;
    explicit TraceGrouper(TraceSink sink, std::uint64_t window = 20000);

    void add(Span &&span);
    void flushAll();

    std::uint64_t peakOpenSpans() const { return m_peakOpen; }
    // Spans that came after their trace had been handed on: the trace was split in two.
    std::uint64_t lateSpans() const { return m_late; }

private:
    struct Open {
        std::vector<Span> spans;
        std::uint64_t lastSeen = 0;
        std::list<QByteArray>::iterator lru;
    };
    void flushFront();

    TraceSink m_sink;
    std::uint64_t m_window;
    std::uint64_t m_seq = 0;
    std::uint64_t m_open = 0, m_peakOpen = 0, m_late = 0;
    QHash<QByteArray, Open> m_traces;
    std::list<QByteArray> m_lru; // least recently seen first
    // Recently flushed trace ids, to count split traces (bounded like the open ones).
    QHash<QByteArray, std::uint64_t> m_flushed;
};

} // namespace archsim::traces
