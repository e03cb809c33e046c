// SPDX-License-Identifier: GPL-3.0-or-later
#include "plancommand.h"

#include "loadreport.h"
#include "projectinput.h"
#include "studyoptions.h"
#include "texttable.h"

#include "simulator/study/plan.h"

#include <QCommandLineParser>

namespace archsim::cli {

QList<QCommandLineOption> PlanCommand::options() const {
    QList<QCommandLineOption> list{
        {QStringLiteral("rate"), QStringLiteral("Target total rate of the open workloads."),
         QStringLiteral("R")},
        {QStringLiteral("analytic"),
         QStringLiteral("Analytical search only, no discrete-event confirmation.")},
        {QStringLiteral("max-replicas"),
         QStringLiteral("Upper limit per unit without autoscaleMax (default 64)."),
         QStringLiteral("N")},
    };
    list << sloOptions() << desRunOptions(20, 5, 3);
    return list;
}

int PlanCommand::run(CliContext &context) {
    const QCommandLineParser &parser = context.parser;
    if (!parser.isSet(QStringLiteral("rate")) || !parser.isSet(QStringLiteral("p99"))) {
        context.err << "archsim-cli plan: --rate R and --p99 MS are required" << Qt::endl;
        return kExitUsage;
    }
    const auto rate = numberOption(context, QStringLiteral("rate"), 0, 1e-9, 1e9);
    const auto maxReplicas = numberOption(context, QStringLiteral("max-replicas"), 64, 1, 10000);
    const auto slo = readSlo(context);
    const auto des = readDesRunOptions(context, 20, 5, 3);
    if (!rate || !maxReplicas || !slo || !des) return kExitUsage;
    const QString path = context.arguments.value(0);
    const auto loaded = loadForCommand(context, path, true);
    if (!loaded) return kExitInputError;

    sim::PlanOptions options;
    options.ratePerSec = *rate;
    options.slo = *slo;
    options.des = *des;
    options.confirm = !parser.isSet(QStringLiteral("analytic"));
    options.maxReplicas = int(*maxReplicas);
    const sim::PlanResult plan = sim::planCapacity(*loaded->variant, options);
    if (plan.units.empty() && !plan.reason.isEmpty()) {
        context.err << path << ": error: variant \"" << plan.variant << "\": " << plan.reason
                    << Qt::endl;
        return kExitInputError;
    }
    if (context.json) {
        printJson(context, sim::toJson(plan));
        return kExitOk;
    }
    QTextStream &out = context.out;
    out << "variant: " << plan.variant << " at " << formatNumber(plan.ratePerSec, 1)
        << " requests/s, p99 <= " << *slo->p99Ms << " ms";
    if (slo->errorRate) out << ", error rate <= " << *slo->errorRate;
    if (slo->availability) out << ", availability >= " << *slo->availability;
    out << "\n\n";
    TextTable table({QStringLiteral("unit"), QStringLiteral("replicas"), QStringLiteral("before"),
                     QStringLiteral("min..max"), QStringLiteral("$/month"),
                     QStringLiteral("utilization")});
    for (const sim::PlanUnit &u : plan.units)
        table.addRow({u.id, QString::number(u.replicas), QString::number(u.before),
                      QStringLiteral("%1..%2").arg(u.min).arg(u.max),
                      formatNumber(u.costPerReplicaMonth * u.replicas, 0),
                      formatNumber(u.utilization, 3)});
    table.print(out);
    out << "\ncost: " << formatNumber(plan.costPerMonth, 0) << " $/month (was "
        << formatNumber(plan.costPerMonthBefore, 0) << ")\n";
    if (plan.p99Ms) out << "p99 (worst open workload): " << formatNumber(*plan.p99Ms, 1) << " ms\n";
    if (plan.errorRate) out << "error rate (worst workload): " << *plan.errorRate << "\n";
    if (plan.availability)
        out << "availability (lowest workload): " << QString::number(*plan.availability, 'f', 6)
            << "\n";
    out << (plan.feasible ? "meets the SLO" : "does NOT meet the SLO");
    if (!plan.reason.isEmpty()) out << ": " << plan.reason;
    out << "\n";
    if (plan.desChecked)
        out << (plan.confirmed ? "the discrete-event run confirmed the analytical plan"
                               : "the discrete-event runs corrected the analytical plan")
            << " (" << plan.desRuns << " runs)\n";
    for (const QString &n : plan.notes)
        out << "note: " << n << "\n";
    return kExitOk;
}

} // namespace archsim::cli
