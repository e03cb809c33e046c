// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibratecommand.h"

#include "loadreport.h"
#include "projectinput.h"
#include "runprogress.h"

#include "model/projectfile.h"
#include "model/traces/designdiff.h"
#include "model/traces/traceimport.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace archsim::cli {

QList<QCommandLineOption> CalibrateCommand::options() const {
    return {
        {QStringLiteral("o"), QStringLiteral("Write the project with the calibrated variant here."),
         QStringLiteral("OUT")},
        {QStringLiteral("into"),
         QStringLiteral("Lay the calibration over this project's --variant (designed versus "
                        "observed)."),
         QStringLiteral("FILE")},
        {QStringLiteral("format"),
         QStringLiteral("jaeger, otlp, zipkin or csv (default: detected)."), QStringLiteral("F")},
        {QStringLiteral("sampling"),
         QStringLiteral("Share of requests the tracer kept, 0..1 (default 1): rates are divided "
                        "by it."),
         QStringLiteral("R")},
        {QStringLiteral("threads"), QStringLiteral("Threads per replica (default 16)."),
         QStringLiteral("N")},
        {QStringLiteral("window"),
         QStringLiteral("Spans a trace may wait for its next span before it is closed (default "
                        "20000)."),
         QStringLiteral("N")},
        {QStringLiteral("mapping"),
         QStringLiteral("JSON object: traced service -> designed component id."),
         QStringLiteral("FILE")},
        {QStringLiteral("threshold"),
         QStringLiteral("Relative change of calls or service time listed (default 0.25)."),
         QStringLiteral("X")},
        {QStringLiteral("name"), QStringLiteral("Name of the new variant."),
         QStringLiteral("NAME")},
        {QStringLiteral("per-operation"),
         QStringLiteral("One component per service and operation (service:operation), in the "
                        "service's unit.")},
    };
}

