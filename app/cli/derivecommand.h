// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli derive FILE --variant NAME --as monolith|microservices --name NEW [-o OUT].
#pragma once

#include "clicommand.h"

namespace archsim::cli {

class DeriveCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("derive"); }
    QString summary() const override {
        return QStringLiteral("Derive a monolith or microservices variant from an existing one "
                              "and save the project (to FILE unless -o OUT).");
    }
    QString synopsis() const override { return QStringLiteral("FILE"); }
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context) override;
};

} // namespace archsim::cli
