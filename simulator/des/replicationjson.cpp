// SPDX-License-Identifier: GPL-3.0-or-later
// Lossless JSON of one replication's raw figures (shard files of `simulate --shard`). Doubles
// survive the text round trip exactly: Qt writes the shortest form that reads back the same.
#include "simulator/des/replications.h"

#include <QJsonArray>

namespace archsim::sim {

namespace {

QJsonValue num(double v) {
    return QJsonValue(v);
}

template <class T> QJsonArray list(const std::vector<T> &values) {
    QJsonArray a;
    for (const T &v : values)
        a.append(num(double(v)));
    return a;
}

template <class T> QJsonArray table(const std::vector<std::vector<T>> &rows) {
    QJsonArray a;
    for (const auto &row : rows)
        a.append(list(row));
    return a;
}

// Sparse: [count, sum, [bucket, n, bucket, n, ...]].
QJsonArray histogram(const LogHistogram &h) {
    QJsonArray buckets;
    const auto &counts = h.counts();
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i]) {
            buckets.append(double(i));
            buckets.append(double(counts[i]));
        }
    return QJsonArray{double(h.count()), h.sum(), buckets};
}

QJsonArray histograms(const std::vector<LogHistogram> &hs) {
    QJsonArray a;
    for (const LogHistogram &h : hs)
        a.append(histogram(h));
    return a;
}

struct Reader {
    const QJsonObject &o;
    bool ok = true;

    QJsonArray array(const char *key) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isArray()) ok = false;
        return v.toArray();
    }
    template <class T> void list(const char *key, std::vector<T> &out) {
        out = fromArray<T>(array(key));
    }
    template <class T> std::vector<T> fromArray(const QJsonArray &a) {
        std::vector<T> out;
        out.reserve(std::size_t(a.size()));
        for (const QJsonValue &v : a) {
            if (!v.isDouble()) ok = false;
            out.push_back(T(v.toDouble()));
        }
        return out;
    }
    template <class T> void table(const char *key, std::vector<std::vector<T>> &out) {
        out.clear();
        for (const QJsonValue &row : array(key))
            out.push_back(fromArray<T>(row.toArray()));
    }
    LogHistogram histogram(const QJsonValue &v) {
        const QJsonArray a = v.toArray();
        if (a.size() != 3) ok = false;
        std::vector<std::uint64_t> counts(LogHistogram::kBuckets, 0);
        const QJsonArray buckets = a.at(2).toArray();
        for (qsizetype i = 0; i + 1 < buckets.size(); i += 2) {
            const int b = buckets.at(i).toInt(-1);
            if (b < 0 || b >= LogHistogram::kBuckets) {
                ok = false;
                continue;
            }
            counts[std::size_t(b)] = std::uint64_t(buckets.at(i + 1).toDouble());
        }
        return LogHistogram::fromState(std::move(counts), std::uint64_t(a.at(0).toDouble()),
                                       a.at(1).toDouble());
    }
    void histograms(const char *key, std::vector<LogHistogram> &out) {
        out.clear();
        for (const QJsonValue &v : array(key))
            out.push_back(histogram(v));
    }
    void histogramTable(const char *key, std::vector<std::vector<LogHistogram>> &out) {
        out.clear();
        for (const QJsonValue &row : array(key)) {
            std::vector<LogHistogram> hs;
            for (const QJsonValue &v : row.toArray())
                hs.push_back(histogram(v));
            out.push_back(std::move(hs));
        }
    }
};

} // namespace

