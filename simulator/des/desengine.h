// SPDX-License-Identifier: GPL-3.0-or-later
// The discrete-event engine: replications in parallel threads, merged into one LoadResult.
#pragma once

#include "simulator/compiledmodel.h"
#include "simulator/des/faultplan.h"
#include "simulator/loadresult.h"

#include <atomic>
#include <cstdint>
#include <functional>

namespace archsim::sim {

// A change of load during a run (a scenario's "load" action): rates times factor.
struct LoadChange {
    double atSec = 0;
    double forSec = 0; // 0: until the end
    int workload = -1; // -1: every open workload
    double factor = 1;
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
};

LoadResult simulate(const CompiledModel &model, const DesOptions &options);

// About how many events one replication processes: every visit and call is a few events, open
// workloads at their peak rate over warm-up and duration (closed workloads are not counted, so
// this is a lower bound for them). Lets callers refuse a run that could only stop at the cap.
double estimatedEventsPerReplication(const CompiledModel &model, const DesOptions &options);

} // namespace archsim::sim
