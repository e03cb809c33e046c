// SPDX-License-Identifier: GPL-3.0-or-later
// Layered (Sugiyama-style) automatic layout: rows follow the model's layers, a wide layer wraps
// into several lines (callees of calls inside the layer go a line lower, so those calls stay
// visible), and the order in each line reduces crossings by barycenter sweeps over a Boost.Graph
// of the calls. Whether the result is applied is decided by layoutscore.h.
#pragma once

#include "ui/editor/layoutscore.h"

#include <QHash>
#include <QPointF>

namespace archsim::ui {

// New top-left positions for the components IDS (all components when empty); no other
// component is in the result. A selection keeps its rows' heights and its left edge.
QHash<QString, QPointF> layeredLayout(const Variant &variant, const QStringList &ids);

struct AutoLayoutPlan {
    QHash<QString, QPointF> positions; // the layout computed
    LayoutScore before, after;
    bool better() const { return after.total() < before.total(); }
};

// The layout of IDS (all when empty) and the scores of the diagram before and after it.
AutoLayoutPlan planAutoLayout(const Variant &variant, const QStringList &ids);

} // namespace archsim::ui
