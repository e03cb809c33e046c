// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/editoperations.h"

#include "ui/document/changevaluecommand.h"
#include "ui/document/elementscommands.h"
#include "ui/document/listcommand.h"
#include "ui/document/projectnamecommand.h"
#include "ui/editor/autolayout.h"
#include "ui/editor/diagramstyle.h"
#include "ui/editor/lanegeometry.h"

#include "model/jsonreader.h"
#include "model/jsonwriter.h"
#include "model/variantedits.h"

#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <limits>

namespace archsim::ui {

namespace {

double snap(double v) {
    return std::round(v / style::kGrid) * style::kGrid;
}

QSet<QString> toSet(const QStringList &list) {
    return QSet<QString>(list.begin(), list.end());
}

// "Orders" → "Orders 2"; "Orders 2" → "Orders 3": the first free number after the name's stem.
QString uniqueName(const QString &name, const QSet<QString> &taken) {
    if (!taken.contains(name)) return name;
    static const QRegularExpression numbered(QStringLiteral("^(.*\\S)\\s+(\\d+)$"));
    const QRegularExpressionMatch m = numbered.match(name);
    const QString stem = m.hasMatch() ? m.captured(1) : name;
    for (int n = m.hasMatch() ? m.captured(2).toInt() + 1 : 2;; ++n) {
        const QString candidate = QStringLiteral("%1 %2").arg(stem).arg(n);
        if (!taken.contains(candidate)) return candidate;
    }
}

// "orders-2" → "orders": copies of a copy count on from the original's id.
QString idStem(const QString &id) {
    static const QRegularExpression numbered(QStringLiteral("^(.+)-\\d+$"));
    const QRegularExpressionMatch m = numbered.match(id);
    return m.hasMatch() ? m.captured(1) : id;
}

// An id made from a name a person typed: "Cache tier" → "cache-tier".
QString idFromName(const QString &name) {
    QString id;
    for (const QChar ch : name.trimmed().toLower()) {
        if (ch.isLetterOrNumber() || ch == QLatin1Char('_'))
            id += ch;
        else if (!id.endsWith(QLatin1Char('-')))
            id += QLatin1Char('-');
    }
    while (id.endsWith(QLatin1Char('-')))
        id.chop(1);
    return id.isEmpty() ? QStringLiteral("item") : id;
}

} // namespace

void EditOperations::pushVariant(const Variant &after, const QString &text) {
    m_document->undoStack()->push(new ReplaceVariantCommand(m_document, variant(), after, text));
}

QString EditOperations::createComponent(ComponentKind kind, const QPointF &scenePos) {
    const Variant &v = current();
    Component c;
    c.id = m_document->uniqueComponentId(variant(), enumName(kind));
    c.name = c.id;
    c.kind = kind;
    c.serviceTimeMs = kind == ComponentKind::Client ? 0 : 1;
    c.x = snap(scenePos.x() - style::kComponentWidth / 2);
    c.y = snap(scenePos.y() - style::kComponentHeight / 2);
    c.layer = computeLanes(v).layerAt(scenePos.y());
    c.unit = c.id;
    Unit u; // a new component is a unit of its own until grouped
    u.id = c.id;
    u.implicit = true;
    ElementSet set;
    set.units.append({-1, u});
    set.components.append({-1, c});
    m_document->undoStack()->push(new AddElementsCommand(
        m_document, variant(), set, QObject::tr("Create %1").arg(style::kindLabel(kind))));
    return c.id;
}

QString EditOperations::connect(const QString &from, const QString &to) {
    const Variant &v = current();
    const Component *target = v.findComponent(to);
    if (from == to || !v.findComponent(from) || !target) return {};
    for (const Connection &c : v.connections)
        if (c.from == from && c.to == to) return {};
    Connection c;
    c.from = from;
    c.to = to;
    // Messages to a broker do not wait for an answer.
    c.mode = target->kind == ComponentKind::Queue ? CallMode::Async : CallMode::Sync;
    ElementSet set;
    set.connections.append({-1, c});
    m_document->undoStack()->push(new AddElementsCommand(
        m_document, variant(), set, QObject::tr("Connect %1 → %2").arg(from, to)));
    return connectionKey(c);
}

void EditOperations::moveComponents(const QStringList &ids, const QList<QPointF> &positions,
                                    int mergeKey, const QStringList &layers) {
    QList<Component> before, after;
    for (int i = 0; i < ids.size(); ++i) {
        const Component *c = current().findComponent(ids[i]);
        if (!c) continue;
        Component moved = *c;
        moved.x = positions[i].x();
        moved.y = positions[i].y();
        if (i < layers.size() && !layers[i].isEmpty()) moved.layer = layers[i];
        before << *c;
        after << moved;
    }
    if (before == after) return;
    m_document->undoStack()->push(new ChangeValueCommand<Component>(
        m_document, variant(), before, after,
        before.size() == 1 ? QObject::tr("Move %1").arg(before.first().id)
                           : QObject::tr("Move %1 components").arg(before.size()),
        mergeKey));
}

void EditOperations::remove(const Selection &selection) {
    const Variant &v = current();
    const QSet<QString> components = toSet(selection.components);
    const QSet<QString> connections = toSet(selection.connections);
    if (!selection.units.isEmpty() || !selection.layers.isEmpty()) {
        // Removing a unit or a layer leaves its components: they get units of their own
        // or no layer, so this is one variant-wide step.
        Variant after = v;
        const QSet<QString> units = toSet(selection.units), layers = toSet(selection.layers);
        for (const Unit &u : v.units)
            if (units.contains(u.id))
                for (const Component &c : v.components)
                    if (c.unit == u.id) {
                        Unit own = u;
                        own.id = c.id;
                        own.name.clear();
                        own.implicit = true;
                        after.units.append(own);
                        after.components[after.componentIndex(c.id)].unit = c.id;
                    }
        after.units.removeIf([&](const Unit &u) { return units.contains(u.id) && !u.implicit; });
        after.layers.removeIf([&](const Layer &l) { return layers.contains(l.id); });
        for (Component &c : after.components)
            if (layers.contains(c.layer)) c.layer.clear();
        after.components.removeIf([&](const Component &c) { return components.contains(c.id); });
        after.connections.removeIf([&](const Connection &c) {
            return connections.contains(connectionKey(c)) || components.contains(c.from) ||
                   components.contains(c.to);
        });
        dropEmptyUnits(after);
        pushVariant(after, QObject::tr("Delete"));
        return;
    }
    const ElementSet set = removalOf(selection);
    if (set.isEmpty()) return;
    m_document->undoStack()->push(
        new RemoveElementsCommand(m_document, variant(), set, QObject::tr("Delete")));
}

ElementSet EditOperations::removalOf(const Selection &selection) const {
    const Variant &v = current();
    const QSet<QString> components = toSet(selection.components);
    const QSet<QString> connections = toSet(selection.connections);
    ElementSet set;
    for (const Connection &c : v.connections)
        if (connections.contains(connectionKey(c)) || components.contains(c.from) ||
            components.contains(c.to))
            set.connections.append({-1, c});
    QSet<QString> unitsLeft;
    for (const Component &c : v.components) {
        if (components.contains(c.id))
            set.components.append({-1, c});
        else
            unitsLeft.insert(c.unit);
    }
    const QSet<QString> selectedUnits = toSet(selection.units);
    for (const Unit &u : v.units) { // a unit goes with its last component
        if (selectedUnits.contains(u.id) && !u.implicit) {
            set.units.append({-1, u});
            continue;
        }
        if (!unitsLeft.contains(u.id))
            for (const auto &c : set.components)
                if (c.second.unit == u.id) {
                    set.units.append({-1, u});
                    break;
                }
    }
    return set;
}

QStringList EditOperations::brokenReferences(const Selection &selection) const {
    const Variant &v = current();
    const ElementSet set = removalOf(selection);
    QSet<QString> components, units, connections;
    for (const auto &c : set.components)
        components.insert(c.second.id);
    for (const auto &u : set.units)
        units.insert(u.second.id);
    for (const auto &c : set.connections)
        if (!c.second.id.isEmpty()) connections.insert(c.second.id);
    auto nameOf = [&](const QString &id) {
        const Component *c = v.findComponent(id);
        return c && !c->name.isEmpty() ? c->name : id;
    };
    QStringList lines;
    for (const Workload &w : v.workloads)
        if (components.contains(w.entry))
            lines << QObject::tr("workload \"%1\" enters at %2").arg(w.name, nameOf(w.entry));
    for (const Scenario &s : v.scenarios)
        for (int i = 0; i < s.events.size(); ++i) {
            const ScenarioEvent &e = s.events[i];
            const QString action = enumName(e.action);
            if (!e.unit.isEmpty() && units.contains(e.unit))
                lines << QObject::tr("scenario \"%1\", event %2 (%3) names unit %4")
                             .arg(s.name)
                             .arg(i + 1)
                             .arg(action, e.unit);
            if (!e.connection.isEmpty() && connections.contains(e.connection))
                lines << QObject::tr("scenario \"%1\", event %2 (%3) names connection %4")
                             .arg(s.name)
                             .arg(i + 1)
                             .arg(action, e.connection);
        }
    return lines;
}

std::unique_ptr<QMimeData> EditOperations::copy(const Selection &selection) const {
    const Variant &v = current();
    const QSet<QString> ids = toSet(selection.components);
    Variant snapshot;
    snapshot.name = v.name;
    snapshot.layers = v.layers;
    QSet<QString> units;
    for (const Component &c : v.components)
        if (ids.contains(c.id)) {
            snapshot.components.append(c);
            units.insert(c.unit);
        }
    for (const Unit &u : v.units)
        if (units.contains(u.id)) snapshot.units.append(u);
    for (const Connection &c : v.connections)
        if (ids.contains(c.from) && ids.contains(c.to)) snapshot.connections.append(c);
    auto data = std::make_unique<QMimeData>();
    if (snapshot.components.isEmpty()) return data;
    Project p;
    p.name = QStringLiteral("clipboard");
    p.variants.append(snapshot);
    const QByteArray json = writeProjectJson(p);
    data->setData(QString::fromLatin1(kMimeType), json);
    data->setText(QString::fromUtf8(json));
    return data;
}

QStringList EditOperations::paste(const QMimeData *data, const QPointF &offset) {
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType))) return {};
    const ReadResult read = readProjectJson(data->data(QString::fromLatin1(kMimeType)));
    if (!read.ok() || read.project.variants.isEmpty()) return {};
    const Variant &snapshot = read.project.variants.first();
    const Variant &v = current();
    Variant target = v; // to find free ids while pasting several
    ElementSet set;
    for (const Layer &l : snapshot.layers) {
        const bool used = std::any_of(snapshot.components.begin(), snapshot.components.end(),
                                      [&](const Component &c) { return c.layer == l.id; });
        bool exists = false;
        for (const Layer &mine : v.layers)
            exists = exists || mine.id == l.id;
        if (used && !exists) set.layers.append({-1, l});
    }
    QHash<QString, QString> newIds;
    QStringList created;
    QSet<QString> names; // a copy gets a name of its own too ("Orders 2")
    for (const Component &c : v.components)
        names.insert(c.name);
    for (Component c : snapshot.components) {
        const QString id = ProjectDocument::uniqueComponentId(
            target, target.findComponent(c.id) || target.findUnit(c.id) ? idStem(c.id) : c.id);
        if (!c.name.isEmpty()) c.name = uniqueName(c.name, names);
        names.insert(c.name);
        newIds.insert(c.id, id);
        const Unit *unit = snapshot.findUnit(c.unit);
        if (unit && unit->implicit) {
            Unit u = *unit;
            u.id = id;
            set.units.append({-1, u});
            target.units.append(u);
            c.unit = id;
        } else if (unit && !v.findUnit(unit->id) && !target.findUnit(unit->id)) {
            set.units.append({-1, *unit});
            target.units.append(*unit);
        }
        c.id = id;
        c.x += offset.x();
        c.y += offset.y();
        set.components.append({-1, c});
        target.components.append(c);
        created << id;
    }
    for (Connection c : snapshot.connections) {
        c.from = newIds.value(c.from);
        c.to = newIds.value(c.to);
        if (!c.id.isEmpty()) c.id = c.from + QStringLiteral("->") + c.to;
        set.connections.append({-1, c});
    }
    m_document->undoStack()->push(
        new AddElementsCommand(m_document, variant(), set, QObject::tr("Paste")));
    return created;
}

