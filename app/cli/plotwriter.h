// SPDX-License-Identifier: GPL-3.0-or-later
// --plot for the CLI: the app's charts (ui/charts), stacked in one PNG or SVG, drawn offscreen.
#pragma once

#include "simulator/failures/failureanalysis.h"
#include "simulator/loadresult.h"
#include "simulator/study/sweep.h"

#include <QJsonObject>
#include <QString>

namespace archsim::cli {

// Latency with error rate, traffic, utilisation bars and the latency distribution.
bool writeSimulationPlot(const sim::LoadResult &result, const QString &path, QString *error);
// Latency and bottleneck utilisation against load, knee and analytic saturation marked.
bool writeSweepPlot(const sim::SweepResult &result, const QString &path, QString *error);
// Availability per workload and blast radius per unit.
bool writeFailurePlot(const sim::FailureReport &report, const QString &path, QString *error);

// Cheapest monthly cost against load, one curve per variant, the crossing marked and today's
// load to the first variant's saturation shaded (the JSON of compare --break-even).
bool writeBreakEvenPlot(const QJsonObject &doc, const QString &path, QString *error);

// True when the command line asks for a plot, so main() creates a QApplication.
bool wantsPlot(int argc, char **argv);

} // namespace archsim::cli
