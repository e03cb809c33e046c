// SPDX-License-Identifier: GPL-3.0-or-later
// The charts of a stored run (the project's run table), whatever its kind.
#pragma once

#include "ui/charts/chartspec.h"

#include "simulator/failures/failureanalysis.h"

#include "model/runrecord.h"

namespace archsim::charts {

QList<ChartSpec> chartsForRun(const RunRecord &run);
// The failure analysis as stored in a run (variant, availability, SPOFs, blast radius).
sim::FailureReport failureReportFromJson(const QJsonObject &json);

} // namespace archsim::charts
