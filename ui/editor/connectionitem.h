// SPDX-License-Identifier: GPL-3.0-or-later
// The canvas picture of one connection: an orthogonal path with rounded bends routed around the
// cards (see connectionrouter.h), solid for sync calls and dashed for async ones, labelled with
// calls per visit and latency where the router found a free place for the label.
#pragma once

#include "model/connection.h"
#include "ui/editor/connectionrouter.h"

#include <QGraphicsItem>

namespace archsim::ui {

class ConnectionItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };
    explicit ConnectionItem(const Connection &connection);

    int type() const override { return Type; }
    QString key() const { return m_key; }
    const Connection &connection() const { return m_connection; }
    void setConnection(const Connection &connection); // fields shown: label, tooltip, dashes
    void setRoute(const Route &route);                // scene coordinates (the item sits at 0,0)
    static QSizeF labelSize(const Connection &connection);

    QPolygonF path() const { return m_route.points; }
    // The label's place; when the router found none, an empty rectangle in the middle of the
    // path (the label is then not drawn and the tooltip tells).
    QRectF labelRect() const;
    bool labelShown() const { return !m_route.label.isEmpty(); }
    QString label() const;
    static QString labelText(const Connection &connection); // "×0.25 · 2 ms"

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    Connection m_connection;
    QString m_key;
    Route m_route;
    QPainterPath m_curve; // the path with rounded bends, made once per route
    QRectF m_bounds;
};

} // namespace archsim::ui
