// SPDX-License-Identifier: GPL-3.0-or-later
#include "plotwriter.h"

#include <QAreaSeries>
#include <QChart>
#include <QGraphicsScene>
#include <QImage>
#include <QJsonArray>
#include <QLegend>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

namespace archsim::cli {

namespace {

constexpr int kWidth = 1200;
constexpr int kPanelHeight = 380;

struct Line {
    QString name;
    std::vector<QPointF> points;
    bool dashed = false;
};

// A time span shaded behind a panel's lines (a scenario's fault window).
struct Shade {
    double from = 0;
    double to = 0;
    QString label;
};

// One chart panel: lines over a shared x axis, y from zero, shaded spans behind them.
QChart *makeChart(const QString &title, const QString &xTitle, const QString &yTitle,
                  const std::vector<Line> &lines, std::optional<double> markerX = {},
                  const std::vector<Shade> &shades = {},
                  const QString &markerName = QStringLiteral("knee")) {
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignRight);
    auto *x = new QValueAxis;
    auto *y = new QValueAxis;
    x->setTitleText(xTitle);
    y->setTitleText(yTitle);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double xMin = 0, xMax = 1, yMax = 0;
    bool first = true;
    for (const Line &line : lines)
        for (const QPointF &p : line.points) {
            if (!std::isfinite(p.y())) continue;
            xMin = first ? p.x() : std::min(xMin, p.x());
            xMax = first ? p.x() : std::max(xMax, p.x());
            yMax = std::max(yMax, p.y());
            first = false;
        }
    if (markerX) {
        xMin = first ? *markerX : std::min(xMin, *markerX);
        xMax = first ? *markerX : std::max(xMax, *markerX);
    }
    if (xMax <= xMin) xMax = xMin + 1;
    // Nice ranges first, so the shading fills the panel's full height.
    x->setRange(xMin, xMax);
    y->setRange(0, yMax > 0 ? yMax * 1.1 : 1);
    // The x axis ends where the data ends (nice numbers would pad a 310 s run to 400 s), with
    // ticks on round values: 1, 2 or 5 times a power of ten, about six of them.
    const double rawStep = (xMax - xMin) / 6;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rawStep)));
    const double step = rawStep / magnitude < 2   ? magnitude
                        : rawStep / magnitude < 5 ? 2 * magnitude
                                                  : 5 * magnitude;
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(step);
    x->setLabelFormat(QStringLiteral("%.4g"));
    y->applyNiceNumbers();
    const double top = y->max();
    for (const Shade &shade : shades) {
        // Drawn first, so the lines stay on top; clipped to the plotted time.
        const double from = std::max(shade.from, xMin), to = std::min(shade.to, xMax);
        if (!(to > from)) continue;
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        upper->append(from, top);
        upper->append(to, top);
        lower->append(from, 0);
        lower->append(to, 0);
        auto *area = new QAreaSeries(upper, lower);
        area->setName(shade.label);
        area->setColor(QColor(255, 80, 80, 45));
        area->setBorderColor(QColor(255, 80, 80, 90));
        chart->addSeries(area);
        area->attachAxis(x);
        area->attachAxis(y);
    }
    for (const Line &line : lines) {
        auto *series = new QLineSeries;
        series->setName(line.name);
        for (const QPointF &p : line.points)
            if (std::isfinite(p.y())) series->append(p);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        QPen pen = series->pen();
        pen.setWidthF(2);
        if (line.dashed) pen.setStyle(Qt::DashLine);
        series->setPen(pen);
    }
    if (markerX) {
        auto *knee = new QLineSeries;
        knee->setName(markerName);
        knee->append(*markerX, 0);
        knee->append(*markerX, yMax > 0 ? yMax * 1.05 : 1);
        QPen pen(Qt::red);
        pen.setWidthF(2);
        pen.setStyle(Qt::DotLine);
        knee->setPen(pen);
        chart->addSeries(knee);
        knee->attachAxis(x);
        knee->attachAxis(y);
    }
    return chart;
}

