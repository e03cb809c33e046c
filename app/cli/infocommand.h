// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli info FILE: the project's variants and how many elements each has.
#pragma once

#include "clicommand.h"

namespace archsim::cli {

class InfoCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("info"); }
    QString summary() const override {
        return QStringLiteral("Show the project's variants and their element counts.");
    }
    QString synopsis() const override { return QStringLiteral("FILE"); }
    int run(CliContext &context) override;
};

} // namespace archsim::cli
