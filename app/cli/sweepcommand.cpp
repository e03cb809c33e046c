// SPDX-License-Identifier: GPL-3.0-or-later
#include "sweepcommand.h"

#include "loadreport.h"
#include "plotwriter.h"
#include "runprogress.h"
#include "texttable.h"

#include "studyoptions.h"

#include "simulator/study/breakeven.h"
#include "simulator/study/sweep.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

namespace archsim::cli {

QList<QCommandLineOption> SweepCommand::options() const {
    return {
        {QStringLiteral("from"), QStringLiteral("Total open rate of the first step (per s)."),
         QStringLiteral("R")},
        {QStringLiteral("to"), QStringLiteral("Total open rate of the last step (per s)."),
         QStringLiteral("R")},
        {QStringLiteral("steps"), QStringLiteral("Number of steps (default 10)."),
         QStringLiteral("N")},
        {QStringLiteral("engine"), QStringLiteral("analytic (default) or des."),
         QStringLiteral("ENGINE")},
        {QStringLiteral("duration"), QStringLiteral("des: measured seconds per step (default 20)."),
         QStringLiteral("S")},
        {QStringLiteral("warmup"), QStringLiteral("des: warm-up seconds per step (default 5)."),
         QStringLiteral("S")},
        {QStringLiteral("seed"), QStringLiteral("des: random seed (default 1)."),
         QStringLiteral("N")},
        {QStringLiteral("replications"), QStringLiteral("des: replications per step (default 2)."),
         QStringLiteral("K")},
        {QStringLiteral("plot"),
         QStringLiteral("Write a PNG or SVG chart: latency and bottleneck utilisation against "
                        "load, the knee and the analytic saturation rate marked."),
         QStringLiteral("FILE.png")},
        shardOption(),
    };
}

int SweepCommand::run(CliContext &context) {
    const QCommandLineParser &parser = context.parser;
    if (!parser.isSet(QStringLiteral("from")) || !parser.isSet(QStringLiteral("to"))) {
        context.err << "archsim-cli sweep: --from R and --to R are required" << Qt::endl;
        return kExitUsage;
    }
    const auto from = numberOption(context, QStringLiteral("from"), 0, 0, 1e9);
    const auto to = numberOption(context, QStringLiteral("to"), 0, 0, 1e9);
    const auto steps = numberOption(context, QStringLiteral("steps"), 10, 1, 10000);
    const auto duration = numberOption(context, QStringLiteral("duration"), 20, 0.001, 1e7);
    const auto warmup = numberOption(context, QStringLiteral("warmup"), 5, 0, 1e7);
    const auto seed = numberOption(context, QStringLiteral("seed"), 1, 0, 9e15);
    const auto reps = numberOption(context, QStringLiteral("replications"), 2, 1, 1000);
    if (!from || !to || !steps || !duration || !warmup || !seed || !reps) return kExitUsage;
    const QString engineName = parser.isSet(QStringLiteral("engine"))
                                   ? parser.value(QStringLiteral("engine"))
                                   : QStringLiteral("analytic");
    if (engineName != QLatin1String("analytic") && engineName != QLatin1String("des")) {
        context.err << "archsim-cli sweep: --engine: \"" << engineName
                    << "\" is not analytic or des" << Qt::endl;
        return kExitUsage;
    }
    const auto input = compileForCommand(context, context.arguments.value(0));
    if (!input) return kExitInputError;
    if (!(sim::openBaseRate(input->model) > 0)) {
        context.err << context.arguments.value(0) << ": error: variant \"" << input->model.variant
                    << "\": no open workload with a rate to scale (workloads[].ratePerSec)"
                    << Qt::endl;
        return kExitInputError;
    }
    bool badShard = false;
    const auto shard = readShard(context, QStringLiteral("sweep"), &badShard);
    if (badShard) return kExitUsage;
    sim::DesOptions des;
    des.durationSec = *duration;
    des.warmupSec = *warmup;
    des.seed = std::uint64_t(*seed);
    des.replications = int(*reps);
    RunProgress progress(QStringLiteral("sweeping"));
    des.progress = progress.callback();
    const sim::Engine engine =
        engineName == QLatin1String("des") ? sim::Engine::Des : sim::Engine::Analytic;
    const int n = int(*steps);

    // Every step is an independent job with the whole run's settings, so a shard runs a block
    // of steps and the merge of all blocks is the whole sweep.
    const sim::JobRange range = sim::shardJobs(n, shard ? *shard : sim::Shard{});
    QJsonArray points;
    sim::SweepResult result; // for --plot
    result.variant = input->model.variant;
    result.engine = engineName;
    for (int i = range.first; i < range.last; ++i) {
        sim::DesOptions one = des;
        if (des.progress)
            one.progress = [&, i](double f) {
                des.progress((i - range.first + f) / std::max(1, range.last - range.first));
            };
        const double rate = sim::stepRate(*from, *to, n, i);
        sim::SweepResult step = sim::sweep(input->model, rate, rate, 1, engine, one);
        if (step.points.empty()) break;
        QJsonObject o = sim::toJson(step.points.front().result);
        o.remove(QStringLiteral("variant"));
        o.remove(QStringLiteral("engine"));
        o.insert(QStringLiteral("scale"), step.points.front().scale);
        o.insert(QStringLiteral("ratePerSec"), step.points.front().ratePerSec);
        if (shard) o.insert(QStringLiteral("job"), i);
        points.append(o);
        result.points.push_back(std::move(step.points.front()));
    }
    // Where the analytical engine first saturates: a step above it is saturated, one below is
    // not (analyze's saturationRatePerSec is an upper bound; docs/simulator.md). Shard parts
    // carry it in their settings, so a merge prints the same document.
    if (const auto saturation = sim::layeredSaturation(input->model)) {
        result.saturationRatePerSec = saturation->ratePerSec;
        result.saturationBottleneck = saturation->bottleneck;
    }
    if (shard) {
        QJsonObject settings{{QStringLiteral("variant"), input->model.variant},
                             {QStringLiteral("engine"), engineName},
                             {QStringLiteral("from"), *from},
                             {QStringLiteral("to"), *to},
                             {QStringLiteral("steps"), n},
                             {QStringLiteral("des"), desSettings(des)}};
        if (result.saturationRatePerSec) {
            settings.insert(QStringLiteral("saturationRatePerSec"), *result.saturationRatePerSec);
            settings.insert(QStringLiteral("saturationBottleneck"), result.saturationBottleneck);
        }
        printJson(context, sim::shardPart(QStringLiteral("sweep"), *shard, n, settings, points));
        return kExitOk;
    }
    QJsonObject doc = sim::sweepDocument(input->model.variant, engineName, points);
    if (doc.value(QStringLiteral("knee")).isObject()) result.knee = sim::sweepKnee(points);
    if (result.saturationRatePerSec) {
        doc.insert(QStringLiteral("saturationRatePerSec"), *result.saturationRatePerSec);
        doc.insert(QStringLiteral("saturationBottleneck"), result.saturationBottleneck);
    }

    if (parser.isSet(QStringLiteral("plot"))) {
        QString error;
        if (!writeSweepPlot(result, parser.value(QStringLiteral("plot")), &error)) {
            context.err << "archsim-cli sweep: --plot: " << error << Qt::endl;
            return kExitInputError;
        }
    }
    if (context.json)
        printJson(context, doc);
    else
        printSweep(context.out, doc);
    return kExitOk;
}

void printSweep(QTextStream &out, const QJsonObject &doc) {
    out << "variant: " << doc.value(QStringLiteral("variant")).toString() << " ("
        << doc.value(QStringLiteral("engine")).toString() << " engine)\n\n";
    const QJsonArray points = doc.value(QStringLiteral("points")).toArray();
    // Autoscaling: the replicas the analytic steady state needs, or what a run used and cost.
    bool paid = false, sized = false;
    for (const QJsonValue &pv : points) {
        paid = paid || pv.toObject().contains(QStringLiteral("replicaHours"));
        for (const QJsonValue &uv : pv.toObject().value(QStringLiteral("units")).toArray())
            sized = sized || uv.toObject().contains(QStringLiteral("replicas"));
    }
    QStringList header{QStringLiteral("rate/s"),     QStringLiteral("scale"),
                       QStringLiteral("mean ms"),    QStringLiteral("p99 ms"),
                       QStringLiteral("bottleneck"), QStringLiteral("its utilization"),
                       QStringLiteral("note")};
    if (sized && !paid) header << QStringLiteral("autoscaled replicas");
    if (paid) header << QStringLiteral("replica-h") << QStringLiteral("run cost");
    TextTable table(header);
    const int knee = sim::sweepKnee(points);
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QJsonObject p = points[i].toObject();
        const QString bottleneck = p.value(QStringLiteral("bottleneck")).toString();
        double util = 0, p99 = -1, weighted = 0, total = 0;
        for (const QJsonValue &uv : p.value(QStringLiteral("units")).toArray())
            if (uv.toObject().value(QStringLiteral("id")).toString() == bottleneck)
                util = uv.toObject().value(QStringLiteral("utilization")).toDouble();
        for (const QJsonValue &wv : p.value(QStringLiteral("workloads")).toArray()) {
            const QJsonObject w = wv.toObject();
            if (w.value(QStringLiteral("closed")).toBool()) continue;
            if (w.contains(QStringLiteral("p99Ms")))
                p99 = std::max(p99, w.value(QStringLiteral("p99Ms")).toDouble());
            const double x = w.value(QStringLiteral("throughputPerSec")).toDouble();
            const QJsonValue mean = w.value(QStringLiteral("meanResponseMs"));
            weighted +=
                x * (mean.isDouble() ? mean.toDouble() : std::numeric_limits<double>::infinity());
            total += x;
        }
        const bool saturated = p.value(QStringLiteral("saturated")).toBool();
        const double mean = saturated ? std::numeric_limits<double>::infinity()
                                      : (total > 0 ? weighted / total : 0.0);
        QString note = saturated ? QStringLiteral("saturated") : QString();
        if (int(i) == knee)
            note = note.isEmpty() ? QStringLiteral("knee") : note + QStringLiteral(", knee");
        QStringList row{formatNumber(p.value(QStringLiteral("ratePerSec")).toDouble(), 1),
                        formatNumber(p.value(QStringLiteral("scale")).toDouble(), 3),
                        formatNumber(mean),
                        p99 >= 0 ? formatNumber(p99) : QStringLiteral("-"),
                        bottleneck,
                        formatNumber(util, 3),
                        note};
        if (sized && !paid) {
            double replicas = 0;
            for (const QJsonValue &uv : p.value(QStringLiteral("units")).toArray())
                replicas += uv.toObject().value(QStringLiteral("replicas")).toDouble();
            row << formatNumber(replicas, 0);
        }
        if (paid)
            row << formatNumber(p.value(QStringLiteral("replicaHours")).toDouble(), 3)
                << formatNumber(p.value(QStringLiteral("runCost")).toDouble(), 4);
        table.addRow(row);
    }
    table.print(out);
    const QJsonValue k = doc.value(QStringLiteral("knee"));
    if (k.isObject())
        out << "\nknee: "
            << formatNumber(k.toObject().value(QStringLiteral("ratePerSec")).toDouble(), 1)
            << " requests/s (bottleneck "
            << k.toObject().value(QStringLiteral("bottleneck")).toString() << ")\n";
    else
        out << "\nknee: none in this range (latency stays within twice the first step's)\n";
    if (doc.value(QStringLiteral("saturationRatePerSec")).isDouble())
        out << "analytic saturation: "
            << formatNumber(doc.value(QStringLiteral("saturationRatePerSec")).toDouble(), 1)
            << " requests/s, " << doc.value(QStringLiteral("saturationBottleneck")).toString()
            << " saturates first (the layered solve; steps above it are saturated)\n";
}

} // namespace archsim::cli
