// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli report FILE --variants A,B -o OUT.pdf|.html|.csv: the comparison as a document
// for people who decide (ui/report builds it; docs/reports.md describes it).
#pragma once

#include "clicommand.h"

namespace archsim::cli {

class ReportCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("report"); }
    QString summary() const override {
        return QStringLiteral("Write the comparison of variants as a report: verdict, what would "
                              "flip it, diagrams, table, charts, failures, capacity plan, "
                              "provenance (PDF, HTML or CSV by -o's extension).");
    }
    QString synopsis() const override { return QStringLiteral("FILE"); }
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};

// True when the command line asks for a report (which draws charts: a GUI application).
bool wantsReport(int argc, char **argv);

} // namespace archsim::cli
