// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/laneitem.h"

#include "ui/editor/diagramstyle.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace archsim::ui {

LaneItem::LaneItem(const QString &layerId, int index)
    : m_layerId(layerId)
    , m_index(index) {
    setFlag(ItemIsSelectable);
    setZValue(-2);
}

void LaneItem::setLane(const QRectF &sceneRect, const QString &title) {
    if (sceneRect == m_rect && title == m_title) return;
    prepareGeometryChange();
    m_rect = sceneRect;
    m_title = title;
    update();
}

QPainterPath LaneItem::shape() const {
    QPainterPath p;
    p.addRect(QRectF(m_rect.topLeft(), QSizeF(style::kLaneLabelWidth, m_rect.height())));
    return p;
}

void LaneItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) {
    const bool selected = option->state & QStyle::State_Selected;
    painter->fillRect(m_rect, m_index % 2 ? QColor(0xf3, 0xf5, 0xf8) : QColor(0xfa, 0xfb, 0xfc));
    const QRectF strip(m_rect.topLeft(), QSizeF(style::kLaneLabelWidth, m_rect.height()));
    painter->fillRect(strip, selected ? QColor(0xd6, 0xe6, 0xfa) : QColor(0xe4, 0xe8, 0xee));
    painter->setPen(QPen(QColor(0xc8, 0xce, 0xd6), 1));
    painter->drawLine(m_rect.topLeft(), m_rect.topRight());
    painter->drawLine(m_rect.bottomLeft(), m_rect.bottomRight());
    // Below a readable size (level of detail) the name is left out.
    if (option->levelOfDetailFromTransform(painter->worldTransform()) * 13 < 5) return;
    QFont font = painter->font();
    font.setPixelSize(13);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(QColor(0x3a, 0x44, 0x50));
    painter->drawText(strip.adjusted(10, 0, -6, 0),
                      Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap, m_title);
}

} // namespace archsim::ui
