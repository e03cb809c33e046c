// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-fidelity: the analytical engine against the discrete-event engine on the layered
// fidelity cases (tests/simulator/fidelitycases.h). Prints every compared figure, the error and
// whether it is within 5% (2 points for utilisation) or flagged as approximate.
// Run: build/bench/archsim-fidelity [DURATION_SEC [REPLICATIONS [CASE-FILTER]]]
//      (defaults 400 s, 8 replications, every case)
#include "fidelitycases.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

using namespace archsim;
using namespace archsim::test;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    sim::DesOptions o;
    o.durationSec = args.size() > 1 ? args[1].toDouble() : 400;
    o.warmupSec = o.durationSec / 10;
    o.replications = args.size() > 2 ? args[2].toInt() : 8;
    o.seed = 11;
    std::printf("Analytic vs DES (%g s after %g s warm-up, %d replications, seed %llu)\n",
                o.durationSec, o.warmupSec, o.replications,
                static_cast<unsigned long long>(o.seed));
    std::printf("%-20s %-34s %11s %11s %8s %8s  %s\n", "case", "figure", "analytic", "des",
                "+-ci95", "error", "verdict");
    int within = 0, flaggedOnly = 0, failed = 0;
    std::vector<FidelityRow> worst;
    const QString filter = args.size() > 3 ? args[3] : QString();
    for (const FidelityCase &c : fidelityCases(QStringLiteral(ARCHSIM_EXAMPLES))) {
        if (!c.name.contains(filter)) continue;
        for (const FidelityRow &r : compareEngines(c, o)) {
            const bool estimate = r.metric.contains(QStringLiteral("estimate"));
            const char *verdict = r.within() ? "ok" : r.flagged ? "FLAGGED" : "MISS";
            if (!estimate) {
                if (r.within())
                    ++within;
                else if (r.flagged)
                    ++flaggedOnly;
                else
                    ++failed;
                worst.push_back(r);
            }
            const QString err =
                r.utilisation ? QStringLiteral("%1pt").arg(100 * (r.analytic - r.des), 0, 'f', 1)
                              : QStringLiteral("%1%").arg(r.errorPercent(), 0, 'f', 1);
            std::printf("%-20s %-34s %11.3f %11.3f %8.3f %8s  %s\n", qPrintable(r.caseName),
                        qPrintable(r.metric), r.analytic, r.des, r.desCi95, qPrintable(err),
                        estimate ? "(estimate)" : verdict);
        }
    }
    std::printf("\n%d figures within tolerance, %d outside but flagged approximate, %d missed\n",
                within, flaggedOnly, failed);
    return failed == 0 ? 0 : 1;
}
