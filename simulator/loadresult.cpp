// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/loadresult.h"

#include <QJsonArray>

#include <cmath>

namespace archsim::sim {

namespace {

// JSON has no infinity: an unbounded figure (a saturated queue) is written as null.
QJsonValue number(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

void putOptional(QJsonObject &o, const char *key, const std::optional<double> &v) {
    if (v) o.insert(QLatin1String(key), number(*v));
}

QJsonArray numbers(const std::vector<double> &values) {
    QJsonArray a;
    for (double v : values)
        a.append(number(v));
    return a;
}

} // namespace

QJsonObject toJson(const LoadResult &r, bool withSeries) {
    QJsonArray workloads;
    for (const WorkloadResult &w : r.workloads) {
        QJsonObject o{{QStringLiteral("name"), w.name},
                      {QStringLiteral("entry"), w.entry},
                      {QStringLiteral("closed"), w.closed},
                      {QStringLiteral("throughputPerSec"), number(w.throughputPerSec)},
                      {QStringLiteral("meanResponseMs"), number(w.meanResponseMs)}};
        putOptional(o, "p50Ms", w.p50Ms);
        putOptional(o, "p95Ms", w.p95Ms);
        putOptional(o, "p99Ms", w.p99Ms);
        putOptional(o, "p999Ms", w.p999Ms);
        putOptional(o, "errorRate", w.errorRate);
        putOptional(o, "degradedRate", w.degradedRate);
        putOptional(o, "retriesPerRequest", w.retriesPerRequest);
        putOptional(o, "meanResponseMsCi95", w.meanResponseMsCi95);
        putOptional(o, "throughputPerSecCi95", w.throughputPerSecCi95);
        if (w.percentilesEstimated) o.insert(QStringLiteral("percentilesEstimated"), true);
        if (r.engine == QLatin1String("analytic")) {
            o.insert(QStringLiteral("approximate"), !w.approximations.isEmpty());
            if (!w.approximations.isEmpty())
                o.insert(QStringLiteral("approximations"),
                         QJsonArray::fromStringList(w.approximations));
        }
        workloads.append(o);
    }
    QJsonArray units;
    for (const UnitResult &u : r.units) {
        QJsonObject o{{QStringLiteral("id"), u.id},
                      {QStringLiteral("utilization"), number(u.utilization)},
                      {QStringLiteral("threadUtilization"), number(u.threadUtilization)},
                      {QStringLiteral("coreUtilization"), number(u.coreUtilization)},
                      {QStringLiteral("throughputPerSec"), number(u.throughputPerSec)},
                      {QStringLiteral("meanQueueLength"), number(u.meanQueueLength)},
                      {QStringLiteral("meanResponseMs"), number(u.meanResponseMs)}};
        putOptional(o, "utilizationCi95", u.utilizationCi95);
        putOptional(o, "rejectedPerSec", u.rejectedPerSec);
        putOptional(o, "callsPerSec", u.callsPerSec);
        putOptional(o, "failedCallsPerSec", u.failedCallsPerSec);
        putOptional(o, "retriesReceivedPerSec", u.retriesReceivedPerSec);
        putOptional(o, "replicas", u.replicas);
        putOptional(o, "replicaHours", u.replicaHours);
        units.append(o);
    }
    QJsonArray components;
    for (const ComponentResult &c : r.components) {
        QJsonObject o{{QStringLiteral("id"), c.id},
                      {QStringLiteral("unit"), c.unit},
                      {QStringLiteral("visitsPerSec"), number(c.visitsPerSec)},
                      {QStringLiteral("meanResponseMs"), number(c.meanResponseMs)}};
        putOptional(o, "utilization", c.utilization);
        components.append(o);
    }
    QJsonObject doc{{QStringLiteral("variant"), r.variant},
                    {QStringLiteral("engine"), r.engine},
                    {QStringLiteral("workloads"), workloads},
                    {QStringLiteral("units"), units},
                    {QStringLiteral("bottleneck"), r.bottleneck},
                    {QStringLiteral("saturationRatePerSec"), r.saturationRatePerSec
                                                                 ? number(*r.saturationRatePerSec)
                                                                 : QJsonValue(QJsonValue::Null)},
                    {QStringLiteral("saturated"), r.saturated}};
    if (!r.components.empty()) doc.insert(QStringLiteral("components"), components);
    if (!r.notes.isEmpty())
        doc.insert(QStringLiteral("notes"), QJsonArray::fromStringList(r.notes));
    if (r.engine == QLatin1String("des")) {
        doc.insert(QStringLiteral("durationSec"), r.durationSec);
        doc.insert(QStringLiteral("warmupSec"), r.warmupSec);
        doc.insert(QStringLiteral("replications"), r.replications);
        doc.insert(QStringLiteral("seed"), QString::number(r.seed));
        doc.insert(QStringLiteral("events"), double(r.events));
        if (r.cancelled) doc.insert(QStringLiteral("cancelled"), true);
        if (r.stoppedAtEventCap) doc.insert(QStringLiteral("stoppedAtEventCap"), true);
        if (r.autoscaled) {
            putOptional(doc, "replicaHours", r.replicaHours);
            putOptional(doc, "runCost", r.runCost);
        }
        if (!r.faults.empty()) {
            QJsonArray faults;
            for (const LoadResult::FaultWindow &f : r.faults) {
                QJsonObject o{{QStringLiteral("atSec"), f.atSec},
                              {QStringLiteral("label"), f.label}};
                o.insert(QStringLiteral("endSec"),
                         f.endSec ? QJsonValue(*f.endSec) : QJsonValue(QJsonValue::Null));
                faults.append(o);
            }
            doc.insert(QStringLiteral("faults"), faults);
        }
    }
    if (withSeries && !r.series.empty()) {
        QJsonArray series;
        for (const SeriesPoint &p : r.series) {
            QJsonObject o{{QStringLiteral("timeSec"), p.timeSec},
                          {QStringLiteral("throughputPerSec"), numbers(p.throughputPerSec)},
                          {QStringLiteral("errorsPerSec"), numbers(p.errorsPerSec)},
                          {QStringLiteral("degradedPerSec"), numbers(p.degradedPerSec)},
                          {QStringLiteral("retriesPerSec"), numbers(p.retriesPerSec)},
                          {QStringLiteral("meanResponseMs"), numbers(p.meanResponseMs)},
                          {QStringLiteral("p99Ms"), numbers(p.p99Ms)},
                          {QStringLiteral("utilization"), numbers(p.utilization)},
                          {QStringLiteral("queueLength"), numbers(p.queueLength)},
                          {QStringLiteral("failedCallsPerSec"), numbers(p.failedCallsPerSec)}};
            if (!p.replicas.empty()) o.insert(QStringLiteral("replicas"), numbers(p.replicas));
            series.append(o);
        }
        doc.insert(QStringLiteral("intervalSec"), r.intervalSec);
        doc.insert(QStringLiteral("series"), series);
    }
    return doc;
}

} // namespace archsim::sim
