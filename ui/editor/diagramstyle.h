// SPDX-License-Identifier: GPL-3.0-or-later
// Sizes, colours and the icon of each component kind, shared by the canvas, palette and export.
#pragma once

#include "model/enums.h"

#include <QColor>
#include <QIcon>
#include <QSizeF>

class QSvgRenderer;

namespace archsim::ui::style {

inline constexpr double kComponentWidth = 130;
inline constexpr double kComponentHeight = 52;
inline constexpr double kGrid = 20;
inline constexpr double kLanePadding = 28;
inline constexpr double kLaneMinHeight = 100;
inline constexpr double kLaneLabelWidth = 120;
inline constexpr double kUnitPadding = 12;
inline constexpr double kKnobRadius = 6;

QColor kindColor(ComponentKind kind);
QString iconPath(ComponentKind kind); // ":/icons/service.svg"
QIcon kindIcon(ComponentKind kind);
QSvgRenderer *kindRenderer(ComponentKind kind); // shared, for painting on the canvas
QString kindLabel(ComponentKind kind);          // "Load balancer"

} // namespace archsim::ui::style
