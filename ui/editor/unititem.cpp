// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/unititem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace archsim::ui {

namespace {
QFont titleFont() {
    QFont f;
    f.setPointSizeF(8);
    f.setBold(true);
    return f;
}
} // namespace

UnitItem::UnitItem(const QString &id)
    : m_id(id) {
    setFlag(ItemIsSelectable);
    setZValue(0);
}

void UnitItem::setBox(const QRectF &sceneRect, const QString &title) {
    if (sceneRect == m_rect && title == m_title) return;
    prepareGeometryChange();
    m_rect = sceneRect;
    m_title = title;
    update();
}

QRectF UnitItem::tabRect() const {
    const QFontMetricsF fm(titleFont());
    return QRectF(m_rect.left() + 8, m_rect.top() - fm.height() - 4,
                  fm.horizontalAdvance(m_title) + 12, fm.height() + 4);
}

QRectF UnitItem::boundingRect() const {
    return m_rect.united(tabRect()).adjusted(-2, -2, 2, 2);
}

QPainterPath UnitItem::shape() const {
    QPainterPath frame;
    frame.addRoundedRect(m_rect, 10, 10);
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    QPainterPath s = stroker.createStroke(frame);
    s.addRect(tabRect());
    return s;
}

void UnitItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) {
    const bool selected = option->state & QStyle::State_Selected;
    const QColor color = selected ? QColor(0x1e, 0x6f, 0xd9) : QColor(0x6b, 0x7f, 0x99);
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.35) { // far out: the frame only, without antialiasing or a title to read
        painter->setPen(QPen(color, 0));
        painter->setBrush(QColor(0x6b, 0x7f, 0x99, 18));
        painter->drawRect(m_rect);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, selected ? 2 : 1.2, Qt::DashLine));
    painter->setBrush(QColor(0x6b, 0x7f, 0x99, 18));
    painter->drawRoundedRect(m_rect, 10, 10);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(tabRect(), 4, 4);
    painter->setPen(Qt::white);
    painter->setFont(titleFont());
    painter->drawText(tabRect(), Qt::AlignCenter, m_title);
}

} // namespace archsim::ui
