// SPDX-License-Identifier: GPL-3.0-or-later
#include "failurescommand.h"

#include "loadreport.h"
#include "plotwriter.h"
#include "texttable.h"

#include "simulator/failures/availabilitymontecarlo.h"
#include "simulator/failures/failureanalysis.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace archsim::cli {

namespace {

constexpr double kMinutesPerYear = 365.25 * 24 * 60;

QJsonObject toJson(const sim::FailureReport &report, const sim::MonteCarloAvailability &mc,
                   const QStringList &workloadNames) {
    QJsonArray workloads;
    for (std::size_t w = 0; w < report.workloads.size(); ++w) {
        const sim::WorkloadAvailability &a = report.workloads[w];
        QJsonObject o{
            {QStringLiteral("name"), a.name},
            {QStringLiteral("availability"), a.availability},
            {QStringLiteral("dependsOn"), QJsonArray::fromStringList(a.dependsOn)},
            {QStringLiteral("downtimeMinutesPerYear"), (1 - a.availability) * kMinutesPerYear}};
        if (a.bound > 0) o.insert(QStringLiteral("availabilityBound"), a.bound);
        if (w < mc.mean.size()) {
            o.insert(QStringLiteral("availabilityMonteCarlo"), mc.mean[w]);
            o.insert(QStringLiteral("availabilityMonteCarloCi95"), mc.ci95[w]);
        }
        workloads.append(o);
    }
    QJsonArray spofs;
    QJsonArray spofDetails;
    for (const sim::SinglePointOfFailure &s : report.singlePointsOfFailure) {
        spofs.append(s.unit);
        spofDetails.append(
            QJsonObject{{QStringLiteral("unit"), s.unit},
                        {QStringLiteral("reason"), s.reason},
                        {QStringLiteral("workloads"), QJsonArray::fromStringList(s.workloads)}});
    }
    QJsonArray blast;
    for (const sim::UnitBlastRadius &b : report.blastRadius) {
        QJsonObject lost;
        for (std::size_t w = 0; w < b.lostShare.size(); ++w)
            lost.insert(workloadNames[int(w)], b.lostShare[w]);
        blast.append(
            QJsonObject{{QStringLiteral("unit"), b.unit}, {QStringLiteral("lostShare"), lost}});
    }
    QJsonArray units;
    for (const sim::UnitReliability &u : report.units)
        if (u.canFail)
            units.append(
                QJsonObject{{QStringLiteral("id"), u.id},
                            {QStringLiteral("replicas"), u.replicas},
                            {QStringLiteral("zones"), QJsonArray::fromStringList(u.zonesUsed)},
                            {QStringLiteral("replicaAvailability"), u.replicaAvailability},
                            {QStringLiteral("availability"), u.availability}});
    return QJsonObject{{QStringLiteral("variant"), report.variant},
                       {QStringLiteral("workloads"), workloads},
                       {QStringLiteral("singlePointsOfFailure"), spofs},
                       {QStringLiteral("singlePointsOfFailureDetails"), spofDetails},
                       {QStringLiteral("blastRadius"), blast},
                       {QStringLiteral("units"), units}};
}

QString percent(double share) {
    return QString::number(100 * share, 'f', 1) + QLatin1Char('%');
}

void printReport(QTextStream &out, const sim::FailureReport &report,
                 const sim::MonteCarloAvailability &mc, const QStringList &workloadNames) {
    out << "variant: " << report.variant << "\n\n";
    TextTable availability({QStringLiteral("workload"), QStringLiteral("availability"),
                            QStringLiteral("downtime/year"), QStringLiteral("monte carlo"),
                            QStringLiteral("depends on")});
    for (std::size_t w = 0; w < report.workloads.size(); ++w) {
        const sim::WorkloadAvailability &a = report.workloads[w];
        const double minutes = (1 - a.availability) * kMinutesPerYear;
        availability.addRow(
            {a.name, QString::number(a.availability, 'f', 6),
             minutes < 120 ? QString::number(minutes, 'f', 1) + QStringLiteral(" min")
                           : QString::number(minutes / 60, 'f', 1) + QStringLiteral(" h"),
             w < mc.mean.size() ? QStringLiteral("%1 ± %2").arg(QString::number(mc.mean[w], 'f', 6),
                                                                QString::number(mc.ci95[w], 'f', 6))
                                : QStringLiteral("-"),
             a.dependsOn.join(QStringLiteral(", "))});
    }
    availability.print(out);
    out << "\nsingle points of failure:";
    if (report.singlePointsOfFailure.empty()) out << " none\n";
    out << '\n';
    if (!report.singlePointsOfFailure.empty()) {
        TextTable spofs({QStringLiteral("unit"), QStringLiteral("why"), QStringLiteral("fails")});
        for (const sim::SinglePointOfFailure &s : report.singlePointsOfFailure)
            spofs.addRow({s.unit, s.reason, s.workloads.join(QStringLiteral(", "))});
        spofs.print(out);
    }
    out << "\nblast radius (share of requests lost while the unit is down):\n";
    QStringList header{QStringLiteral("unit")};
    header << workloadNames;
    TextTable blast(header);
    for (const sim::UnitBlastRadius &b : report.blastRadius) {
        QStringList row{b.unit};
        for (double share : b.lostShare)
            row << percent(share);
        blast.addRow(row);
    }
    blast.print(out);
}

} // namespace

QList<QCommandLineOption> FailuresCommand::options() const {
    return {QCommandLineOption(QStringLiteral("samples"),
                               QStringLiteral("Monte Carlo requests per replication (default "
                                              "200000; 0 skips the check)."),
                               QStringLiteral("N")),
            QCommandLineOption(QStringLiteral("seed"),
                               QStringLiteral("Seed of the Monte Carlo check (default 1)."),
                               QStringLiteral("N")),
            QCommandLineOption(QStringLiteral("plot"),
                               QStringLiteral("Write a PNG or SVG chart: availability per "
                                              "workload and blast radius per unit."),
                               QStringLiteral("FILE.png"))};
}

int FailuresCommand::run(CliContext &context) {
    const auto samples = numberOption(context, QStringLiteral("samples"), 200000, 0, 1e9);
    const auto seed = numberOption(context, QStringLiteral("seed"), 1, 0, 1e15);
    if (!samples || !seed) return kExitUsage;
    const auto input = compileForCommand(context, context.arguments.value(0));
    if (!input) return kExitInputError;
    const sim::FailureReport report = sim::analyzeFailures(*input->loaded.variant, input->model);
    sim::MonteCarloAvailability mc;
    if (*samples > 0) {
        sim::MonteCarloOptions options;
        options.requestsPerReplication = int(*samples);
        options.seed = std::uint64_t(*seed);
        mc = sim::estimateAvailability(*input->loaded.variant, input->model, options);
    }
    if (context.parser.isSet(QStringLiteral("plot"))) {
        QString error;
        if (!writeFailurePlot(report, context.parser.value(QStringLiteral("plot")), &error)) {
            context.err << "archsim-cli failures: --plot: " << error << Qt::endl;
            return kExitInputError;
        }
    }
    QStringList names;
    for (const sim::CompiledWorkload &w : input->model.workloads)
        names << w.name;
    if (context.json)
        context.out << QJsonDocument(toJson(report, mc, names)).toJson(QJsonDocument::Indented);
    else
        printReport(context.out, report, mc, names);
    return kExitOk;
}

} // namespace archsim::cli
