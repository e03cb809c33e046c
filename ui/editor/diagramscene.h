// SPDX-License-Identifier: GPL-3.0-or-later
// The canvas of the current variant: built from the document and kept in step with its change
// signals. Mouse gestures (move, connect) become edit operations, i.e. undo commands.
#pragma once

#include "ui/editor/connectionrouter.h"
#include "ui/editor/editoperations.h"
#include "ui/editor/lanegeometry.h"

#include <QGraphicsScene>
#include <QHash>
#include <QTimer>

class QGraphicsLineItem;

namespace archsim::ui {

class ComponentItem;
class ConnectionItem;
class LaneItem;
class UnitItem;

class DiagramScene : public QGraphicsScene {
    Q_OBJECT
public:
    DiagramScene(ProjectDocument *document, QObject *parent = nullptr);

    ProjectDocument *document() const { return m_document; }
    EditOperations *operations() { return &m_operations; }

    Selection selection() const;
    void select(const Selection &selection);
    ComponentItem *componentItem(const QString &id) const { return m_components.value(id); }
    ConnectionItem *connectionItem(const QString &key) const { return m_connections.value(key); }
    UnitItem *unitItem(const QString &id) const { return m_units.value(id); }
    LaneItem *laneItem(const QString &layerId) const;
    const LaneGeometry &lanes() const { return m_lanes; }

    // In connect mode a drag from anywhere on a component connects; otherwise only from its knob.
    void setConnectMode(bool on) { m_connectMode = on; }
    void setSnapToGrid(bool on) { m_snap = on; }
    // Hides editing aids (knobs, selection) while drawing for export.
    void setExporting(bool on);
    bool isExporting() const { return m_exporting; }
    // The rectangle worth showing: lanes, units and components with a margin.
    QRectF diagramRect() const;

    void rebuild();
    // Routes every connection afresh (what opening does); for the benchmark and tests.
    void rerouteAll();
    // A large batch of routes (opening, auto-layout) is routed for about 10 ms at once; the
    // rest are drawn as plain paths and routed in 15 ms slices while the app is idle.
    bool routingPending() const { return !m_pendingRoutes.isEmpty(); }
    void finishRouting(); // routes what is pending now (export, tests)
    const ConnectionRouter &router() const { return m_router; }

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    bool isCurrent(int variant) const { return variant == m_document->currentVariantIndex(); }
    void addComponents(int variant, const QStringList &ids);
    void removeComponents(int variant, const QStringList &ids);
    void updateComponents(int variant, const QStringList &ids);
    void addConnections(int variant, const QStringList &keys);
    void removeConnections(int variant, const QStringList &keys);
    void updateConnections(const QStringList &keys);
    void rebuildAdjacency();
    void refreshUnits();
    void refreshLanes();
    void refreshEntries(); // marks the entry components of the variant's workloads
    ComponentItem *componentAt(const QPointF &scenePos) const;

    ProjectDocument *m_document;
    EditOperations m_operations;
    QHash<QString, ComponentItem *> m_components;
    QHash<QString, ConnectionItem *> m_connections;
    QHash<QString, UnitItem *> m_units;
    QList<LaneItem *> m_laneItems;
    QMultiHash<QString, QString> m_attached; // component id → keys of its connections
    LaneGeometry m_lanes;
    ConnectionRouter m_router; // paths of the connections around the cards
    QStringList m_pendingRoutes;
    QTimer m_routeTimer;
    void routeSlice(double budgetMs);

    // Gestures in progress.
    struct Drag {
        QPointF start;
        QStringList ids;
        QList<QPointF> origins;
        LaneGeometry lanes; // without the dragged components, to tell which lane they reach
        int mergeKey = 0;
    };
    std::optional<Drag> m_drag;
    QString m_connectFrom;
    QGraphicsLineItem *m_rubberLine = nullptr;
    bool m_connectMode = false;
    bool m_snap = true;
    bool m_exporting = false;
};

} // namespace archsim::ui
