// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli merge PART.json...: joins the parts of a --shard K/N run into the whole result.
#pragma once

#include "clicommand.h"

namespace archsim::cli {

class MergeCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("merge"); }
    QString summary() const override {
        return QStringLiteral("Join the JSON parts of --shard K/N runs (sweep, compare "
                              "--break-even, simulate) into the unsharded result.");
    }
    QString synopsis() const override { return QStringLiteral("PART.json..."); }
    int positionalCount() const override { return -1; } // one or more
    int run(CliContext &context) override;
};

} // namespace archsim::cli
