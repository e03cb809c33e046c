// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/componentitem.h"

#include "ui/editor/diagramscene.h"
#include "ui/editor/diagramstyle.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QSvgRenderer>

namespace archsim::ui {

ComponentItem::ComponentItem(const Component &component) {
    setFlag(ItemIsSelectable);
    setZValue(2);
    setAcceptHoverEvents(false);
    setCacheMode(DeviceCoordinateCache);
    setComponent(component);
}

void ComponentItem::setComponent(const Component &component) {
    const QSizeF size(component.width.value_or(style::kComponentWidth),
                      component.height.value_or(style::kComponentHeight));
    if (size != m_size) prepareGeometryChange();
    m_size = size;
    m_component = component;
    setPos(component.x, component.y);
    setToolTip(QStringLiteral("%1 (%2)").arg(component.id, enumName(component.kind)));
    update();
}

void ComponentItem::setReplicas(int replicas) {
    if (replicas != m_replicas) {
        m_replicas = replicas;
        update();
    }
}

QRectF ComponentItem::boundingRect() const {
    const double r = style::kKnobRadius + 2;
    return QRectF(QPointF(-2, -2), m_size).adjusted(0, 0, r + 4, 4);
}

QVariant ComponentItem::itemChange(GraphicsItemChange change, const QVariant &value) {
    if (change == ItemSelectedHasChanged) setZValue(value.toBool() ? 3 : 2);
    return QGraphicsItem::itemChange(change, value);
}

QPointF ComponentItem::knobCenter() const {
    return QPointF(m_size.width(), m_size.height() / 2);
}

bool ComponentItem::isOnKnob(const QPointF &scenePos) const {
    const QPointF d = mapFromScene(scenePos) - knobCenter();
    const double r = style::kKnobRadius + 3;
    return d.x() * d.x() + d.y() * d.y() <= r * r;
}

void ComponentItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) {
    const QColor color = style::kindColor(m_component.kind);
    const QRectF card(QPointF(0, 0), m_size);
    const bool selected = option->state & QStyle::State_Selected;
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());

    painter->setRenderHint(QPainter::Antialiasing);
    if (m_replicas > 1) { // a stack of cards hints at replicas
        painter->setPen(QPen(color.darker(130), 1));
        painter->setBrush(QColor(0xf4, 0xf6, 0xf8));
        painter->drawRoundedRect(card.translated(4, 4), 8, 8);
    }
    painter->setPen(
        QPen(selected ? QColor(0x1e, 0x6f, 0xd9) : color.darker(120), selected ? 2.5 : 1.2));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(card, 8, 8);
    painter->fillRect(QRectF(0, 6, 5, m_size.height() - 12), color);

    if (lod < 0.35) { // far away: a coloured card is all that can be seen
        painter->fillRect(card.adjusted(8, 8, -8, -8), color.lighter(150));
        return;
    }
    // Icon and name on the first line, kind and figures on the second, full width.
    const double iconSize = 22;
    style::kindRenderer(m_component.kind)->render(painter, QRectF(11, 6, iconSize, iconSize));
    QFont font = painter->font();
    font.setPointSizeF(9);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(QColor(0x20, 0x24, 0x2a));
    const QString name = m_component.name.isEmpty() ? m_component.id : m_component.name;
    const QRectF nameRect(11 + iconSize + 5, 6, m_size.width() - iconSize - 24, iconSize);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(font).elidedText(name, Qt::ElideRight, nameRect.width()));
    font.setBold(false);
    font.setPointSizeF(7.5);
    painter->setFont(font);
    painter->setPen(QColor(0x5a, 0x62, 0x6c));
    QString detail = enumName(m_component.kind);
    if (m_component.serviceTimeMs > 0)
        detail += QStringLiteral(" · %1 ms").arg(m_component.serviceTimeMs);
    if (m_replicas > 1) detail += QStringLiteral(" · ×%1").arg(m_replicas);
    const QRectF detailRect(11, 6 + iconSize + 2, m_size.width() - 18,
                            m_size.height() - iconSize - 10);
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(font).elidedText(detail, Qt::ElideRight, detailRect.width()));

    // The connector knob: drag from it to another component to connect.
    if (const auto *s = qobject_cast<DiagramScene *>(scene()); s && s->isExporting()) return;
    painter->setPen(QPen(color.darker(120), 1.2));
    painter->setBrush(selected ? QColor(0x1e, 0x6f, 0xd9) : Qt::white);
    painter->drawEllipse(knobCenter(), style::kKnobRadius, style::kKnobRadius);
}

} // namespace archsim::ui
