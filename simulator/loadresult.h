// SPDX-License-Identifier: GPL-3.0-or-later
// What a load engine (analytical or discrete-event) reports: per workload, per unit, bottleneck.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace archsim::sim {

struct WorkloadResult {
    QString name;
    QString entry;
    bool closed = false;
    double throughputPerSec = 0;
    double meanResponseMs = 0; // +infinity when saturated (analytic)
    // Discrete-event engine only.
    std::optional<double> p50Ms, p95Ms, p99Ms, p999Ms;
    std::optional<double> errorRate;          // failed requests / finished requests
    std::optional<double> degradedRate;       // answered without an optional call / answered
    std::optional<double> retriesPerRequest;  // retried calls per finished request
    std::optional<double> meanResponseMsCi95; // half width of the 95% interval
    std::optional<double> throughputPerSecCi95;
    // Analytical engine: percentiles are estimates (a fitted distribution), and the cases
    // where its figures are known to be approximate for this model (empty: none known).
    bool percentilesEstimated = false;
    QStringList approximations;
};

struct UnitResult {
    QString id;
    double utilization = 0; // max of thread and core utilisation
    double threadUtilization = 0;
    double coreUtilization = 0;
    double throughputPerSec = 0; // requests that took one of its threads, per second
    double meanQueueLength = 0;  // waiting for a thread, mean per replica
    double meanResponseMs = 0;   // queue wait + thread holding time, per request
    std::optional<double> utilizationCi95;
    std::optional<double> rejectedPerSec; // DES: calls turned away by a full queue
    // DES: calls that reached the unit (retries included), calls to it that failed as their
    // callers saw them (rejected, dead replica, timeout, open breaker), retries it received.
    std::optional<double> callsPerSec, failedCallsPerSec, retriesReceivedPerSec;
    // Autoscaled units only: the steady-state count (analytic) or the time-weighted mean of
    // the replicas taking work over the measured time (DES), and the DES's replica-hours
    // (provisioning replicas included: they are paid for).
    std::optional<double> replicas, replicaHours;
};

// Per component (discrete-event engine): its visits and how long each took, from arriving at
// the component (queueing for a thread included) to its answer, its calls included.
struct ComponentResult {
    QString id;
    QString unit;
    double visitsPerSec = 0;   // answered visits per second
    double meanResponseMs = 0; // per answered visit
    // Its own work's share of its unit's cores (all replicas); none for clients and externals,
    // which hold no resources.
    std::optional<double> utilization;
};

// One interval of a discrete-event run (all replications merged).
struct SeriesPoint {
    double timeSec = 0;                    // interval start
    std::vector<double> throughputPerSec;  // per workload
    std::vector<double> errorsPerSec;      // per workload
    std::vector<double> degradedPerSec;    // per workload
    std::vector<double> retriesPerSec;     // per workload
    std::vector<double> meanResponseMs;    // per workload (0 when nothing completed)
    std::vector<double> p99Ms;             // per workload
    std::vector<double> utilization;       // per reported unit
    std::vector<double> queueLength;       // per reported unit, mean per replica
    std::vector<double> failedCallsPerSec; // per reported unit: calls to it that failed
    std::vector<double> replicas; // per reported unit, time-weighted; empty without autoscaling
};

struct LoadResult {
    QString variant;
    QString engine; // "analytic" or "des"
    std::vector<WorkloadResult> workloads;
    std::vector<UnitResult> units;
    std::vector<ComponentResult> components; // discrete-event engine
    QString bottleneck;
    std::optional<double> saturationRatePerSec; // none without open workloads
    bool saturated = false;                     // a queue grows without bound at this load
    QStringList notes;                          // approximations used, warnings
    // Discrete-event engine only.
    double durationSec = 0;
    double warmupSec = 0;
    int replications = 0;
    quint64 seed = 0;
    quint64 events = 0;
    bool cancelled = false;
    bool stoppedAtEventCap = false; // a replication reached DesOptions::maxEvents
    double intervalSec = 0;
    std::vector<SeriesPoint> series;
    struct FaultWindow {
        double atSec = 0;
        std::optional<double> endSec; // none: until the end
        QString label;
    };
    std::vector<FaultWindow> faults; // the scenario's events, for reports and plots
    // DES: replica-hours of all units over the measured time (mean of the replications) and
    // their cost (costPerHour per replica-hour). In the JSON only when a unit autoscales, so
    // that runs without autoscaling keep their output.
    std::optional<double> replicaHours, runCost;
    bool autoscaled = false; // some unit autoscales
};

// The JSON of interfaces.md ("variant", "engine", "workloads", "units", "bottleneck",
// "saturationRatePerSec"), plus "saturated", "notes" and, for runs, the run's settings.
QJsonObject toJson(const LoadResult &result, bool withSeries = false);

} // namespace archsim::sim
