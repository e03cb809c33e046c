// SPDX-License-Identifier: GPL-3.0-or-later
#include "studyoptions.h"

#include "loadreport.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace archsim::cli {

QList<QCommandLineOption> desRunOptions(double duration, double warmup, int replications) {
    return {
        {QStringLiteral("duration"),
         QStringLiteral("DES: measured seconds per run (default %1).").arg(duration),
         QStringLiteral("S")},
        {QStringLiteral("warmup"),
         QStringLiteral("DES: warm-up seconds per run (default %1).").arg(warmup),
         QStringLiteral("S")},
        {QStringLiteral("seed"), QStringLiteral("DES: random seed (default 1)."),
         QStringLiteral("N")},
        {QStringLiteral("replications"),
         QStringLiteral("DES: replications per run (default %1).").arg(replications),
         QStringLiteral("K")},
    };
}

std::optional<sim::DesOptions> readDesRunOptions(CliContext &context, double duration,
                                                 double warmup, int replications) {
    const auto d = numberOption(context, QStringLiteral("duration"), duration, 0.001, 1e7);
    const auto w = numberOption(context, QStringLiteral("warmup"), warmup, 0, 1e7);
    const auto seed = numberOption(context, QStringLiteral("seed"), 1, 0, 9e15);
    const auto reps = numberOption(context, QStringLiteral("replications"), replications, 1, 1000);
    if (!d || !w || !seed || !reps) return std::nullopt;
    sim::DesOptions o;
    o.durationSec = *d;
    o.warmupSec = *w;
    o.seed = std::uint64_t(*seed);
    o.replications = int(*reps);
    return o;
}

QJsonObject desSettings(const sim::DesOptions &o) {
    return QJsonObject{{QStringLiteral("durationSec"), o.durationSec},
                       {QStringLiteral("warmupSec"), o.warmupSec},
                       {QStringLiteral("seed"), QString::number(o.seed)},
                       {QStringLiteral("replications"), o.replications},
                       {QStringLiteral("intervalSec"), o.intervalSec}};
}

QList<QCommandLineOption> sloOptions() {
    return {
        {QStringLiteral("p99"),
         QStringLiteral("SLO: p99 latency of each open workload at most MS."),
         QStringLiteral("MS")},
        {QStringLiteral("error-rate"),
         QStringLiteral("SLO: failed share of each workload at most E (0..1)."),
         QStringLiteral("E")},
        {QStringLiteral("availability"),
         QStringLiteral("SLO: steady-state availability of each workload at least A (0..1)."),
         QStringLiteral("A")},
    };
}

std::optional<sim::Slo> readSlo(CliContext &context) {
    sim::Slo slo;
    const QCommandLineParser &p = context.parser;
    if (p.isSet(QStringLiteral("p99"))) {
        const auto v = numberOption(context, QStringLiteral("p99"), 0, 1e-6, 1e9);
        if (!v) return std::nullopt;
        slo.p99Ms = *v;
    }
    if (p.isSet(QStringLiteral("error-rate"))) {
        const auto v = numberOption(context, QStringLiteral("error-rate"), 0, 0, 1);
        if (!v) return std::nullopt;
        slo.errorRate = *v;
    }
    if (p.isSet(QStringLiteral("availability"))) {
        const auto v = numberOption(context, QStringLiteral("availability"), 0, 0, 1);
        if (!v) return std::nullopt;
        slo.availability = *v;
    }
    return slo;
}

QCommandLineOption shardOption() {
    return {QStringLiteral("shard"),
            QStringLiteral("Run part K of N (same seeds as the whole run) and print it as JSON "
                           "for archsim-cli merge."),
            QStringLiteral("K/N")};
}

std::optional<sim::Shard> readShard(CliContext &context, const QString &command, bool *bad) {
    *bad = false;
    if (!context.parser.isSet(QStringLiteral("shard"))) return std::nullopt;
    QString error;
    const auto shard = sim::parseShard(context.parser.value(QStringLiteral("shard")), &error);
    if (!shard) {
        context.err << "archsim-cli " << command << ": --shard: " << error << Qt::endl;
        *bad = true;
    }
    return shard;
}

void printJson(CliContext &context, const QJsonObject &doc) {
    context.out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

} // namespace archsim::cli
