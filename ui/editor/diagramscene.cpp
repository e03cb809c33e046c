// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/diagramscene.h"

#include "ui/document/changevaluecommand.h"
#include "ui/editor/componentitem.h"
#include "ui/editor/connectionitem.h"
#include "ui/editor/diagramstyle.h"
#include "ui/editor/laneitem.h"
#include "ui/editor/unititem.h"

#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>

#include <cmath>

namespace archsim::ui {

namespace {
constexpr double kRouteBudgetMs = 10; // routing at once after an edit; the rest when idle
} // namespace

DiagramScene::DiagramScene(ProjectDocument *document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
    , m_operations(document) {
    setItemIndexMethod(BspTreeIndex);
    m_routeTimer.setSingleShot(true);
    connect(&m_routeTimer, &QTimer::timeout, this, [this] { routeSlice(15); });
    connect(document, &ProjectDocument::componentsAdded, this, &DiagramScene::addComponents);
    connect(document, &ProjectDocument::componentsRemoved, this, &DiagramScene::removeComponents);
    connect(document, &ProjectDocument::componentsChanged, this, &DiagramScene::updateComponents);
    connect(document, &ProjectDocument::connectionsAdded, this, &DiagramScene::addConnections);
    connect(document, &ProjectDocument::connectionsRemoved, this, &DiagramScene::removeConnections);
    connect(document, &ProjectDocument::connectionsChanged, this,
            [this](int variant, const QStringList &keys) {
                if (isCurrent(variant)) updateConnections(keys);
            });
    connect(document, &ProjectDocument::unitsChanged, this, [this](int variant) {
        if (isCurrent(variant)) refreshUnits();
    });
    connect(document, &ProjectDocument::layersChanged, this, [this](int variant) {
        if (isCurrent(variant)) refreshLanes();
    });
    connect(document, &ProjectDocument::workloadsChanged, this, [this](int variant) {
        if (isCurrent(variant)) refreshEntries();
    });
    connect(document, &ProjectDocument::variantReset, this, [this](int variant) {
        if (isCurrent(variant)) rebuild();
    });
    connect(document, &ProjectDocument::currentVariantChanged, this, &DiagramScene::rebuild);
    rebuild();
}

void DiagramScene::rebuild() {
    const Selection kept = selection();
    m_drag.reset();
    m_connectFrom.clear();
    m_rubberLine = nullptr;
    clear();
    m_components.clear();
    m_connections.clear();
    m_units.clear();
    m_laneItems.clear();
    m_router.clear();
    m_pendingRoutes.clear();
    const Variant &v = m_document->currentVariant();
    for (const Component &c : v.components) {
        auto *item = new ComponentItem(c);
        addItem(item);
        m_components.insert(c.id, item);
        m_router.setCard(c.id, item->sceneCardRect());
    }
    QStringList keys;
    for (const Connection &c : v.connections)
        keys << connectionKey(c);
    addConnections(m_document->currentVariantIndex(), keys);
    refreshUnits();
    refreshLanes();
    refreshEntries();
    select(kept);
}

void DiagramScene::rerouteAll() {
    QStringList keys;
    for (const Connection &c : m_document->currentVariant().connections)
        keys << connectionKey(c);
    updateConnections(keys);
    finishRouting();
}

void DiagramScene::finishRouting() {
    routeSlice(-1);
}

void DiagramScene::routeSlice(double budgetMs) {
    if (m_pendingRoutes.isEmpty()) return;
    QStringList left;
    const QHash<QString, Route> routes =
        m_router.route(std::exchange(m_pendingRoutes, {}), budgetMs, &left, false);
    for (auto it = routes.begin(); it != routes.end(); ++it)
        if (ConnectionItem *item = m_connections.value(it.key())) item->setRoute(it.value());
    m_pendingRoutes = left;
    if (!m_pendingRoutes.isEmpty()) m_routeTimer.start(0);
}

void DiagramScene::refreshEntries() {
    QHash<QString, QList<Workload>> entries;
    for (const Workload &w : m_document->currentVariant().workloads)
        entries[w.entry] << w;
    for (ComponentItem *item : std::as_const(m_components))
        if (item->isEntry() || entries.contains(item->id()))
            item->setEntryOf(entries.value(item->id()));
}

LaneItem *DiagramScene::laneItem(const QString &layerId) const {
    for (LaneItem *lane : m_laneItems)
        if (lane->layerId() == layerId) return lane;
    return nullptr;
}

void DiagramScene::addComponents(int variant, const QStringList &ids) {
    if (!isCurrent(variant)) return;
    const Variant &v = m_document->currentVariant();
    QStringList waiting;
    for (const QString &id : ids)
        if (const Component *c = v.findComponent(id)) {
            auto *item = new ComponentItem(*c);
            addItem(item);
            m_components.insert(id, item);
            m_router.setCard(id, item->sceneCardRect());
            waiting << m_router.routesThrough(item->sceneCardRect()); // now in their way
        }
    // Connections that named these ids before they existed can be drawn now.
    for (const QString &id : ids)
        waiting << m_attached.values(id);
    updateConnections(waiting);
    refreshUnits();
    refreshLanes();
    refreshEntries();
}

void DiagramScene::removeComponents(int variant, const QStringList &ids) {
    if (!isCurrent(variant)) return;
    for (const QString &id : ids) {
        delete m_components.take(id);
        m_router.removeCard(id);
    }
    refreshUnits();
    refreshLanes();
}

void DiagramScene::updateComponents(int variant, const QStringList &ids) {
    if (!isCurrent(variant)) return;
    const Variant &v = m_document->currentVariant();
    QStringList touched;
    for (const QString &id : ids) {
        const Component *c = v.findComponent(id);
        ComponentItem *item = m_components.value(id);
        if (!c || !item) continue;
        item->setComponent(*c);
        m_router.setCard(id, item->sceneCardRect());
        touched << m_attached.values(id) << m_router.routesThrough(item->sceneCardRect());
    }
    updateConnections(touched);
    refreshUnits();
    refreshLanes();
}

void DiagramScene::addConnections(int variant, const QStringList &keys) {
    if (!isCurrent(variant)) return;
    for (const QString &key : keys) {
        auto *item = new ConnectionItem(Connection{});
        addItem(item);
        m_connections.insert(key, item);
    }
    rebuildAdjacency();
    updateConnections(keys);
}

void DiagramScene::removeConnections(int variant, const QStringList &keys) {
    if (!isCurrent(variant)) return;
    for (const QString &key : keys) {
        delete m_connections.take(key);
        m_router.removeConnection(key);
    }
    rebuildAdjacency();
}

void DiagramScene::rebuildAdjacency() {
    m_attached.clear();
    for (const Connection &c : m_document->currentVariant().connections) {
        m_attached.insert(c.from, connectionKey(c));
        m_attached.insert(c.to, connectionKey(c));
    }
}

void DiagramScene::updateConnections(const QStringList &keys) {
    if (keys.isEmpty()) return;
    const Variant &v = m_document->currentVariant();
    const QSet<QString> wanted(keys.begin(), keys.end());
    QStringList routed;
    for (const Connection &c : v.connections) {
        const QString key = connectionKey(c);
        if (!wanted.contains(key)) continue;
        ConnectionItem *item = m_connections.value(key);
        if (!item) continue;
        // A connection to an unknown component is a model error shown in the problems panel.
        const bool drawn = m_components.contains(c.from) && m_components.contains(c.to);
        item->setVisible(drawn);
        item->setConnection(c);
        m_router.setConnection(key, c.from, c.to, ConnectionItem::labelSize(c));
        if (drawn) routed << key;
    }
    // The router also moves the other connections at the same cards (their ports shift).
    QStringList left;
    const QHash<QString, Route> routes = m_router.route(routed, kRouteBudgetMs, &left);
    for (auto it = routes.begin(); it != routes.end(); ++it)
        if (ConnectionItem *item = m_connections.value(it.key())) item->setRoute(it.value());
    if (!left.isEmpty()) {
        m_pendingRoutes << left;
        m_routeTimer.start(0);
    }
}

void DiagramScene::refreshUnits() {
    const Variant &v = m_document->currentVariant();
    QHash<QString, QRectF> boxes;
    for (const Component &c : v.components) {
        const QRectF r(QPointF(c.x, c.y), componentSize(c));
        boxes[c.unit] = boxes.contains(c.unit) ? boxes[c.unit].united(r) : r;
    }
    QHash<QString, const Unit *> units;
    for (const Unit &u : v.units)
        units.insert(u.id, &u);
    QHash<QString, int> members;
    for (const Component &c : v.components)
        ++members[c.unit];
    // A unit of one component is drawn as its card (replicas as a card stack); only units
    // shared by several components get a box, titled with their replicas.
    for (const Component &c : v.components) {
        const Unit *u = units.value(c.unit);
        if (ComponentItem *item = m_components.value(c.id))
            item->setUnit(u, u ? members.value(u->id) : 0);
    }
    QSet<QString> shown;
    for (const Unit &u : v.units) {
        if (members.value(u.id) < 2) continue;
        shown.insert(u.id);
        UnitItem *item = m_units.value(u.id);
        if (!item) {
            item = new UnitItem(u.id);
            addItem(item);
            m_units.insert(u.id, item);
        }
        const double pad = style::kUnitPadding;
        QString title = u.name.isEmpty() ? u.id : u.name;
        if (u.replicas > 1) title += QStringLiteral(" ×%1").arg(u.replicas);
        item->setBox(boxes[u.id].adjusted(-pad, -pad, pad + 4, pad), title);
    }
    for (auto it = m_units.begin(); it != m_units.end();) {
        if (!shown.contains(it.key())) {
            delete it.value();
            it = m_units.erase(it);
        } else {
            ++it;
        }
    }
}

void DiagramScene::refreshLanes() {
    const Variant &v = m_document->currentVariant();
    m_lanes = computeLanes(v);
    while (m_laneItems.size() > m_lanes.bands.size())
        delete m_laneItems.takeLast();
    for (int i = 0; i < m_lanes.bands.size(); ++i) {
        const LaneBand &band = m_lanes.bands[i];
        if (i >= m_laneItems.size() || m_laneItems[i]->layerId() != band.layerId) {
            if (i < m_laneItems.size()) delete m_laneItems[i];
            auto *item = new LaneItem(band.layerId, i);
            addItem(item);
            if (i < m_laneItems.size())
                m_laneItems[i] = item;
            else
                m_laneItems.append(item);
        }
        const Layer &layer = v.layers[i];
        m_laneItems[i]->setLane(
            QRectF(m_lanes.left, band.top, m_lanes.right - m_lanes.left, band.bottom - band.top),
            layer.name.isEmpty() ? layer.id : layer.name);
    }
    setSceneRect(diagramRect().adjusted(-400, -300, 400, 300));
}

QRectF DiagramScene::diagramRect() const {
    QRectF r;
    for (const ComponentItem *item : m_components)
        r = r.united(item->sceneCardRect());
    for (const UnitItem *item : m_units)
        r = r.united(item->boundingRect());
    if (!m_lanes.bands.isEmpty())
        r = r.united(QRectF(m_lanes.left, m_lanes.bands.first().top, m_lanes.right - m_lanes.left,
                            m_lanes.bands.last().bottom - m_lanes.bands.first().top));
    if (r.isNull()) r = QRectF(0, 0, 800, 500);
    return r.adjusted(-20, -20, 20, 20);
}

Selection DiagramScene::selection() const {
    Selection s;
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *c = qgraphicsitem_cast<ComponentItem *>(item))
            s.components << c->id();
        else if (auto *k = qgraphicsitem_cast<ConnectionItem *>(item))
            s.connections << k->key();
        else if (auto *u = qgraphicsitem_cast<UnitItem *>(item))
            s.units << u->id();
        else if (auto *l = qgraphicsitem_cast<LaneItem *>(item))
            s.layers << l->layerId();
    }
    return s;
}

