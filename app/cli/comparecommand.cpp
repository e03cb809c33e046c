// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparecommand.h"

#include "loadreport.h"
#include "plotwriter.h"
#include "projectinput.h"
#include "runprogress.h"
#include "studyoptions.h"
#include "texttable.h"

#include "model/jsonwriter.h"
#include "simulator/study/breakeven.h"
#include "simulator/study/compare.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QJsonArray>

namespace archsim::cli {

namespace {

QString cell(const QJsonValue &v, const QString &metric) {
    if (v.isString()) return v.toString();
    if (!v.isDouble()) return QStringLiteral("-");
    const double x = v.toDouble();
    if (metric == QLatin1String("availability")) return QString::number(x, 'f', 6);
    if (metric == QLatin1String("errorRate")) return QString::number(x, 'g', 3);
    if (metric == QLatin1String("units") || metric == QLatin1String("replicas") ||
        metric == QLatin1String("singlePointsOfFailure"))
        return QString::number(x, 'f', 0);
    return formatNumber(x);
}

} // namespace

QList<QCommandLineOption> CompareCommand::options() const {
    QList<QCommandLineOption> list{
        {QStringLiteral("variants"), QStringLiteral("Two or more variants, comma-separated."),
         QStringLiteral("A,B[,C]")},
        {QStringLiteral("rate"),
         QStringLiteral("Total rate of the open workloads, scaled together (default: as written)."),
         QStringLiteral("R")},
        {QStringLiteral("break-even"),
         QStringLiteral("Plan capacity for each variant at each step from --from to --to and "
                        "find where the cheaper variant changes.")},
        {QStringLiteral("from"), QStringLiteral("Break-even: first total rate."),
         QStringLiteral("R")},
        {QStringLiteral("to"), QStringLiteral("Break-even: last total rate."), QStringLiteral("R")},
        {QStringLiteral("steps"), QStringLiteral("Break-even: steps (default 10)."),
         QStringLiteral("N")},
        {QStringLiteral("analytic-plans"),
         QStringLiteral("Break-even: plan with the analytical engine only (no DES correction).")},
        {QStringLiteral("plot"),
         QStringLiteral("Break-even: write a PNG chart of cost against load."),
         QStringLiteral("FILE.png")},
        shardOption(),
    };
    list << sloOptions() << desRunOptions(20, 5, 4);
    return list;
}

int CompareCommand::run(CliContext &context) {
    const QCommandLineParser &parser = context.parser;
    const QStringList names =
        parser.value(QStringLiteral("variants")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (names.size() < 2) {
        context.err << "archsim-cli compare: --variants needs two or more names, e.g. "
                       "--variants Monolith,Microservices"
                    << Qt::endl;
        return kExitUsage;
    }
    const auto slo = readSlo(context);
    auto des = readDesRunOptions(context, 20, 5, 4);
    if (!slo || !des) return kExitUsage;
    std::optional<double> rate;
    if (parser.isSet(QStringLiteral("rate"))) {
        rate = numberOption(context, QStringLiteral("rate"), 0, 1e-9, 1e9);
        if (!rate) return kExitUsage;
    }
    const bool breakEven = parser.isSet(QStringLiteral("break-even"));
    bool badShard = false;
    const auto shard = readShard(context, QStringLiteral("compare"), &badShard);
    if (badShard) return kExitUsage;
    if (shard && !breakEven) {
        context.err << "archsim-cli compare: --shard splits the break-even steps; add "
                       "--break-even --from R --to R"
                    << Qt::endl;
        return kExitUsage;
    }
    std::optional<double> from, to, steps;
    if (breakEven) {
        if (!parser.isSet(QStringLiteral("from")) || !parser.isSet(QStringLiteral("to"))) {
            context.err << "archsim-cli compare: --break-even needs --from R and --to R"
                        << Qt::endl;
            return kExitUsage;
        }
        from = numberOption(context, QStringLiteral("from"), 0, 0, 1e9);
        to = numberOption(context, QStringLiteral("to"), 0, 0, 1e9);
        steps = numberOption(context, QStringLiteral("steps"), 10, 2, 10000);
        if (!from || !to || !steps) return kExitUsage;
    }

    const QString path = context.arguments.value(0);
    const auto loaded = loadForCommand(context, path, false);
    if (!loaded) return kExitInputError;
    QList<Variant> variants;
    for (const QString &n : names) {
        const Variant *v = loaded->project.findVariant(n.trimmed());
        if (!v) {
            context.err << path << ": error: --variants: no variant \"" << n
                        << "\" (the project has: "
                        << loaded->project.variantNames().join(QStringLiteral(", ")) << ")"
                        << Qt::endl;
            return kExitInputError;
        }
        variants << *v;
    }

    RunProgress progress(QStringLiteral("comparing"));
    sim::CompareOptions options;
    options.ratePerSec = rate;
    options.slo = *slo;
    options.des = *des;
    options.des.progress = progress.callback();

    QJsonObject doc;
    if (!shard || shard->index == 1) {
        const sim::Comparison comparison = sim::compareVariants(variants, options);
        if (!comparison.error.isEmpty()) {
            context.err << path << ": error: " << comparison.error << Qt::endl;
            return kExitInputError;
        }
        doc = sim::toJson(comparison);
    }
    if (breakEven) {
        sim::PlanOptions plan;
        plan.slo = *slo;
        plan.des = *des;
        plan.confirm = !parser.isSet(QStringLiteral("analytic-plans"));
        const int n = int(*steps);
        const sim::Shard whole;
        const sim::JobRange range = sim::shardJobs(n, shard ? *shard : whole);
        QJsonArray points;
        for (int i = range.first; i < range.last; ++i) {
            if (progress.callback())
                progress.callback()(double(i - range.first) / (range.last - range.first));
            QJsonObject p = sim::breakEvenPoint(variants, sim::stepRate(*from, *to, n, i), plan);
            if (shard) p.insert(QStringLiteral("job"), i);
            points.append(p);
        }
        if (shard) {
            QJsonArray variantJson;
            Project chosen;
            chosen.variants = variants;
            const QByteArray hash =
                QCryptographicHash::hash(writeProjectJson(chosen), QCryptographicHash::Sha256);
            QJsonObject settings{{QStringLiteral("variants"), QJsonArray::fromStringList(names)},
                                 {QStringLiteral("project"), QString::fromLatin1(hash.toHex())},
                                 {QStringLiteral("from"), *from},
                                 {QStringLiteral("to"), *to},
                                 {QStringLiteral("steps"), n},
                                 {QStringLiteral("slo"), sim::sloToJson(*slo)},
                                 {QStringLiteral("rate"), rate ? QJsonValue(*rate) : QJsonValue()},
                                 {QStringLiteral("analyticPlans"), !plan.confirm},
                                 {QStringLiteral("des"), desSettings(*des)}};
            QJsonObject part =
                sim::shardPart(QStringLiteral("compare"), *shard, n, settings, points);
            if (shard->index == 1) part.insert(QStringLiteral("comparison"), doc);
            printJson(context, part);
            return kExitOk;
        }
        doc.insert(QStringLiteral("breakEven"), sim::breakEvenDocument(names, points));
    }
    if (parser.isSet(QStringLiteral("plot"))) {
        QString error;
        if (!breakEven || !writeBreakEvenPlot(doc, parser.value(QStringLiteral("plot")), &error)) {
            context.err << "archsim-cli compare: --plot: "
                        << (breakEven ? error : QStringLiteral("needs --break-even")) << Qt::endl;
            return breakEven ? kExitInputError : kExitUsage;
        }
    }
    if (context.json)
        printJson(context, doc);
    else
        printComparison(context.out, doc);
    return kExitOk;
}

void printComparison(QTextStream &out, const QJsonObject &doc) {
    const QJsonArray variants = doc.value(QStringLiteral("variants")).toArray();
    QStringList names;
    for (const QJsonValue &v : variants)
        names << v.toObject().value(QStringLiteral("name")).toString();
    const QJsonObject slo = doc.value(QStringLiteral("slo")).toObject();
    if (!slo.isEmpty()) {
        QStringList terms;
        if (slo.contains(QStringLiteral("p99Ms")))
            terms << QStringLiteral("p99 <= %1 ms")
                         .arg(slo.value(QStringLiteral("p99Ms")).toDouble());
        if (slo.contains(QStringLiteral("errorRate")))
            terms << QStringLiteral("error rate <= %1")
                         .arg(slo.value(QStringLiteral("errorRate")).toDouble());
        if (slo.contains(QStringLiteral("availability")))
            terms << QStringLiteral("availability >= %1")
                         .arg(slo.value(QStringLiteral("availability")).toDouble());
        out << "SLO: " << terms.join(QStringLiteral(", ")) << "\n";
        for (const QJsonValue &vv : variants) {
            const QJsonObject v = vv.toObject();
            const QJsonObject verdict = v.value(QStringLiteral("slo")).toObject();
            const bool pass = verdict.value(QStringLiteral("pass")).toBool();
            out << "  " << (pass ? "PASS " : "FAIL ") << v.value(QStringLiteral("name")).toString();
            const QStringList failed =
                verdict.value(QStringLiteral("failed")).toVariant().toStringList();
            if (!failed.isEmpty()) out << ": " << failed.join(QStringLiteral("; "));
            out << "\n";
        }
        out << "\n";
    }
    if (!variants.isEmpty()) {
        const QJsonObject first = variants.first().toObject();
        out << "at " << formatNumber(first.value(QStringLiteral("ratePerSec")).toDouble(), 1)
            << " requests/s (open workloads); DES: "
            << first.value(QStringLiteral("replications")).toInt() << " replications x "
            << first.value(QStringLiteral("durationSec")).toDouble() << " s, seed "
            << first.value(QStringLiteral("seed")).toString()
            << "; \"better\" only where the difference is significant\n\n";
        QStringList header{QStringLiteral("metric"), QStringLiteral("workload")};
        header << names << QStringLiteral("better");
        TextTable table(header);
        for (const QJsonValue &rv : doc.value(QStringLiteral("rows")).toArray()) {
            const QJsonObject r = rv.toObject();
            const QString metric = r.value(QStringLiteral("metric")).toString();
            QStringList cells{metric, r.value(QStringLiteral("workload")).toString()};
            for (const QJsonValue &v : r.value(QStringLiteral("values")).toArray())
                cells << cell(v, metric);
            QString better;
            if (r.value(QStringLiteral("better")).isString())
                better = r.value(QStringLiteral("better")).toString();
            else if (!r.value(QStringLiteral("lowerIsBetter")).isNull())
                better = QStringLiteral("no significant difference");
            cells << better;
            table.addRow(cells);
        }
        table.print(out);
    }
    const QJsonObject be = doc.value(QStringLiteral("breakEven")).toObject();
    if (!be.isEmpty()) {
        out << "\nbreak-even: cheapest monthly cost that meets the SLO\n\n";
        QStringList header{QStringLiteral("rate/s")};
        for (const QString &n : names)
            header << n + QStringLiteral(" $/month");
        TextTable table(header);
        for (const QJsonValue &pv : be.value(QStringLiteral("points")).toArray()) {
            const QJsonObject p = pv.toObject();
            QStringList cells{formatNumber(p.value(QStringLiteral("ratePerSec")).toDouble(), 1)};
            for (const QJsonValue &c : p.value(QStringLiteral("costPerMonth")).toArray())
                cells << (c.isDouble() ? formatNumber(c.toDouble(), 0) : QStringLiteral("no plan"));
            table.addRow(cells);
        }
        table.print(out);
        const QJsonArray crossings = be.value(QStringLiteral("crossings")).toArray();
        if (crossings.isEmpty()) out << "\nno crossing in this range\n";
        for (const QJsonValue &cv : crossings) {
            const QJsonObject c = cv.toObject();
            out << "\ncrossing at about "
                << formatNumber(c.value(QStringLiteral("ratePerSec")).toDouble(), 1)
                << " requests/s: " << c.value(QStringLiteral("cheaperBelow")).toString()
                << " is cheaper below, " << c.value(QStringLiteral("cheaperAbove")).toString()
                << " above\n";
        }
    }
}

} // namespace archsim::cli
