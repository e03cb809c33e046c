// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportdocument.h"

#include "ui/report/reportpainters.h"
#include "ui/report/reportverdict.h"

#include <QPainter>

#include <cmath>

namespace archsim::report {

namespace {

QString esc(const QString &s) {
    return s.toHtmlEscaped();
}
ReportBlock html(const QString &text, bool newPage = false) {
    ReportBlock b;
    b.html = text;
    b.newPage = newPage;
    return b;
}

ReportBlock picture(Picture p, QSizeF size, const QString &caption) {
    ReportBlock b;
    b.picture = std::move(p);
    b.size = size;
    b.caption = caption;
    return b;
}

// Pictures next to each other, each in an equal share of the width.
Picture sideBySide(std::vector<Picture> pictures) {
    return [pictures](QPainter &painter, const QSizeF &size) {
        const double w = size.width() / double(pictures.size());
        for (std::size_t i = 0; i < pictures.size(); ++i) {
            painter.save();
            painter.translate(w * double(i), 0);
            painter.setClipRect(QRectF(0, 0, w, size.height()));
            pictures[i](painter, QSizeF(w, size.height()));
            painter.restore();
        }
    };
}

QString table(const QStringList &header, const std::vector<QStringList> &rows,
              const std::vector<int> &numeric = {}) {
    QString out = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                 "width=\"100%\"><thead><tr>");
    for (const QString &h : header)
        out += QStringLiteral("<th bgcolor=\"#e8eef4\">%1</th>").arg(h);
    out += QStringLiteral("</tr></thead><tbody>");
    for (const QStringList &row : rows) {
        out += QStringLiteral("<tr>");
        for (int i = 0; i < row.size(); ++i) {
            const bool right = std::find(numeric.begin(), numeric.end(), i) != numeric.end();
            QString cell = row[i];
            QString attrs = right ? QStringLiteral(" align=\"right\"") : QString();
            if (cell.startsWith(QLatin1String("@better:"))) { // a significantly better value
                cell = cell.mid(8);
                attrs += QStringLiteral(" bgcolor=\"#c8e6c9\"");
                cell = QStringLiteral("<b>%1</b>").arg(cell);
            }
            out += QStringLiteral("<td%1>%2</td>").arg(attrs, cell);
        }
        out += QStringLiteral("</tr>");
    }
    return out + QStringLiteral("</tbody></table>");
}

QString passCell(bool pass) {
    return pass ? QStringLiteral("<b><font color=\"#1a7f37\">PASS</font></b>")
                : QStringLiteral("<b><font color=\"#c62828\">FAIL</font></b>");
}

void verdictSection(const ReportData &data, std::vector<ReportBlock> &blocks) {
    QString text = QStringLiteral("<h2>Verdict</h2>");
    const QStringList sentences = verdictSentences(data);
    for (int i = 0; i < sentences.size(); ++i)
        text += (i == 0 ? QStringLiteral("<p><b>%1</b></p>") : QStringLiteral("<p>%1</p>"))
                    .arg(esc(sentences[i]));
    text += QStringLiteral("<h3>The SLO, variant by variant</h3><p>SLO: %1, at %2 (%3). <i>As "
                           "configured</i>: the replicas in the model today; <i>planned</i>: "
                           "the cheapest replicas that meet the SLO at this load.</p>")
                .arg(esc(sloText(data.comparison.slo)), formatRate(data.targetRate),
                     data.options.compare.ratePerSec
                         ? QStringLiteral("the open workloads scaled together")
                         : QStringLiteral("the open workloads' rates as written"));
    std::vector<QStringList> rows;
    for (std::size_t i = 0; i < data.comparison.variants.size(); ++i) {
        const sim::VariantComparison &v = data.comparison.variants[i];
        const sim::PlanResult &p = data.plans[i];
        QStringList failed;
        for (const QString &f : v.slo.failed)
            failed << esc(f);
        rows.push_back(
            {(int(i) == data.recommended ? QStringLiteral("<b>%1</b> (recommended)")
                                         : QStringLiteral("%1"))
                 .arg(esc(v.name)),
             passCell(v.slo.pass) +
                 (failed.isEmpty() ? QString()
                                   : QStringLiteral("<br>") + failed.join(QStringLiteral("<br>"))),
             formatMoney(v.figures.costPerMonth),
             formatRate(v.analytic.saturationRatePerSec.value_or(0)) + QStringLiteral(" (") +
                 esc(v.analytic.bottleneck) + ')',
             p.feasible ? passCell(true) + QStringLiteral(" ") + formatMoney(p.costPerMonth)
                        : QStringLiteral("no plan: ") + esc(p.reason),
             p.p99Ms ? QStringLiteral("%1 ms").arg(*p.p99Ms, 0, 'f', 1) : QStringLiteral("–")});
    }
    text += table({QStringLiteral("variant"), QStringLiteral("SLO as configured"),
                   QStringLiteral("cost as configured / month"),
                   QStringLiteral("saturates at (bottleneck)"),
                   QStringLiteral("planned: SLO, cost / month"), QStringLiteral("planned p99")},
                  rows, {2, 5});
    blocks.push_back(html(text));
    blocks.push_back(html(QStringLiteral("<h3>What would change the answer</h3><p>Each "
                                         "component's service time and the load multiplied "
                                         "one at a time from ×%1 to ×%2, every variant "
                                         "re-planned (analytical planner) at each point. A bar "
                                         "crossing the red line means another variant becomes "
                                         "cheaper.</p>")
                              .arg(1 - data.options.sensitivityRange, 0, 'f', 1)
                              .arg(1 + data.options.sensitivityRange, 0, 'f', 1)));
    const int rowsShown = std::min<int>(10, int(data.sensitivity.factors.size()));
    blocks.push_back(picture(tornadoChart(data), QSizeF(kContentWidth, 90 + 26 * rowsShown),
                             QStringLiteral("Tornado chart of the verdict's sensitivity")));
    std::vector<QStringList> srows;
    auto adv = [](std::optional<double> a, bool fails) {
        return a ? formatMoney(*a)
                 : (fails ? QStringLiteral("no plan") : QStringLiteral("only one plan"));
    };
    for (const sim::SensitivityFactor &f : data.sensitivity.factors) {
        QStringList flips;
        if (f.flipBelow)
            flips << QStringLiteral("≤ ×%1 → %2")
                         .arg(*f.flipBelow, 0, 'f', 2)
                         .arg(esc(f.flipToBelow));
        if (f.flipAbove)
            flips << QStringLiteral("≥ ×%1 → %2")
                         .arg(*f.flipAbove, 0, 'f', 2)
                         .arg(esc(f.flipToAbove));
        if (!f.flipBelow)
            flips.prepend(QStringLiteral("holds down to ×%1").arg(f.searchedBelow, 0, 'f', 2));
        if (!f.flipAbove)
            flips << QStringLiteral("holds up to ×%1").arg(f.searchedAbove, 0, 'f', 2);
        srows.push_back({esc(f.label), adv(f.advantageLow, f.recommendedFailsLow),
                         adv(f.advantageHigh, f.recommendedFailsHigh),
                         flips.join(QStringLiteral("; "))});
    }
    for (std::size_t start = 0; start < srows.size(); start += 30) {
        std::vector<QStringList> part(srows.begin() + qsizetype(start),
                                      srows.begin() +
                                          qsizetype(std::min(srows.size(), start + 30)));
        blocks.push_back(html(table(
            {QStringLiteral("factor"),
             QStringLiteral("advantage at ×%1").arg(1 - data.options.sensitivityRange, 0, 'f', 1),
             QStringLiteral("advantage at ×%1").arg(1 + data.options.sensitivityRange, 0, 'f', 1),
             QStringLiteral("the verdict changes (searched ×0.1 to ×4)")},
            part, {1, 2})));
    }
}

void comparisonSection(const ReportData &data, std::vector<ReportBlock> &blocks) {
    QStringList header{QStringLiteral("metric"), QStringLiteral("workload")};
    for (const Variant &v : data.variants)
        header << esc(v.name);
    header << QStringLiteral("better");
    std::vector<QStringList> rows;
    std::vector<int> numeric;
    for (int i = 0; i < data.variants.size(); ++i)
        numeric.push_back(2 + i);
    const QJsonArray jsonRows = data.compareJson.value(QStringLiteral("rows")).toArray();
    for (const QJsonValue &rv : jsonRows) {
        const QJsonObject r = rv.toObject();
        const QString metric = r.value(QStringLiteral("metric")).toString();
        const QString better = r.value(QStringLiteral("better")).toString();
        const QString unit = metricUnit(metric);
        QStringList cells{esc(metric) + (unit.isEmpty() || unit == QLatin1String("name")
                                             ? QString()
                                             : QStringLiteral(" (%1)").arg(esc(unit))),
                          esc(r.value(QStringLiteral("workload")).toString())};
        const QJsonArray values = r.value(QStringLiteral("values")).toArray();
        for (int v = 0; v < values.size(); ++v) {
            const QString text = esc(formatValue(values[v], metric));
            cells << (!better.isEmpty() && better == data.variants[v].name
                          ? QStringLiteral("@better:") + text
                          : text);
        }
        cells << (!better.isEmpty() ? esc(better)
                  : r.value(QStringLiteral("lowerIsBetter")).isNull()
                      ? QString()
                      : QStringLiteral("no significant difference"));
        rows.push_back(cells);
    }
    const sim::VariantComparison &first = data.comparison.variants.front();
    QString intro =
        QStringLiteral("<h2>The comparison table</h2><p>Every row of <tt>archsim-cli compare</tt> "
                       "for the same inputs and seed, at %1. DES rows: %2 replications × %3 s "
                       "after %4 s warm-up, seed %5; a value is marked better (green, bold) only "
                       "when its 95% interval does not overlap the others' (DES rows) or the "
                       "relative difference exceeds the row's tolerance (other rows).</p>")
            .arg(formatRate(data.targetRate))
            .arg(first.des.replications)
            .arg(first.des.durationSec)
            .arg(first.des.warmupSec)
            .arg(first.des.seed);
    for (std::size_t start = 0; start < rows.size(); start += 28) {
        std::vector<QStringList> part(rows.begin() + qsizetype(start),
                                      rows.begin() + qsizetype(std::min(rows.size(), start + 28)));
        blocks.push_back(
            html((start == 0 ? intro : QString()) + table(header, part, numeric), start == 0));
    }
}

void chartsSection(const ReportData &data, std::vector<ReportBlock> &blocks) {
    blocks.push_back(html(QStringLiteral("<h2>Charts</h2><p>Latency from DES sweeps (one "
                                         "replication per step, the comparison's seed and "
                                         "duration); a marker shows each variant's knee, where "
                                         "mean latency has doubled. Steps past saturation are "
                                         "left out.</p>"),
                          true));
    blocks.push_back(picture(latencyChart(data), QSizeF(kContentWidth, 330),
                             QStringLiteral("Latency percentiles against load")));
    blocks.push_back(picture(costChart(data), QSizeF(kContentWidth, 300),
                             QStringLiteral("Monthly cost against load")));
    std::vector<Picture> util;
    for (int i = 0; i < data.variants.size(); ++i)
        util.push_back(utilizationChart(data, i));
    double units = 0;
    for (const sim::VariantComparison &v : data.comparison.variants)
        units = std::max(units, double(v.des.units.size()));
    blocks.push_back(picture(sideBySide(util), QSizeF(kContentWidth, 90 + 22 * units),
                             QStringLiteral("Utilisation per unit at the target load")));
    blocks.push_back(picture(sideBySide({downtimeChart(data), blastRadiusChart(data)}),
                             QSizeF(kContentWidth, 280),
                             QStringLiteral("Availability and blast radius")));
}

// "crash postgres ×1 at 60 s for 120 s": what a scenario does, for the table.
QString describeEvents(const ReportData &data, const ScenarioRun &run) {
    QStringList events;
    for (const Variant &v : data.variants) {
        if (v.name != run.variant) continue;
        for (const Scenario &s : v.scenarios) {
            if (s.name != run.scenario) continue;
            for (const ScenarioEvent &e : s.events) {
                QString target = !e.unit.isEmpty()         ? e.unit
                                 : !e.zone.isEmpty()       ? QStringLiteral("zone ") + e.zone
                                 : !e.connection.isEmpty() ? e.connection
                                 : !e.workload.isEmpty()   ? e.workload
                                                           : QString();
                if (e.replicas) target += QStringLiteral(" ×%1").arg(*e.replicas);
                events << QStringLiteral("%1 %2 at %3 s%4")
                              .arg(enumName(e.action), target)
                              .arg(e.atSec)
                              .arg(e.forSec > 0 ? QStringLiteral(" for %1 s").arg(e.forSec)
                                                : QString());
            }
        }
    }
    return events.join(QStringLiteral("; "));
}

void failureSection(const ReportData &data, std::vector<ReportBlock> &blocks) {
    QString text = QStringLiteral("<h2>Failures</h2><h3>Single points of failure</h3>");
    std::vector<QStringList> rows;
    for (const sim::VariantComparison &v : data.comparison.variants)
        for (const sim::SinglePointOfFailure &s : v.failures.singlePointsOfFailure)
            rows.push_back({esc(v.name), esc(s.unit), esc(s.reason),
                            esc(s.workloads.join(QStringLiteral(", ")))});
    text += rows.empty() ? QStringLiteral("<p>None in any variant.</p>")
                         : table({QStringLiteral("variant"), QStringLiteral("unit"),
                                  QStringLiteral("why"), QStringLiteral("workloads hit")},
                                 rows);
    text += QStringLiteral("<h3>Worst blast radius and availability</h3>");
    rows.clear();
    for (const sim::VariantComparison &v : data.comparison.variants) {
        double worst = 0;
        QString unit;
        for (const sim::UnitBlastRadius &b : v.failures.blastRadius)
            for (double s : b.lostShare)
                if (s > worst) {
                    worst = s;
                    unit = b.unit;
                }
        QStringList availability;
        for (const sim::WorkloadAvailability &w : v.failures.workloads)
            availability << QStringLiteral("%1 %2").arg(esc(w.name)).arg(w.availability, 0, 'f', 6);
        rows.push_back({esc(v.name), unit.isEmpty() ? QStringLiteral("–") : esc(unit),
                        QStringLiteral("%1%").arg(100 * worst, 0, 'f', 1),
                        availability.join(QStringLiteral("<br>"))});
    }
    text += table({QStringLiteral("variant"), QStringLiteral("worst unit"),
                   QStringLiteral("requests lost while it is down"),
                   QStringLiteral("steady-state availability")},
                  rows, {2});
    text += QStringLiteral("<h3>Scenarios</h3>");
    rows.clear();
    for (const ScenarioRun &s : data.scenarios) {
        if (!s.error.isEmpty()) {
            rows.push_back({esc(s.variant), esc(s.scenario), QStringLiteral("–"),
                            QStringLiteral("not run: ") + esc(s.error), QString(), QString()});
            continue;
        }
        for (const sim::WorkloadResult &w : s.result.workloads)
            rows.push_back(
                {esc(s.variant),
                 QStringLiteral("%1<br><small>%2; run %3 s</small>")
                     .arg(esc(s.scenario), esc(describeEvents(data, s)))
                     .arg(s.result.durationSec + s.result.warmupSec),
                 esc(w.name), QStringLiteral("%1/s").arg(w.throughputPerSec, 0, 'f', 1),
                 w.p99Ms ? QStringLiteral("%1 ms").arg(*w.p99Ms, 0, 'f', 1) : QStringLiteral("–"),
                 w.errorRate ? QStringLiteral("%1%").arg(100 * *w.errorRate, 0, 'f', 2)
                             : QStringLiteral("–")});
    }
    text += rows.empty()
                ? QStringLiteral("<p>The variants have no scenarios.</p>")
                : QStringLiteral("<p>Each scenario's timed events in a DES run at the target "
                                 "load with the comparison's seed and replications, run long "
                                 "enough to cover every event and 30 s after it; the figures "
                                 "are over the whole run (length in brackets), faults "
                                 "included.</p>") +
                      table({QStringLiteral("variant"), QStringLiteral("scenario"),
                             QStringLiteral("workload"), QStringLiteral("throughput"),
                             QStringLiteral("p99"), QStringLiteral("failed requests")},
                            rows, {3, 4, 5});
    blocks.push_back(html(text, true));
}

void planSection(const ReportData &data, std::vector<ReportBlock> &blocks) {
    QString text = QStringLiteral("<h2>Capacity plan at %1</h2><p>The cheapest replica counts "
                                  "that meet the SLO (%2), searched analytically and confirmed "
                                  "with DES runs (see docs/compare.md).</p>")
                       .arg(formatRate(data.targetRate), esc(sloText(data.comparison.slo)));
    for (const sim::PlanResult &p : data.plans) {
        text += QStringLiteral("<h3>%1: %2</h3>")
                    .arg(esc(p.variant), p.feasible ? QStringLiteral("%1 per month (today %2)")
                                                          .arg(formatMoney(p.costPerMonth),
                                                               formatMoney(p.costPerMonthBefore))
                                                    : QStringLiteral("no plan — ") + esc(p.reason));
        std::vector<QStringList> rows;
        for (const sim::PlanUnit &u : p.units)
            rows.push_back({esc(u.id), QString::number(u.before), QString::number(u.replicas),
                            QStringLiteral("%1–%2").arg(u.min).arg(u.max),
                            formatMoney(u.costPerReplicaMonth * u.replicas),
                            QString::number(u.utilization, 'f', 2)});
        rows.push_back({QStringLiteral("<b>total</b>"), QString(), QString(), QString(),
                        QStringLiteral("<b>%1</b>").arg(formatMoney(p.costPerMonth)), QString()});
        text += table({QStringLiteral("unit"), QStringLiteral("replicas today"),
                       QStringLiteral("planned"), QStringLiteral("allowed"),
                       QStringLiteral("$ / month"), QStringLiteral("utilisation")},
                      rows, {1, 2, 4, 5});
        QStringList facts;
        if (p.p99Ms) facts << QStringLiteral("worst p99 %1 ms").arg(*p.p99Ms, 0, 'f', 1);
        if (p.errorRate) facts << QStringLiteral("error rate %1").arg(*p.errorRate, 0, 'g', 3);
        if (p.availability)
            facts << QStringLiteral("availability %1").arg(*p.availability, 0, 'f', 6);
        facts << QStringLiteral("%1 DES runs, %2 analytical evaluations")
                     .arg(p.desRuns)
                     .arg(p.analyticEvaluations);
        facts << (p.confirmed ? QStringLiteral("the DES confirmed the analytical plan")
                              : QStringLiteral("the DES corrected the analytical plan"));
        text += QStringLiteral("<p>%1.</p>").arg(esc(facts.join(QStringLiteral("; "))));
        for (const QString &n : p.notes)
            text += QStringLiteral("<p><i>%1</i></p>").arg(esc(n));
    }
    blocks.push_back(html(text, true));
}

void provenanceSection(const ReportData &data, std::vector<ReportBlock> &blocks) {
    const sim::VariantComparison &first = data.comparison.variants.front();
    const QJsonObject be = data.compareJson.value(QStringLiteral("breakEven")).toObject();
    const QJsonArray points = be.value(QStringLiteral("points")).toArray();
    std::vector<QStringList> rows{
        {QStringLiteral("engines"),
         QStringLiteral("discrete-event simulation (latency, errors, utilisation); analytical "
                        "queueing model (saturation, planner search, sensitivity); failure "
                        "analysis (availability, SPOFs, blast radius)")},
        {QStringLiteral("DES run"),
         QStringLiteral("%1 s measured after %2 s warm-up, %3 replications, seed %4 (the same "
                        "for every variant: common random numbers)")
             .arg(first.des.durationSec)
             .arg(first.des.warmupSec)
             .arg(first.des.replications)
             .arg(first.des.seed)},
        {QStringLiteral("confidence"),
         QStringLiteral("95% Student-t intervals over the replications; analytic rows differ "
                        "when the relative difference exceeds %1% (cost %2%)")
             .arg(100 * data.options.compare.analyticTolerance)
             .arg(100 * data.options.compare.costTolerance)},
        {QStringLiteral("target load"),
         QStringLiteral("%1 total over the open workloads (%2)")
             .arg(formatRate(data.targetRate), data.options.compare.ratePerSec
                                                   ? QStringLiteral("scaled together")
                                                   : QStringLiteral("as written in the model"))},
        {QStringLiteral("SLO"), esc(sloText(data.comparison.slo))},
        {QStringLiteral("break-even"),
         QStringLiteral("%1 steps from %2 to %3, plans %4")
             .arg(points.size())
             .arg(formatRate(
                 points.isEmpty() ? 0 : points.first()[QStringLiteral("ratePerSec")].toDouble()))
             .arg(formatRate(
                 points.isEmpty() ? 0 : points.last()[QStringLiteral("ratePerSec")].toDouble()))
             .arg(data.options.desPlans ? QStringLiteral("confirmed by the DES")
                                        : QStringLiteral("analytical (no DES correction)"))},
        {QStringLiteral("sensitivity"),
         QStringLiteral("%1 analytical plans; one factor at a time, ×%2 to ×%3")
             .arg(data.sensitivity.plans)
             .arg(1 - data.options.sensitivityRange, 0, 'f', 1)
             .arg(1 + data.options.sensitivityRange, 0, 'f', 1)},
        {QStringLiteral("program"), QStringLiteral("ArchSim %1").arg(esc(data.programVersion))},
        {QStringLiteral("date"), data.created.toString(Qt::ISODate)},
        {QStringLiteral("model file"), esc(data.options.modelFile)},
        {QStringLiteral("SHA-256 of the file"),
         QStringLiteral("<tt>%1</tt>").arg(data.contentHash)},
    };
    QString text = QStringLiteral("<h2>Assumptions and provenance</h2>") +
                   table({QStringLiteral("what"), QStringLiteral("value")}, rows);
    text += QStringLiteral("<h3>Approximations the engines used for this model</h3>");
    const QStringList notes = approximationNotes(data);
    if (notes.isEmpty()) {
        text += QStringLiteral("<p>None reported.</p>");
    } else {
        text += QStringLiteral("<ul>");
        for (const QString &n : notes)
            text += QStringLiteral("<li>%1</li>").arg(esc(n));
        text += QStringLiteral("</ul>");
    }
    text +=
        QStringLiteral("<h3>Inputs that are assumptions</h3><p>These come from the model, not from "
                       "measurement; the verdict is only as good as they are.</p><ul>");
    for (const Variant &v : data.variants) {
        int timed = 0, failing = 0, priced = 0;
        for (const Component &c : v.components)
            timed += c.serviceTimeMs > 0;
        for (const Unit &u : v.units) {
            failing += u.mtbfHours.has_value();
            priced += u.costPerHour > 0;
        }
        QStringList rates;
        for (const Workload &w : v.workloads)
            rates << (w.isClosed()
                          ? QStringLiteral("%1 (closed)").arg(w.name)
                          : QStringLiteral("%1 %2/s").arg(w.name).arg(w.ratePerSec.value_or(0)));
        text += QStringLiteral("<li><b>%1</b>: mean service times and their distributions of %2 "
                               "components; workload rates (%3); MTBF/MTTR of %4 units; prices "
                               "of %5 units (× 730 hours a month); network latency per "
                               "connection.%6</li>")
                    .arg(esc(v.name))
                    .arg(timed)
                    .arg(esc(rates.join(QStringLiteral(", "))))
                    .arg(failing)
                    .arg(priced)
                    .arg(v.description.isEmpty()
                             ? QString()
                             : QStringLiteral(" <i>%1</i>").arg(esc(v.description)));
    }
    text += QStringLiteral("</ul>");
    blocks.push_back(html(text, true));
}

} // namespace

