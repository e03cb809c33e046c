// SPDX-License-Identifier: GPL-3.0-or-later
// A deployment unit: what runs as processes (replicas, threads, cores, failures, cost).
#pragma once

#include "model/enums.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

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
    std::optional<double> autoscaleTargetUtilization;
    double healthCheckMs = 5000; // time for balancers to notice a dead replica
    // True when the unit was written as fields of the component of the same id
    // (interfaces.md: "a component without unit is a unit of its own").
    bool implicit = false;
    QJsonObject extra;

    int effectiveCores() const { return cores.value_or(threads); }
    bool operator==(const Unit &) const = default;
};

} // namespace archsim
