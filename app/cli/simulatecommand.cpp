#include "simulatecommand.h"

#include "loadreport.h"
#include "plotwriter.h"
#include "runprogress.h"

#include "simulator/desengine.h"

#include <QCommandLineParser>
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
         QStringLiteral("Apply the scenario's timed events (only 'load' for now)."),
         QStringLiteral("NAME")},
        {QStringLiteral("interval"),
         QStringLiteral("Time-series interval in seconds (default: about 60 points)."),
         QStringLiteral("S")},
        {QStringLiteral("plot"),
         QStringLiteral("Write a PNG chart: latency, throughput and utilisation over time."),
         QStringLiteral("FILE.png")},
    };
}

// Turns a scenario's events into load changes; other actions are not simulated yet.
static bool applyScenario(CliContext &context, const Variant &variant,
                          const sim::CompiledModel &model, const QString &name,
                          sim::DesOptions &options) {
    const Scenario *scenario = nullptr;
    QStringList names;
    for (const Scenario &s : variant.scenarios) {
        names << s.name;
        if (s.name == name) scenario = &s;
    }
    if (!scenario) {
        context.err << "archsim-cli simulate: --scenario: variant \"" << variant.name
                    << "\" has no scenario \"" << name << "\" (it has: "
                    << (names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")))
                    << ")" << Qt::endl;
        return false;
    }
    for (int i = 0; i < scenario->events.size(); ++i) {
        const ScenarioEvent &e = scenario->events[i];
        if (e.action != ScenarioAction::Load) {
            context.err << "archsim-cli simulate: scenario \"" << name << "\" events[" << i
                        << "]: action \"" << enumName(e.action)
                        << "\" is not simulated yet (failure scenarios come with the failure "
                           "engine); only \"load\" is supported"
                        << Qt::endl;
            return false;
        }
        sim::LoadChange change;
        change.atSec = e.atSec;
        change.forSec = e.forSec;
        change.factor = e.factor;
        if (!e.workload.isEmpty()) {
            change.workload = -1;
            for (std::size_t w = 0; w < model.workloads.size(); ++w)
                if (model.workloads[w].name == e.workload) change.workload = int(w);
            if (change.workload < 0) {
                context.err << "archsim-cli simulate: scenario \"" << name << "\" events[" << i
                            << "].workload: unknown workload \"" << e.workload << "\"" << Qt::endl;
                return false;
            }
        }
        options.loadChanges.push_back(change);
    }
    return true;
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
    if (context.parser.isSet(QStringLiteral("scenario")) &&
        !applyScenario(context, variant, input->model,
                       context.parser.value(QStringLiteral("scenario")), options))
        return kExitInputError;

    RunProgress progress(QStringLiteral("simulating"));
    options.progress = progress.callback();
    const sim::LoadResult result = sim::simulate(input->model, options);

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
    return kExitOk;
}

} // namespace archsim::cli
