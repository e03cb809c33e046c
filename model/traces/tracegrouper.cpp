// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/traces/tracegrouper.h"

#include <algorithm>

namespace archsim::traces {

TraceGrouper::TraceGrouper(TraceSink sink, std::uint64_t window)
    : m_sink(std::move(sink))
    , m_window(std::max<std::uint64_t>(1, window)) {}

void TraceGrouper::add(Span &&span) {
    ++m_seq;
    auto it = m_traces.find(span.traceId);
    if (it == m_traces.end()) {
        if (m_flushed.contains(span.traceId)) ++m_late;
        m_lru.push_back(span.traceId);
        it = m_traces.insert(span.traceId, Open{});
        it->lru = std::prev(m_lru.end());
    } else {
        m_lru.splice(m_lru.end(), m_lru, it->lru);
    }
    it->lastSeen = m_seq;
    it->spans.push_back(std::move(span));
    m_peakOpen = std::max(m_peakOpen, ++m_open);
    while (!m_lru.empty() && m_traces.find(m_lru.front())->lastSeen + m_window < m_seq)
        flushFront();
    // Forget flushed ids older than the window so that this set stays bounded too.
    if (m_seq % m_window == 0) {
        for (auto f = m_flushed.begin(); f != m_flushed.end();)
            f = f.value() + 2 * m_window < m_seq ? m_flushed.erase(f) : std::next(f);
    }
}

void TraceGrouper::flushFront() {
    const QByteArray id = m_lru.front();
    m_lru.pop_front();
    std::vector<Span> spans = std::move(m_traces[id].spans);
    m_traces.remove(id);
    m_open -= spans.size();
    m_flushed.insert(id, m_seq);
    m_sink(std::move(spans));
}

void TraceGrouper::flushAll() {
    while (!m_lru.empty())
        flushFront();
}

} // namespace archsim::traces
