// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli analyze FILE: the analytical engine's steady state of one variant.
#pragma once

#include "clicommand.h"

namespace archsim::cli {

class AnalyzeCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("analyze"); }
    QString summary() const override {
        return QStringLiteral("Solve the load analytically: response times, utilisation, "
                              "bottleneck, saturation rate.");
    }
    QString synopsis() const override { return QStringLiteral("FILE"); }
    int run(CliContext &context) override;
};

} // namespace archsim::cli
