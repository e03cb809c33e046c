// SPDX-License-Identifier: GPL-3.0-or-later
// Break-even: the cheapest monthly cost that meets the SLO against load, per variant, from the
// capacity planner at each step, and the load where the cheaper variant changes.
#pragma once

#include "simulator/study/plan.h"

#include <QJsonArray>
#include <QJsonObject>

namespace archsim::sim {

// The rate of step I of STEPS from FROM to TO (both included).
double stepRate(double from, double to, int steps, int i);

// One step: {"ratePerSec", "costPerMonth": [..], "feasible": [..], "p99Ms": [..],
// "replicas": [{unit: n}, ..]}; a variant that cannot meet the SLO has costPerMonth null.
QJsonObject breakEvenPoint(const QList<Variant> &variants, double ratePerSec,
                           const PlanOptions &options);

// {"points": POINTS, "crossingRatePerSec": last crossing of the first two variants (from there on
// the order holds over the range; null when
// none), "crossings": [{"between": [a, b], "ratePerSec", "cheaperBelow", "cheaperAbove"}]}.
// The crossing is interpolated linearly between the two steps where the order changes.
QJsonObject breakEvenDocument(const QStringList &variantNames, const QJsonArray &points);

} // namespace archsim::sim
