// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli compare FILE --variants A,B[,C]: side by side, SLO verdicts, break-even curve.
#pragma once

#include "clicommand.h"

#include <QJsonObject>

namespace archsim::cli {

class CompareCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("compare"); }
    QString summary() const override {
        return QStringLiteral("Compare variants under the same workloads: latency (DES with "
                              "replications), capacity, availability, cost; SLO verdicts; "
                              "--break-even adds the cheapest-cost curves.");
    }
    QString synopsis() const override { return QStringLiteral("FILE"); }
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};

// The human-readable comparison (SLO lines, table, break-even) from the JSON document.
void printComparison(QTextStream &out, const QJsonObject &doc);

} // namespace archsim::cli
