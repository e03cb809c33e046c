// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli backtest TRACES... --train FROM..TO --test FROM..TO: calibrate on one window,
// predict the other with both engines, print the prediction errors.
#pragma once

#include "clicommand.h"

namespace archsim::cli {

class BacktestCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("backtest"); }
    QString summary() const override {
        return QStringLiteral(
            "Calibrate on one window of traces, predict another, show the errors.");
    }
    QString synopsis() const override { return QStringLiteral("TRACES..."); }
    int positionalCount() const override { return -1; }
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};

} // namespace archsim::cli
