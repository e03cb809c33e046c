// SPDX-License-Identifier: GPL-3.0-or-later
// Where each layer's lane lies on the canvas: lanes follow the positions of their components,
// stacked top to bottom in layer order without overlapping.
#pragma once

#include "model/variant.h"

#include <QSet>

namespace archsim::ui {

struct LaneBand {
    QString layerId;
    double top = 0;
    double bottom = 0;
};

struct LaneGeometry {
    QList<LaneBand> bands;
    double left = 0;
    double right = 0;

    // The layer whose lane holds Y: the nearest lane above or below when Y is outside all.
    QString layerAt(double y) const;
};

// EXCLUDED components (those being dragged) do not shape the lanes.
LaneGeometry computeLanes(const Variant &variant, const QSet<QString> &excluded = {});

QSizeF componentSize(const Component &component);

} // namespace archsim::ui
