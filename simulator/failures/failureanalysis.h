// SPDX-License-Identifier: GPL-3.0-or-later
// Static failure analysis of a variant: what each workload depends on, single points of
// failure, the blast radius of each unit and steady-state availability (design.md section 4).
#pragma once

#include "simulator/compiledmodel.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace archsim::sim {

struct UnitReliability {
    QString id;
    int replicas = 1;
    QStringList zonesUsed;          // zones its replicas run in (spread over the list in turn)
    bool canFail = false;           // has an MTBF and runs more than clients
    double replicaAvailability = 1; // MTBF / (MTBF + MTTR)
    double availability = 1;        // up while any replica is up
};

struct WorkloadAvailability {
    QString name;
    double availability = 1;
    // The formula enumerates every combination of down units when a workload depends on at
    // most kExactUnits failing units, otherwise those with at most two down; `bound` is the
    // probability of the combinations left out (the true value lies in [availability,
    // availability + bound]); 0 when exact.
    double bound = 0;
    QStringList dependsOn;
};

struct SinglePointOfFailure {
    QString unit;
    QString reason;
    QStringList workloads; // the workloads that lose requests when it is down
};

struct UnitBlastRadius {
    QString unit;
    std::vector<double> lostShare; // per workload: share of its requests lost while it is down
};

struct FailureReport {
    QString variant;
    std::vector<UnitReliability> units;
    std::vector<WorkloadAvailability> workloads;
    std::vector<SinglePointOfFailure> singlePointsOfFailure;
    std::vector<UnitBlastRadius> blastRadius; // every unit with resources, largest first
};

inline constexpr int kExactUnits = 14;

std::vector<UnitReliability> unitReliability(const Variant &variant, const CompiledModel &model);
FailureReport analyzeFailures(const Variant &variant, const CompiledModel &model);

} // namespace archsim::sim
