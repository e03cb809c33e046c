// SPDX-License-Identifier: GPL-3.0-or-later
// The canvas picture of a deployment unit: a box around its components with a title tab.
// Only the frame and the tab take clicks, so rubber bands can start inside the box.
#pragma once

#include <QGraphicsItem>

namespace archsim::ui {

class UnitItem : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };
    explicit UnitItem(const QString &id);

    int type() const override { return Type; }
    QString id() const { return m_id; }
    void setBox(const QRectF &sceneRect, const QString &title);
    QString title() const { return m_title; }

    QRectF box() const { return m_rect; } // scene coordinates (the item sits at 0,0)

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QRectF tabRect() const;

    QString m_id;
    QString m_title;
    QRectF m_rect;
};

} // namespace archsim::ui
