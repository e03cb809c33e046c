// SPDX-License-Identifier: GPL-3.0-or-later
// Layered (Sugiyama-style) automatic layout: rows follow the model's layers, the order in each
// row minimises crossings by barycenter sweeps over a Boost.Graph of the calls.
#pragma once

#include "model/variant.h"

#include <QHash>
#include <QPointF>

namespace archsim::ui {

// New top-left positions for the components IDS (all components when empty); no other
// component is in the result. A selection keeps its rows' heights and its left edge.
QHash<QString, QPointF> layeredLayout(const Variant &variant, const QStringList &ids);

} // namespace archsim::ui
