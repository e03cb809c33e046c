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
#include <limits>

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
    // Qt's automatic depth grows with the item count; the long calls between layers then sit in
    // thousands of leaves each (10,000 cards and 20,000 calls: about 400 MB and a 1.4 s first
    // render). A fixed shallow tree keeps both small and lookups still local.
    setBspTreeDepth(8);
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
        if (isCurrent(variant)) resync();
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
        if (!m_cardCaching) item->setCacheMode(QGraphicsItem::NoCache);
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

void DiagramScene::resync() {
    // A rename, group or ungroup rewrites the variant but changes few elements: keep the items
    // of the others (rebuilding 30,000 items took over half a second).
    m_drag.reset();
    m_connectFrom.clear();
    delete m_rubberLine;
    m_rubberLine = nullptr;
    const int variant = m_document->currentVariantIndex();
    const Variant &v = m_document->currentVariant();
    QSet<QString> componentIds, connectionKeys;
    QStringList addedComponents, changedComponents, addedConnections, changedConnections;
    componentIds.reserve(v.components.size());
    for (const Component &c : v.components) {
        componentIds.insert(c.id);
        const ComponentItem *item = m_components.value(c.id);
        if (!item)
            addedComponents << c.id;
        else if (!(item->component() == c))
            changedComponents << c.id;
    }
    connectionKeys.reserve(v.connections.size());
    for (const Connection &c : v.connections) {
        const QString key = connectionKey(c);
        connectionKeys.insert(key);
        const ConnectionItem *item = m_connections.value(key);
        if (!item)
            addedConnections << key;
        else if (!(item->connection() == c))
            changedConnections << key;
    }
    QStringList removedComponents, removedConnections;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it)
        if (!connectionKeys.contains(it.key())) removedConnections << it.key();
    for (auto it = m_components.cbegin(); it != m_components.cend(); ++it)
        if (!componentIds.contains(it.key())) removedComponents << it.key();
    if (!removedConnections.isEmpty()) removeConnections(variant, removedConnections);
    for (const QString &id : std::as_const(removedComponents)) {
        delete m_components.take(id);
        m_router.removeCard(id);
    }
    for (const QString &id : std::as_const(addedComponents))
        if (const Component *c = v.findComponent(id)) {
            auto *item = new ComponentItem(*c);
            if (!m_cardCaching) item->setCacheMode(QGraphicsItem::NoCache);
            addItem(item);
            m_components.insert(id, item);
            m_router.setCard(id, item->sceneCardRect());
        }
    for (const QString &id : std::as_const(changedComponents))
        if (const Component *c = v.findComponent(id)) {
            ComponentItem *item = m_components.value(id);
            item->setComponent(*c);
            m_router.setCard(id, item->sceneCardRect());
        }
    if (!addedConnections.isEmpty()) {
        addConnections(variant, addedConnections);
    } else {
        rebuildAdjacency();
    }
    // Connections of moved, renamed or new cards follow them.
    QStringList touched = changedConnections;
    for (const QString &id : std::as_const(changedComponents))
        touched << m_attached.values(id);
    for (const QString &id : std::as_const(addedComponents))
        touched << m_attached.values(id);
    updateConnections(touched);
    refreshUnits();
    refreshLanes();
    refreshEntries();
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
            if (!m_cardCaching) item->setCacheMode(QGraphicsItem::NoCache);
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
    // Work in proportion to the cards changed (a drag step), not to the design.
    QHash<QString, int> index;
    if (ids.size() > 4) {
        index.reserve(v.components.size());
        for (int i = int(v.components.size()) - 1; i >= 0; --i)
            index.insert(v.components[i].id, i);
    }
    auto find = [&](const QString &id) -> const Component * {
        if (ids.size() <= 4) return v.findComponent(id);
        const int i = index.value(id, -1);
        return i < 0 ? nullptr : &v.components[i];
    };
    QStringList touched, layers;
    QList<QRectF> oldRects, newRects;
    QSet<QString> boxes;
    bool unitsMoved = false, layersMoved = false;
    for (const QString &id : ids) {
        const Component *c = find(id);
        ComponentItem *item = m_components.value(id);
        if (!c || !item) continue;
        oldRects << item->sceneCardRect();
        item->setComponent(*c);
        m_router.setCard(id, item->sceneCardRect());
        newRects << item->sceneCardRect();
        layers << c->layer;
        touched << m_attached.values(id) << m_router.routesThrough(item->sceneCardRect());
        const auto unit = m_unitOf.constFind(id);
        unitsMoved = unitsMoved || unit == m_unitOf.constEnd() || *unit != c->unit;
        layersMoved =
            layersMoved || !m_extents.contains(c->layer) || m_layerOf.value(id) != c->layer;
        boxes.insert(c->unit);
    }
    updateConnections(touched, false);
    if (unitsMoved)
        refreshUnits();
    else
        refreshUnitBoxes(boxes);
    if (layersMoved || !lanesUnchangedBy(oldRects, newRects, layers)) refreshLanes();
}

