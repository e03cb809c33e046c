// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/cardtext.h"

#include "ui/editor/diagramstyle.h"

#include <QFontMetricsF>
#include <QHash>

#include <algorithm>
#include <cmath>

namespace archsim::ui {

namespace card {
QFont nameFont() {
    QFont f;
    f.setPixelSize(12);
    f.setBold(true);
    return f;
}
QFont detailFont() {
    QFont f;
    f.setPixelSize(10);
    return f;
}
} // namespace card

namespace {

// Greedy word wrap of TEXT into lines of at most WIDTH; a word longer than a line stays whole
// (the caller widens the card or elides). Returns the lines.
QStringList wrap(const QString &text, double width, const QFontMetricsF &fm) {
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (line.isEmpty() || fm.horizontalAdvance(candidate) <= width) {
            line = candidate;
        } else {
            lines << line;
            line = word;
        }
    }
    if (!line.isEmpty() || lines.isEmpty()) lines << line;
    return lines;
}

bool fits(const QStringList &lines, double width, const QFontMetricsF &fm) {
    if (lines.size() > 2) return false;
    return std::all_of(lines.begin(), lines.end(),
                       [&](const QString &l) { return fm.horizontalAdvance(l) <= width; });
}

CardText layOut(const QString &name, double baseWidth, double baseHeight) {
    const QFontMetricsF fm(card::nameFont());
    const double margins = card::kTextLeft + card::kTextRight;
    const double maxWidth = std::max(baseWidth, card::kMaxWidth);
    CardText t;
    double width = baseWidth;
    // The narrowest card (on a 10 px step) whose text width holds the name in two lines.
    for (; width <= maxWidth; width += 10) {
        t.lines = wrap(name, width - margins, fm);
        if (fits(t.lines, width - margins, fm)) break;
    }
    if (width > maxWidth) { // too long even for the widest card: two lines, the second elided
        width = maxWidth;
        const double textWidth = width - margins;
        const QStringList lines = wrap(name, textWidth, fm);
        t.lines = QStringList{fm.elidedText(lines.first(), Qt::ElideRight, textWidth)};
        if (lines.size() > 1)
            t.lines << fm.elidedText(lines.mid(1).join(QLatin1Char(' ')), Qt::ElideRight,
                                     textWidth);
        t.elided = true;
    }
    const double lineHeight = std::ceil(fm.lineSpacing());
    const double height = card::kHeaderHeight + double(t.lines.size()) * lineHeight + card::kBottom;
    t.size = QSizeF(width, std::max(baseHeight, std::ceil(height / 2) * 2));
    return t;
}

} // namespace

const CardText &cardText(const Component &component) {
    // Thousands of cards share few sizes; the key holds everything the layout depends on.
    static QHash<QString, CardText> cache;
    const double w = component.width.value_or(style::kComponentWidth);
    const double h = component.height.value_or(style::kComponentHeight);
    const QString name = component.name.isEmpty() ? component.id : component.name;
    const QString key = QStringLiteral("%1\x1f%2\x1f%3").arg(w).arg(h).arg(name);
    auto it = cache.constFind(key);
    if (it != cache.constEnd()) return *it;
    if (cache.size() > 200000) cache.clear(); // bound it for very long sessions
    return *cache.insert(key, layOut(name, w, h));
}

} // namespace archsim::ui
