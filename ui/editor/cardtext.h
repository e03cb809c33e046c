// SPDX-License-Identifier: GPL-3.0-or-later
// How a component's card is laid out: the name wrapped on up to two lines, the card as wide as
// the name needs (within limits), the fonts. Shared by the card, the lanes and the auto-layout,
// so that the size a card is drawn at is the size everything else plans with.
#pragma once

#include "model/component.h"

#include <QFont>
#include <QSizeF>
#include <QStringList>

namespace archsim::ui {

struct CardText {
    QStringList lines;   // the name, one or two lines
    bool elided = false; // the name did not fit even at the widest card
    QSizeF size;         // the card's size
};

namespace card {
inline constexpr double kMaxWidth = 230;    // a card grows for its name up to this width
inline constexpr double kTextLeft = 11;     // left of the text (after the colour strip)
inline constexpr double kTextRight = 9;     // right margin of the text (the knob sits there)
inline constexpr double kHeaderHeight = 22; // icon and kind line above the name
inline constexpr double kBottom = 6;
// Below this on-screen size of the name font (pixels) text is not drawn (level of detail).
inline constexpr double kMinReadablePixels = 5;
QFont nameFont(); // pixel-sized, so screen, PNG and SVG lay out alike
QFont detailFont();
} // namespace card

// The layout of COMPONENT's card; cached by name and set size, so cheap to call often.
const CardText &cardText(const Component &component);

} // namespace archsim::ui
