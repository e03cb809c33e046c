// SPDX-License-Identifier: GPL-3.0-or-later
// A measure of how well a diagram reads, to decide whether an automatic layout is better than
// the one it would replace. Lower is better. Connections are taken as straight lines between
// card centres: what the layout itself makes easy or hard, before any routing goes around it.
#pragma once

#include "model/variant.h"

#include <QHash>
#include <QPointF>

namespace archsim::ui {

struct LayoutScore {
    int overlaps = 0; // pairs of cards that overlap
    int throughCards =
        0;             // (connection, card) pairs where the line crosses a card it does not connect
    int crossings = 0; // pairs of connection lines that cross
    double length = 0; // total length of the connection lines (px)

    // Weighted: an overlap hides a card, a line through a card hides the line, a crossing
    // costs attention; length breaks ties.
    double total() const {
        return 1000.0 * overlaps + 100.0 * throughCards + 20.0 * crossings + length / 100.0;
    }
    QString summary() const; // "2 overlaps, 3 lines through cards, 5 crossings, length 4200"
};

// The score of VARIANT with the components in MOVED at their new top-left positions.
LayoutScore scoreLayout(const Variant &variant, const QHash<QString, QPointF> &moved = {});

} // namespace archsim::ui
