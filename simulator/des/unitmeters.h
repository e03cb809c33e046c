// SPDX-License-Identifier: GPL-3.0-or-later
// What the discrete-event engine measures on units: busy threads, busy cores and waiting
// requests per replica and per unit, kept in step, with their time-weighted areas.
#pragma once

#include "simulator/des/desstate.h"

#include <vector>

namespace archsim::sim::des {

// Time integrals of a unit's counts: thread-ms, core-ms and waiting-request-ms.
struct UnitAreas {
    double thread = 0, core = 0, queue = 0;
    UnitAreas operator-(const UnitAreas &o) const {
        return {thread - o.thread, core - o.core, queue - o.queue};
    }
};

// Per unit: the counts summed over its replicas and their areas since the run began. The
// counts are whole numbers held as doubles: touch() multiplies them on every change, and an
// int would be converted each time (the same products either way).
struct UnitMeter {
    double busyThreads = 0, busyCores = 0, queued = 0;
    double lastTouch = 0;
    UnitAreas area;
    UnitAreas snapshot; // at the last interval boundary
    UnitAreas warm;     // at the end of the warm-up
};

// Every change of a replica's counts goes through here, so the unit's sum and its area move
// with it. The area is brought up to `now` before each change; bringing it up twice at the
// same time adds nothing, so the order of touches (and the floating-point sums) is that of
// the changes.
class UnitMeters {
public:
    void resize(std::size_t units) { m_units.assign(units, UnitMeter{}); }
    std::size_t size() const { return m_units.size(); }
    const UnitMeter &operator[](std::size_t u) const { return m_units[u]; }

    void touch(int u, double now) {
        UnitMeter &m = m_units[std::size_t(u)];
        const double dt = now - m.lastTouch;
        if (dt > 0) {
            m.area.thread += dt * m.busyThreads;
            m.area.core += dt * m.busyCores;
            m.area.queue += dt * m.queued;
            m.lastTouch = now;
        }
    }
    void touchAll(double now) {
        for (std::size_t u = 0; u < m_units.size(); ++u)
            touch(int(u), now);
    }

    void acquireThread(Replica &r, double now) {
        change(r, now, &Replica::busyThreads, &UnitMeter::busyThreads, +1);
    }
    void releaseThread(Replica &r, double now) {
        change(r, now, &Replica::busyThreads, &UnitMeter::busyThreads, -1);
    }
    void acquireCore(Replica &r, double now) {
        change(r, now, &Replica::busyCores, &UnitMeter::busyCores, +1);
    }
    void releaseCore(Replica &r, double now) {
        change(r, now, &Replica::busyCores, &UnitMeter::busyCores, -1);
    }
    void enqueue(Replica &r, double now) {
        change(r, now, &Replica::queued, &UnitMeter::queued, +1);
    }
    void dequeue(Replica &r, double now) {
        change(r, now, &Replica::queued, &UnitMeter::queued, -1);
    }

    // Areas since the last snapshot, and a new snapshot (interval boundaries).
    UnitAreas takeInterval(std::size_t u) {
        UnitMeter &m = m_units[u];
        const UnitAreas d = m.area - m.snapshot;
        m.snapshot = m.area;
        return d;
    }
    void markWarmupEnd() {
        for (UnitMeter &m : m_units)
            m.warm = m.area;
    }
    // Areas of the measured time: since the warm-up ended, or since the start when the run
    // stopped inside it.
    UnitAreas measured(std::size_t u, bool stoppedInWarmup) const {
        const UnitMeter &m = m_units[u];
        return stoppedInWarmup ? m.area - UnitAreas{} : m.area - m.warm;
    }

private:
    void change(Replica &r, double now, int Replica::*replicaCount, double UnitMeter::*unitCount,
                int by) {
        touch(r.unit, now);
        r.*replicaCount += by;
        m_units[std::size_t(r.unit)].*unitCount += by;
    }
    std::vector<UnitMeter> m_units;
};

} // namespace archsim::sim::des
