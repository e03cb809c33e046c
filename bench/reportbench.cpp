// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-report-bench: how long a comparison report of the bundled example takes, stage by
// stage (comparison, plans, break-even, DES sweeps, sensitivity, scenarios) and per format.
// Run: QT_QPA_PLATFORM=offscreen build/bench/archsim-report-bench   (RelWithDebInfo or Release)
#include "model/projectfile.h"
#include "ui/report/reportwriter.h"

#include <QApplication>
#include <QFileInfo>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>
#include <map>

using namespace archsim;

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

} // namespace

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString path = QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json");
    const ReadResult read = loadProject(path);
    if (!read.ok()) return 1;
    for (double rate : {250.0, 900.0}) {
        report::ReportOptions options;
        options.variants = {QStringLiteral("Monolith"), QStringLiteral("Microservices")};
        options.compare.ratePerSec = rate;
        options.compare.slo.p99Ms = 400;
        options.compare.des.durationSec = 20;
        options.compare.des.warmupSec = 5;
        options.compare.des.replications = 4;
        options.modelFile = QFileInfo(path).fileName();
        // Each stage's time: from its first progress report to the next stage's.
        std::vector<std::pair<QString, Clock::time_point>> marks;
        const auto start = Clock::now();
        const report::ReportData data =
            report::runReportStudy(read.project, options, [&](double, const QString &stage) {
                if (marks.empty() || marks.back().first != stage)
                    marks.emplace_back(stage, Clock::now());
            });
        const double total = seconds(start);
        if (!data.error.isEmpty()) return 1;
        std::printf("report of the example at %.0f/s (DES 4 x 20 s + 5 s per run)\n", rate);
        for (std::size_t i = 0; i < marks.size(); ++i) {
            const auto end = i + 1 < marks.size()
                                 ? marks[i + 1].second
                                 : start + std::chrono::duration_cast<Clock::duration>(
                                               std::chrono::duration<double>(total));
            std::printf("  %-20s %6.2f s\n", qPrintable(marks[i].first),
                        std::chrono::duration<double>(end - marks[i].second).count());
        }
        std::printf("  %-20s %6.2f s (%d analytical plans in the sensitivity)\n", "all studies",
                    total, data.sensitivity.plans);
        QTemporaryDir dir;
        for (const char *suffix : {"pdf", "html", "csv"}) {
            const auto t = Clock::now();
            const QString out = dir.filePath(QStringLiteral("r.") + QLatin1String(suffix));
            if (!report::writeReport(data, out).isEmpty()) return 1;
            std::printf("  write %-14s %6.2f s (%lld kB)\n", suffix, seconds(t),
                        QFileInfo(out).size() / 1024);
        }
        std::printf("\n");
    }
    return 0;
}
