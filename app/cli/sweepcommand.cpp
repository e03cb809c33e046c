// SPDX-License-Identifier: GPL-3.0-or-later
#include "sweepcommand.h"

#include "loadreport.h"
#include "plotwriter.h"
#include "runprogress.h"
#include "texttable.h"

#include "simulator/study/sweep.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

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
         QStringLiteral("Write a PNG chart: latency and utilisation against load, knee marked."),
         QStringLiteral("FILE.png")},
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
    sim::DesOptions des;
    des.durationSec = *duration;
    des.warmupSec = *warmup;
    des.seed = std::uint64_t(*seed);
    des.replications = int(*reps);
    RunProgress progress(QStringLiteral("sweeping"));
    des.progress = progress.callback();
    const sim::SweepResult result = sim::sweep(
        input->model, *from, *to, int(*steps),
        engineName == QLatin1String("des") ? sim::Engine::Des : sim::Engine::Analytic, des);

    if (parser.isSet(QStringLiteral("plot"))) {
        QString error;
        if (!writeSweepPlot(result, parser.value(QStringLiteral("plot")), &error)) {
            context.err << "archsim-cli sweep: --plot: " << error << Qt::endl;
            return kExitInputError;
        }
    }
    if (context.json) {
        QJsonArray points;
        for (const sim::SweepPoint &p : result.points) {
            QJsonObject o = sim::toJson(p.result);
            o.remove(QStringLiteral("variant"));
            o.remove(QStringLiteral("engine"));
            o.insert(QStringLiteral("scale"), p.scale);
            o.insert(QStringLiteral("ratePerSec"), p.ratePerSec);
            points.append(o);
        }
        QJsonValue knee = QJsonValue::Null;
        if (result.knee) {
            const sim::SweepPoint &p = result.points[std::size_t(*result.knee)];
            knee = QJsonObject{{QStringLiteral("ratePerSec"), p.ratePerSec},
                               {QStringLiteral("scale"), p.scale},
                               {QStringLiteral("bottleneck"), p.result.bottleneck}};
        }
        const QJsonObject doc{{QStringLiteral("variant"), result.variant},
                              {QStringLiteral("engine"), result.engine},
                              {QStringLiteral("points"), points},
                              {QStringLiteral("knee"), knee}};
        context.out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    context.out << "variant: " << result.variant << " (" << result.engine << " engine)\n\n";
    TextTable table({QStringLiteral("rate/s"), QStringLiteral("scale"), QStringLiteral("mean ms"),
                     QStringLiteral("p99 ms"), QStringLiteral("bottleneck"),
                     QStringLiteral("its utilization"), QStringLiteral("note")});
    for (std::size_t i = 0; i < result.points.size(); ++i) {
        const sim::SweepPoint &p = result.points[i];
        double util = 0, p99 = -1;
        for (const sim::UnitResult &u : p.result.units)
            if (u.id == p.result.bottleneck) util = u.utilization;
        for (const sim::WorkloadResult &w : p.result.workloads)
            if (w.p99Ms && !w.closed) p99 = std::max(p99, *w.p99Ms);
        QString note = p.result.saturated ? QStringLiteral("saturated") : QString();
        if (result.knee && int(i) == *result.knee)
            note = note.isEmpty() ? QStringLiteral("knee") : note + QStringLiteral(", knee");
        table.addRow({formatNumber(p.ratePerSec, 1), formatNumber(p.scale, 3),
                      formatNumber(sim::openMeanResponse(p.result)),
                      p99 >= 0 ? formatNumber(p99) : QStringLiteral("-"), p.result.bottleneck,
                      formatNumber(util, 3), note});
    }
    table.print(context.out);
    if (result.knee) {
        const sim::SweepPoint &p = result.points[std::size_t(*result.knee)];
        context.out << "\nknee: " << formatNumber(p.ratePerSec, 1) << " requests/s (bottleneck "
                    << p.result.bottleneck << ")\n";
    } else {
        context.out << "\nknee: none in this range (latency stays within twice the first step's)\n";
    }
    return kExitOk;
}

} // namespace archsim::cli
