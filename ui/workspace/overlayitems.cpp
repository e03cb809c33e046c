// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/workspace/overlayitems.h"

#include "ui/charts/chartbuilder.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace archsim::ui {

namespace {

QFont badgeFont() {
    QFont f;
    f.setPointSizeF(7.5);
    f.setBold(true);
    return f;
}

// A rounded pill with TEXT whose top-left or top-right corner sits at AT.
QRectF pillRect(const QString &text, QPointF at, bool rightAligned) {
    const QFontMetricsF fm(badgeFont());
    const QSizeF size(fm.horizontalAdvance(text) + 10, fm.height() + 2);
    return rightAligned ? QRectF(at - QPointF(size.width(), 0), size) : QRectF(at, size);
}

void drawPill(QPainter *p, const QRectF &r, const QString &text, const QColor &fill,
              const QColor &ink = Qt::white) {
    p->setPen(Qt::NoPen);
    p->setBrush(fill);
    p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
    p->setFont(badgeFont());
    p->setPen(ink);
    p->drawText(r, Qt::AlignCenter, text);
}

QString percentText(const OverlayLook &l) {
    if (!l.utilisation) return {};
    if (l.saturated) return QStringLiteral("%1% SAT").arg(qRound(100 * *l.utilisation));
    return QStringLiteral("%1%").arg(qRound(100 * *l.utilisation));
}

} // namespace

ElementOverlay::ElementOverlay(QGraphicsItem *parent, const QRectF &rect, const OverlayLook &look)
    : QGraphicsItem(parent) {
    setFlag(ItemStacksBehindParent);
    setAcceptedMouseButtons(Qt::NoButton);
    m_rect = rect;
    m_look = look;
    m_look.utilisation = -1.0; // differs from any real look, so set() takes this one
    set(rect, look);
}

void ElementOverlay::set(const QRectF &rect, const OverlayLook &look) {
    if (rect == m_rect && look == m_look) return;
    prepareGeometryChange();
    m_rect = rect;
    m_look = look;
    QStringList tip;
    if (look.utilisation) tip << QStringLiteral("utilisation %1").arg(*look.utilisation, 0, 'f', 3);
    if (look.bottleneck)
        tip << QStringLiteral("bottleneck: the unit that saturates first as the load grows");
    if (look.spof) tip << QStringLiteral("single point of failure");
    setToolTip(tip.join(QLatin1Char('\n')));
    update();
}

QColor ElementOverlay::frameColor() const {
    return m_look.utilisation ? charts::utilisationColor(*m_look.utilisation, m_look.saturated)
                              : QColor(Qt::transparent);
}

QRectF ElementOverlay::boundingRect() const {
    // Badges run leftwards from the top-right corner, past the left edge of a narrow card.
    return m_rect.adjusted(-std::max(0.0, 200 - m_rect.width()), -26, 6, 6);
}

void ElementOverlay::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) {
    p->setRenderHint(QPainter::Antialiasing);
    if (m_look.utilisation) {
        QColor c = frameColor();
        p->setPen(QPen(c, 5));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(m_rect.adjusted(-3, -3, 3, 3), 10, 10);
    }
    if (!m_look.showFigures) return;
    // Figures above the top edge, so they never cover the card's own text.
    double right = m_rect.right();
    const double top = m_rect.top() - 19;
    if (m_look.utilisation) {
        const QRectF r = pillRect(percentText(m_look), QPointF(right, top), true);
        drawPill(p, r, percentText(m_look), frameColor().darker(110));
        right = r.left() - 3;
    }
    if (m_look.bottleneck) {
        const QString text = QStringLiteral("⚠ bottleneck");
        const QRectF r = pillRect(text, QPointF(right, top), true);
        drawPill(p, r, text, QColor(0x20, 0x24, 0x2a));
        right = r.left() - 3;
    }
    if (m_look.spof) {
        const QString text = QStringLiteral("SPOF");
        const QRectF r = pillRect(text, QPointF(right, top), true);
        drawPill(p, r, text, QColor(204, 121, 167)); // reddish purple: apart from the load colours
    }
}

TrafficOverlay::TrafficOverlay(QGraphicsItem *parent, const QPolygonF &path,
                               const QRectF &labelNear, double callsPerSec)
    : QGraphicsItem(parent) {
    setFlag(ItemStacksBehindParent);
    setAcceptedMouseButtons(Qt::NoButton);
    set(path, labelNear, callsPerSec);
}

void TrafficOverlay::set(const QPolygonF &path, const QRectF &labelNear, double callsPerSec) {
    if (path == m_path && callsPerSec == m_rate && labelNear.center() == m_near) return;
    prepareGeometryChange();
    m_path = path;
    m_rate = callsPerSec;
    m_near = labelNear.center();
    const QFontMetricsF fm(badgeFont());
    const QSizeF size(fm.horizontalAdvance(text()) + 8, fm.height() + 2);
    // Beside the connection's own label on a steep line (below it the badges of the callee's
    // card may sit), below it on a flat one.
    // (The connection is routed in orthogonal segments: the one under the label decides.)
    bool steep = false;
    for (int i = 0; i + 1 < path.size(); ++i) {
        const QRectF segment = QRectF(path[i], path[i + 1]).normalized().adjusted(-1, -1, 1, 1);
        if (segment.contains(m_near)) steep = std::abs(path[i].x() - path[i + 1].x()) < 1e-6;
    }
    m_label =
        steep ? QRectF(QPointF(labelNear.right() + 2, labelNear.top()), size)
              : QRectF(QPointF(labelNear.center().x() - size.width() / 2, labelNear.bottom() + 1),
                       size);
    setToolTip(QStringLiteral("%1 calls/s").arg(callsPerSec, 0, 'f', 2));
    update();
}

double TrafficOverlay::width() const {
    // Logarithmic: 1/s and 10,000/s must both stay readable.
    return std::clamp(2 + 3 * std::log10(1 + m_rate), 2.0, 16.0);
}

QString TrafficOverlay::text() const {
    if (m_rate >= 100) return QStringLiteral("%1/s").arg(qRound(m_rate));
    return QStringLiteral("%1/s").arg(m_rate, 0, 'g', 3);
}

QRectF TrafficOverlay::boundingRect() const {
    const double w = width();
    return m_path.boundingRect().adjusted(-w, -w, w, w).united(m_label);
}

void TrafficOverlay::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) {
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(QColor(86, 180, 233, 110), width(), Qt::SolidLine, Qt::RoundCap));
    p->drawPolyline(m_path);
    if (m_path.boundingRect().width() + m_path.boundingRect().height() < 40) return;
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(230, 244, 252, 235));
    p->drawRoundedRect(m_label, 3, 3);
    p->setFont(badgeFont());
    p->setPen(QColor(0, 90, 140));
    p->drawText(m_label, Qt::AlignCenter, text());
}

} // namespace archsim::ui
