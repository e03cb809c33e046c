// SPDX-License-Identifier: GPL-3.0-or-later
#include "studycli.h"

#include <QProcess>

namespace archsim::test {

CliRun runCli(const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral(ARCHSIM_CLI), args);
    CliRun r;
    if (!p.waitForFinished(240000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace archsim::test