ReportDocument buildReportDocument(const ReportData &data) {
    ReportDocument doc;
    QStringList names;
    for (const Variant &v : data.variants)
        names << v.name;
    doc.title = QStringLiteral("%1 — comparison report").arg(names.join(QStringLiteral(" vs ")));
    doc.blocks.push_back(
        html(QStringLiteral("<h1>%1</h1><p>%2, %3 · generated by ArchSim %4 on %5</p>")
                 .arg(esc(doc.title), esc(data.options.modelFile), formatRate(data.targetRate),
                      esc(data.programVersion),
                      data.created.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))));
    verdictSection(data, doc.blocks);
    for (int i = 0; i < data.variants.size(); ++i) {
        const sim::VariantComparison &v = data.comparison.variants[std::size_t(i)];
        doc.blocks.push_back(
            html(QStringLiteral("%1<h3>%2 at %3</h3><p>%4 units, %5 replicas, %6 per month as "
                                "configured; bottleneck %7.</p>")
                     .arg(i == 0 ? QStringLiteral("<h2>The designs</h2>") : QString(), esc(v.name),
                          formatRate(v.ratePerSec))
                     .arg(v.figures.units)
                     .arg(v.figures.replicas)
                     .arg(formatMoney(v.figures.costPerMonth), esc(v.analytic.bottleneck)),
                 true));
        doc.blocks.push_back(picture(variantDiagram(data, i), QSizeF(kContentWidth, 560),
                                     QStringLiteral("%1 diagram with utilisation").arg(v.name)));
    }
    comparisonSection(data, doc.blocks);
    chartsSection(data, doc.blocks);
    failureSection(data, doc.blocks);
    planSection(data, doc.blocks);
    provenanceSection(data, doc.blocks);
    return doc;
}

} // namespace archsim::report
