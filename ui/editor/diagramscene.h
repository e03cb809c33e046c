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
    // Cards keep a picture of themselves in device pixels (a pan blits them) only when near
    // enough to read them: far out, or while zooming, re-rendering every visible card's cache
    // costs more than drawing it. The view switches this as the zoom crosses its threshold.
    void setCardCaching(bool on);
    bool cardCaching() const { return m_cardCaching; }
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
    // Brings the items in line with a variant that was replaced whole, keeping unchanged ones.
    void resync();

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
    // FROM_DOCUMENT: the connections themselves changed (else only their ends moved).
    void updateConnections(const QStringList &keys, bool fromDocument = true);
    void rebuildAdjacency();
    void refreshUnits();
    // The boxes of these units only (their members moved; membership is unchanged).
    void refreshUnitBoxes(const QSet<QString> &unitIds);
    void refreshLanes();
    void refreshEntries(); // marks the entry components of the variant's workloads
    // True when cards moving from OLD_RECTS to NEW_RECTS (same layers) change no lane: each
    // stays strictly inside its layer's extent, so that no lane edge depends on it.
    bool lanesUnchangedBy(const QList<QRectF> &oldRects, const QList<QRectF> &newRects,
                          const QStringList &layers) const;
    ComponentItem *componentAt(const QPointF &scenePos) const;

    ProjectDocument *m_document;
    EditOperations m_operations;
    QHash<QString, ComponentItem *> m_components;
    QHash<QString, ConnectionItem *> m_connections;
    QHash<QString, UnitItem *> m_units;
    QList<LaneItem *> m_laneItems;
    QMultiHash<QString, QString> m_attached;     // component id → keys of its connections
    QHash<QPair<QString, QString>, int> m_pairs; // (from, to) → connections, for two-way calls
    QHash<QString, int> m_connectionIndex;       // key → index in the variant's connections
    QHash<QString, QString> m_unitOf;            // component id → its unit
    QHash<QString, QString> m_layerOf;           // component id → its layer, as the lanes know
    QHash<QString, QStringList> m_members;       // unit id → its components
    struct Extent {
        double top, bottom;
    };
    QHash<QString, Extent> m_extents; // layer id → extent of its cards, when the lanes were made
    double m_cardsLeft = 0, m_cardsRight = 0;
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
    bool m_cardCaching = true;
    bool m_cachingBeforeExport = true;
};

} // namespace archsim::ui
