// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/componentitem.h"

#include "ui/editor/cardtext.h"
#include "ui/editor/diagramscene.h"
#include "ui/editor/diagramstyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QSvgRenderer>

#include <cmath>

namespace archsim::ui {

namespace {
const QColor kEntryColor(0x1e, 0x6f, 0xd9);
constexpr double kBadge = 9; // radius of the entry badge on the top-left corner
} // namespace

ComponentItem::ComponentItem(const Component &component) {
    setFlag(ItemIsSelectable);
    setZValue(2);
    setAcceptHoverEvents(false);
    setCacheMode(DeviceCoordinateCache);
    setComponent(component);
}

void ComponentItem::setComponent(const Component &component) {
    const QSizeF size = cardText(component).size;
    if (size != m_size) prepareGeometryChange();
    m_size = size;
    m_component = component;
    setPos(component.x, component.y);
    updateToolTip();
    update();
}

void ComponentItem::setReplicas(int replicas) {
    if (replicas != m_replicas) {
        m_replicas = replicas;
        update();
    }
}

void ComponentItem::setUnit(const Unit *unit, int members) {
    setReplicas(unit && members == 1 ? unit->replicas : 1);
    QString summary;
    if (unit) {
        const QString name = unit->name.isEmpty() ? unit->id : unit->name;
        summary = members > 1 ? QObject::tr("In unit %1 (%2 components): ").arg(name).arg(members)
                              : QObject::tr("Own unit: ");
        summary += QObject::tr("%n replica(s)", nullptr, unit->replicas) +
                   QObject::tr(" × %n thread(s)", nullptr, unit->threads);
        if (unit->costPerHour > 0)
            summary += QObject::tr(", %1 per replica-hour").arg(unit->costPerHour);
    }
    if (summary != m_unitSummary) {
        m_unitSummary = summary;
        updateToolTip();
    }
}

void ComponentItem::setEntryOf(const QList<Workload> &workloads) {
    const bool wasEntry = isEntry();
    m_entryOf = workloads;
    updateToolTip();
    if (wasEntry != isEntry()) update();
}

QStringList ComponentItem::nameLines() const {
    return cardText(m_component).lines;
}

void ComponentItem::updateToolTip() {
    // Name, kind and the figures that matter; the id is in the inspector, not here.
    const QString name = m_component.name.isEmpty() ? m_component.id : m_component.name;
    QStringList lines{name};
    QString kind = style::kindLabel(m_component.kind);
    if (m_component.kind != ComponentKind::Client)
        kind += QObject::tr(", %1 ms per visit (%2)")
                    .arg(m_component.serviceTimeMs)
                    .arg(enumName(m_component.distribution));
    lines << kind;
    if (!m_unitSummary.isEmpty()) lines << m_unitSummary;
    for (const Workload &w : m_entryOf) {
        const QString load = w.ratePerSec ? QObject::tr("%1 requests/s").arg(*w.ratePerSec)
                                          : QObject::tr("%1 users").arg(w.users.value_or(0));
        lines << QObject::tr("Entry of workload %1 (%2)").arg(w.name, load);
    }
    setToolTip(lines.join(QLatin1Char('\n')));
}

QRectF ComponentItem::boundingRect() const {
    const double r = style::kKnobRadius + 2;
    return QRectF(QPointF(-kBadge - 2, -kBadge - 2), m_size)
        .adjusted(0, 0, r + kBadge + 6, kBadge + 6);
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
    const QColor frame = selected ? QColor(0x1e, 0x6f, 0xd9) : color.darker(120);

    // Far out, text would be smaller than anyone can read: a plain coloured rectangle, no
    // antialiasing, no icon, so that thousands of cards stay cheap to draw.
    if (lod * card::nameFont().pixelSize() < card::kMinReadablePixels) {
        painter->setPen(selected ? QPen(frame, 2 / lod) : QPen(Qt::NoPen));
        painter->setBrush(isEntry() ? kEntryColor : color.lighter(140));
        painter->drawRect(card);
        return;
    }

    painter->setRenderHint(QPainter::Antialiasing);
    if (m_replicas > 1) { // a stack of cards hints at replicas
        painter->setPen(QPen(color.darker(130), 1));
        painter->setBrush(QColor(0xf4, 0xf6, 0xf8));
        painter->drawRoundedRect(card.translated(4, 4), 8, 8);
    }
    painter->setPen(QPen(frame, selected ? 2.5 : 1.2));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(card, 8, 8);
    painter->fillRect(QRectF(0, 6, 5, m_size.height() - 12), color);

    // Header: icon, kind and figures in small grey text; below it the whole name in bold.
    const double iconSize = 16;
    style::kindRenderer(m_component.kind)
        ->render(painter, QRectF(card::kTextLeft, 4, iconSize, iconSize));
    const double textWidth = m_size.width() - card::kTextLeft - card::kTextRight;
    // Kind and figures; when they do not fit, the figures win (the icon tells the kind).
    QString figures;
    if (m_component.serviceTimeMs > 0)
        figures = QStringLiteral("%1 ms").arg(m_component.serviceTimeMs);
    if (m_replicas > 1)
        figures += (figures.isEmpty() ? QString() : QStringLiteral(" · ")) +
                   QStringLiteral("×%1").arg(m_replicas);
    const QFontMetricsF detailMetrics(card::detailFont());
    const QRectF detailRect(card::kTextLeft + iconSize + 4, 4, textWidth - iconSize - 4, iconSize);
    QString detail = enumName(m_component.kind);
    if (!figures.isEmpty()) detail += QStringLiteral(" · ") + figures;
    if (detailMetrics.horizontalAdvance(detail) > detailRect.width() && !figures.isEmpty())
        detail = figures;
    painter->setFont(card::detailFont());
    painter->setPen(QColor(0x5a, 0x62, 0x6c));
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                      detailMetrics.elidedText(detail, Qt::ElideRight, detailRect.width()));

    const CardText &text = cardText(m_component);
    const QFont nameFont = card::nameFont();
    const double lineHeight = std::ceil(QFontMetricsF(nameFont).lineSpacing());
    painter->setFont(nameFont);
    painter->setPen(QColor(0x20, 0x24, 0x2a));
    // The name block sits in the space under the header, centred vertically there.
    const double space = m_size.height() - card::kHeaderHeight - card::kBottom;
    double y = card::kHeaderHeight + (space - lineHeight * double(text.lines.size())) / 2;
    for (const QString &line : text.lines) {
        painter->drawText(QRectF(card::kTextLeft, y, textWidth, lineHeight),
                          Qt::AlignLeft | Qt::AlignVCenter, line);
        y += lineHeight;
    }

    if (isEntry()) { // where a workload's requests enter: a blue "play" badge on the corner
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(kEntryColor);
        painter->drawEllipse(QPointF(0, 0), kBadge, kBadge);
        painter->setPen(Qt::NoPen);
        painter->setBrush(Qt::white);
        painter->drawPolygon(QPolygonF({QPointF(-3, -4.5), QPointF(-3, 4.5), QPointF(4.5, 0)}));
    }

    // The connector knob: drag from it to another component to connect.
    if (const auto *s = qobject_cast<DiagramScene *>(scene()); s && s->isExporting()) return;
    painter->setPen(QPen(color.darker(120), 1.2));
    painter->setBrush(selected ? QColor(0x1e, 0x6f, 0xd9) : Qt::white);
    painter->drawEllipse(knobCenter(), style::kKnobRadius, style::kKnobRadius);
}

} // namespace archsim::ui
