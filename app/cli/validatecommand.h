// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli validate FILE: every problem of the model, with its place.
#pragma once

#include "clicommand.h"

namespace archsim::cli {

class ValidateCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("validate"); }
    QString summary() const override {
        return QStringLiteral("Check the model; list every problem with its place.");
    }
    QString synopsis() const override { return QStringLiteral("FILE"); }
    int run(CliContext &context) override;
};

} // namespace archsim::cli
