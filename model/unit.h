// SPDX-License-Identifier: GPL-3.0-or-later
// A deployment unit: what runs as processes (replicas, threads, cores, failures, cost).
#pragma once

#include "model/enums.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace archsim {

struct Unit {
    QString id;
    QString name;
    int replicas = 1;
    int threads = 1;                  // concurrency limit per replica
    std::optional<int> cores;         // unset: as many as threads
    std::optional<int> queueCapacity; // waiting requests per replica; unset: unlimited
    BalancingPolicy policy = BalancingPolicy::RoundRobin;
    QStringList zones;               // replicas are spread over these in turn
    std::optional<double> mtbfHours; // unset: never fails
    double mttrMinutes = 0;
    double costPerHour = 0; // per replica
    std::optional<int> autoscaleMin;
    std::optional<int> autoscaleMax;
    std::optional<double> autoscaleTargetUtilization; // set: the engines autoscale the unit
    // The controller, modelled on the Kubernetes Horizontal Pod Autoscaler (docs/simulator.md).
    double autoscaleSyncPeriodSec = 15;       // how often it compares utilisation with the target
    double autoscaleTolerance = 0.1;          // |measured / target - 1| within this: no change
    double autoscaleScaleDownWindowSec = 300; // scale down to the largest wish of this window
    double autoscaleProvisioningSec = 30;     // from the decision until a new replica takes work
    double autoscaleColdStartFactor = 1;      // a new replica's work x this at first (1: none)
    double autoscaleColdStartSec = 60;        // ... for this long after it takes work
    double healthCheckMs = 5000;              // time for balancers to notice a dead replica
    // True when the unit was written as fields of the component of the same id
    // (interfaces.md: "a component without unit is a unit of its own").
    bool implicit = false;
    QJsonObject extra;

    int effectiveCores() const { return cores.value_or(threads); }
    // Autoscaling is on when a target is set; the bounds default to 1 and to the replicas.
    bool autoscaled() const { return autoscaleTargetUtilization.has_value(); }
    int autoscaleLow() const { return std::max(1, autoscaleMin.value_or(1)); }
    int autoscaleHigh() const {
        return std::max({autoscaleLow(), autoscaleMax.value_or(replicas), 1});
    }
    bool operator==(const Unit &) const = default;
};

} // namespace archsim
