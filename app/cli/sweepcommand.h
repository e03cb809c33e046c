// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli sweep FILE --from R --to R --steps N: latency and bottleneck against load, knee.
#pragma once

#include "clicommand.h"

#include <QJsonObject>

namespace archsim::cli {

class SweepCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("sweep"); }
    QString summary() const override {
        return QStringLiteral("Scale all open workloads from one total rate to another; "
                              "name the knee and the bottleneck at each step.");
    }
    QString synopsis() const override { return QStringLiteral("FILE"); }
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};

// The human-readable sweep table from its JSON document (also used by merge).
void printSweep(QTextStream &out, const QJsonObject &doc);

} // namespace archsim::cli
