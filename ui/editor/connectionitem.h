// SPDX-License-Identifier: GPL-3.0-or-later
// The canvas picture of one connection: an arrow between two component cards, solid for sync
// calls and dashed for async ones, labelled with calls per visit and latency.
#pragma once

#include "model/connection.h"

#include <QGraphicsItem>

namespace archsim::ui {

class ConnectionItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };
    explicit ConnectionItem(const Connection &connection);

    int type() const override { return Type; }
    QString key() const { return m_key; }
    const Connection &connection() const { return m_connection; }
    // Takes the connection and the scene rectangles of its two ends; the label sits at
    // LABEL_AT along the line (0 at the caller, 1 at the callee).
    // SIDE_OFFSET shifts the line sideways (px), to keep A→B and B→A apart.
    void setGeometry(const Connection &connection, const QRectF &from, const QRectF &to,
                     double labelAt = 0.5, double sideOffset = 0);

    QLineF line() const { return m_line; } // scene coordinates (the item sits at 0,0)
    QRectF labelRect() const { return m_labelRect; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString label() const;

    Connection m_connection;
    QString m_key;
    QLineF m_line;
    QRectF m_labelRect;
};

} // namespace archsim::ui
