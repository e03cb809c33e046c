// SPDX-License-Identifier: GPL-3.0-or-later
// The discrete-event engine's resilience state: circuit breakers and timeout slots.
#pragma once

#include <cstdint>
#include <vector>

namespace archsim::sim::des {

// A circuit breaker on one call: closed -> open after `threshold` consecutive failures, fails
// fast for openMs, then half-open lets one trial call through (success closes, failure reopens).
struct Breaker {
    int failures = 0;
    bool open = false;
    bool trialOut = false;
    double openUntil = 0;

    // Whether a call may go now; *trial is set when it is the half-open test call.
    bool admit(double now, bool *trial) {
        if (!open) return true;
        if (now < openUntil || trialOut) return false;
        trialOut = true;
        *trial = true;
        return true;
    }
    void result(double now, bool failed, bool trial, int threshold, double openMs) {
        if (trial) {
            trialOut = false;
            if (failed) {
                openUntil = now + openMs;
            } else {
                open = false;
                failures = 0;
            }
            return;
        }
        if (open) return; // a reply to a call let through before the circuit opened
        if (!failed) {
            failures = 0;
        } else if (++failures >= threshold) {
            open = true;
            openUntil = now + openMs;
            failures = 0;
        }
    }
};

// A pending timeout: the frame and its generation when the call was sent, so a timeout that
// fires after the reply (the frame freed and maybe reused) is recognised as stale.
struct TimeoutSlot {
    std::int32_t frame;
    std::int32_t parent;
    std::uint32_t gen;
};

class TimeoutSlots {
public:
    int add(TimeoutSlot s) {
        if (!m_free.empty()) {
            const int id = m_free.back();
            m_free.pop_back();
            m_slots[std::size_t(id)] = s;
            return id;
        }
        m_slots.push_back(s);
        return int(m_slots.size() - 1);
    }
    TimeoutSlot take(int id) {
        m_free.push_back(id);
        return m_slots[std::size_t(id)];
    }

private:
    std::vector<TimeoutSlot> m_slots;
    std::vector<int> m_free;
};

} // namespace archsim::sim::des
