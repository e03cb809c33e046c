// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadreport.h"

#include "projectinput.h"
#include "texttable.h"

#include <QCommandLineParser>

#include <algorithm>
#include <cmath>

namespace archsim::cli {

std::optional<CompiledInput> compileForCommand(CliContext &context, const QString &path) {
    auto loaded = loadForCommand(context, path, false);
    if (!loaded) return std::nullopt;
    sim::CompileResult compiled = sim::compileVariant(*loaded->variant, loaded->variantIndex);
    if (!compiled.model) {
        context.err << formatProblems(compiled.problems, path) << Qt::endl;
        return std::nullopt;
    }
    return CompiledInput{std::move(*loaded), std::move(*compiled.model)};
}

std::optional<double> numberOption(CliContext &context, const QString &name, double fallback,
                                   double low, double high) {
    if (!context.parser.isSet(name)) return fallback;
    bool ok = false;
    const QString text = context.parser.value(name);
    const double value = text.toDouble(&ok);
    if (!ok || !(value >= low && value <= high)) {
        context.err << "archsim-cli: --" << name << ": \"" << text << "\" is not a number in "
                    << low << ".." << high << Qt::endl;
        return std::nullopt;
    }
    return value;
}

QString formatNumber(double value, int precision) {
    if (!std::isfinite(value)) return QStringLiteral("inf");
    return QString::number(value, 'f', precision);
}

void printLoadResult(QTextStream &out, const sim::LoadResult &r) {
    const bool des = r.engine == QLatin1String("des");
    out << "variant: " << r.variant << " (" << r.engine << " engine)\n";
    if (des)
        out << "run: " << r.durationSec << " s after " << r.warmupSec << " s warm-up, "
            << r.replications << " replication(s), seed " << r.seed << ", " << r.events
            << " events\n";
    out << '\n';
    QStringList header{QStringLiteral("workload"), QStringLiteral("entry"),
                       QStringLiteral("throughput/s"), QStringLiteral("mean ms")};
    if (des)
        header << QStringLiteral("±95%") << QStringLiteral("p50 ms") << QStringLiteral("p95 ms")
               << QStringLiteral("p99 ms") << QStringLiteral("p99.9 ms") << QStringLiteral("errors")
               << QStringLiteral("degraded") << QStringLiteral("retries/req");
    TextTable workloads(header);
    for (const sim::WorkloadResult &w : r.workloads) {
        QStringList row{w.name, w.entry, formatNumber(w.throughputPerSec, 1),
                        formatNumber(w.meanResponseMs)};
        if (des) {
            row << (w.meanResponseMsCi95 ? formatNumber(*w.meanResponseMsCi95)
                                         : QStringLiteral("-"))
                << formatNumber(w.p50Ms.value_or(NAN)) << formatNumber(w.p95Ms.value_or(NAN))
                << formatNumber(w.p99Ms.value_or(NAN)) << formatNumber(w.p999Ms.value_or(NAN))
                << QStringLiteral("%1%").arg(formatNumber(100 * w.errorRate.value_or(0), 2))
                << QStringLiteral("%1%").arg(formatNumber(100 * w.degradedRate.value_or(0), 2))
                << formatNumber(w.retriesPerRequest.value_or(0), 3);
        }
        workloads.addRow(row);
    }
    workloads.print(out);
    out << '\n';
    QStringList unitHeader{QStringLiteral("unit"),         QStringLiteral("utilization"),
                           QStringLiteral("threads"),      QStringLiteral("cores"),
                           QStringLiteral("throughput/s"), QStringLiteral("queue"),
                           QStringLiteral("response ms")};
    if (des)
        unitHeader << QStringLiteral("calls/s") << QStringLiteral("failed/s")
                   << QStringLiteral("rejected/s") << QStringLiteral("retries/s");
    // Autoscaled units: the steady-state count (analytic) or the mean over the run (DES).
    const bool scaled = std::any_of(r.units.begin(), r.units.end(), [](const sim::UnitResult &u) {
        return u.replicas.has_value();
    });
    if (scaled) unitHeader << QStringLiteral("replicas");
    if (scaled && des) unitHeader << QStringLiteral("replica-h");
    TextTable units(unitHeader);
    for (const sim::UnitResult &u : r.units) {
        QStringList row{u.id,
                        formatNumber(u.utilization, 3),
                        formatNumber(u.threadUtilization, 3),
                        formatNumber(u.coreUtilization, 3),
                        formatNumber(u.throughputPerSec, 1),
                        formatNumber(u.meanQueueLength, 2),
                        formatNumber(u.meanResponseMs)};
        if (des)
            row << formatNumber(u.callsPerSec.value_or(0), 1)
                << formatNumber(u.failedCallsPerSec.value_or(0), 1)
                << formatNumber(u.rejectedPerSec.value_or(0), 1)
                << formatNumber(u.retriesReceivedPerSec.value_or(0), 1);
        if (scaled)
            row << (u.replicas ? formatNumber(*u.replicas, des ? 2 : 0) : QStringLiteral("fixed"));
        if (scaled && des)
            row << (u.replicaHours ? formatNumber(*u.replicaHours, 3) : QStringLiteral("-"));
        units.addRow(row);
    }
    units.print(out);
    if (!r.components.empty()) {
        out << '\n';
        TextTable components({QStringLiteral("component"), QStringLiteral("unit"),
                              QStringLiteral("visits/s"), QStringLiteral("response ms"),
                              QStringLiteral("utilization")});
        for (const sim::ComponentResult &c : r.components)
            components.addRow(
                {c.id, c.unit, formatNumber(c.visitsPerSec, 1), formatNumber(c.meanResponseMs),
                 c.utilization ? formatNumber(*c.utilization, 3) : QStringLiteral("-")});
        components.print(out);
    }
    for (const sim::LoadResult::FaultWindow &f : r.faults)
        out << "fault: " << f.label << " from " << f.atSec << " s "
            << (f.endSec ? QStringLiteral("to %1 s").arg(*f.endSec) : QStringLiteral("to the end"))
            << '\n';
    out << '\n';
    out << "bottleneck: " << (r.bottleneck.isEmpty() ? QStringLiteral("-") : r.bottleneck) << '\n';
    if (r.replicaHours)
        out << "replica-hours: " << formatNumber(*r.replicaHours, 3) << " over the measured "
            << r.durationSec << " s, cost of the run: " << formatNumber(r.runCost.value_or(0), 4)
            << " (costPerHour x replica-hours)\n";
    if (r.saturationRatePerSec)
        out << "saturation: " << formatNumber(*r.saturationRatePerSec, 1)
            << " requests/s (all open workloads scaled together)\n";
    if (r.stoppedAtEventCap)
        out << "STOPPED AT THE EVENT CAP: the run was cut short; the figures cover only the "
               "part simulated\n";
    if (r.saturated)
        out << "SATURATED: the load is above capacity (a queue grows without bound or a full unit "
               "sheds load)\n";
    for (const QString &note : r.notes)
        out << "note: " << note << '\n';
    out.flush();
}

} // namespace archsim::cli