bool DiagramScene::lanesUnchangedBy(const QList<QRectF> &oldRects, const QList<QRectF> &newRects,
                                    const QStringList &layers) const {
    auto inside = [&](const QRectF &r, const QString &layer) {
        const auto e = m_extents.constFind(layer);
        return e != m_extents.constEnd() && r.top() > e->top && r.bottom() < e->bottom &&
               r.left() > m_cardsLeft && r.right() < m_cardsRight;
    };
    for (int i = 0; i < layers.size(); ++i)
        if (!inside(oldRects[i], layers[i]) || !inside(newRects[i], layers[i])) return false;
    return true;
}

void DiagramScene::addConnections(int variant, const QStringList &keys) {
    if (!isCurrent(variant)) return;
    for (const QString &key : keys) {
        auto *item = new ConnectionItem(Connection{});
        addItem(item);
        m_connections.insert(key, item);
    }
    rebuildAdjacency();
    // Two-way calls: the reverse of a new connection is offset too.
    QStringList keysAndReverse = keys;
    const Variant &v = m_document->currentVariant();
    for (const QString &key : keys) {
        const int i = m_connectionIndex.value(key, -1);
        if (i < 0) continue;
        const Connection &c = v.connections[i];
        if (m_pairs.contains({c.to, c.from}))
            for (const QString &other : m_attached.values(c.to))
                if (other != key) keysAndReverse << other;
    }
    updateConnections(keysAndReverse);
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
    m_pairs.clear();
    m_connectionIndex.clear();
    const Variant &v = m_document->currentVariant();
    m_attached.reserve(2 * v.connections.size());
    m_connectionIndex.reserve(v.connections.size());
    for (int i = 0; i < v.connections.size(); ++i) {
        const Connection &c = v.connections[i];
        const QString key = connectionKey(c);
        m_attached.insert(c.from, key);
        m_attached.insert(c.to, key);
        ++m_pairs[{c.from, c.to}];
        if (!m_connectionIndex.contains(key)) m_connectionIndex.insert(key, i);
    }
}

