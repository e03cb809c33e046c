// SPDX-License-Identifier: GPL-3.0-or-later
// A component: a logical part of the design (service, database, cache, ...) placed in one unit.
#pragma once

#include "model/enums.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace archsim {

struct Component {
    QString id;
    QString name;
    ComponentKind kind = ComponentKind::Service;
    QString layer;
    QString unit;
    double serviceTimeMs = 0; // own work per visit, mean
    Distribution distribution = Distribution::Exponential;
    double cv = 1; // coefficient of variation, used by lognormal and weibull
    // Empirical: a measured histogram, entries "LOW-HIGH:WEIGHT" in ms (servicedistribution.h).
    QStringList serviceHistogram;
    double hitRatio = 0; // caches only: share of visits answered without outgoing calls
    // Diagram geometry; stored in the project file's layout table, apart from the model.
    double x = 0;
    double y = 0;
    std::optional<double> width;
    std::optional<double> height;
    QJsonObject extra;

    bool operator==(const Component &) const = default;
};

} // namespace archsim
