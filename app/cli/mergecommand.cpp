// SPDX-License-Identifier: GPL-3.0-or-later
#include "mergecommand.h"

#include "comparecommand.h"
#include "loadreport.h"
#include "studyoptions.h"
#include "sweepcommand.h"

#include "model/jsonreader.h"
#include "simulator/des/faultplan.h"
#include "simulator/des/replications.h"
#include "simulator/study/breakeven.h"
#include "simulator/study/shard.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <map>

namespace archsim::cli {

namespace {

struct Part {
    QString path;
    QJsonObject doc;
    QJsonObject header;
};

int mergeSimulate(CliContext &context, const QJsonObject &settings,
                  const std::vector<QJsonObject> &results, const QString &where) {
    const QByteArray projectJson =
        QJsonDocument(settings.value(QStringLiteral("project")).toObject()).toJson();
    const ReadResult read = readProjectJson(projectJson);
    if (!read.ok() || read.project.variants.isEmpty()) {
        context.err << where << ": error: archsimShard.settings.project: not a readable project"
                    << Qt::endl;
        return kExitInputError;
    }
    const Variant &variant = read.project.variants.first();
    const sim::CompileResult compiled = sim::compileVariant(variant);
    if (!compiled.model) {
        context.err << where << ": error: variant \"" << variant.name << "\" does not compile"
                    << Qt::endl;
        return kExitInputError;
    }
    sim::DesOptions options;
    options.durationSec = settings.value(QStringLiteral("durationSec")).toDouble();
    options.warmupSec = settings.value(QStringLiteral("warmupSec")).toDouble();
    options.seed = settings.value(QStringLiteral("seed")).toString().toULongLong();
    options.replications = settings.value(QStringLiteral("replications")).toInt();
    options.intervalSec = settings.value(QStringLiteral("intervalSec")).toDouble();
    const QString scenario = settings.value(QStringLiteral("scenario")).toString();
    if (!scenario.isEmpty()) {
        const QString error = sim::applyScenario(variant, *compiled.model, scenario, options);
        if (!error.isEmpty()) {
            context.err << where << ": error: scenario: " << error << Qt::endl;
            return kExitInputError;
        }
    }
    options.faults.randomFailures = settings.value(QStringLiteral("randomFailures")).toBool();
    std::vector<sim::RunOutput> runs;
    const std::size_t nw = compiled.model->workloads.size(), nu = compiled.model->units.size();
    for (const QJsonObject &r : results) {
        auto run = sim::runOutputFromJson(r.value(QStringLiteral("run")).toObject());
        if (!run || run->completed.size() != nw || run->latency.size() != nw ||
            run->threadArea.size() != nu) {
            context.err << where << ": error: results[job "
                        << r.value(QStringLiteral("job")).toInt()
                        << "].run: not a replication of this variant" << Qt::endl;
            return kExitInputError;
        }
        runs.push_back(std::move(*run));
    }
    const sim::LoadResult result = sim::mergeReplications(*compiled.model, options, runs);
    if (context.json)
        printJson(context, sim::toJson(result, true));
    else
        printLoadResult(context.out, result);
    return kExitOk;
}

} // namespace

int MergeCommand::run(CliContext &context) {
    std::vector<Part> parts;
    for (const QString &path : context.arguments) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            context.err << path << ": error: cannot open: " << file.errorString() << Qt::endl;
            return kExitInputError;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            context.err << path << ": error: offset " << error.offset << ": "
                        << (doc.isNull() ? error.errorString() : QStringLiteral("not an object"))
                        << Qt::endl;
            return kExitInputError;
        }
        const QJsonObject header = doc.object().value(QStringLiteral("archsimShard")).toObject();
        if (header.isEmpty()) {
            context.err << path << ": error: archsimShard: not the output of a --shard K/N run"
                        << Qt::endl;
            return kExitInputError;
        }
        parts.push_back(Part{path, doc.object(), header});
    }
    const QJsonObject &first = parts.front().header;
    const QString command = first.value(QStringLiteral("command")).toString();
    const int count = first.value(QStringLiteral("count")).toInt();
    const int jobs = first.value(QStringLiteral("jobs")).toInt();
    std::map<int, const Part *> byIndex;
    for (const Part &p : parts) {
        for (const char *key : {"command", "count", "jobs", "settings"})
            if (p.header.value(QLatin1String(key)) != first.value(QLatin1String(key))) {
                context.err << p.path << ": error: archsimShard." << key << ": differs from "
                            << parts.front().path << " (parts of different runs)" << Qt::endl;
                return kExitInputError;
            }
        const int index = p.header.value(QStringLiteral("index")).toInt();
        if (index < 1 || index > count || byIndex.count(index)) {
            context.err << p.path << ": error: archsimShard.index: part " << index << " of "
                        << count << (byIndex.count(index) ? " appears twice" : " is out of range")
                        << Qt::endl;
            return kExitInputError;
        }
        byIndex[index] = &p;
    }
    for (int k = 1; k <= count; ++k)
        if (!byIndex.count(k)) {
            context.err << "archsim-cli merge: error: part " << k << "/" << count << " is missing"
                        << Qt::endl;
            return kExitInputError;
        }
    // The jobs, in order; each exactly once.
    std::vector<QJsonObject> results;
    for (const auto &[index, part] : byIndex)
        for (const QJsonValue &r : part->doc.value(QStringLiteral("results")).toArray())
            results.push_back(r.toObject());
    if (int(results.size()) != jobs) {
        context.err << "archsim-cli merge: error: the parts hold " << results.size()
                    << " results, the run has " << jobs << Qt::endl;
        return kExitInputError;
    }
    for (int i = 0; i < jobs; ++i)
        if (results[std::size_t(i)].value(QStringLiteral("job")).toInt(-1) != i) {
            context.err << "archsim-cli merge: error: result " << i << " is out of order or missing"
                        << Qt::endl;
            return kExitInputError;
        }
    const QJsonObject settings = first.value(QStringLiteral("settings")).toObject();
    if (command == QLatin1String("simulate"))
        return mergeSimulate(context, settings, results, parts.front().path);
    QJsonArray points;
    for (QJsonObject r : results) {
        r.remove(QStringLiteral("job"));
        points.append(r);
    }
    if (command == QLatin1String("sweep")) {
        QJsonObject doc =
            sim::sweepDocument(settings.value(QStringLiteral("variant")).toString(),
                               settings.value(QStringLiteral("engine")).toString(), points);
        for (const char *key : {"saturationRatePerSec", "saturationBottleneck"})
            if (settings.contains(QLatin1String(key)))
                doc.insert(QLatin1String(key), settings.value(QLatin1String(key)));
        if (context.json)
            printJson(context, doc);
        else
            printSweep(context.out, doc);
        return kExitOk;
    }
    if (command == QLatin1String("compare")) {
        QJsonObject doc = byIndex.at(1)->doc.value(QStringLiteral("comparison")).toObject();
        const QStringList names =
            settings.value(QStringLiteral("variants")).toVariant().toStringList();
        doc.insert(QStringLiteral("breakEven"), sim::breakEvenDocument(names, points));
        if (context.json)
            printJson(context, doc);
        else
            printComparison(context.out, doc);
        return kExitOk;
    }
    context.err << parts.front().path << ": error: archsimShard.command: \"" << command
                << "\" cannot be merged (sweep, compare, simulate)" << Qt::endl;
    return kExitInputError;
}

} // namespace archsim::cli
