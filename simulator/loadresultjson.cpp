// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/loadresultjson.h"

#include <QJsonArray>

#include <limits>

namespace archsim::sim {

namespace {

double number(const QJsonValue &v) {
    return v.isNull() ? std::numeric_limits<double>::infinity() : v.toDouble();
}

std::optional<double> optionalNumber(const QJsonObject &o, const char *key) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) return std::nullopt;
    return number(v);
}

std::vector<double> numbers(const QJsonValue &v) {
    std::vector<double> out;
    for (const QJsonValue &x : v.toArray())
        out.push_back(number(x));
    return out;
}

} // namespace

LoadResult loadResultFromJson(const QJsonObject &o) {
    LoadResult r;
    r.variant = o.value(QStringLiteral("variant")).toString();
    r.engine = o.value(QStringLiteral("engine")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("workloads")).toArray()) {
        const QJsonObject w = v.toObject();
        WorkloadResult wr;
        wr.name = w.value(QStringLiteral("name")).toString();
        wr.entry = w.value(QStringLiteral("entry")).toString();
        wr.closed = w.value(QStringLiteral("closed")).toBool();
        wr.throughputPerSec = number(w.value(QStringLiteral("throughputPerSec")));
        wr.meanResponseMs = number(w.value(QStringLiteral("meanResponseMs")));
        wr.p50Ms = optionalNumber(w, "p50Ms");
        wr.p95Ms = optionalNumber(w, "p95Ms");
        wr.p99Ms = optionalNumber(w, "p99Ms");
        wr.p999Ms = optionalNumber(w, "p999Ms");
        wr.errorRate = optionalNumber(w, "errorRate");
        wr.degradedRate = optionalNumber(w, "degradedRate");
        wr.retriesPerRequest = optionalNumber(w, "retriesPerRequest");
        wr.meanResponseMsCi95 = optionalNumber(w, "meanResponseMsCi95");
        wr.throughputPerSecCi95 = optionalNumber(w, "throughputPerSecCi95");
        r.workloads.push_back(wr);
    }
    for (const QJsonValue &v : o.value(QStringLiteral("units")).toArray()) {
        const QJsonObject u = v.toObject();
        UnitResult ur;
        ur.id = u.value(QStringLiteral("id")).toString();
        ur.utilization = number(u.value(QStringLiteral("utilization")));
        ur.threadUtilization = number(u.value(QStringLiteral("threadUtilization")));
        ur.coreUtilization = number(u.value(QStringLiteral("coreUtilization")));
        ur.throughputPerSec = number(u.value(QStringLiteral("throughputPerSec")));
        ur.meanQueueLength = number(u.value(QStringLiteral("meanQueueLength")));
        ur.meanResponseMs = number(u.value(QStringLiteral("meanResponseMs")));
        ur.utilizationCi95 = optionalNumber(u, "utilizationCi95");
        ur.rejectedPerSec = optionalNumber(u, "rejectedPerSec");
        ur.callsPerSec = optionalNumber(u, "callsPerSec");
        ur.failedCallsPerSec = optionalNumber(u, "failedCallsPerSec");
        ur.retriesReceivedPerSec = optionalNumber(u, "retriesReceivedPerSec");
        ur.replicas = optionalNumber(u, "replicas");
        ur.replicaHours = optionalNumber(u, "replicaHours");
        r.units.push_back(ur);
    }
    for (const QJsonValue &v : o.value(QStringLiteral("components")).toArray()) {
        const QJsonObject c = v.toObject();
        ComponentResult cr;
        cr.id = c.value(QStringLiteral("id")).toString();
        cr.unit = c.value(QStringLiteral("unit")).toString();
        cr.visitsPerSec = number(c.value(QStringLiteral("visitsPerSec")));
        cr.meanResponseMs = number(c.value(QStringLiteral("meanResponseMs")));
        cr.utilization = optionalNumber(c, "utilization");
        r.components.push_back(cr);
    }
    r.bottleneck = o.value(QStringLiteral("bottleneck")).toString();
    const QJsonValue sat = o.value(QStringLiteral("saturationRatePerSec"));
    if (!sat.isNull() && !sat.isUndefined()) r.saturationRatePerSec = sat.toDouble();
    r.saturated = o.value(QStringLiteral("saturated")).toBool();
    for (const QJsonValue &v : o.value(QStringLiteral("notes")).toArray())
        r.notes << v.toString();
    r.durationSec = o.value(QStringLiteral("durationSec")).toDouble();
    r.warmupSec = o.value(QStringLiteral("warmupSec")).toDouble();
    r.replications = o.value(QStringLiteral("replications")).toInt();
    r.seed = o.value(QStringLiteral("seed")).toString().toULongLong();
    r.events = quint64(o.value(QStringLiteral("events")).toDouble());
    r.cancelled = o.value(QStringLiteral("cancelled")).toBool();
    r.replicaHours = optionalNumber(o, "replicaHours");
    r.runCost = optionalNumber(o, "runCost");
    r.autoscaled = r.replicaHours.has_value();
    for (const QJsonValue &v : o.value(QStringLiteral("faults")).toArray()) {
        const QJsonObject f = v.toObject();
        LoadResult::FaultWindow w;
        w.atSec = f.value(QStringLiteral("atSec")).toDouble();
        const QJsonValue end = f.value(QStringLiteral("endSec"));
        if (!end.isNull() && !end.isUndefined()) w.endSec = end.toDouble();
        w.label = f.value(QStringLiteral("label")).toString();
        r.faults.push_back(w);
    }
    r.intervalSec = o.value(QStringLiteral("intervalSec")).toDouble();
    for (const QJsonValue &v : o.value(QStringLiteral("series")).toArray()) {
        const QJsonObject p = v.toObject();
        SeriesPoint s;
        s.timeSec = p.value(QStringLiteral("timeSec")).toDouble();
        s.throughputPerSec = numbers(p.value(QStringLiteral("throughputPerSec")));
        s.errorsPerSec = numbers(p.value(QStringLiteral("errorsPerSec")));
        s.degradedPerSec = numbers(p.value(QStringLiteral("degradedPerSec")));
        s.retriesPerSec = numbers(p.value(QStringLiteral("retriesPerSec")));
        s.meanResponseMs = numbers(p.value(QStringLiteral("meanResponseMs")));
        s.p99Ms = numbers(p.value(QStringLiteral("p99Ms")));
        s.utilization = numbers(p.value(QStringLiteral("utilization")));
        s.queueLength = numbers(p.value(QStringLiteral("queueLength")));
        s.failedCallsPerSec = numbers(p.value(QStringLiteral("failedCallsPerSec")));
        s.replicas = numbers(p.value(QStringLiteral("replicas")));
        r.series.push_back(std::move(s));
    }
    return r;
}

