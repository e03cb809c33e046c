// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportcommand.h"

#include "loadreport.h"
#include "projectinput.h"
#include "runprogress.h"
#include "studyoptions.h"

#include "ui/report/reportverdict.h"
#include "ui/report/reportwriter.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <cstring>

namespace archsim::cli {

QList<QCommandLineOption> ReportCommand::options() const {
    QList<QCommandLineOption> list{
        {QStringLiteral("variants"), QStringLiteral("Two or more variants, comma-separated."),
         QStringLiteral("A,B[,C]")},
        {QStringLiteral("rate"),
         QStringLiteral("Target load: total rate of the open workloads, scaled together "
                        "(default: as written)."),
         QStringLiteral("R")},
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("The report file: .pdf, .html or .csv."),
         QStringLiteral("OUT")},
        {QStringLiteral("from"),
         QStringLiteral("Break-even: first total rate (default 0.4 x the target)."),
         QStringLiteral("R")},
        {QStringLiteral("to"),
         QStringLiteral("Break-even: last total rate (default 8 x the target)."),
         QStringLiteral("R")},
        {QStringLiteral("steps"), QStringLiteral("Break-even: steps (default 12)."),
         QStringLiteral("N")},
        {QStringLiteral("des-plans"),
         QStringLiteral("Break-even: confirm every plan with the DES (slower).")},
        {QStringLiteral("sensitivity"),
         QStringLiteral("Range of the one-at-a-time sensitivity (default 0.5: x0.5 to x1.5)."),
         QStringLiteral("F")},
    };
    list << sloOptions() << desRunOptions(20, 5, 4);
    return list;
}

int ReportCommand::run(CliContext &context) {
    const QCommandLineParser &parser = context.parser;
    const QString out = parser.value(QStringLiteral("output"));
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (out.isEmpty() || !QStringList{"pdf", "html", "htm", "csv"}.contains(suffix)) {
        context.err << "archsim-cli report: -o OUT.pdf, OUT.html or OUT.csv is required"
                    << Qt::endl;
        return kExitUsage;
    }
    report::ReportOptions options;
    options.variants =
        parser.value(QStringLiteral("variants")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &n : options.variants)
        n = n.trimmed();
    if (options.variants.size() < 2) {
        context.err << "archsim-cli report: --variants needs two or more names, e.g. "
                       "--variants Monolith,Microservices"
                    << Qt::endl;
        return kExitUsage;
    }
    const auto slo = readSlo(context);
    const auto des = readDesRunOptions(context, 20, 5, 4);
    if (!slo || !des) return kExitUsage;
    options.compare.slo = *slo;
    options.compare.des = *des;
    if (parser.isSet(QStringLiteral("rate"))) {
        const auto rate = numberOption(context, QStringLiteral("rate"), 0, 1e-9, 1e9);
        if (!rate) return kExitUsage;
        options.compare.ratePerSec = rate;
    }
    for (auto [name, target] : {std::pair{QStringLiteral("from"), &options.from},
                                std::pair{QStringLiteral("to"), &options.to}})
        if (parser.isSet(name)) {
            const auto value = numberOption(context, name, 0, 0, 1e9);
            if (!value) return kExitUsage;
            *target = value;
        }
    const auto steps = numberOption(context, QStringLiteral("steps"), 12, 2, 1000);
    const auto range = numberOption(context, QStringLiteral("sensitivity"), 0.5, 0.01, 0.95);
    if (!steps || !range) return kExitUsage;
    options.steps = int(*steps);
    options.sensitivityRange = *range;
    options.desPlans = parser.isSet(QStringLiteral("des-plans"));
    if (suffix == QLatin1String("csv")) options.sweepSteps = 0; // the CSV has no latency chart

    const QString path = context.arguments.value(0);
    const auto loaded = loadForCommand(context, path, false);
    if (!loaded) return kExitInputError;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) options.modelContent = file.readAll();
    options.modelFile = QFileInfo(path).fileName();

    RunProgress progress(QStringLiteral("report"));
    const auto callback = progress.callback();
    const report::ReportData data = report::runReportStudy(
        loaded->project, options,
        callback ? report::Progress([&callback](double f, const QString &) { callback(f); })
                 : report::Progress());
    if (!data.error.isEmpty()) {
        context.err << path << ": error: " << data.error << Qt::endl;
        return kExitInputError;
    }
    const QString error = report::writeReport(data, out);
    if (!error.isEmpty()) {
        context.err << "archsim-cli report: " << error << Qt::endl;
        return kExitInputError;
    }
    const QStringList verdict = report::verdictSentences(data);
    if (context.json) {
        const bool any = data.recommended >= 0;
        printJson(
            context,
            QJsonObject{{QStringLiteral("output"), out},
                        {QStringLiteral("format"),
                         suffix == QLatin1String("htm") ? QStringLiteral("html") : suffix},
                        {QStringLiteral("ratePerSec"), data.targetRate},
                        {QStringLiteral("recommended"),
                         any ? QJsonValue(data.variants[data.recommended].name) : QJsonValue()},
                        {QStringLiteral("costPerMonth"),
                         any ? QJsonValue(data.plans[std::size_t(data.recommended)].costPerMonth)
                             : QJsonValue()},
                        {QStringLiteral("verdict"), QJsonArray::fromStringList(verdict)}});
    } else {
        context.out << out << ": " << verdict.value(0) << Qt::endl;
    }
    return kExitOk;
}

bool wantsReport(int argc, char **argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "report") == 0) return true;
    return false;
}

} // namespace archsim::cli
