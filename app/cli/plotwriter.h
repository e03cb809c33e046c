// SPDX-License-Identifier: GPL-3.0-or-later
// PNG charts of runs and sweeps with Qt Charts, drawn offscreen (needs a QApplication).
#pragma once

#include "simulator/loadresult.h"
#include "simulator/study/sweep.h"

#include <QJsonObject>
#include <QString>

namespace archsim::cli {

// Latency (mean, p99), throughput and utilisation over time, one panel each.
bool writeSimulationPlot(const sim::LoadResult &result, const QString &path, QString *error);

// Latency and utilisation against the total open rate, the knee marked.
bool writeSweepPlot(const sim::SweepResult &result, const QString &path, QString *error);

// Cheapest monthly cost against load, one curve per variant, the crossing marked and today's
// load to the first variant's saturation shaded (the JSON of compare --break-even).
bool writeBreakEvenPlot(const QJsonObject &doc, const QString &path, QString *error);

// True when the command line asks for a plot, so main() creates a QApplication.
bool wantsPlot(int argc, char **argv);

} // namespace archsim::cli
