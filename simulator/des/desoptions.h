// SPDX-License-Identifier: GPL-3.0-or-later
// What a discrete-event run is asked to do: duration, seed, replications, load changes, faults,
// progress and cancel, sampled traces. The lowest des/ header: the engine's parts include it.
#pragma once

#include "simulator/des/faultplan.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace archsim::sim {

// A change of load during a run (a scenario's "load" action): rates times factor.
struct LoadChange {
    double atSec = 0;
    double forSec = 0; // 0: until the end
    int workload = -1; // -1: every open workload
    double factor = 1;
};

// One span of a sampled simulated request (simulate --traces): a visit of a component (server
// or consumer side) or the caller's side of a call (client or producer). Times in simulated ms.
struct SimSpan {
    enum Kind : std::int8_t { Server, Client, Producer, Consumer };
    std::uint32_t trace = 0;
    std::int32_t parent = -1; // index in the same vector; -1 for the root
    std::int32_t comp = 0;    // the component whose work or call it is
    std::int32_t target = -1; // client and producer spans: the callee
    std::int32_t replica = -1;
    Kind kind = Server;
    double startMs = 0, endMs = -1; // endMs < 0: not finished when the run ended
};

struct DesOptions {
    double durationSec = 60; // measured time, after the warm-up
    double warmupSec = 10;
    std::uint64_t seed = 1;
    int replications = 1;
    int workerThreads = 0;  // 0: as many as the machine has cores
    double intervalSec = 0; // time-series interval; 0: about 60 points over the run
    double scale = 1;       // multiplies every open workload's rate (sweeps)
    std::vector<LoadChange> loadChanges;
    FaultPlan faults; // crashes, lost zones, latency, slowdowns, random failures
    bool percentiles = true;
    // Safety caps: a run stops (and reports saturated) past this many requests in flight, and
    // stops (reporting cancelled) past this many events.
    std::uint64_t maxInFlight = 500'000;
    std::uint64_t maxEvents = 2'000'000'000;
    // Called on the calling thread with 0..1 about every 100 ms; may be empty.
    std::function<void(double)> progress;
    const std::atomic<bool> *cancel = nullptr;
    // Records up to traceRequests requests that start after the warm-up (every traceEvery-th)
    // of the first replication into *traceOut. Off (null) costs one test per call.
    std::vector<SimSpan> *traceOut = nullptr;
    int traceRequests = 1000;
    int traceEvery = 1;
};

} // namespace archsim::sim