int CalibrateCommand::run(CliContext &context) {
    const QCommandLineParser &parser = context.parser;
    const QString out = parser.value(QStringLiteral("o"));
    if (out.isEmpty() || formatForPath(out) == ProjectFormat::Unknown) {
        context.err << "archsim-cli calibrate: -o OUT.json or OUT.archsim is required" << Qt::endl;
        return kExitUsage;
    }
    traces::ImportOptions options;
    options.paths = context.arguments;
    const auto format = traces::traceFormatFromName(parser.isSet(QStringLiteral("format"))
                                                        ? parser.value(QStringLiteral("format"))
                                                        : QStringLiteral("auto"));
    if (!format) {
        context.err << "archsim-cli calibrate: --format: use jaeger, otlp, zipkin or csv"
                    << Qt::endl;
        return kExitUsage;
    }
    options.format = *format;
    const auto sampling = numberOption(context, QStringLiteral("sampling"), 1, 1e-9, 1);
    const auto threads = numberOption(context, QStringLiteral("threads"), 16, 1, 100000);
    const auto window = numberOption(context, QStringLiteral("window"), 20000, 1, 1e12);
    const auto threshold = numberOption(context, QStringLiteral("threshold"), 0.25, 0, 1e6);
    if (!sampling || !threads || !window || !threshold) return kExitUsage;
    options.calibration.sampling = *sampling;
    options.calibration.threads = int(*threads);
    options.window = std::uint64_t(*window);
    options.calibration.perOperation = parser.isSet(QStringLiteral("per-operation"));
    if (parser.isSet(QStringLiteral("name")))
        options.calibration.variantName = parser.value(QStringLiteral("name"));

    std::optional<LoadedProject> designed;
    if (parser.isSet(QStringLiteral("into"))) {
        designed = loadForCommand(context, parser.value(QStringLiteral("into")), false);
        if (!designed) return kExitInputError;
    }
    QHash<QString, QString> mapping;
    if (parser.isSet(QStringLiteral("mapping"))) {
        QString error;
        if (!traces::readMapping(parser.value(QStringLiteral("mapping")), &mapping, &error)) {
            context.err << "archsim-cli calibrate: --mapping: " << error << Qt::endl;
            return kExitInputError;
        }
    }
    RunProgress progress(QStringLiteral("reading traces"));
    options.progress = progress.callback();
    const traces::ImportResult imported = traces::importTraces(options);
    if (!imported.ok) {
        context.err << imported.error << Qt::endl;
        return kExitInputError;
    }
    for (const QString &p : imported.stats.problems)
        context.err << p << " (skipped)" << Qt::endl;

    Project project;
    QJsonObject doc = imported.calibration.report;
    Variant variant = imported.calibration.variant;
    traces::DesignDiff diff;
    if (designed) {
        project = designed->project;
        traces::DiffOptions diffOptions;
        diffOptions.mapping = mapping;
        diffOptions.threshold = *threshold;
        if (parser.isSet(QStringLiteral("name"))) diffOptions.mergedName = variant.name;
        diff = traces::diffDesign(*designed->variant, variant, diffOptions);
        variant = diff.merged;
        if (project.findVariant(variant.name)) {
            context.err << out << ": error: a variant \"" << variant.name
                        << "\" exists already (use --name)" << Qt::endl;
            return kExitInputError;
        }
        project.variants.insert(designed->variantIndex + 1, variant);
        doc.insert(QStringLiteral("designed"), designed->variant->name);
        doc.insert(QStringLiteral("differences"), diff.toJson());
    } else {
        project.name = QStringLiteral("Calibrated from traces");
        project.variants = {variant};
    }
    doc.insert(QStringLiteral("variant"), variant.name);
    doc.insert(QStringLiteral("output"), out);
    const ProblemList saved = saveProject(out, project);
    if (!saved.isEmpty()) {
        context.err << formatProblems(saved, out) << Qt::endl;
        return kExitInputError;
    }
    if (context.json) {
        context.out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    QTextStream &o = context.out;
    o << "calibrated \"" << variant.name << "\" from "
      << doc.value(QStringLiteral("traces")).toInteger() << " traces, "
      << doc.value(QStringLiteral("spans")).toInteger() << " spans (" << imported.stats.skipped
      << " malformed spans skipped, " << doc.value(QStringLiteral("spansWithoutParent")).toInteger()
      << " spans without their parent)\n\n";
    o << "services:\n";
    for (const QJsonValue &v : doc.value(QStringLiteral("services")).toArray()) {
        const QJsonObject s = v.toObject();
        o << "  " << s.value(QStringLiteral("service")).toString() << " ["
          << s.value(QStringLiteral("kind")).toString() << "] visits "
          << s.value(QStringLiteral("visits")).toInteger() << ", replicas "
          << s.value(QStringLiteral("replicas")).toInt() << ", own work "
          << formatNumber(s.value(QStringLiteral("meanMs")).toDouble(), 3) << " ms cv "
          << formatNumber(s.value(QStringLiteral("cv")).toDouble()) << " -> "
          << s.value(QStringLiteral("distribution")).toString() << " (KS exponential "
          << formatNumber(s.value(QStringLiteral("ksExponential")).toDouble(), 3) << ", lognormal "
          << formatNumber(s.value(QStringLiteral("ksLognormal")).toDouble(), 3) << ")\n";
    }
    o << "\nconnections:\n";
    for (const QJsonValue &v : doc.value(QStringLiteral("connections")).toArray()) {
        const QJsonObject c = v.toObject();
        o << "  " << c.value(QStringLiteral("from")).toString() << " -> "
          << c.value(QStringLiteral("to")).toString() << ": "
          << formatNumber(c.value(QStringLiteral("callsPerRequest")).toDouble(), 3)
          << " calls/request, "
          << formatNumber(c.value(QStringLiteral("callsPerVisit")).toDouble(), 3)
          << " per visit, network "
          << formatNumber(c.value(QStringLiteral("networkMs")).toDouble(), 3) << " ms each way, "
          << c.value(QStringLiteral("mode")).toString();
        const QString group = c.value(QStringLiteral("parallelGroup")).toString();
        if (!group.isEmpty()) o << ", " << group;
        o << "\n";
    }
    o << "\nentries:\n";
    for (const QJsonValue &v : doc.value(QStringLiteral("entries")).toArray()) {
        const QJsonObject e = v.toObject();
        o << "  " << e.value(QStringLiteral("service")).toString() << " "
          << e.value(QStringLiteral("operation")).toString() << ": "
          << formatNumber(e.value(QStringLiteral("ratePerSec")).toDouble(), 3) << " req/s, mean "
          << formatNumber(e.value(QStringLiteral("meanMs")).toDouble()) << " ms, p99 "
          << formatNumber(e.value(QStringLiteral("p99Ms")).toDouble()) << " ms\n";
    }
    if (designed) {
        o << "\ndesigned \"" << designed->variant->name << "\" versus observed:\n";
        if (diff.rows.isEmpty()) o << "  no differences above the threshold\n";
        for (const traces::DiffRow &r : diff.rows)
            o << "  " << r.what << ": " << r.from
              << (r.to.isEmpty() ? QString() : QStringLiteral(" -> ") + r.to) << "  designed "
              << formatNumber(r.designed, 3) << ", observed " << formatNumber(r.observed, 3)
              << "\n";
    }
    o << "\nwrote " << out << Qt::endl;
    return kExitOk;
}

} // namespace archsim::cli