QStringList EditOperations::duplicate(const Selection &selection) {
    const std::unique_ptr<QMimeData> data = copy(selection);
    return paste(data.get(), QPointF(2 * style::kGrid, 2 * style::kGrid));
}

QString EditOperations::groupIntoUnit(const QStringList &componentIds) {
    if (componentIds.isEmpty()) return {};
    const VariantEdit edit = archsim::groupIntoUnit(
        current(), componentIds, m_document->uniqueUnitId(variant(), QStringLiteral("unit")));
    if (!edit.ok()) return {};
    pushVariant(edit.variant, QObject::tr("Group into unit"));
    return edit.id;
}

void EditOperations::ungroup(const Selection &selection) {
    const Variant after = archsim::ungroup(current(), selection.components, selection.units);
    if (!(after == current())) pushVariant(after, QObject::tr("Ungroup"));
}

QString EditOperations::renameComponent(const QString &from, const QString &to) {
    const VariantEdit edit = archsim::renameComponent(current(), from, to);
    if (!edit.ok()) return edit.error;
    pushVariant(edit.variant, QObject::tr("Rename %1 to %2").arg(from, to));
    return {};
}

QString EditOperations::renameUnit(const QString &from, const QString &to) {
    const VariantEdit edit = archsim::renameUnit(current(), from, to);
    if (!edit.ok()) return edit.error;
    pushVariant(edit.variant, QObject::tr("Rename unit %1 to %2").arg(from, to));
    return {};
}

