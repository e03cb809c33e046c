// SPDX-License-Identifier: GPL-3.0-or-later
#include "plotwriter.h"

#include "ui/charts/chartbuilder.h"
#include "ui/charts/chartrender.h"

#include <cstring>

namespace archsim::cli {

namespace {
bool write(const QList<charts::ChartSpec> &specs, const QString &path, QString *error,
           QSize panel = QSize(1200, 420)) {
    *error = charts::saveCharts(specs, path, panel);
    return error->isEmpty();
}
} // namespace

bool wantsPlot(int argc, char **argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--plot") == 0 || std::strncmp(argv[i], "--plot=", 7) == 0)
            return true;
    return false;
}

bool writeSimulationPlot(const sim::LoadResult &r, const QString &path, QString *error) {
    if (r.series.empty()) {
        *error = QStringLiteral("the run has no time series");
        return false;
    }
    return write(charts::runCharts(r), path, error);
}

bool writeSweepPlot(const sim::SweepResult &r, const QString &path, QString *error) {
    if (r.points.empty()) {
        *error = QStringLiteral("the sweep has no points");
        return false;
    }
    return write({charts::sweepChart(r)}, path, error, QSize(1200, 640));
}

bool writeFailurePlot(const sim::FailureReport &report, const QString &path, QString *error) {
    return write({charts::availabilityChart(report), charts::blastRadiusChart(report)}, path,
                 error);
}

bool writeBreakEvenPlot(const QJsonObject &doc, const QString &path, QString *error) {
    const charts::ChartSpec spec = charts::breakEvenChart(doc);
    if (spec.lines.isEmpty()) {
        *error = QStringLiteral("the break-even run has no points");
        return false;
    }
    return write({spec}, path, error, QSize(1200, 640));
}

} // namespace archsim::cli