QJsonObject toJson(const SweepResult &sweep, bool withSeries) {
    QJsonArray points;
    for (const SweepPoint &p : sweep.points) {
        QJsonObject o = toJson(p.result, withSeries);
        o.remove(QStringLiteral("variant"));
        o.remove(QStringLiteral("engine"));
        o.insert(QStringLiteral("scale"), p.scale);
        o.insert(QStringLiteral("ratePerSec"), p.ratePerSec);
        points.append(o);
    }
    QJsonValue knee = QJsonValue::Null;
    if (sweep.knee) {
        const SweepPoint &p = sweep.points[std::size_t(*sweep.knee)];
        knee = QJsonObject{{QStringLiteral("ratePerSec"), p.ratePerSec},
                           {QStringLiteral("scale"), p.scale},
                           {QStringLiteral("bottleneck"), p.result.bottleneck}};
    }
    QJsonObject doc{{QStringLiteral("variant"), sweep.variant},
                    {QStringLiteral("engine"), sweep.engine},
                    {QStringLiteral("points"), points},
                    {QStringLiteral("knee"), knee}};
    if (sweep.saturationRatePerSec)
        doc.insert(QStringLiteral("saturationRatePerSec"), *sweep.saturationRatePerSec);
    if (!sweep.saturationBottleneck.isEmpty())
        doc.insert(QStringLiteral("saturationBottleneck"), sweep.saturationBottleneck);
    return doc;
}

SweepResult sweepResultFromJson(const QJsonObject &o) {
    SweepResult s;
    s.variant = o.value(QStringLiteral("variant")).toString();
    s.engine = o.value(QStringLiteral("engine")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("points")).toArray()) {
        const QJsonObject p = v.toObject();
        SweepPoint point;
        point.scale = p.value(QStringLiteral("scale")).toDouble();
        point.ratePerSec = p.value(QStringLiteral("ratePerSec")).toDouble();
        point.result = loadResultFromJson(p);
        point.result.variant = s.variant;
        point.result.engine = s.engine;
        s.points.push_back(std::move(point));
    }
    const QJsonObject knee = o.value(QStringLiteral("knee")).toObject();
    if (!knee.isEmpty()) {
        const double rate = knee.value(QStringLiteral("ratePerSec")).toDouble();
        for (std::size_t i = 0; i < s.points.size(); ++i)
            if (s.points[i].ratePerSec == rate) s.knee = int(i);
    }
    const QJsonValue sat = o.value(QStringLiteral("saturationRatePerSec"));
    if (sat.isDouble()) s.saturationRatePerSec = sat.toDouble();
    s.saturationBottleneck = o.value(QStringLiteral("saturationBottleneck")).toString();
    return s;
}

} // namespace archsim::sim
