// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli calibrate TRACES... -o OUT: a variant calibrated from trace exports, optionally
// laid over a designed variant (--into) with the differences listed.
#pragma once

#include "clicommand.h"

namespace archsim::cli {

class CalibrateCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("calibrate"); }
    QString summary() const override {
        return QStringLiteral("Build a variant from trace exports (Jaeger, OTLP, Zipkin, CSV).");
    }
    QString synopsis() const override { return QStringLiteral("TRACES..."); }
    int positionalCount() const override { return -1; }
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};

} // namespace archsim::cli
