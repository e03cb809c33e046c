// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli failures FILE: dependencies, single points of failure, blast radius, availability.
#pragma once

#include "clicommand.h"

namespace archsim::cli {

class FailuresCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("failures"); }
    QString summary() const override {
        return QStringLiteral(
            "Static failure analysis: dependencies, single points of failure, blast radius, "
            "availability (formula and Monte Carlo check).");
    }
    QString synopsis() const override { return QStringLiteral("FILE"); }
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};

} // namespace archsim::cli
