// SPDX-License-Identifier: GPL-3.0-or-later
// A scenario: a timed list of faults and load changes for the discrete-event engine.
#pragma once

#include "model/enums.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace archsim {

struct ScenarioEvent {
    double atSec = 0;
    ScenarioAction action = ScenarioAction::Crash;
    double forSec = 0;           // 0: until the end of the run
    QString unit;                // crash, latency, slowdown
    QString connection;          // latency on a connection (its id)
    QString zone;                // zone-down
    QString workload;            // load; empty: every workload
    std::optional<int> replicas; // crash; unset: all replicas
    double latencyMs = 0;        // latency
    double factor = 1;           // slowdown (service time x factor) or load (rate x factor)
    QJsonObject extra;

    bool operator==(const ScenarioEvent &) const = default;
};

struct Scenario {
    QString name;
    QList<ScenarioEvent> events;
    QJsonObject extra;

    bool operator==(const Scenario &) const = default;
};

} // namespace archsim
