// SPDX-License-Identifier: GPL-3.0-or-later
// A variant compiled for the engines: flat arrays of units, components and calls, visit ratios.
#pragma once

#include "model/problem.h"
#include "model/variant.h"
#include "simulator/servicetime.h"

#include <QHash>

#include <algorithm>
#include <optional>
#include <vector>

namespace archsim::sim {

// The autoscaling controller of a unit (model/unit.h), times in ms.
struct CompiledAutoscale {
    int min = 1;
    int max = 1;
    double target = 1; // utilisation
    double syncMs = 15000;
    double tolerance = 0.1;
    double scaleDownWindowMs = 300000;
    double provisioningMs = 30000;
    double coldStartFactor = 1; // work x this on a new replica ...
    double coldStartMs = 60000; // ... for this long after it takes work
};

struct CompiledUnit {
    QString id;
    int replicas = 1;
    int threads = 1;
    int cores = 1;
    int queueCapacity = -1; // waiting requests per replica; -1: unlimited
    BalancingPolicy policy = BalancingPolicy::RoundRobin;
    bool hasResources = false; // false when it holds only clients and externals
    int firstReplica = 0;      // index of its first replica in the engines' replica arrays
    // Failures (discrete-event engine): replica r is in zone zoneOf[r] (an index in zones).
    QStringList zones;
    double mtbfMs = 0;           // mean time between random failures; 0: never fails at random
    double mttrMs = 0;           // mean time to repair
    double healthCheckMs = 5000; // balancers notice a dead replica after this long
    double costPerHour = 0;      // per replica
    // Set when the unit autoscales; replicas is then the count a run starts with (within the
    // bounds) and the engines keep room for autoscale->max replicas.
    std::optional<CompiledAutoscale> autoscale;

    int replicaSlots() const { return autoscale ? std::max(replicas, autoscale->max) : replicas; }

    // Capacity: what utilisation divides by. Both engines ask here, so a change of how a unit
    // is counted (autoscaling changes the replicas during a run) is made in one place.
    static double threadCapacity(int replicas, int threads) { return double(replicas) * threads; }
    double threadCapacity() const { return threadCapacity(replicas, threads); }
    static double coreCapacity(int replicas, int cores) { return double(replicas) * cores; }
    double coreCapacity() const { return coreCapacity(replicas, cores); }
};

struct CompiledComponent {
    QString id;
    int unit = 0;
    ComponentKind kind = ComponentKind::Service;
    ServiceTime service;     // its own work per visit (clients: none)
    double hitRatio = 0;     // caches only
    bool holdsThread = true; // false for clients (no resources) and externals (pure delay)
    int stepBegin = 0;       // range in CompiledModel::steps
    int stepEnd = 0;
    int callBegin = 0; // range in CompiledModel::calls (all its steps)
    int callEnd = 0;
};

// Retries beyond this are not simulated (the engine counts attempts in a byte).
constexpr int kMaxRetries = 100;

struct CompiledCall {
    int from = 0;
    int to = 0;
    int connection = 0; // index in the variant's connections
    bool sync = true;
    double calls = 1;           // mean per visit; the fraction is a probability
    int wholeCalls = 1;         // calls made for sure: floor(calls), bounded (kMaxCallsPerVisit)
    double extraCallChance = 0; // calls - wholeCalls: the chance of one more
    double multiplier = 1;  // expected calls per visit of `from` (calls x miss ratio of a cache)
    double latencyMs = 0;   // each way; 0 for calls inside a unit
    bool inProcess = false; // same unit, caller holds a thread: runs on the caller's thread
    bool optional = false;
    // Resilience (discrete-event engine), from the connection.
    double timeoutMs = 0; // 0: none
    int retries = 0;
    double retryBackoffMs = 0;
    double retryJitter = 0;
    int breakerThreshold = 0; // 0: no circuit breaker
    double breakerOpenMs = 5000;
};

// Outgoing calls run step by step; a step with several calls is a parallel group.
struct CompiledStep {
    int callBegin = 0;
    int callEnd = 0;
};

struct CompiledWorkload {
    QString name;
    int entry = 0;
    bool closed = false;
    double ratePerSec = 0;
    int users = 0;
    double thinkTimeMs = 0;
    LoadPattern pattern = LoadPattern::Constant;
    double toRatePerSec = 0;
    double atSec = 0;
    double forSec = 0;
    double periodSec = 86400;

    // Arrival rate at time t (seconds) of an open workload, by its pattern.
    double rateAt(double tSec) const;
    double peakRate() const;
};

struct CompiledModel {
    QString variant;
    std::vector<CompiledUnit> units;
    std::vector<CompiledComponent> components;
    std::vector<CompiledCall> calls; // grouped by caller, in step order
    std::vector<CompiledStep> steps;
    std::vector<CompiledWorkload> workloads;
    int replicaCount = 0;
    // Components in an order where every sync callee comes before its callers.
    std::vector<int> syncReverseTopo;
    // visits[w][c]: expected visits of component c per request of workload w (all calls), and
    // syncVisits the same over sync calls only (what the request waits for).
    std::vector<std::vector<double>> visits;
    std::vector<std::vector<double>> syncVisits;

    QHash<QString, int> unitById, componentById;

    int unitIndex(const QString &id) const; // -1 when none
    int componentIndex(const QString &id) const;
};

// Workloads x components above this is refused: the visit tables would take gigabytes
// (25 million pairs are 400 MB).
inline constexpr double kMaxVisitPairs = 25e6;

struct CompileResult {
    std::optional<CompiledModel> model;
    ProblemList problems;
};

// Validates and compiles; a cycle of sync calls or an async cycle with unbounded visits is an
// error that names the cycle.
CompileResult compileVariant(const Variant &variant, int variantIndex = 0);

} // namespace archsim::sim