QString EditOperations::renameLayer(const QString &from, const QString &to) {
    const VariantEdit edit = archsim::renameLayer(current(), from, to);
    if (!edit.ok()) return edit.error;
    pushVariant(edit.variant, QObject::tr("Rename layer %1 to %2").arg(from, to));
    return {};
}

void EditOperations::addLayer() {
    Layer l;
    int n = int(current().layers.size()) + 1;
    auto taken = [&](const QString &id) {
        for (const Layer &x : current().layers)
            if (x.id == id) return true;
        return false;
    };
    while (taken(QStringLiteral("layer-%1").arg(n)))
        ++n;
    l.id = QStringLiteral("layer-%1").arg(n);
    l.name = QObject::tr("Layer %1").arg(n);
    ElementSet set;
    set.layers.append({-1, l});
    m_document->undoStack()->push(
        new AddElementsCommand(m_document, variant(), set, QObject::tr("Add layer")));
}

QString EditOperations::setComponentLayer(const QString &id, const QString &layer) {
    const Variant &v = current();
    const Component *c = v.findComponent(id);
    if (!c) return QObject::tr("no component \"%1\"").arg(id);
    const Layer *existing = nullptr;
    for (const Layer &l : v.layers)
        if (l.id == layer || (!existing && !l.name.isEmpty() && l.name == layer)) existing = &l;
    Variant after = v;
    Layer created;
    if (!existing && !layer.isEmpty()) { // a name typed after "New layer…"
        created.name = layer.trimmed();
        created.id = idFromName(created.name);
        for (int n = 2; after.findComponent(created.id) != nullptr ||
                        std::any_of(v.layers.begin(), v.layers.end(),
                                    [&](const Layer &l) { return l.id == created.id; });
             ++n)
            created.id = QStringLiteral("%1-%2").arg(idFromName(created.name)).arg(n);
        after.layers.append(created);
    }
    const QString to = existing ? existing->id : created.id;
    if (to == c->layer) return {};
    Component moved = *c;
    moved.layer = to;
    // Lanes follow their cards, so the card moves into its new lane: beside the cards already
    // there, or at the top of an empty lane.
    if (!to.isEmpty()) {
        after.components[after.componentIndex(id)] = moved;
        const LaneGeometry lanes = computeLanes(after, {id});
        double top = std::numeric_limits<double>::infinity(), right = -top;
        for (const Component &other : v.components)
            if (other.layer == to && other.id != id) {
                top = std::min(top, other.y);
                right = std::max(right, other.x + componentSize(other).width());
            }
        if (std::isfinite(top)) {
            moved.y = top;
            moved.x = snap(right + 2 * style::kGrid);
        } else {
            for (const LaneBand &band : lanes.bands)
                if (band.layerId == to) moved.y = snap(band.top + style::kLanePadding);
        }
    }
    QUndoStack *stack = m_document->undoStack();
    stack->beginMacro(
        QObject::tr("Move %1 to layer %2").arg(c->id, to.isEmpty() ? QObject::tr("(none)") : to));
    if (!created.id.isEmpty()) {
        ElementSet set;
        set.layers.append({-1, created});
        stack->push(new AddElementsCommand(m_document, variant(), set, QObject::tr("Add layer")));
    }
    stack->push(new ChangeValueCommand<Component>(m_document, variant(),
                                                  {*current().findComponent(id)}, {moved},
                                                  QObject::tr("Change layer")));
    stack->endMacro();
    return {};
}

