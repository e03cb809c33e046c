// SPDX-License-Identifier: GPL-3.0-or-later
// The canvas picture of a layer: a named horizontal lane. Only the name strip takes clicks.
#pragma once

#include <QGraphicsItem>

namespace archsim::ui {

class LaneItem : public QGraphicsItem {
public:
    enum { Type = UserType + 4 };
    LaneItem(const QString &layerId, int index);

    int type() const override { return Type; }
    QString layerId() const { return m_layerId; }
    void setLane(const QRectF &sceneRect, const QString &title);

    QRectF boundingRect() const override { return m_rect; }
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_layerId;
    int m_index;
    QString m_title;
    QRectF m_rect;
};

} // namespace archsim::ui