void DiagramScene::updateConnections(const QStringList &keys, bool fromDocument) {
    if (keys.isEmpty()) return;
    const Variant &v = m_document->currentVariant();
    QSet<QString> done;
    QStringList routed;
    for (const QString &key : keys) {
        if (done.contains(key)) continue;
        done.insert(key);
        ConnectionItem *item = m_connections.value(key);
        if (!item) continue;
        auto indexOf = [&] {
            const int i = m_connectionIndex.value(key, -1);
            return i >= 0 && i < v.connections.size() && connectionKey(v.connections[i]) == key
                       ? i
                       : -1;
        };
        int i = indexOf();
        if (i < 0) { // out of step with the list: index it again, once
            rebuildAdjacency();
            i = indexOf();
            if (i < 0) continue;
        }
        const Connection &c = v.connections[i];
        if (fromDocument && !item->connection().from.isEmpty() &&
            (c.from != item->connection().from || c.to != item->connection().to))
            rebuildAdjacency(); // an end changed under the same id
        ComponentItem *from = m_components.value(c.from), *to = m_components.value(c.to);
        // A connection to an unknown component is a model error shown in the problems panel.
        const bool drawn = from && to;
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
    m_unitOf.clear();
    m_members.clear();
    m_unitOf.reserve(v.components.size());
    for (const Component &c : v.components) {
        ++members[c.unit];
        m_unitOf.insert(c.id, c.unit);
        m_members[c.unit] << c.id;
    }
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

void DiagramScene::refreshUnitBoxes(const QSet<QString> &unitIds) {
    for (const QString &id : unitIds) {
        UnitItem *item = m_units.value(id);
        if (!item) continue; // a unit of one card: the card is its picture
        QRectF box;
        for (const QString &member : m_members.value(id))
            if (const ComponentItem *c = m_components.value(member))
                box = box.isNull() ? c->sceneCardRect() : box.united(c->sceneCardRect());
        const double pad = style::kUnitPadding;
        item->setBox(box.adjusted(-pad, -pad, pad + 4, pad), item->title());
    }
}

void DiagramScene::refreshLanes() {
    const Variant &v = m_document->currentVariant();
    m_lanes = computeLanes(v);
    // The extents of the cards, to tell later whether a move can change a lane.
    m_extents.clear();
    m_layerOf.clear();
    m_layerOf.reserve(v.components.size());
    m_cardsLeft = std::numeric_limits<double>::infinity();
    m_cardsRight = -m_cardsLeft;
    for (const Component &c : v.components) {
        const QSizeF size = componentSize(c);
        m_layerOf.insert(c.id, c.layer);
        m_cardsLeft = std::min(m_cardsLeft, c.x);
        m_cardsRight = std::max(m_cardsRight, c.x + size.width());
        auto e = m_extents.find(c.layer);
        if (e == m_extents.end())
            m_extents.insert(c.layer, {c.y, c.y + size.height()});
        else
            *e = {std::min(e->top, c.y), std::max(e->bottom, c.y + size.height())};
    }
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

void DiagramScene::setCardCaching(bool on) {
    if (on == m_cardCaching) return;
    m_cardCaching = on;
    const auto mode = on ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache;
    for (ComponentItem *item : std::as_const(m_components))
        item->setCacheMode(mode);
}

void DiagramScene::setExporting(bool on) {
    m_exporting = on;
    if (on) clearSelection();
    // Drawn into an image rather than a view, a cached card is cached at its full size in item
    // pixels: 10,000 cards took about 400 MB. Draw them directly and cache again afterwards.
    if (on) {
        m_cachingBeforeExport = m_cardCaching;
        setCardCaching(false);
    } else {
        setCardCaching(m_cachingBeforeExport);
    }
    // Cards keep cached pictures (with knobs, and pixels where an SVG needs text): draw afresh.
    for (ComponentItem *item : std::as_const(m_components))
        item->update();
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
    // Dots on the snapping grid, only when near enough to see them; one call for all of them.
    if (painter->worldTransform().m11() < 0.6) return;
    painter->setPen(QPen(QColor(0xd5, 0xda, 0xe1), 1.5));
    const double g = style::kGrid;
    QPolygonF dots;
    dots.reserve(qsizetype((rect.width() / g + 2) * (rect.height() / g + 2)));
    for (double x = std::floor(rect.left() / g) * g; x < rect.right(); x += g)
        for (double y = std::floor(rect.top() / g) * g; y < rect.bottom(); y += g)
            dots << QPointF(x, y);
    painter->drawPoints(dots);
}

} // namespace archsim::ui