void DiagramScene::select(const Selection &s) {
    clearSelection();
    QGraphicsItem *focus = nullptr;
    auto pick = [&focus](QGraphicsItem *item) {
        if (item) {
            item->setSelected(true);
            focus = focus ? focus : item;
        }
    };
    for (const QString &id : s.components)
        pick(m_components.value(id));
    for (const QString &key : s.connections)
        pick(m_connections.value(key));
    for (const QString &id : s.units)
        pick(m_units.value(id));
    for (const QString &id : s.layers)
        pick(laneItem(id));
}

void DiagramScene::setExporting(bool on) {
    m_exporting = on;
    if (on) clearSelection();
    // Cards keep cached pictures (with knobs, and pixels where an SVG needs text): drawn
    // directly while exporting.
    for (ComponentItem *item : std::as_const(m_components))
        item->setCacheMode(on ? QGraphicsItem::NoCache : QGraphicsItem::DeviceCoordinateCache);
    update();
}

ComponentItem *DiagramScene::componentAt(const QPointF &scenePos) const {
    for (QGraphicsItem *item : items(scenePos))
        if (auto *c = qgraphicsitem_cast<ComponentItem *>(item)) return c;
    return nullptr;
}

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event) {
    ComponentItem *item =
        event->button() == Qt::LeftButton ? componentAt(event->scenePos()) : nullptr;
    if (item && (m_connectMode || item->isOnKnob(event->scenePos()))) {
        m_connectFrom = item->id();
        const QPointF start = item->mapToScene(item->knobCenter());
        m_rubberLine = addLine(QLineF(start, event->scenePos()),
                               QPen(QColor(0x1e, 0x6f, 0xd9), 1.5, Qt::DashLine));
        m_rubberLine->setZValue(10);
        event->accept();
        return;
    }
    QGraphicsScene::mousePressEvent(event); // selection
    if (!item) return;
    Drag drag;
    drag.start = event->scenePos();
    const Selection s = selection();
    const Variant &v = m_document->currentVariant();
    for (const QString &id : s.components)
        if (const Component *c = v.findComponent(id)) {
            drag.ids << id;
            drag.origins << QPointF(c->x, c->y);
        }
    drag.lanes = computeLanes(v, QSet<QString>(drag.ids.begin(), drag.ids.end()));
    drag.mergeKey = nextMergeKey();
    m_drag = drag;
}

void DiagramScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event) {
    if (m_rubberLine) {
        m_rubberLine->setLine(QLineF(m_rubberLine->line().p1(), event->scenePos()));
        return;
    }
    if (m_drag && (event->buttons() & Qt::LeftButton)) {
        QPointF delta = event->scenePos() - m_drag->start;
        if (m_snap)
            delta = QPointF(std::round(delta.x() / style::kGrid) * style::kGrid,
                            std::round(delta.y() / style::kGrid) * style::kGrid);
        QList<QPointF> positions;
        for (const QPointF &origin : m_drag->origins)
            positions << origin + delta;
        m_operations.moveComponents(m_drag->ids, positions, m_drag->mergeKey);
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void DiagramScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event) {
    if (m_rubberLine) {
        delete m_rubberLine;
        m_rubberLine = nullptr;
        if (ComponentItem *target = componentAt(event->scenePos()))
            m_operations.connect(m_connectFrom, target->id());
        m_connectFrom.clear();
        return;
    }
    if (m_drag) {
        // A drop into another lane moves the component to that layer, in the same undo step.
        const Variant &v = m_document->currentVariant();
        QStringList layers;
        QList<QPointF> positions;
        bool moved = false;
        for (int i = 0; i < m_drag->ids.size(); ++i) {
            const Component *c = v.findComponent(m_drag->ids[i]);
            positions << (c ? QPointF(c->x, c->y) : m_drag->origins[i]);
            moved = moved || positions.last() != m_drag->origins[i];
            const double centreY = c ? c->y + componentSize(*c).height() / 2 : 0;
            layers << (c ? m_drag->lanes.layerAt(centreY) : QString());
        }
        if (moved && !v.layers.isEmpty())
            m_operations.moveComponents(m_drag->ids, positions, m_drag->mergeKey, layers);
        m_drag.reset();
    }
    QGraphicsScene::mouseReleaseEvent(event);
}

void DiagramScene::drawBackground(QPainter *painter, const QRectF &rect) {
    painter->fillRect(rect, Qt::white);
    if (m_exporting) return;
    // Dots on the snapping grid, only when near enough to see them.
    if (painter->worldTransform().m11() < 0.6) return;
    painter->setPen(QPen(QColor(0xd5, 0xda, 0xe1), 1.5));
    const double g = style::kGrid;
    for (double x = std::floor(rect.left() / g) * g; x < rect.right(); x += g)
        for (double y = std::floor(rect.top() / g) * g; y < rect.bottom(); y += g)
            painter->drawPoint(QPointF(x, y));
}

} // namespace archsim::ui
