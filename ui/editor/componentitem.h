// SPDX-License-Identifier: GPL-3.0-or-later
// The canvas picture of one component: a card with the kind's icon, kind and figures on top and
// the whole name below (wrapped on two lines, the card widened for it; see cardtext.h).
// It holds only the component's id; everything it shows is copied from the document.
#pragma once

#include "model/component.h"
#include "model/unit.h"
#include "model/workload.h"

#include <QGraphicsItem>

namespace archsim::ui {

class ComponentItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    explicit ComponentItem(const Component &component);

    int type() const override { return Type; }
    QString id() const { return m_component.id; }
    void setComponent(const Component &component); // updates position and look
    // The component's unit (null: none) and how many components share it: a unit of its own
    // shows its replicas on the card; the tooltip names the unit and its figures.
    void setUnit(const Unit *unit, int members);
    void setReplicas(int replicas);
    // The workloads entering at this component: marked on the card and named in the tooltip.
    void setEntryOf(const QList<Workload> &workloads);
    bool isEntry() const { return !m_entryOf.isEmpty(); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QSizeF size() const { return m_size; }
    // The scene rectangle of the card, without the connector knob.
    QRectF sceneCardRect() const { return QRectF(pos(), m_size); }
    // Where a connection starts when dragged, in item coordinates.
    QPointF knobCenter() const;
    // The name lines drawn on the card (for tests and export checks).
    QStringList nameLines() const;

protected:
    // A selected card comes to the front, so that a dragged card is never hidden.
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

public:
    bool isOnKnob(const QPointF &scenePos) const;

private:
    void updateToolTip();

    Component m_component; // a copy for painting; the document's copy is the truth
    QSizeF m_size;
    int m_replicas = 1;
    QString m_unitSummary; // "Unit orders-svc: 2 replicas × 8 threads"
    QList<Workload> m_entryOf;
};

} // namespace archsim::ui