QJsonObject runOutputToJson(const RunOutput &r) {
    QJsonArray seriesLatency;
    for (const auto &row : r.seriesLatency)
        seriesLatency.append(histograms(row));
    QJsonObject o{
        {QStringLiteral("latency"), histograms(r.latency)},
        {QStringLiteral("completed"), list(r.completed)},
        {QStringLiteral("failed"), list(r.failed)},
        {QStringLiteral("responseSum"), list(r.responseSum)},
        {QStringLiteral("batchSum"), table(r.batchSum)},
        {QStringLiteral("batchCount"), table(r.batchCount)},
        {QStringLiteral("threadArea"), list(r.threadArea)},
        {QStringLiteral("coreArea"), list(r.coreArea)},
        {QStringLiteral("queueArea"), list(r.queueArea)},
        {QStringLiteral("unitAcquired"), list(r.unitAcquired)},
        {QStringLiteral("unitDone"), list(r.unitDone)},
        {QStringLiteral("unitRejected"), list(r.unitRejected)},
        {QStringLiteral("degraded"), list(r.degraded)},
        {QStringLiteral("retries"), list(r.retries)},
        {QStringLiteral("unitCalls"), list(r.unitCalls)},
        {QStringLiteral("unitFailedCalls"), list(r.unitFailedCalls)},
        {QStringLiteral("unitRetries"), list(r.unitRetries)},
        {QStringLiteral("seriesDegraded"), table(r.seriesDegraded)},
        {QStringLiteral("seriesRetries"), table(r.seriesRetries)},
        {QStringLiteral("seriesUnitFailed"), table(r.seriesUnitFailed)},
        {QStringLiteral("unitResponseSum"), list(r.unitResponseSum)},
        {QStringLiteral("seriesCompleted"), table(r.seriesCompleted)},
        {QStringLiteral("seriesFailed"), table(r.seriesFailed)},
        {QStringLiteral("seriesResponseSum"), table(r.seriesResponseSum)},
        {QStringLiteral("seriesLatency"), seriesLatency},
        {QStringLiteral("seriesUtilization"), table(r.seriesUtilization)},
        {QStringLiteral("seriesQueue"), table(r.seriesQueue)},
        {QStringLiteral("seriesInFlight"), list(r.seriesInFlight)},
        {QStringLiteral("events"), double(r.events)},
        {QStringLiteral("measuredMs"), r.measuredMs},
        {QStringLiteral("saturated"), r.saturated},
        {QStringLiteral("cancelled"), r.cancelled},
        {QStringLiteral("stalled"), r.stalled},
        {QStringLiteral("stoppedAtEventCap"), r.stoppedAtEventCap},
        {QStringLiteral("intervals"), r.intervals},
    };
    for (const auto &[name, member] : kComponentSums)
        o.insert(QLatin1String(name), list(r.components.*member));
    // Autoscaling only, so that parts of runs without it keep their form.
    if (!r.seriesReplicas.empty()) {
        o.insert(QStringLiteral("replicaArea"), list(r.replicaArea));
        o.insert(QStringLiteral("paidReplicaArea"), list(r.paidReplicaArea));
        o.insert(QStringLiteral("seriesReplicas"), table(r.seriesReplicas));
    }
    return o;
}

std::optional<RunOutput> runOutputFromJson(const QJsonObject &o) {
    RunOutput r;
    Reader in{o};
    in.histograms("latency", r.latency);
    in.list("completed", r.completed);
    in.list("failed", r.failed);
    in.list("responseSum", r.responseSum);
    in.table("batchSum", r.batchSum);
    in.table("batchCount", r.batchCount);
    in.list("threadArea", r.threadArea);
    in.list("coreArea", r.coreArea);
    in.list("queueArea", r.queueArea);
    in.list("unitAcquired", r.unitAcquired);
    in.list("unitDone", r.unitDone);
    in.list("unitRejected", r.unitRejected);
    in.list("degraded", r.degraded);
    in.list("retries", r.retries);
    in.list("unitCalls", r.unitCalls);
    in.list("unitFailedCalls", r.unitFailedCalls);
    in.list("unitRetries", r.unitRetries);
    in.table("seriesDegraded", r.seriesDegraded);
    in.table("seriesRetries", r.seriesRetries);
    in.table("seriesUnitFailed", r.seriesUnitFailed);
    in.list("unitResponseSum", r.unitResponseSum);
    in.table("seriesCompleted", r.seriesCompleted);
    in.table("seriesFailed", r.seriesFailed);
    in.table("seriesResponseSum", r.seriesResponseSum);
    in.histogramTable("seriesLatency", r.seriesLatency);
    in.table("seriesUtilization", r.seriesUtilization);
    in.table("seriesQueue", r.seriesQueue);
    in.list("seriesInFlight", r.seriesInFlight);
    // Shards written before per-component figures had none: empty, as the merge allows.
    for (const auto &[name, member] : kComponentSums)
        if (o.contains(QLatin1String(name))) in.list(name, r.components.*member);
    if (o.contains(QStringLiteral("seriesReplicas"))) {
        in.list("replicaArea", r.replicaArea);
        in.list("paidReplicaArea", r.paidReplicaArea);
        in.table("seriesReplicas", r.seriesReplicas);
    }
    r.events = std::uint64_t(o.value(QStringLiteral("events")).toDouble());
    r.measuredMs = o.value(QStringLiteral("measuredMs")).toDouble();
    r.saturated = o.value(QStringLiteral("saturated")).toBool();
    r.cancelled = o.value(QStringLiteral("cancelled")).toBool();
    r.stalled = o.value(QStringLiteral("stalled")).toBool();
    r.stoppedAtEventCap = o.value(QStringLiteral("stoppedAtEventCap")).toBool();
    r.intervals = o.value(QStringLiteral("intervals")).toInt();
    if (!in.ok || r.intervals <= 0 || r.seriesCompleted.size() != std::size_t(r.intervals))
        return std::nullopt;
    return r;
}

} // namespace archsim::sim
