#include "plotwriter.h"

#include "ui/charts/chartbuilder.h"
#include "ui/charts/chartrender.h"

#include <cstring>

namespace archsim::cli {

namespace {
bool write(const QList<charts::ChartSpec> &specs, const QString &path, QString *error) {
    *error = charts::saveCharts(specs, path);
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
    *error = charts::saveCharts({charts::sweepChart(r)}, path, QSize(1200, 640));
    return error->isEmpty();
}

bool writeFailurePlot(const sim::FailureReport &report, const QString &path, QString *error) {
    return write({charts::availabilityChart(report), charts::blastRadiusChart(report)}, path,
                 error);
}

} // namespace archsim::cli
