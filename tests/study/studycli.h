// SPDX-License-Identifier: GPL-3.0-or-later
// Runs archsim-cli for the shard and merge tests; parts go to a temporary folder.
#pragma once

#include <QByteArray>
#include <QStringList>

namespace archsim::test {

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliRun runCli(const QStringList &args);

} // namespace archsim::test
