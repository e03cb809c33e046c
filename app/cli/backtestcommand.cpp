// SPDX-License-Identifier: GPL-3.0-or-later
#include "backtestcommand.h"

#include "loadreport.h"
#include "runprogress.h"
#include "texttable.h"

#include "simulator/study/calibrationbacktest.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace archsim::cli {

namespace {

bool parseRange(const QString &text, double *from, double *to) {
    const QStringList parts = text.split(QStringLiteral(".."));
    if (parts.size() != 2) return false;
    bool a = false, b = false;
    *from = parts.at(0).toDouble(&a);
    *to = parts.at(1).toDouble(&b);
    return a && b && *to > *from;
}

QString cell(double predicted, double measured) {
    const double error = measured > 0 ? 100 * (predicted - measured) / measured : 0;
    return QStringLiteral("%1 (%2%3%)")
        .arg(formatNumber(predicted, 1))
        .arg(error >= 0 ? QStringLiteral("+") : QString())
        .arg(formatNumber(error, 0));
}

} // namespace

QList<QCommandLineOption> BacktestCommand::options() const {
    return {
        {QStringLiteral("train"),
         QStringLiteral("Calibration window, seconds from the earliest span."),
         QStringLiteral("FROM..TO")},
        {QStringLiteral("test"),
         QStringLiteral("Window to predict, seconds from the earliest span."),
         QStringLiteral("FROM..TO")},
        {QStringLiteral("format"),
         QStringLiteral("jaeger, otlp, zipkin or csv (default: detected)."), QStringLiteral("F")},
        {QStringLiteral("sampling"), QStringLiteral("Share of requests traced (default 1)."),
         QStringLiteral("R")},
        {QStringLiteral("threads"), QStringLiteral("Threads per replica (default 16)."),
         QStringLiteral("N")},
        {QStringLiteral("duration"),
         QStringLiteral("Simulated seconds per replication (default 300)."), QStringLiteral("S")},
        {QStringLiteral("per-operation"),
         QStringLiteral("One component per service and operation (service:operation), in the "
                        "service's unit.")},
    };
}

int BacktestCommand::run(CliContext &context) {
    sim::BacktestOptions o;
    o.paths = context.arguments;
    if (!parseRange(context.parser.value(QStringLiteral("train")), &o.trainFrom, &o.trainTo) ||
        !parseRange(context.parser.value(QStringLiteral("test")), &o.testFrom, &o.testTo)) {
        context.err
            << "archsim-cli backtest: --train and --test need FROM..TO in seconds, FROM < TO"
            << Qt::endl;
        return kExitUsage;
    }
    const auto format =
        traces::traceFormatFromName(context.parser.isSet(QStringLiteral("format"))
                                        ? context.parser.value(QStringLiteral("format"))
                                        : QStringLiteral("auto"));
    const auto sampling = numberOption(context, QStringLiteral("sampling"), 1, 1e-9, 1);
    const auto threads = numberOption(context, QStringLiteral("threads"), 16, 1, 100000);
    const auto duration = numberOption(context, QStringLiteral("duration"), 300, 1, 1e7);
    if (!format || !sampling || !threads || !duration) {
        if (!format)
            context.err << "archsim-cli backtest: --format: use jaeger, otlp, zipkin or csv"
                        << Qt::endl;
        return kExitUsage;
    }
    o.format = *format;
    o.sampling = *sampling;
    o.threads = int(*threads);
    o.durationSec = *duration;
    o.perOperation = context.parser.isSet(QStringLiteral("per-operation"));
    RunProgress progress(QStringLiteral("back-testing"));
    o.progress = progress.callback();
    const sim::BacktestResult r = sim::runBacktest(o);
    if (!r.ok) {
        context.err << "archsim-cli backtest: " << r.error << Qt::endl;
        return kExitInputError;
    }
    if (context.json) {
        context.out << QJsonDocument(r.toJson()).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    context.out << "trained on " << r.trainReport.value(QStringLiteral("traces")).toInteger()
                << " traces (" << o.trainFrom << ".." << o.trainTo << " s), tested on "
                << o.testFrom << ".." << o.testTo
                << " s; response times in ms, prediction error in brackets\n\n";
    TextTable table({QStringLiteral("operation"), QStringLiteral("rate/s"), QStringLiteral("n"),
                     QStringLiteral("what"), QStringLiteral("mean"), QStringLiteral("p50"),
                     QStringLiteral("p95"), QStringLiteral("p99")});
    for (const sim::BacktestRow &row : r.rows) {
        const QString op = row.entry + u' ' + row.operation;
        table.addRow({op, formatNumber(row.testRatePerSec, 2), QString::number(row.testRequests),
                      QStringLiteral("measured"), formatNumber(row.measured.mean, 1),
                      formatNumber(row.measured.p50, 1), formatNumber(row.measured.p95, 1),
                      formatNumber(row.measured.p99, 1)});
        for (const auto &[name, f] : {std::pair{QStringLiteral("analytic"), row.analytic},
                                      std::pair{QStringLiteral("des"), row.des}}) {
            if (!f) {
                table.addRow({op, QString(), QString(), name, QStringLiteral("saturated"),
                              QString(), QString(), QString()});
                continue;
            }
            table.addRow({op, formatNumber(row.testRatePerSec, 2),
                          QString::number(row.testRequests), name, cell(f->mean, row.measured.mean),
                          cell(f->p50, row.measured.p50), cell(f->p95, row.measured.p95),
                          cell(f->p99, row.measured.p99)});
        }
    }
    table.print(context.out);
    context.out.flush();
    return kExitOk;
}

} // namespace archsim::cli
