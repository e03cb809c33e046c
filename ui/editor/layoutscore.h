// SPDX-License-Identifier: GPL-3.0-or-later
// A measure of how well a diagram reads, to decide whether an automatic layout is better than
// the one it would replace. Lower is better. The connections are routed as the canvas routes
// them (connectionrouter.h), so the score counts what a reader sees: crossings of the drawn
// paths, bends, length, labels that found no place, and paths the router could not keep off
// cards.
#pragma once

#include "model/variant.h"

#include <QHash>
#include <QPointF>

namespace archsim::ui {

struct LayoutScore {
    int overlaps = 0;     // pairs of cards that overlap
    int throughCards = 0; // (connection, card) pairs where the path crosses a card
    int crossings = 0;    // pairs of connection paths that cross
    int hiddenLabels = 0; // labels with no free place (the call's figures cannot be read)
    int bends = 0;        // corners of all paths
    double length = 0;    // total length of the paths (px)

    // Weighted: an overlap hides a card, a path through a card hides the path, a crossing and
    // a missing label cost attention; bends and length break ties.
    double total() const {
        return 1000.0 * overlaps + 100.0 * throughCards + 20.0 * crossings + 20.0 * hiddenLabels +
               2.0 * bends + length / 100.0;
    }
    QString summary() const; // "0 overlaps, 0 paths through cards, 5 crossings, ..."
};

// The score of VARIANT with the components in MOVED at their new top-left positions.
LayoutScore scoreLayout(const Variant &variant, const QHash<QString, QPointF> &moved = {});

} // namespace archsim::ui
