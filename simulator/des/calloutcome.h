// SPDX-License-Identifier: GPL-3.0-or-later
// How a sync call ended for its caller: what DesRun::callResult acts on (circuit breaker,
// retry, the caller's failed or degraded answer).
#pragma once

#include "simulator/des/desstate.h"

namespace archsim::sim::des {

struct CallOutcome {
    bool failed = false;   // rejected, dead replica, timeout, open breaker or a failed reply
    bool degraded = false; // answered, but without an optional call further down
    bool trial = false;    // the half-open circuit breaker's test call
    bool reached = true;   // it got past the circuit breaker (which then learns the result)

    // Refused by an open circuit breaker: the callee never saw it.
    static CallOutcome failedFast() { return {true, false, false, false}; }
    // Not answered within the call's timeout.
    static CallOutcome timedOut(bool trial) { return {true, false, trial, true}; }
    // The callee's answer, as its frame ended.
    static CallOutcome reply(const Frame &callee) {
        return {callee.failed != 0, callee.degraded != 0, callee.trial != 0, true};
    }
};

} // namespace archsim::sim::des
