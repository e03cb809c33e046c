// SPDX-License-Identifier: GPL-3.0-or-later
// The discrete-event engine's plain data: events, FIFO ring buffers, request frames, replicas.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace archsim::sim::des {

enum EventType : std::int32_t {
    kArrival,  // next open arrival of workload id
    kThink,    // closed user id ends its think time
    kArrive,   // frame id reaches its callee after the network latency
    kWorkDone, // frame id finished its own work
    kReturn,   // reply of frame id reaches its caller after the network latency
    kSample,   // interval boundary id
    kWarmupEnd,
    kEnd,
    kSend,        // frame id's call leaves after a retry backoff
    kTimeout,     // timeout slot id expires
    kOutageStart, // outage id of the fault plan begins
    kOutageEnd,
    kFail,          // replica id fails at random
    kRepair,        // replica id is repaired after a random failure
    kAutoscaleSync, // autoscaled unit id (index in DesRun's scaled units) syncs its controller
    kReplicaReady,  // a provisioning replica of autoscaled unit id may be ready
};

struct Event {
    double time;
    std::int32_t type;
    std::int32_t id;
};

// A FIFO of frame ids on a growable ring buffer (no allocation once warm).
class Fifo {
public:
    bool empty() const { return m_size == 0; }
    void push(int v) {
        if (m_size == m_buf.size()) grow();
        m_buf[(m_head + m_size) & (m_buf.size() - 1)] = v;
        ++m_size;
    }
    int pop() {
        const int v = m_buf[m_head];
        m_head = (m_head + 1) & (m_buf.size() - 1);
        --m_size;
        return v;
    }

private:
    void grow() {
        std::vector<int> next(std::max<std::size_t>(16, m_buf.size() * 2));
        for (std::size_t i = 0; i < m_size; ++i)
            next[i] = m_buf[(m_head + i) & (m_buf.size() - 1)];
        m_buf.swap(next);
        m_head = 0;
    }
    std::vector<int> m_buf;
    std::size_t m_head = 0;
    std::size_t m_size = 0;
};

// One visit of a component: the root of a request, a call, or a detached async message.
struct Frame {
    double start; // request start (root) or arrival at the unit (thread owners)
    double work;  // service time waiting for a core
    std::int32_t comp;
    std::int32_t replica;  // -1: none (clients, externals)
    std::int32_t parent;   // -1: root or detached
    std::int32_t call;     // the call that created it; -1 for a root
    std::int32_t workload; // roots only; -1 otherwise
    std::int32_t user;     // closed roots only
    std::int32_t step;
    std::int32_t pending;   // parallel step: replies still awaited (+1 while launching)
    std::int32_t remaining; // sequential step: calls still to make
    std::uint32_t gen;      // bumped when the frame is freed: stale timeouts see a new value
    std::uint32_t epoch;    // its replica's epoch when it got there; a crash bumps the replica's
    std::int32_t root;      // the request's workload (all frames); -1 for none
    std::int32_t span;      // its server span in RunOutput::spans; -1: not traced
    std::uint8_t ownsThread, holdsCore, failed, parallel;
    std::uint8_t attempt, degraded, trial; // trial: a half-open circuit breaker's test call
};

struct Replica {
    int unit = 0;
    int down = 0;            // outages holding it down (overlapping ones count)
    double downAt = 0;       // when it last went down
    std::uint32_t epoch = 0; // bumped by each crash: frames it served before fail
    int busyThreads = 0;
    int busyCores = 0;
    int queued = 0;
    Fifo threadQueue;
    Fifo coreQueue;
};

} // namespace archsim::sim::des
