// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/chartrender.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QLegend>
#include <QLineSeries>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QValueAxis>

#include <cmath>

namespace archsim::charts {

namespace {

// Ticks on round values (1, 2 or 5 times a power of ten, about six of them), the axis ending
// where the data ends rather than padded to a nice number.
void roundTicks(QValueAxis *axis, double from, double to) {
    const double raw = (to - from) / 6;
    if (!(raw > 0) || !std::isfinite(raw)) return;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double step = raw / magnitude < 2   ? magnitude
                        : raw / magnitude < 5 ? 2 * magnitude
                                              : 5 * magnitude;
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(QStringLiteral("%.4g"));
}

QLineSeries *segment(QChart *chart, QValueAxis *x, QValueAxis *y, QPointF a, QPointF b,
                     const QString &name, const QColor &color, Qt::PenStyle style) {
    auto *s = new QLineSeries;
    s->setName(name);
    s->append(a);
    s->append(b);
    QPen pen(color.isValid() ? color : QColor(Qt::red));
    pen.setWidthF(2);
    pen.setStyle(style);
    s->setPen(pen);
    chart->addSeries(s);
    s->attachAxis(x);
    s->attachAxis(y);
    return s;
}

} // namespace

QChart *buildChart(const ChartSpec &spec) {
    auto *chart = new QChart;
    chart->setTitle(spec.title);
    chart->legend()->setAlignment(Qt::AlignRight);
    auto *y = new QValueAxis;
    y->setTitleText(spec.yTitle);
    y->setRange(spec.yMin, spec.yMax);
    chart->addAxis(y, Qt::AlignLeft);
    QValueAxis *y2 = nullptr;
    if (!spec.y2Title.isEmpty()) {
        y2 = new QValueAxis;
        y2->setTitleText(spec.y2Title);
        y2->setRange(spec.y2Min, spec.y2Max);
        chart->addAxis(y2, Qt::AlignRight);
    }
    auto *x = new QValueAxis;
    x->setRange(spec.xMin, spec.xMax);
    if (spec.bars) {
        // Bars on a category axis; thresholds on a hidden value axis spanning the same width.
        auto *categories = new QBarCategoryAxis;
        categories->append(spec.bars->categories);
        categories->setTitleText(spec.xTitle);
        chart->addAxis(categories, Qt::AlignBottom);
        auto *series = new QBarSeries;
        auto *set = new QBarSet(spec.bars->name);
        set->setColor(QColor(0, 114, 178));
        for (double v : spec.bars->values)
            set->append(v);
        if (spec.bars->highlight >= 0) {
            set->setSelectedColor(QColor(213, 94, 0));
            set->selectBar(spec.bars->highlight);
        }
        series->append(set);
        chart->addSeries(series);
        series->attachAxis(categories);
        series->attachAxis(y);
        x->setVisible(false);
        chart->addAxis(x, Qt::AlignBottom);
    } else {
        x->setTitleText(spec.xTitle);
        roundTicks(x, spec.xMin, spec.xMax);
        chart->addAxis(x, Qt::AlignBottom);
    }
    for (const ChartShade &shade : spec.shades) {
        const double from = std::max(shade.from, spec.xMin), to = std::min(shade.to, spec.xMax);
        if (!(to > from)) continue;
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        upper->append(from, spec.yMax);
        upper->append(to, spec.yMax);
        lower->append(from, spec.yMin);
        lower->append(to, spec.yMin);
        auto *area = new QAreaSeries(upper, lower);
        // QAreaSeries does not own its boundary lines: the area does, so they go with it.
        upper->setParent(area);
        lower->setParent(area);
        area->setName(shade.label);
        const QColor c = shade.color.isValid() ? shade.color : QColor(213, 94, 0, 50);
        area->setColor(c);
        area->setBorderColor(QColor(c.red(), c.green(), c.blue(), 110));
        chart->addSeries(area);
        area->attachAxis(x);
        area->attachAxis(y);
    }
    for (const ChartLine &line : spec.lines) {
        auto *series = new QLineSeries;
        series->setName(line.name);
        for (const QPointF &p : line.points)
            if (std::isfinite(p.y())) series->append(p);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(line.axis == 1 && y2 ? y2 : y);
        QPen pen = series->pen();
        if (line.color.isValid()) pen.setColor(line.color);
        pen.setWidthF(2);
        if (line.dashed) pen.setStyle(Qt::DashLine);
        series->setPen(pen);
    }
    for (const ChartThreshold &t : spec.thresholds)
        segment(chart, x, y, QPointF(spec.xMin, t.y), QPointF(spec.xMax, t.y), t.label, t.color,
                Qt::DashLine);
    for (const ChartMarker &m : spec.markers)
        segment(chart, x, y, QPointF(m.x, spec.yMin), QPointF(m.x, spec.yMax), m.label, m.color,
                Qt::DotLine);
    return chart;
}

QString saveCharts(const QList<ChartSpec> &specs, const QString &path, QSize panel) {
    if (specs.isEmpty()) return QStringLiteral("nothing to draw");
    QGraphicsScene scene;
    const int height = panel.height() * int(specs.size());
    for (int i = 0; i < specs.size(); ++i) {
        QChart *chart = buildChart(specs[i]);
        scene.addItem(chart); // the scene owns the charts from here
        chart->setGeometry(0, double(i) * panel.height(), panel.width(), panel.height());
    }
    const QRectF rect(0, 0, panel.width(), height);
    scene.setSceneRect(rect);
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(QSize(panel.width(), height));
        svg.setViewBox(rect);
        svg.setTitle(specs.first().title);
        QPainter painter;
        if (!painter.begin(&svg)) return QStringLiteral("cannot write \"%1\"").arg(path);
        painter.fillRect(rect, Qt::white);
        scene.render(&painter, rect, rect);
        painter.end();
        return QFileInfo(path).size() > 0 ? QString()
                                          : QStringLiteral("cannot write \"%1\"").arg(path);
    }
    QImage image(panel.width(), height, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        scene.render(&painter, rect, rect);
    }
    if (!image.save(path, "PNG")) return QStringLiteral("cannot write \"%1\"").arg(path);
    return {};
}

QString chartCsv(const ChartSpec &spec) {
    auto quote = [](QString s) {
        if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')))
            s = QLatin1Char('"') + s.replace(QLatin1String("\""), QLatin1String("\"\"")) +
                QLatin1Char('"');
        return s;
    };
    QString out;
    if (spec.bars) {
        out += QStringLiteral("category,%1\n").arg(quote(spec.bars->name));
        for (int i = 0; i < spec.bars->categories.size(); ++i)
            out += QStringLiteral("%1,%2\n")
                       .arg(quote(spec.bars->categories[i]))
                       .arg(spec.bars->values.value(i), 0, 'g', 10);
    }
    if (!spec.lines.isEmpty()) {
        out += QStringLiteral("series,%1,%2\n").arg(quote(spec.xTitle), quote(spec.yTitle));
        for (const ChartLine &l : spec.lines)
            for (const QPointF &p : l.points)
                out += QStringLiteral("%1,%2,%3\n")
                           .arg(quote(l.name))
                           .arg(p.x(), 0, 'g', 10)
                           .arg(p.y(), 0, 'g', 10);
    }
    return out;
}

QString saveCsv(const ChartSpec &spec, const QString &path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) ||
        file.write(chartCsv(spec).toUtf8()) < 0 || !file.commit())
        return QStringLiteral("cannot write \"%1\"").arg(path);
    return {};
}

} // namespace archsim::charts
