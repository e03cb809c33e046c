// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli plan FILE --variant V --rate R --p99 MS: cheapest replicas meeting the SLO.
#pragma once

#include "clicommand.h"

namespace archsim::cli {

class PlanCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("plan"); }
    QString summary() const override {
        return QStringLiteral("Cheapest replicas per unit that meet the SLO at a load: analytic "
                              "search, confirmed by discrete-event runs; with cost.");
    }
    QString synopsis() const override { return QStringLiteral("FILE"); }
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};

} // namespace archsim::cli
