// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/runcharts.h"

#include "ui/charts/chartbuilder.h"

#include "simulator/loadresultjson.h"

#include <QJsonArray>

namespace archsim::charts {

sim::FailureReport failureReportFromJson(const QJsonObject &o) {
    sim::FailureReport f;
    f.variant = o.value(QStringLiteral("variant")).toString();
    QStringList names;
    for (const QJsonValue &v : o.value(QStringLiteral("workloads")).toArray()) {
        sim::WorkloadAvailability w;
        w.name = v.toObject().value(QStringLiteral("name")).toString();
        w.availability = v.toObject().value(QStringLiteral("availability")).toDouble();
        for (const QJsonValue &d : v.toObject().value(QStringLiteral("dependsOn")).toArray())
            w.dependsOn << d.toString();
        names << w.name;
        f.workloads.push_back(w);
    }
    for (const QJsonValue &v : o.value(QStringLiteral("singlePointsOfFailure")).toArray())
        f.singlePointsOfFailure.push_back(sim::SinglePointOfFailure{v.toString(), {}, {}});
    for (const QJsonValue &v : o.value(QStringLiteral("blastRadius")).toArray()) {
        sim::UnitBlastRadius b;
        b.unit = v.toObject().value(QStringLiteral("unit")).toString();
        const QJsonObject lost = v.toObject().value(QStringLiteral("lostShare")).toObject();
        for (const QString &name : names)
            b.lostShare.push_back(lost.value(name).toDouble());
        f.blastRadius.push_back(b);
    }
    return f;
}

QList<ChartSpec> chartsForRun(const RunRecord &run) {
    if (run.kind == QLatin1String("sweep"))
        return {sweepChart(sim::sweepResultFromJson(run.result))};
    if (run.kind == QLatin1String("failures")) {
        const sim::FailureReport f = failureReportFromJson(run.result);
        return {availabilityChart(f), blastRadiusChart(f)};
    }
    return runCharts(sim::loadResultFromJson(run.result));
}

} // namespace archsim::charts
