// SPDX-License-Identifier: GPL-3.0-or-later
// The discrete-event engine's future event list: a binary min-heap on time.
#pragma once

#include "simulator/des/desstate.h"

#include <vector>

namespace archsim::sim::des {

// The handled event stays at the top until the handler schedules its first new event, which
// then takes the top's place with one sift down instead of a pop and a push: most handlers
// schedule exactly one event, so most events cost one sift.
class EventQueue {
public:
    void reserve(std::size_t n) { m_heap.reserve(n); }
    bool empty() const { return m_heap.empty() || (m_topTaken && m_heap.size() == 1); }

    // The earliest event, left in place (taken); false when none is left. Events at the same
    // time come out in no defined order.
    bool next(Event &e) {
        if (m_topTaken) popTop();
        if (m_heap.empty()) return false;
        e = m_heap.front();
        m_topTaken = true;
        return true;
    }

    void schedule(double time, std::int32_t type, std::int32_t id) {
        const Event e{time, type, id};
        if (m_topTaken) {
            m_topTaken = false;
            siftDown(e);
            return;
        }
        std::size_t i = m_heap.size();
        m_heap.push_back(e);
        while (i > 0) {
            const std::size_t parent = (i - 1) / 2;
            if (!(m_heap[parent].time > e.time)) break;
            m_heap[i] = m_heap[parent];
            i = parent;
        }
        m_heap[i] = e;
    }

private:
    // Puts e at the root's place and moves it down to where it belongs.
    void siftDown(const Event &e) {
        const std::size_t n = m_heap.size();
        std::size_t i = 0;
        while (true) {
            std::size_t child = 2 * i + 1;
            if (child >= n) break;
            if (child + 1 < n && m_heap[child + 1].time < m_heap[child].time) ++child;
            if (!(m_heap[child].time < e.time)) break;
            m_heap[i] = m_heap[child];
            i = child;
        }
        m_heap[i] = e;
    }
    void popTop() {
        m_topTaken = false;
        const Event last = m_heap.back();
        m_heap.pop_back();
        if (!m_heap.empty()) siftDown(last);
    }

    std::vector<Event> m_heap;
    bool m_topTaken = false; // m_heap.front() was handed out but not yet removed
};

} // namespace archsim::sim::des