bool render(const std::vector<QChart *> &charts, const QString &path, QString *error) {
    QGraphicsScene scene;
    const int height = kPanelHeight * int(charts.size());
    QImage image(kWidth, height, QImage::Format_ARGB32);
    image.fill(Qt::white);
    for (std::size_t i = 0; i < charts.size(); ++i) {
        scene.addItem(charts[i]); // the scene owns the charts from here
        charts[i]->setGeometry(0, double(i) * kPanelHeight, kWidth, kPanelHeight);
    }
    scene.setSceneRect(0, 0, kWidth, height);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        scene.render(&painter, QRectF(0, 0, kWidth, height), scene.sceneRect());
    }
    if (!image.save(path, "PNG")) {
        *error = QStringLiteral("cannot write \"%1\"").arg(path);
        return false;
    }
    return true;
}

} // namespace

bool wantsPlot(int argc, char **argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--plot") == 0 || std::strncmp(argv[i], "--plot=", 7) == 0)
            return true;
    return false;
}

bool writeSimulationPlot(const sim::LoadResult &r, const QString &path, QString *error) {
    if (r.series.empty()) {
        *error = QStringLiteral("the run has no time series");
        return false;
    }
    std::vector<Line> latency, throughput, utilization, errors;
    const double end = r.warmupSec + r.durationSec;
    std::vector<Shade> shades;
    for (const sim::LoadResult::FaultWindow &f : r.faults)
        shades.push_back(Shade{f.atSec, std::min(end, f.endSec.value_or(end)), f.label});
    bool anyRetries = false, anyDegraded = false;
    for (const sim::SeriesPoint &p : r.series)
        for (std::size_t w = 0; w < r.workloads.size(); ++w) {
            anyRetries = anyRetries || (w < p.retriesPerSec.size() && p.retriesPerSec[w] > 0);
            anyDegraded = anyDegraded || (w < p.degradedPerSec.size() && p.degradedPerSec[w] > 0);
        }
    for (std::size_t w = 0; w < r.workloads.size(); ++w) {
        Line failed{r.workloads[w].name + QStringLiteral(" errors"), {}};
        Line degraded{r.workloads[w].name + QStringLiteral(" degraded"), {}, true};
        Line retries{r.workloads[w].name + QStringLiteral(" retries"), {}, true};
        for (const sim::SeriesPoint &p : r.series) {
            const double t = p.timeSec + r.intervalSec / 2;
            failed.points.emplace_back(t, p.errorsPerSec[w]);
            if (anyDegraded) degraded.points.emplace_back(t, p.degradedPerSec[w]);
            if (anyRetries) retries.points.emplace_back(t, p.retriesPerSec[w]);
        }
        errors.push_back(failed);
        if (anyDegraded) errors.push_back(degraded);
        if (anyRetries) errors.push_back(retries);
        Line mean{r.workloads[w].name + QStringLiteral(" mean"), {}};
        Line p99{r.workloads[w].name + QStringLiteral(" p99"), {}, true};
        Line tput{r.workloads[w].name, {}};
        for (const sim::SeriesPoint &p : r.series) {
            const double t = p.timeSec + r.intervalSec / 2;
            if (p.throughputPerSec[w] > 0) {
                mean.points.emplace_back(t, p.meanResponseMs[w]);
                p99.points.emplace_back(t, p.p99Ms[w]);
            }
            tput.points.emplace_back(t, p.throughputPerSec[w]);
        }
        latency.push_back(mean);
        latency.push_back(p99);
        throughput.push_back(tput);
    }
    // The busiest units only, so the legend stays readable.
    std::vector<std::size_t> order(r.units.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return r.units[a].utilization > r.units[b].utilization;
    });
    order.resize(std::min<std::size_t>(order.size(), 6));
    for (std::size_t u : order) {
        Line line{r.units[u].id, {}};
        for (const sim::SeriesPoint &p : r.series)
            line.points.emplace_back(p.timeSec + r.intervalSec / 2, p.utilization[u]);
        utilization.push_back(line);
    }
    const QString time = QStringLiteral("time (s); warm-up ends at %1 s").arg(r.warmupSec);
    QString title = QStringLiteral("%1: latency of answered requests (%2 replication(s))")
                        .arg(r.variant)
                        .arg(r.replications);
    if (!shades.empty()) title += QStringLiteral(", fault windows shaded");
    return render({makeChart(title, time, QStringLiteral("ms"), latency, {}, shades),
                   makeChart(QStringLiteral("Errors (failed requests)"), time,
                             QStringLiteral("per second"), errors, {}, shades),
                   makeChart(QStringLiteral("Throughput (answered requests)"), time,
                             QStringLiteral("requests/s"), throughput, {}, shades),
                   makeChart(QStringLiteral("Utilisation (busiest units)"), time,
                             QStringLiteral("share"), utilization, {}, shades)},
                  path, error);
}

