// SPDX-License-Identifier: GPL-3.0-or-later
// A variant: one complete design of the system (e.g. "Monolith" or "Microservices").
#pragma once

#include "model/component.h"
#include "model/connection.h"
#include "model/layer.h"
#include "model/scenario.h"
#include "model/unit.h"
#include "model/workload.h"

#include <QList>

namespace archsim {

struct Variant {
    QString name;
    QString description;
    QList<Layer> layers;
    QList<Unit> units;
    QList<Component> components;
    QList<Connection> connections;
    QList<Workload> workloads;
    QList<Scenario> scenarios;
    QJsonObject extra;

    const Unit *findUnit(const QString &id) const;
    const Component *findComponent(const QString &id) const;
    int componentIndex(const QString &id) const;
    int unitIndex(const QString &id) const;
    bool operator==(const Variant &) const = default;
};

} // namespace archsim
