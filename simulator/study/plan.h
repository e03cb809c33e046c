// SPDX-License-Identifier: GPL-3.0-or-later
// Capacity planning: the cheapest replica counts per unit that meet an SLO at a target load.
// Searched with the analytical engine (greedy on SLO deficit removed per dollar, then a pass
// that drops what is not needed), then confirmed and corrected by discrete-event runs.
// docs/compare.md, "Capacity planning", states the search and its limits.
#pragma once

#include "simulator/des/desengine.h"
#include "simulator/study/slo.h"

#include <QJsonObject>

#include <map>

namespace archsim::sim {

struct PlanOptions {
    double ratePerSec = 0; // total rate of the open workloads, scaled together
    Slo slo;
    DesOptions des;               // settings of every confirmation run (same seed each time)
    bool confirm = true;          // false: the analytical search only
    int maxReplicas = 64;         // per unit without autoscaleMax
    double maxUtilization = 0.85; // analytic search: no unit busier than this
    int maxDesRuns = 80;          // the DES correction stops after this many runs
};

struct PlanUnit {
    QString id;
    int before = 1;   // replicas in the variant
    int replicas = 1; // planned
    int min = 1, max = 1;
    double costPerReplicaMonth = 0;
    double utilization = 0; // at the target load, in the final run (DES when confirmed)
};

struct PlanResult {
    QString variant;
    double ratePerSec = 0;
    bool feasible = false; // the plan meets the SLO (in the DES when confirmed)
    QString reason;        // why not, when not
    std::vector<PlanUnit> units;
    double costPerMonth = 0;
    double costPerMonthBefore = 0;
    std::optional<double> p99Ms;        // worst open workload's p99 in the final run
    std::optional<double> errorRate;    // worst workload's
    std::optional<double> availability; // lowest workload's
    bool desChecked = false;            // a DES run judged the plan
    bool confirmed = false;             // the DES confirmed the analytical plan without a change
    int desRuns = 0;
    int analyticEvaluations = 0;
    Variant planned;  // the variant with the planned replicas
    LoadResult final; // the last run of the plan (DES when checked, else analytic)
    QStringList notes;
};

PlanResult planCapacity(const Variant &variant, const PlanOptions &options);

QJsonObject toJson(const PlanResult &plan);

} // namespace archsim::sim