bool writeBreakEvenPlot(const QJsonObject &doc, const QString &path, QString *error) {
    const QJsonObject be = doc.value(QStringLiteral("breakEven")).toObject();
    const QJsonArray points = be.value(QStringLiteral("points")).toArray();
    const QJsonArray variants = doc.value(QStringLiteral("variants")).toArray();
    if (points.isEmpty() || variants.isEmpty()) {
        *error = QStringLiteral("the break-even run has no points");
        return false;
    }
    std::vector<Line> lines;
    for (qsizetype v = 0; v < variants.size(); ++v) {
        Line line{variants[v].toObject().value(QStringLiteral("name")).toString(), {}};
        for (const QJsonValue &pv : points) {
            const QJsonObject p = pv.toObject();
            const QJsonValue cost = p.value(QStringLiteral("costPerMonth")).toArray().at(v);
            if (cost.isDouble())
                line.points.emplace_back(p.value(QStringLiteral("ratePerSec")).toDouble(),
                                         cost.toDouble());
        }
        lines.push_back(line);
    }
    // Today's load up to the first variant's saturation, shaded: the headroom.
    const QJsonObject first = variants.first().toObject();
    const double today = first.value(QStringLiteral("ratePerSec")).toDouble();
    const double saturation = first.value(QStringLiteral("saturationRatePerSec")).toDouble();
    std::vector<Shade> shades;
    if (saturation > today)
        shades.push_back(Shade{today, saturation,
                               QStringLiteral("today %1/s to saturation of %2")
                                   .arg(today, 0, 'f', 0)
                                   .arg(lines.front().name)});
    std::optional<double> crossing;
    if (be.value(QStringLiteral("crossingRatePerSec")).isDouble())
        crossing = be.value(QStringLiteral("crossingRatePerSec")).toDouble();
    QString title = QStringLiteral("Cheapest monthly cost that meets the SLO");
    if (crossing) title += QStringLiteral(", break-even at %1/s").arg(*crossing, 0, 'f', 0);
    return render({makeChart(title, QStringLiteral("total open rate (requests/s)"),
                             QStringLiteral("$ per month"), lines, crossing, shades,
                             QStringLiteral("break-even"))},
                  path, error);
}

bool writeSweepPlot(const sim::SweepResult &r, const QString &path, QString *error) {
    if (r.points.empty()) {
        *error = QStringLiteral("the sweep has no points");
        return false;
    }
    std::vector<Line> latency, utilization;
    const sim::LoadResult &first = r.points.front().result;
    for (std::size_t w = 0; w < first.workloads.size(); ++w) {
        Line mean{first.workloads[w].name + QStringLiteral(" mean"), {}};
        Line p99{first.workloads[w].name + QStringLiteral(" p99"), {}, true};
        for (const sim::SweepPoint &p : r.points) {
            const sim::WorkloadResult &wr = p.result.workloads[w];
            if (p.result.saturated) continue;
            mean.points.emplace_back(p.ratePerSec, wr.meanResponseMs);
            if (wr.p99Ms) p99.points.emplace_back(p.ratePerSec, *wr.p99Ms);
        }
        latency.push_back(mean);
        if (!p99.points.empty()) latency.push_back(p99);
    }
    const sim::LoadResult &last = r.points.back().result;
    std::vector<std::size_t> order(last.units.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return last.units[a].utilization > last.units[b].utilization;
    });
    order.resize(std::min<std::size_t>(order.size(), 6));
    for (std::size_t u : order) {
        Line line{last.units[u].id, {}};
        for (const sim::SweepPoint &p : r.points)
            line.points.emplace_back(p.ratePerSec, p.result.units[u].utilization);
        utilization.push_back(line);
    }
    std::optional<double> knee;
    if (r.knee) knee = r.points[std::size_t(*r.knee)].ratePerSec;
    const QString x = QStringLiteral("total open rate (requests/s)");
    QString title = QStringLiteral("%1: latency against load (%2 engine)").arg(r.variant, r.engine);
    if (knee) title += QStringLiteral(", knee at %1/s").arg(*knee, 0, 'f', 1);
    return render({makeChart(title, x, QStringLiteral("ms"), latency, knee),
                   makeChart(QStringLiteral("Utilisation (busiest units)"), x,
                             QStringLiteral("share"), utilization, knee)},
                  path, error);
}

} // namespace archsim::cli
