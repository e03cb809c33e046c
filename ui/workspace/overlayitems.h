// SPDX-License-Identifier: GPL-3.0-or-later
// The analysis drawn on the canvas: a coloured frame and figures on a card or unit box, and the
// traffic on a connection. Each is a child of the editor's item, so it moves and dies with it.
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QPolygonF>

namespace archsim::ui {

// What an element shows: its utilisation (none: not analysed), and badges.
struct OverlayLook {
    bool operator==(const OverlayLook &) const = default;
    std::optional<double> utilisation;
    bool saturated = false;
    bool bottleneck = false;
    bool spof = false;
    bool showFigures = true; // false on a card whose unit box shows them
};

// Frame around a component card or a unit box (RECT in parent coordinates), with a pill
// "87%" at the top right and badges "bottleneck" / "SPOF" above.
class ElementOverlay : public QGraphicsItem {
public:
    enum { Type = UserType + 40 };
    ElementOverlay(QGraphicsItem *parent, const QRectF &rect, const OverlayLook &look);
    int type() const override { return Type; }
    const OverlayLook &look() const { return m_look; }
    void set(const QRectF &rect, const OverlayLook &look);
    QColor frameColor() const;
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    QRectF m_rect;
    OverlayLook m_look;
};

// A wide translucent band under a connection, wider with more calls/s, and a "120/s" label.
class TrafficOverlay : public QGraphicsItem {
public:
    enum { Type = UserType + 41 };
    TrafficOverlay(QGraphicsItem *parent, const QPolygonF &path, const QRectF &labelNear,
                   double callsPerSec);
    int type() const override { return Type; }
    double callsPerSec() const { return m_rate; }
    void set(const QPolygonF &path, const QRectF &labelNear, double callsPerSec);
    double width() const;
    QString text() const;
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    QPolygonF m_path; // the connection's route
    QRectF m_label;
    QPointF m_near;
    double m_rate = -1;
};

} // namespace archsim::ui
