// SPDX-License-Identifier: GPL-3.0-or-later
// Turns ChartSpecs into Qt Charts and files: PNG or SVG images (one panel or a stack) and CSV data.
// Works offscreen (the CLI's --plot); needs a QApplication because Qt Charts are widgets' items.
#pragma once

#include "ui/charts/chartspec.h"

#include <QSize>

class QChart;

namespace archsim::charts {

// A new chart (the caller owns it) with the spec's series, shades, markers and axis ranges.
QChart *buildChart(const ChartSpec &spec);

// Writes the charts stacked, one panel each, as PNG or SVG by PATH's extension. Returns an
// error message, empty on success.
QString saveCharts(const QList<ChartSpec> &specs, const QString &path,
                   QSize panel = QSize(1200, 420));
// The chart's data as CSV: "series,x,y" rows for lines, "category,value" rows for bars.
QString chartCsv(const ChartSpec &spec);
QString saveCsv(const ChartSpec &spec, const QString &path);

} // namespace archsim::charts
