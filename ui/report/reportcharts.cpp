// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportcharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QGraphicsScene>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QValueAxis>

#include <cmath>

namespace archsim::report {

namespace {

// Lays CHART out at SIZE and draws it; the chart and its scene live only for this call.
void paintChart(QPainter &painter, const QSizeF &size, QChart *chart) {
    QGraphicsScene scene;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QFont title = chart->titleFont();
    title.setPointSizeF(10);
    title.setBold(true);
    chart->setTitleFont(title);
    QFont legend = chart->legend()->font();
    legend.setPointSizeF(8);
    chart->legend()->setFont(legend);
    scene.addItem(chart); // the scene owns the chart from here
    chart->setGeometry(QRectF(QPointF(0, 0), size));
    for (QAbstractAxis *axis : chart->axes()) {
        QFont f = axis->labelsFont();
        f.setPointSizeF(7.5);
        axis->setLabelsFont(f);
        f.setPointSizeF(8);
        axis->setTitleFont(f);
    }
    scene.setSceneRect(QRectF(QPointF(0, 0), size));
    scene.render(&painter, QRectF(QPointF(0, 0), size), QRectF(QPointF(0, 0), size));
}

// Qt Charts draws titles, legend entries and category labels as HTML: names from the model are
// escaped so that "<b>" or "&" shows as written.
QString label(const QString &text) {
    return text.toHtmlEscaped();
}

QValueAxis *valueAxis(const QString &title, double min, double max) {
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setRange(min, max > min ? max : min + 1);
    axis->applyNiceNumbers();
    axis->setLabelFormat(max - min >= 20 ? QStringLiteral("%.0f") : QStringLiteral("%.2g"));
    return axis;
}

void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y) {
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

QLineSeries *line(const QString &name, const QList<QPointF> &points, QColor color,
                  Qt::PenStyle style = Qt::SolidLine, double width = 2) {
    auto *s = new QLineSeries;
    s->setName(label(name));
    s->append(points);
    QPen pen(color);
    pen.setWidthF(width);
    pen.setStyle(style);
    s->setPen(pen);
    return s;
}

} // namespace

QColor variantColor(int i) {
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x5f, 0x00),
                                    QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
                                    QColor(0x8c, 0x56, 0x4b)};
    return colors[std::size_t(i) % std::size(colors)];
}

