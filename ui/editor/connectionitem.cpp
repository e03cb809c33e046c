// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/connectionitem.h"

#include "ui/document/elementset.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace archsim::ui {

namespace {

QFont labelFont() {
    QFont f;
    f.setPixelSize(10); // pixels, so that canvas, PNG and SVG agree on the label's size
    return f;
}

constexpr double kArrowSize = 9;
constexpr double kBendRadius = 8;

// The polyline with each corner replaced by a quarter circle (smaller on short segments).
QPainterPath rounded(const QPolygonF &p) {
    QPainterPath path;
    if (p.isEmpty()) return path;
    path.moveTo(p.first());
    for (int i = 1; i + 1 < p.size(); ++i) {
        const QLineF in(p[i], p[i - 1]), out(p[i], p[i + 1]);
        const double r = std::min({kBendRadius, in.length() / 2, out.length() / 2});
        const QPointF a = in.pointAt(r / std::max(in.length(), 1e-9));
        const QPointF b = out.pointAt(r / std::max(out.length(), 1e-9));
        path.lineTo(a);
        path.quadTo(p[i], b);
    }
    if (p.size() > 1) path.lineTo(p.last());
    return path;
}

} // namespace

ConnectionItem::ConnectionItem(const Connection &connection) {
    setFlag(ItemIsSelectable);
    setZValue(1);
    setConnection(connection);
}

QString ConnectionItem::labelText(const Connection &c) {
    QString text = QStringLiteral("×%1").arg(c.calls);
    if (c.latencyMs > 0) text += QStringLiteral(" · %1 ms").arg(c.latencyMs);
    return text;
}

QString ConnectionItem::label() const {
    return labelText(m_connection);
}

QSizeF ConnectionItem::labelSize(const Connection &connection) {
    const QFontMetricsF fm(labelFont());
    return QSizeF(std::ceil(fm.horizontalAdvance(labelText(connection))) + 8,
                  std::ceil(fm.height()) + 2);
}

void ConnectionItem::setConnection(const Connection &connection) {
    m_connection = connection;
    m_key = connectionKey(connection);
    setToolTip(QStringLiteral("%1 → %2 (%3), %4")
                   .arg(connection.from, connection.to, enumName(connection.mode), label()));
    update();
}

void ConnectionItem::setRoute(const Route &route) {
    prepareGeometryChange();
    m_route = route;
    m_curve = rounded(route.points);
    m_bounds = route.points.boundingRect()
                   .adjusted(-kArrowSize - 2, -kArrowSize - 2, kArrowSize + 2, kArrowSize + 2)
                   .united(route.label);
    update();
}

QRectF ConnectionItem::labelRect() const {
    if (labelShown()) return m_route.label;
    const QPolygonF &p = m_route.points;
    if (p.size() < 2) return {};
    int longest = 0;
    for (int i = 1; i + 1 < p.size(); ++i)
        if (QLineF(p[i], p[i + 1]).length() > QLineF(p[longest], p[longest + 1]).length())
            longest = i;
    return QRectF(QLineF(p[longest], p[longest + 1]).center(), QSizeF(0, 0));
}

QRectF ConnectionItem::boundingRect() const {
    return m_bounds;
}

QPainterPath ConnectionItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath s = stroker.createStroke(m_curve);
    if (labelShown()) s.addRect(m_route.label);
    return s;
}

void ConnectionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) {
    const QPolygonF &p = m_route.points;
    if (p.size() < 2) return;
    const bool selected = option->state & QStyle::State_Selected;
    const QColor color = selected ? QColor(0x1e, 0x6f, 0xd9) : QColor(0x4a, 0x52, 0x5c);
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    QPen pen(color, selected ? 2.2 : 1.4);
    if (m_connection.mode == CallMode::Async) pen.setDashPattern({5, 4});
    if (lod < 0.3) { // far out: a thin polyline, no curves, heads or labels
        pen.setCosmetic(true);
        pen.setWidthF(1);
        painter->setPen(pen);
        painter->drawPolyline(p);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_curve);

    const QLineF last(p[p.size() - 2], p.last());
    if (last.length() >= 1) {
        const double angle = std::atan2(-last.dy(), last.dx());
        const QPointF tip = last.p2();
        const QPointF a = tip - QPointF(std::cos(angle - M_PI / 7) * kArrowSize,
                                        -std::sin(angle - M_PI / 7) * kArrowSize);
        const QPointF b = tip - QPointF(std::cos(angle + M_PI / 7) * kArrowSize,
                                        -std::sin(angle + M_PI / 7) * kArrowSize);
        painter->setPen(QPen(color, 1));
        // Async: an open arrowhead, as in UML messages; sync: a filled one.
        painter->setBrush(m_connection.mode == CallMode::Async ? QBrush(Qt::white) : QBrush(color));
        painter->drawPolygon(QPolygonF({tip, a, b}));
    }

    // Far away, or no free place for it: the tooltip tells instead.
    if (lod < 0.5 || !labelShown()) return;
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(255, 255, 255, 235));
    painter->drawRoundedRect(m_route.label, 3, 3);
    painter->setFont(labelFont());
    painter->setPen(color);
    painter->drawText(m_route.label, Qt::AlignCenter, label());
}

} // namespace archsim::ui
