// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatecommand.h"

#include "loadreport.h"
#include "plotwriter.h"
#include "runprogress.h"

#include "studyoptions.h"

#include "model/jsonwriter.h"
#include "model/traces/otlpwriter.h"
#include "simulator/des/desengine.h"
#include "simulator/des/replications.h"
#include "simulator/study/calibrationtraces.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace archsim::cli {

QList<QCommandLineOption> SimulateCommand::options() const {
    return {
        {QStringLiteral("duration"), QStringLiteral("Measured seconds (default 60)."),
         QStringLiteral("S")},
        {QStringLiteral("warmup"), QStringLiteral("Warm-up seconds, not measured (default 10)."),
         QStringLiteral("S")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("N")},
        {QStringLiteral("replications"),
         QStringLiteral("Independent replications, run in parallel (default 4)."),
         QStringLiteral("K")},
        {QStringLiteral("scenario"),
         QStringLiteral("Apply the scenario's timed events (crash, zone-down, latency, slowdown, "
                        "load)."),
         QStringLiteral("NAME")},
        {QStringLiteral("random-failures"),
         QStringLiteral("Replicas fail at random (exponential, mean mtbfHours) and are repaired "
                        "after exponential mttrMinutes.")},
        {QStringLiteral("interval"),
         QStringLiteral("Time-series interval in seconds (default: about 60 points)."),
         QStringLiteral("S")},
        {QStringLiteral("plot"),
         QStringLiteral("Write a PNG chart: latency, throughput, errors and utilisation over "
                        "time, fault windows shaded."),
         QStringLiteral("FILE.png")},
        {QStringLiteral("traces"),
         QStringLiteral("Write sampled simulated requests of the first replication as OTLP JSON "
                        "spans."),
         QStringLiteral("OUT.json")},
        {QStringLiteral("trace-requests"),
         QStringLiteral("Requests to sample for --traces (default 1000, every one after the "
                        "warm-up until then)."),
         QStringLiteral("N")},
        shardOption(),
    };
}

int SimulateCommand::run(CliContext &context) {
    sim::DesOptions options;
    options.replications = 4;
    const auto duration = numberOption(context, QStringLiteral("duration"), 60, 0.001, 1e7);
    const auto warmup = numberOption(context, QStringLiteral("warmup"), 10, 0, 1e7);
    const auto seed = numberOption(context, QStringLiteral("seed"), 1, 0, 9e15);
    const auto reps = numberOption(context, QStringLiteral("replications"), 4, 1, 1000);
    const auto interval = numberOption(context, QStringLiteral("interval"), 0, 0, 1e7);
    if (!duration || !warmup || !seed || !reps || !interval) return kExitUsage;
    options.durationSec = *duration;
    options.warmupSec = *warmup;
    options.seed = std::uint64_t(*seed);
    options.replications = int(*reps);
    options.intervalSec = *interval;

    const auto input = compileForCommand(context, context.arguments.value(0));
    if (!input) return kExitInputError;
    const Variant &variant = input->loaded.project.variants[input->loaded.variantIndex];
    if (context.parser.isSet(QStringLiteral("scenario"))) {
        const QString error = sim::applyScenario(
            variant, input->model, context.parser.value(QStringLiteral("scenario")), options);
        if (!error.isEmpty()) {
            context.err << "archsim-cli simulate: --scenario: " << error << Qt::endl;
            return kExitInputError;
        }
    }
    options.faults.randomFailures = context.parser.isSet(QStringLiteral("random-failures"));

    bool badShard = false;
    const auto shard = readShard(context, QStringLiteral("simulate"), &badShard);
    if (badShard) return kExitUsage;

    // A run that could only end at the event cap would take minutes and report a fraction.
    const double events = sim::estimatedEventsPerReplication(input->model, options);
    if (events > double(options.maxEvents)) {
        context.err << "archsim-cli simulate: this run needs about "
                    << QString::number(events, 'g', 3)
                    << " events per replication, above the cap of " << options.maxEvents
                    << " (open workloads' rates x the run's seconds x the visits per request); "
                       "shorten --duration and --warmup or lower the load"
                    << Qt::endl;
        return kExitInputError;
    }

    RunProgress progress(QStringLiteral("simulating"));
    options.progress = progress.callback();
    if (shard) {
        // The replications are the jobs; the part carries the variant and the settings so the
        // merge can rebuild the run's result without the original file.
        const sim::JobRange range = sim::shardJobs(options.replications, *shard);
        const std::vector<sim::RunOutput> runs =
            sim::runReplications(input->model, options, range.first, range.last - range.first);
        QJsonArray results;
        for (std::size_t i = 0; i < runs.size(); ++i)
            results.append(QJsonObject{{QStringLiteral("job"), range.first + int(i)},
                                       {QStringLiteral("run"), sim::runOutputToJson(runs[i])}});
        Project alone;
        alone.name = input->loaded.project.name;
        alone.variants = {variant};
        QJsonObject settings = desSettings(options);
        settings.insert(QStringLiteral("project"),
                        QJsonDocument::fromJson(writeProjectJson(alone)).object());
        settings.insert(QStringLiteral("scenario"),
                        context.parser.value(QStringLiteral("scenario")));
        settings.insert(QStringLiteral("randomFailures"), options.faults.randomFailures);
        printJson(context, sim::shardPart(QStringLiteral("simulate"), *shard, options.replications,
                                          settings, results));
        return kExitOk;
    }
    std::vector<sim::SimSpan> spans;
    const auto traceRequests =
        numberOption(context, QStringLiteral("trace-requests"), 1000, 1, 1e8);
    if (!traceRequests) return kExitUsage;
    if (context.parser.isSet(QStringLiteral("traces"))) {
        options.traceOut = &spans;
        options.traceRequests = int(*traceRequests);
    }
    const sim::LoadResult result = sim::simulate(input->model, options);
    if (options.traceOut) {
        const QString path = context.parser.value(QStringLiteral("traces"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(traces::writeOtlpJson(sim::simulatedSpans(input->model, spans))) < 0) {
            context.err << "archsim-cli simulate: --traces: cannot write " << path << Qt::endl;
            return kExitInputError;
        }
    }

    if (context.parser.isSet(QStringLiteral("plot"))) {
        const QString plot = context.parser.value(QStringLiteral("plot"));
        QString error;
        if (!writeSimulationPlot(result, plot, &error)) {
            context.err << "archsim-cli simulate: --plot: " << error << Qt::endl;
            return kExitInputError;
        }
    }
    if (context.json)
        context.out << QJsonDocument(sim::toJson(result, true)).toJson(QJsonDocument::Indented);
    else
        printLoadResult(context.out, result);
    if (result.stoppedAtEventCap) {
        context.err << "archsim-cli simulate: stopped at the event cap (" << options.maxEvents
                    << " events): the figures cover only part of the run" << Qt::endl;
        return kExitInputError;
    }
    return kExitOk;
}

} // namespace archsim::cli