Picture latencyChart(const ReportData &data) {
    return [&data](QPainter &painter, const QSizeF &size) {
        auto *chart = new QChart;
        chart->setTitle(QStringLiteral("Latency percentiles against load (DES; open workloads, "
                                       "worst workload)"));
        double xMax = 1, yMin = 1e9, yMax = 1;
        struct Curve {
            QString name;
            QList<QPointF> p50, p95, p99;
            std::optional<QPointF> knee;
        };
        std::vector<Curve> curves;
        for (const sim::SweepResult &s : data.sweeps) {
            Curve c{s.variant, {}, {}, {}, {}};
            for (std::size_t i = 0; i < s.points.size(); ++i) {
                const sim::SweepPoint &p = s.points[i];
                if (s.knee && int(i) == *s.knee) {
                    c.knee = QPointF(p.ratePerSec, 0);
                    xMax = std::max(xMax, p.ratePerSec);
                }
                if (p.result.saturated) break; // the queue grows: no steady percentile
                double p50 = 0, p95 = 0, p99 = 0;
                for (const sim::WorkloadResult &w : p.result.workloads) {
                    if (w.closed) continue;
                    p50 = std::max(p50, w.p50Ms.value_or(0));
                    p95 = std::max(p95, w.p95Ms.value_or(0));
                    p99 = std::max(p99, w.p99Ms.value_or(0));
                }
                if (!(p50 > 0)) continue;
                c.p50 << QPointF(p.ratePerSec, p50);
                c.p95 << QPointF(p.ratePerSec, p95);
                c.p99 << QPointF(p.ratePerSec, p99);
                xMax = std::max(xMax, p.ratePerSec);
                yMin = std::min(yMin, p50);
                yMax = std::max(yMax, p99);
            }
            curves.push_back(c);
        }
        if (data.options.compare.slo.p99Ms) yMax = std::max(yMax, *data.options.compare.slo.p99Ms);
        auto *x = valueAxis(QStringLiteral("total open rate (requests/s)"), 0, xMax);
        auto *y = new QLogValueAxis;
        y->setTitleText(QStringLiteral("ms (log scale)"));
        y->setBase(10);
        y->setLabelFormat(QStringLiteral("%g"));
        y->setRange(std::pow(10, std::floor(std::log10(std::max(0.01, yMin)))),
                    std::pow(10, std::ceil(std::log10(yMax * 1.2))));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (std::size_t v = 0; v < curves.size(); ++v) {
            const QColor color = variantColor(int(v));
            const Curve &c = curves[v];
            attach(chart, line(c.name + QStringLiteral(" p50"), c.p50, color, Qt::DotLine), x, y);
            attach(chart, line(c.name + QStringLiteral(" p95"), c.p95, color, Qt::DashLine), x, y);
            attach(chart, line(c.name + QStringLiteral(" p99"), c.p99, color, Qt::SolidLine), x, y);
            if (c.knee) {
                const double k = c.knee->x();
                attach(chart,
                       line(QStringLiteral("%1 knee %2/s").arg(c.name).arg(k, 0, 'f', 0),
                            {{k, y->min()}, {k, y->max()}}, color, Qt::DotLine, 2.5),
                       x, y);
            }
        }
        if (data.options.compare.slo.p99Ms) {
            const double t = *data.options.compare.slo.p99Ms;
            attach(chart,
                   line(QStringLiteral("SLO p99 %1 ms").arg(t), {{0, t}, {xMax, t}}, Qt::red,
                        Qt::DashDotLine, 1.5),
                   x, y);
        }
        const double today = data.targetRate;
        attach(chart,
               line(QStringLiteral("target %1/s").arg(today, 0, 'f', 0),
                    {{today, y->min()}, {today, y->max()}}, Qt::darkGray, Qt::DashLine, 1.5),
               x, y);
        chart->legend()->setAlignment(Qt::AlignRight); // one entry a line: names stay whole
        paintChart(painter, size, chart);
    };
}

Picture costChart(const ReportData &data) {
    return [&data](QPainter &painter, const QSizeF &size) {
        auto *chart = new QChart;
        chart->setTitle(QStringLiteral("Cheapest monthly cost that meets the SLO (break-even)"));
        const QJsonObject be = data.compareJson.value(QStringLiteral("breakEven")).toObject();
        const QJsonArray points = be.value(QStringLiteral("points")).toArray();
        double xMax = 1, yMax = 1;
        std::vector<QList<QPointF>> lines(std::size_t(data.variants.size()));
        for (const QJsonValue &pv : points) {
            const QJsonObject p = pv.toObject();
            const double rate = p.value(QStringLiteral("ratePerSec")).toDouble();
            xMax = std::max(xMax, rate);
            const QJsonArray costs = p.value(QStringLiteral("costPerMonth")).toArray();
            for (std::size_t v = 0; v < lines.size(); ++v)
                if (costs.at(qsizetype(v)).isDouble()) {
                    lines[v] << QPointF(rate, costs.at(qsizetype(v)).toDouble());
                    yMax = std::max(yMax, costs.at(qsizetype(v)).toDouble());
                }
        }
        auto *x = valueAxis(QStringLiteral("total open rate (requests/s)"), 0, xMax);
        auto *y = valueAxis(QStringLiteral("$ per month"), 0, yMax * 1.1);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (std::size_t v = 0; v < lines.size(); ++v)
            attach(chart, line(data.variants[qsizetype(v)].name, lines[v], variantColor(int(v))), x,
                   y);
        if (be.value(QStringLiteral("crossingRatePerSec")).isDouble()) {
            const double c = be.value(QStringLiteral("crossingRatePerSec")).toDouble();
            attach(chart,
                   line(QStringLiteral("break-even %1/s").arg(c, 0, 'f', 0),
                        {{c, 0}, {c, y->max()}}, Qt::red, Qt::DotLine),
                   x, y);
        }
        const double today = data.targetRate;
        attach(chart,
               line(QStringLiteral("target %1/s").arg(today, 0, 'f', 0),
                    {{today, 0}, {today, y->max()}}, Qt::darkGray, Qt::DashLine, 1.5),
               x, y);
        paintChart(painter, size, chart);
    };
}

