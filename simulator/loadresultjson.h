// SPDX-License-Identifier: GPL-3.0-or-later
// Reading results back from their JSON (stored runs), and the sweep's JSON (interfaces.md), so
// the CLI's output, the project's run table and the app's charts use one format.
#pragma once

#include "simulator/loadresult.h"
#include "simulator/study/sweep.h"

#include <QJsonObject>

namespace archsim::sim {

// The inverse of toJson(result, true); null numbers (an unbounded figure) read as +infinity.
LoadResult loadResultFromJson(const QJsonObject &json);

// {"variant", "engine", "points": [...], "knee": {...} | null}, plus "saturationRatePerSec":
// the analytical saturation rate of the model (the sweep's load axis marks it).
QJsonObject toJson(const SweepResult &sweep, bool withSeries = false);
SweepResult sweepResultFromJson(const QJsonObject &json);

} // namespace archsim::sim
