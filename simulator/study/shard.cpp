// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/study/shard.h"

#include <cmath>
#include <limits>

namespace archsim::sim {

std::optional<Shard> parseShard(const QString &text, QString *error) {
    const QStringList parts = text.split(QLatin1Char('/'));
    bool okK = false, okN = false;
    const int k = parts.size() == 2 ? parts[0].toInt(&okK) : 0;
    const int n = parts.size() == 2 ? parts[1].toInt(&okN) : 0;
    if (!okK || !okN || n < 1 || k < 1 || k > n) {
        if (error) *error = QStringLiteral("\"%1\" is not K/N with 1 <= K <= N").arg(text);
        return std::nullopt;
    }
    return Shard{k, n};
}

JobRange shardJobs(int jobs, const Shard &s) {
    const auto at = [&](int i) { return int((long long)jobs * i / s.count); };
    return JobRange{at(s.index - 1), at(s.index)};
}

QJsonObject shardPart(const QString &command, const Shard &shard, int jobs,
                      const QJsonObject &settings, const QJsonArray &results) {
    return QJsonObject{
        {QStringLiteral("archsimShard"), QJsonObject{{QStringLiteral("command"), command},
                                                     {QStringLiteral("index"), shard.index},
                                                     {QStringLiteral("count"), shard.count},
                                                     {QStringLiteral("jobs"), jobs},
                                                     {QStringLiteral("settings"), settings}}},
        {QStringLiteral("results"), results}};
}

namespace {

// Throughput-weighted mean response of the open workloads; +inf when saturated (sweep.h).
double openMean(const QJsonObject &point) {
    if (point.value(QStringLiteral("saturated")).toBool())
        return std::numeric_limits<double>::infinity();
    double weighted = 0, total = 0;
    for (const QJsonValue &wv : point.value(QStringLiteral("workloads")).toArray()) {
        const QJsonObject w = wv.toObject();
        if (w.value(QStringLiteral("closed")).toBool()) continue;
        const double x = w.value(QStringLiteral("throughputPerSec")).toDouble();
        const QJsonValue mean = w.value(QStringLiteral("meanResponseMs"));
        weighted +=
            x * (mean.isDouble() ? mean.toDouble() : std::numeric_limits<double>::infinity());
        total += x;
    }
    return total > 0 ? weighted / total : 0.0;
}

} // namespace

int sweepKnee(const QJsonArray &points) {
    double reference = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QJsonObject p = points[i].toObject();
        if (p.value(QStringLiteral("saturated")).toBool()) return int(i);
        const double latency = openMean(p);
        if (reference <= 0) {
            reference = latency;
            continue;
        }
        if (latency >= 2 * reference) return int(i);
    }
    return -1;
}

QJsonObject sweepDocument(const QString &variant, const QString &engine, const QJsonArray &points) {
    const int knee = sweepKnee(points);
    QJsonValue kneeValue = QJsonValue::Null;
    if (knee >= 0) {
        const QJsonObject p = points[knee].toObject();
        kneeValue =
            QJsonObject{{QStringLiteral("ratePerSec"), p.value(QStringLiteral("ratePerSec"))},
                        {QStringLiteral("scale"), p.value(QStringLiteral("scale"))},
                        {QStringLiteral("bottleneck"), p.value(QStringLiteral("bottleneck"))}};
    }
    return QJsonObject{{QStringLiteral("variant"), variant},
                       {QStringLiteral("engine"), engine},
                       {QStringLiteral("points"), points},
                       {QStringLiteral("knee"), kneeValue}};
}

} // namespace archsim::sim