QString EditOperations::setComponentUnit(const QString &id, const QString &unit) {
    const Variant &v = current();
    const Component *c = v.findComponent(id);
    if (!c) return QObject::tr("no component \"%1\"").arg(id);
    if (unit == c->unit) return {};
    if (unit == id) { // a unit of its own again
        pushVariant(archsim::ungroup(v, {id}, {}), QObject::tr("Give %1 its own unit").arg(id));
        return {};
    }
    const Unit *existing = v.findUnit(unit);
    if (!existing)
        for (const Unit &u : v.units)
            if (!u.implicit && !u.name.isEmpty() && u.name == unit) existing = &u;
    if (existing) {
        if (existing->implicit)
            return QObject::tr("%1 is the unit of component %2 alone; group them instead")
                .arg(existing->id, existing->id);
        Variant after = v;
        after.components[after.componentIndex(id)].unit = existing->id;
        dropEmptyUnits(after);
        pushVariant(after, QObject::tr("Move %1 to unit %2").arg(id, existing->id));
        return {};
    }
    const QString name = unit.trimmed(); // a name typed after "New unit…"
    if (name.isEmpty()) return QObject::tr("a unit needs a name");
    VariantEdit edit =
        archsim::groupIntoUnit(v, {id}, m_document->uniqueUnitId(variant(), idFromName(name)));
    if (!edit.ok()) return edit.error;
    edit.variant.units[edit.variant.unitIndex(edit.id)].name = name;
    pushVariant(edit.variant, QObject::tr("Move %1 to new unit %2").arg(id, edit.id));
    return {};
}

