// SPDX-License-Identifier: GPL-3.0-or-later
// A chart as data: lines, bars, shaded spans, markers and explicit axis ranges. The builders
// (chartbuilder.h) make these from results; chartrender.h turns them into Qt Charts, PNG, SVG
// and CSV. Tests read the spec, so "which series, which ranges" is checked without pixels.
#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>

namespace archsim::charts {

struct ChartLine {
    QString name;
    QList<QPointF> points;
    bool dashed = false;
    int axis = 0; // 0: left y axis, 1: right y axis
    QColor color; // invalid: the theme's next colour
};

// A span of x shaded behind the lines: a warm-up, a fault window.
struct ChartShade {
    double from = 0;
    double to = 0;
    QString label;
    QColor color;
};

// A vertical line at x (the knee, the analytic saturation rate, a percentile).
struct ChartMarker {
    double x = 0;
    QString label;
    QColor color;
};

// A horizontal line at y on the left axis (utilisation thresholds).
struct ChartThreshold {
    double y = 0;
    QString label;
    QColor color;
};

// Category bars on the left axis; the highlighted one is drawn in a warning colour.
struct ChartBars {
    QString name;
    QStringList categories;
    QList<double> values;
    int highlight = -1;
};

struct ChartSpec {
    QString id; // short file-name stem: "latency", "sweep", ...
    QString title;
    QString xTitle;
    QString yTitle;
    QString y2Title; // empty: no right axis
    QList<ChartLine> lines;
    QList<ChartShade> shades;
    QList<ChartMarker> markers;
    QList<ChartThreshold> thresholds;
    std::optional<ChartBars> bars;
    double xMin = 0, xMax = 1;
    double yMin = 0, yMax = 1;
    double y2Min = 0, y2Max = 1;

    const ChartLine *line(const QString &name) const {
        for (const ChartLine &l : lines)
            if (l.name == name) return &l;
        return nullptr;
    }
};

} // namespace archsim::charts
