// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli convert IN OUT: .json <-> .archsim by extension, without losing a field.
#pragma once

#include "clicommand.h"

namespace archsim::cli {

class ConvertCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("convert"); }
    QString summary() const override {
        return QStringLiteral("Convert between .json and .archsim (chosen by extension).");
    }
    QString synopsis() const override { return QStringLiteral("IN OUT"); }
    int positionalCount() const override { return 2; }
    int run(CliContext &context) override;
};

} // namespace archsim::cli