void EditOperations::renameProject(const QString &name) {
    if (name == m_document->project().name) return;
    m_document->undoStack()->push(new SetProjectNameCommand(m_document, name));
}

void EditOperations::autoLayout(const QStringList &componentIds) {
    const Variant &v = current();
    const QHash<QString, QPointF> positions = layeredLayout(v, componentIds);
    QStringList ids;
    QList<QPointF> points;
    for (auto it = positions.begin(); it != positions.end(); ++it) {
        ids << it.key();
        points << it.value();
    }
    m_document->undoStack()->beginMacro(QObject::tr("Auto-layout"));
    moveComponents(ids, points, 0);
    m_document->undoStack()->endMacro();
}

namespace {
QString variantNameError(const Project &p, const QString &name) {
    if (name.trimmed().isEmpty()) return QObject::tr("a variant needs a name");
    if (p.findVariant(name)) return QObject::tr("a variant \"%1\" exists already").arg(name);
    return {};
}
} // namespace

QString EditOperations::duplicateVariant(const QString &newName) {
    const QString error = variantNameError(m_document->project(), newName);
    if (!error.isEmpty()) return error;
    QList<Variant> variants = m_document->project().variants;
    Variant copy = current();
    copy.name = newName;
    variants.insert(variant() + 1, copy);
    m_document->undoStack()->push(new SetVariantsCommand(
        m_document, variants, variant() + 1, QObject::tr("Duplicate variant as %1").arg(newName)));
    return {};
}

QString EditOperations::deriveVariant(DeriveAs as, const QString &newName) {
    const QString error = variantNameError(m_document->project(), newName);
    if (!error.isEmpty()) return error;
    const VariantEdit edit = as == DeriveAs::Monolith ? deriveMonolith(current(), newName)
                                                      : deriveMicroservices(current(), newName);
    if (!edit.ok()) return edit.error;
    QList<Variant> variants = m_document->project().variants;
    variants.insert(variant() + 1, edit.variant);
    m_document->undoStack()->push(new SetVariantsCommand(
        m_document, variants, variant() + 1,
        as == DeriveAs::Monolith ? QObject::tr("Derive monolith %1").arg(newName)
                                 : QObject::tr("Derive microservices %1").arg(newName)));
    return {};
}

QString EditOperations::renameVariant(const QString &newName) {
    if (newName == current().name) return {};
    const QString error = variantNameError(m_document->project(), newName);
    if (!error.isEmpty()) return error;
    QList<Variant> variants = m_document->project().variants;
    variants[variant()].name = newName;
    m_document->undoStack()->push(new SetVariantsCommand(
        m_document, variants, variant(), QObject::tr("Rename variant to %1").arg(newName)));
    return {};
}

QString EditOperations::removeVariant() {
    QList<Variant> variants = m_document->project().variants;
    if (variants.size() < 2) return QObject::tr("a project keeps at least one variant");
    const QString name = current().name;
    variants.removeAt(variant());
    m_document->undoStack()->push(
        new SetVariantsCommand(m_document, variants, std::max(0, variant() - 1),
                               QObject::tr("Delete variant %1").arg(name)));
    return {};
}

} // namespace archsim::ui
