// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/lanegeometry.h"

#include "ui/editor/cardtext.h"
#include "ui/editor/diagramstyle.h"

#include <QHash>

#include <algorithm>
#include <limits>

namespace archsim::ui {

QSizeF componentSize(const Component &c) {
    return cardText(c).size; // grown for the name, as the card is drawn
}

QString LaneGeometry::layerAt(double y) const {
    if (bands.isEmpty()) return {};
    for (const LaneBand &b : bands)
        if (y < b.bottom) return b.layerId;
    return bands.last().layerId;
}

LaneGeometry computeLanes(const Variant &variant, const QSet<QString> &excluded) {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    struct Extent {
        double top = kInf, bottom = -kInf;
    };
    QHash<QString, Extent> extents;
    LaneGeometry g;
    double left = kInf, right = -kInf;
    for (const Component &c : variant.components) {
        const QSizeF size = componentSize(c);
        left = std::min(left, c.x);
        right = std::max(right, c.x + size.width());
        if (excluded.contains(c.id)) continue;
        Extent &e = extents[c.layer];
        e.top = std::min(e.top, c.y);
        e.bottom = std::max(e.bottom, c.y + size.height());
    }
    if (left == kInf) {
        left = 0;
        right = 600;
    }
    g.left = left - style::kLaneLabelWidth - 40;
    g.right = std::max(right + 60, g.left + 800);

    double previousBottom = -kInf;
    for (int i = 0; i < variant.layers.size(); ++i) {
        const Layer &layer = variant.layers[i];
        const Extent e = extents.value(layer.id);
        LaneBand band{layer.id, 0, 0};
        const bool empty = e.top == kInf;
        const double wantedTop = empty ? previousBottom : e.top - style::kLanePadding;
        if (i == 0)
            band.top = empty ? 0 : wantedTop;
        else if (wantedTop > previousBottom && !empty)
            band.top = previousBottom; // lanes touch: the gap goes to the lower lane
        else
            band.top = previousBottom;
        if (!g.bands.isEmpty() && !empty && wantedTop > previousBottom) {
            // Split a gap between two lanes evenly.
            const double middle = (previousBottom + wantedTop) / 2;
            g.bands.last().bottom = middle;
            band.top = middle;
        }
        const double wantedBottom = empty ? band.top : e.bottom + style::kLanePadding;
        band.bottom = std::max(wantedBottom, band.top + style::kLaneMinHeight);
        previousBottom = band.bottom;
        g.bands.append(band);
    }
    return g;
}

} // namespace archsim::ui
