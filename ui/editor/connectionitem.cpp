// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/connectionitem.h"

#include "ui/document/elementset.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace archsim::ui {

namespace {

// Where the line from the centre of RECT towards TARGET leaves RECT.
QPointF borderPoint(const QRectF &rect, const QPointF &target) {
    const QPointF c = rect.center();
    const double dx = target.x() - c.x(), dy = target.y() - c.y();
    if (dx == 0 && dy == 0) return c;
    const double sx = dx != 0 ? (rect.width() / 2) / std::abs(dx) : 1e9;
    const double sy = dy != 0 ? (rect.height() / 2) / std::abs(dy) : 1e9;
    const double s = std::min(sx, sy);
    return c + QPointF(dx * s, dy * s);
}

QFont labelFont() {
    QFont f;
    f.setPointSizeF(7.5);
    return f;
}

constexpr double kArrowSize = 9;

} // namespace

ConnectionItem::ConnectionItem(const Connection &connection) {
    setFlag(ItemIsSelectable);
    setZValue(1);
    m_connection = connection;
    m_key = connectionKey(connection);
}

QString ConnectionItem::label() const {
    QString text = QStringLiteral("×%1").arg(m_connection.calls);
    if (m_connection.latencyMs > 0) text += QStringLiteral(" · %1 ms").arg(m_connection.latencyMs);
    return text;
}

void ConnectionItem::setGeometry(const Connection &connection, const QRectF &from, const QRectF &to,
                                 double labelAt, double sideOffset) {
    prepareGeometryChange();
    m_connection = connection;
    m_key = connectionKey(connection);
    QPointF shift;
    if (sideOffset != 0) {
        const QLineF normal = QLineF(from.center(), to.center()).normalVector().unitVector();
        shift = QPointF(normal.dx(), normal.dy()) * sideOffset;
    }
    m_line = QLineF(borderPoint(from.translated(shift), to.center() + shift),
                    borderPoint(to.translated(shift), from.center() + shift));
    const QFontMetricsF fm(labelFont());
    const QSizeF size(fm.horizontalAdvance(label()) + 8, fm.height() + 2);
    m_labelRect =
        QRectF(m_line.pointAt(labelAt) - QPointF(size.width() / 2, size.height() / 2), size);
    setToolTip(QStringLiteral("%1 → %2 (%3)")
                   .arg(connection.from, connection.to, enumName(connection.mode)));
    update();
}

QRectF ConnectionItem::boundingRect() const {
    return QRectF(m_line.p1(), m_line.p2())
        .normalized()
        .adjusted(-kArrowSize - 2, -kArrowSize - 2, kArrowSize + 2, kArrowSize + 2)
        .united(m_labelRect);
}

QPainterPath ConnectionItem::shape() const {
    QPainterPath path(m_line.p1());
    path.lineTo(m_line.p2());
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath s = stroker.createStroke(path);
    s.addRect(m_labelRect);
    return s;
}

void ConnectionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) {
    const bool selected = option->state & QStyle::State_Selected;
    const QColor color = selected ? QColor(0x1e, 0x6f, 0xd9) : QColor(0x4a, 0x52, 0x5c);
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(color, selected ? 2.2 : 1.4);
    if (m_connection.mode == CallMode::Async) pen.setDashPattern({5, 4});
    painter->setPen(pen);
    painter->drawLine(m_line);
    if (m_line.length() < 1) return;

    const double angle = std::atan2(-m_line.dy(), m_line.dx());
    const QPointF tip = m_line.p2();
    const QPointF a = tip - QPointF(std::cos(angle - M_PI / 7) * kArrowSize,
                                    -std::sin(angle - M_PI / 7) * kArrowSize);
    const QPointF b = tip - QPointF(std::cos(angle + M_PI / 7) * kArrowSize,
                                    -std::sin(angle + M_PI / 7) * kArrowSize);
    painter->setPen(QPen(color, 1));
    // Async: an open arrowhead, as in UML messages; sync: a filled one.
    painter->setBrush(m_connection.mode == CallMode::Async ? QBrush(Qt::white) : QBrush(color));
    painter->drawPolygon(QPolygonF({tip, a, b}));

    // Far away, or a line too short to carry its label: the tooltip tells instead.
    if (option->levelOfDetailFromTransform(painter->worldTransform()) < 0.5 ||
        m_line.length() < m_labelRect.width() + 12)
        return;
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(255, 255, 255, 225));
    painter->drawRoundedRect(m_labelRect, 3, 3);
    painter->setFont(labelFont());
    painter->setPen(color);
    painter->drawText(m_labelRect, Qt::AlignCenter, label());
}

} // namespace archsim::ui
