// SPDX-License-Identifier: GPL-3.0-or-later
// Pictures the report draws itself with QPainter (no chart type fits them): the tornado chart
// of the verdict's sensitivity and each variant's diagram with the utilisation overlay.
#pragma once

#include "ui/report/reportcharts.h"

namespace archsim::report {

// One bar per factor: the recommended variant's monthly cost advantage at -range and +range.
Picture tornadoChart(const ReportData &data);

// Variant I's diagram, each card coloured by its unit's DES utilisation at the target load
// (the comparison's run). Drawn here rather than by the editor's scene so the CLI needs no
// editor; cards sit at the positions stored in the model, units are boxes around their cards.
Picture variantDiagram(const ReportData &data, int variant);

// Green below 0.6, amber below 0.85, red from there (the planner's ceiling is 0.85).
QColor utilizationColor(double utilization);

} // namespace archsim::report
