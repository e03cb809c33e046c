// SPDX-License-Identifier: GPL-3.0-or-later
// The report's pictures as painters: each draws itself into (0, 0, size) of any QPainter — a
// PDF page (vector), an image for the HTML file. Charts are Qt Charts laid out at SIZE; the
// diagram and the tornado chart are drawn directly.
#pragma once

#include "ui/report/reportstudy.h"

#include <QColor>
#include <QSizeF>

#include <functional>

class QPainter;

namespace archsim::report {

using Picture = std::function<void(QPainter &painter, const QSizeF &size)>;

// The colour of variant I in every chart.
QColor variantColor(int i);

Picture latencyChart(const ReportData &data);
Picture costChart(const ReportData &data);
Picture utilizationChart(const ReportData &data, int variant);
Picture downtimeChart(const ReportData &data);
Picture blastRadiusChart(const ReportData &data);

} // namespace archsim::report
