// SPDX-License-Identifier: GPL-3.0-or-later
// A scenario's faults compiled for the discrete-event engine: plain arrays of outages and delays.
#pragma once

#include <QString>

#include <limits>
#include <vector>

namespace archsim {
struct Variant;
}

namespace archsim::sim {

struct CompiledModel;
struct DesOptions;

constexpr double kForever = std::numeric_limits<double>::infinity();

// Replicas down from atMs to endMs (a crash or a lost zone).
struct ReplicaOutage {
    double atMs = 0;
    double endMs = kForever;
    std::vector<int> replicas; // indexes in the engine's replica array
};

// Extra one-way delay on every call into a unit, or on one connection's calls.
struct LatencyFault {
    double atMs = 0;
    double endMs = kForever;
    int unit = -1;       // callee unit, or -1
    int connection = -1; // index in the variant's connections, or -1
    double latencyMs = 0;
};

// Service times of a unit's components times factor.
struct SlowdownFault {
    double atMs = 0;
    double endMs = kForever;
    int unit = 0;
    double factor = 1;
};

// A fault's time window, for the report and the plot's shading.
struct FaultWindow {
    double atSec = 0;
    double endSec = kForever;
    QString label;
};

struct FaultPlan {
    std::vector<ReplicaOutage> outages;
    std::vector<LatencyFault> latencies;
    std::vector<SlowdownFault> slowdowns;
    std::vector<FaultWindow> windows;
    bool randomFailures = false; // replicas fail after exponential MTBF, repaired after MTTR

    bool empty() const {
        return outages.empty() && latencies.empty() && slowdowns.empty() && !randomFailures;
    }
};

// Turns the variant's scenario `name` into load changes and faults in options. Returns an
// empty string, or an error naming the scenario's event and field (or, for an unknown name,
// listing the scenarios the variant has).
QString applyScenario(const Variant &variant, const CompiledModel &model, const QString &name,
                      DesOptions &options);

} // namespace archsim::sim