Picture utilizationChart(const ReportData &data, int variant) {
    return [&data, variant](QPainter &painter, const QSizeF &size) {
        const sim::VariantComparison &v = data.comparison.variants[std::size_t(variant)];
        auto *chart = new QChart;
        chart->setTitle(
            QStringLiteral("%1 at %2/s").arg(label(v.name)).arg(v.ratePerSec, 0, 'f', 0));
        auto *set = new QBarSet(QStringLiteral("utilisation"));
        set->setColor(variantColor(variant));
        QStringList categories;
        // Bottom to top in a horizontal chart: reversed, so the list reads like the table.
        for (auto it = v.des.units.rbegin(); it != v.des.units.rend(); ++it) {
            if (!(it->utilization > 0)) continue;
            categories << label(it->id);
            *set << it->utilization;
        }
        auto *series = new QHorizontalBarSeries;
        series->append(set);
        series->setLabelsVisible(true);
        series->setLabelsFormat(QStringLiteral("@value"));
        series->setLabelsPrecision(2);
        series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
        set->setLabelColor(Qt::black);
        auto *y = new QBarCategoryAxis;
        y->append(categories);
        auto *x = valueAxis(QStringLiteral("utilisation per unit (DES)"), 0, 1);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        attach(chart, series, x, y);
        chart->legend()->hide();
        paintChart(painter, size, chart);
    };
}

Picture downtimeChart(const ReportData &data) {
    return [&data](QPainter &painter, const QSizeF &size) {
        auto *chart = new QChart;
        chart->setTitle(QStringLiteral("Downtime per workload"));
        auto *series = new QBarSeries;
        QStringList workloads;
        for (const sim::WorkloadAvailability &w :
             data.comparison.variants.front().failures.workloads)
            workloads << w.name;
        double top = 1;
        for (std::size_t i = 0; i < data.comparison.variants.size(); ++i) {
            const sim::VariantComparison &v = data.comparison.variants[i];
            auto *set = new QBarSet(label(v.name));
            set->setColor(variantColor(int(i)));
            for (const QString &name : workloads) {
                double a = 1;
                for (const sim::WorkloadAvailability &w : v.failures.workloads)
                    if (w.name == name) a = w.availability;
                *set << (1 - a) * sim::kMinutesPerYear;
                top = std::max(top, (1 - a) * sim::kMinutesPerYear);
            }
            series->append(set);
        }
        series->setLabelsVisible(true);
        series->setLabelsPrecision(3);
        auto *x = new QBarCategoryAxis;
        for (const QString &w : std::as_const(workloads))
            x->append(label(w));
        auto *y = valueAxis(QStringLiteral("minutes per year"), 0, top * 1.15);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        attach(chart, series, x, y);
        paintChart(painter, size, chart);
    };
}

Picture blastRadiusChart(const ReportData &data) {
    return [&data](QPainter &painter, const QSizeF &size) {
        auto *chart = new QChart;
        chart->setTitle(QStringLiteral("Worst blast radius"));
        auto *set = new QBarSet(QStringLiteral("% of a workload's requests lost, one unit down"));
        QStringList categories;
        for (const sim::VariantComparison &v : data.comparison.variants) {
            double worst = 0;
            for (const sim::UnitBlastRadius &b : v.failures.blastRadius)
                for (double s : b.lostShare)
                    worst = std::max(worst, s);
            categories << label(v.name); // the unit is named in the failure tables
            *set << 100 * worst;
        }
        set->setColor(QColor(0xc6, 0x28, 0x28));
        auto *series = new QBarSeries;
        series->append(set);
        series->setLabelsVisible(true);
        auto *x = new QBarCategoryAxis;
        x->append(categories);
        auto *y = valueAxis(QStringLiteral("%"), 0, 110);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        attach(chart, series, x, y);
        paintChart(painter, size, chart);
    };
}

} // namespace archsim::report
