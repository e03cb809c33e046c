// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli simulate FILE: the discrete-event engine, with percentiles, intervals and plots.
#pragma once

#include "clicommand.h"

namespace archsim::cli {

class SimulateCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("simulate"); }
    QString summary() const override {
        return QStringLiteral("Run the discrete-event simulation: percentiles, errors, "
                              "confidence intervals, utilisation per unit.");
    }
    QString synopsis() const override { return QStringLiteral("FILE"); }
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};

} // namespace archsim::cli
