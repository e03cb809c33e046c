// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/variantedits.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace archsim {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("VariantEdits", text);
}

QSet<QString> toSet(const QStringList &list) {
    return QSet<QString>(list.begin(), list.end());
}

VariantEdit refuse(const Variant &v, const QString &error) {
    return VariantEdit{v, error, {}};
}

// Every unit that holds at least one application component, in the variant's unit order.
QList<const Unit *> applicationUnits(const Variant &v) {
    QSet<QString> ids;
    for (const Component &c : v.components)
        if (isApplicationComponent(c.kind)) ids.insert(c.unit);
    QList<const Unit *> units;
    for (const Unit &u : v.units)
        if (ids.contains(u.id)) units << &u;
    return units;
}

// A component that is not an application component but shares a unit with one gets a unit of
// its own with the same settings, so the derivations never move a datastore.
void separateInfrastructure(const Variant &source, Variant &out) {
    QSet<QString> appUnits;
    for (const Component &c : source.components)
        if (isApplicationComponent(c.kind)) appUnits.insert(c.unit);
    for (Component &c : out.components) {
        if (isApplicationComponent(c.kind) || !appUnits.contains(c.unit)) continue;
        const Unit *old = source.findUnit(c.unit);
        Unit own = old ? *old : Unit{};
        own.id = uniqueElementId(out, c.id + QStringLiteral("-unit"));
        own.name = c.name;
        own.implicit = false;
        out.units.append(own);
        c.unit = own.id;
    }
}

// Scenario events that named a replaced unit name its replacements instead (one event each).
void remapScenarios(Variant &v, const QHash<QString, QStringList> &replacedBy) {
    for (Scenario &s : v.scenarios) {
        QList<ScenarioEvent> events;
        for (const ScenarioEvent &e : s.events) {
            const QStringList targets = replacedBy.value(e.unit);
            if (targets.isEmpty()) {
                events << e;
                continue;
            }
            for (const QString &t : targets) {
                ScenarioEvent copy = e;
                copy.unit = t;
                events << copy;
            }
        }
        s.events = events;
    }
}

int ceilDiv(double a, double b) {
    return std::max(1, int(std::ceil(a / b - 1e-9)));
}

} // namespace

QString uniqueElementId(const Variant &v, const QString &base) {
    auto taken = [&](const QString &id) {
        return v.componentIndex(id) >= 0 || v.unitIndex(id) >= 0;
    };
    if (!taken(base)) return base;
    for (int n = 2;; ++n) {
        const QString id = QStringLiteral("%1-%2").arg(base).arg(n);
        if (!taken(id)) return id;
    }
}

bool isApplicationComponent(ComponentKind kind) {
    return kind == ComponentKind::Service || kind == ComponentKind::Gateway;
}

void dropEmptyUnits(Variant &v) {
    QSet<QString> used;
    for (const Component &c : v.components)
        used.insert(c.unit);
    v.units.removeIf([&](const Unit &u) { return !used.contains(u.id); });
}

VariantEdit renameComponent(const Variant &v, const QString &from, const QString &to) {
    if (to.isEmpty()) return refuse(v, tr("components[].id: an id cannot be empty"));
    if (!v.findComponent(from))
        return refuse(v, tr("components[].id: no component \"%1\"").arg(from));
    if (v.findComponent(to) || (v.findUnit(to) && to != from))
        return refuse(v, tr("\"%1\" is already taken").arg(to));
    Variant after = v;
    for (Component &c : after.components) {
        if (c.id == from) {
            c.id = to;
            if (c.unit == from) // an implicit unit carries its component's id
                c.unit = to;
        }
    }
    for (Unit &u : after.units)
        if (u.id == from && u.implicit) u.id = to;
    for (Connection &c : after.connections) {
        c.from = c.from == from ? to : c.from;
        c.to = c.to == from ? to : c.to;
    }
    for (Workload &w : after.workloads)
        if (w.entry == from) w.entry = to;
    const Component *old = v.findComponent(from);
    const Unit *ownUnit = old ? v.findUnit(old->unit) : nullptr;
    if (ownUnit && ownUnit->implicit && ownUnit->id == from)
        for (Scenario &s : after.scenarios)
            for (ScenarioEvent &e : s.events)
                if (e.unit == from) e.unit = to;
    return VariantEdit{after, {}, to};
}

VariantEdit renameUnit(const Variant &v, const QString &from, const QString &to) {
    if (to.isEmpty()) return refuse(v, tr("units[].id: an id cannot be empty"));
    if (v.findUnit(to) || v.findComponent(to))
        return refuse(v, tr("\"%1\" is already taken").arg(to));
    Variant after = v;
    for (Unit &u : after.units)
        if (u.id == from) u.id = to;
    for (Component &c : after.components)
        if (c.unit == from) c.unit = to;
    for (Scenario &s : after.scenarios)
        for (ScenarioEvent &e : s.events)
            if (e.unit == from) e.unit = to;
    return VariantEdit{after, {}, to};
}

VariantEdit renameLayer(const Variant &v, const QString &from, const QString &to) {
    if (to.isEmpty()) return refuse(v, tr("layers[].id: an id cannot be empty"));
    for (const Layer &l : v.layers)
        if (l.id == to) return refuse(v, tr("\"%1\" is already taken").arg(to));
    Variant after = v;
    for (Layer &l : after.layers)
        if (l.id == from) l.id = to;
    for (Component &c : after.components)
        if (c.layer == from) c.layer = to;
    return VariantEdit{after, {}, to};
}

VariantEdit groupIntoUnit(const Variant &v, const QStringList &componentIds,
                          const QString &unitId) {
    const QSet<QString> ids = toSet(componentIds);
    if (ids.isEmpty()) return refuse(v, tr("nothing to group"));
    if (v.findUnit(unitId) || v.findComponent(unitId))
        return refuse(v, tr("\"%1\" is already taken").arg(unitId));
    Variant after = v;
    Unit unit;
    if (const Component *first = v.findComponent(componentIds.first()))
        if (const Unit *u = v.findUnit(first->unit))
            unit = *u; // the new unit starts with the settings of the first member's
    unit.id = unitId;
    unit.name = unitId;
    unit.implicit = false;
    after.units.append(unit);
    for (Component &c : after.components)
        if (ids.contains(c.id)) c.unit = unit.id;
    dropEmptyUnits(after);
    return VariantEdit{after, {}, unitId};
}

Variant ungroup(const Variant &v, const QStringList &componentIds, const QStringList &unitIds) {
    QSet<QString> ids = toSet(componentIds);
    const QSet<QString> units = toSet(unitIds);
    for (const Component &c : v.components)
        if (units.contains(c.unit)) ids.insert(c.id);
    Variant after = v;
    for (Component &c : after.components) {
        const Unit *old = v.findUnit(c.unit);
        if (!ids.contains(c.id) || (old && old->implicit)) continue;
        Unit own = old ? *old : Unit{};
        own.id = c.id;
        own.name.clear();
        own.implicit = true;
        after.units.append(own);
        c.unit = c.id;
    }
    dropEmptyUnits(after);
    return after;
}

VariantEdit deriveMonolith(const Variant &v, const QString &newName) {
    const QList<const Unit *> sources = applicationUnits(v);
    if (sources.isEmpty())
        return refuse(v, tr("variant \"%1\": components[].kind: no service or gateway to put "
                            "into a monolith")
                             .arg(v.name));
    Variant out = v;
    out.name = newName;
    separateInfrastructure(v, out);

    // Sizing: as many replicas as the largest unit replaced; per replica, the cores, threads,
    // queue places and cost of all replaced units together spread over those replicas, so the
    // monolith starts with the same total capacity and money. Failure rates add up (a crash of
    // any module stops the process); repair takes the failure-weighted mean time.
    Unit app = *sources.first();
    int replicas = 1;
    double cores = 0, threads = 0, cost = 0, queue = 0, failureRate = 0, repairWeighted = 0;
    bool queueBounded = true;
    std::optional<int> autoMin, autoMax;
    std::optional<double> target;
    bool allHaveMax = true;
    QStringList zones;
    for (const Unit *u : sources) {
        replicas = std::max(replicas, u->replicas);
        cores += double(u->effectiveCores()) * u->replicas;
        threads += double(u->threads) * u->replicas;
        cost += u->costPerHour * u->replicas;
        if (u->queueCapacity)
            queue += double(*u->queueCapacity) * u->replicas;
        else
            queueBounded = false;
        if (u->mtbfHours && *u->mtbfHours > 0) {
            failureRate += 1.0 / *u->mtbfHours;
            repairWeighted += u->mttrMinutes / *u->mtbfHours;
        }
        for (const QString &z : u->zones)
            if (!zones.contains(z)) zones << z;
        if (u->autoscaleMin) autoMin = std::max(autoMin.value_or(0), *u->autoscaleMin);
        if (u->autoscaleMax)
            autoMax = autoMax.value_or(0) + *u->autoscaleMax;
        else
            allHaveMax = false;
        if (u->autoscaleTargetUtilization)
            target = std::min(target.value_or(1.0), *u->autoscaleTargetUtilization);
        app.healthCheckMs = std::max(app.healthCheckMs, u->healthCheckMs);
    }
    app.id = sources.size() == 1 ? sources.first()->id : QStringLiteral("app");
    app.name = sources.size() == 1 ? sources.first()->name : tr("Monolith");
    app.implicit = false;
    app.replicas = replicas;
    app.threads = ceilDiv(threads, replicas);
    app.cores = ceilDiv(cores, replicas);
    app.costPerHour = cost / replicas;
    app.queueCapacity =
        queueBounded ? std::optional<int>(ceilDiv(queue, replicas)) : std::optional<int>();
    app.zones = zones;
    app.mtbfHours = failureRate > 0 ? std::optional<double>(1.0 / failureRate) : std::nullopt;
    app.mttrMinutes = failureRate > 0 ? repairWeighted / failureRate : 0.0;
    app.autoscaleMin = autoMin;
    app.autoscaleMax = allHaveMax ? autoMax : std::nullopt;
    app.autoscaleTargetUtilization = target;

    QHash<QString, QStringList> replaced;
    QSet<QString> sourceIds;
    for (const Unit *u : sources) {
        sourceIds.insert(u->id);
        replaced.insert(u->id, {app.id});
    }
    out.units.removeIf([&](const Unit &u) { return sourceIds.contains(u.id); });
    if (sources.size() > 1 && (out.findUnit(app.id) || out.findComponent(app.id)))
        app.id = uniqueElementId(out, app.id);
    for (auto &targets : replaced)
        targets = {app.id};
    // The monolith takes the place of the first unit it replaces in the unit list.
    int at = 0;
    for (int i = 0; i < v.units.size() && &v.units[i] != sources.first(); ++i)
        if (!sourceIds.contains(v.units[i].id)) ++at;
    out.units.insert(std::min<qsizetype>(at, out.units.size()), app);
    for (Component &c : out.components)
        if (isApplicationComponent(c.kind)) c.unit = app.id;
    remapScenarios(out, replaced);
    dropEmptyUnits(out);
    out.description = tr("Derived from \"%1\" as a monolith.").arg(v.name);
    return VariantEdit{out, {}, app.id};
}

VariantEdit deriveMicroservices(const Variant &v, const QString &newName) {
    const QList<const Unit *> sources = applicationUnits(v);
    if (sources.isEmpty())
        return refuse(v, tr("variant \"%1\": components[].kind: no service or gateway to split "
                            "into microservices")
                             .arg(v.name));
    Variant out = v;
    out.name = newName;
    separateInfrastructure(v, out);
    QHash<QString, int> members; // application components per source unit
    for (const Component &c : v.components)
        if (isApplicationComponent(c.kind)) ++members[c.unit];

    QHash<QString, QStringList> replaced;
    QSet<QString> split;
    QList<Unit> created;
    Variant ids = out; // to find free ids while creating several
    for (Component &c : out.components) {
        if (!isApplicationComponent(c.kind)) continue;
        const Unit *source = v.findUnit(c.unit);
        if (!source) continue;
        const int n = members.value(c.unit);
        if (n == 1) continue; // already a unit of its own
        split.insert(source->id);
        Unit u = *source;
        u.id = uniqueElementId(ids, c.id + QStringLiteral("-svc"));
        u.name = c.name;
        u.implicit = false;
        // Each service keeps the process's replicas, threads and zones; the cores are shared
        // out (at least one each) and priced at the source's price per core.
        const int sourceCores = source->effectiveCores();
        const int cores = ceilDiv(sourceCores, n);
        u.cores = cores;
        u.costPerHour = source->costPerHour * cores / std::max(1, sourceCores);
        if (u.queueCapacity) u.queueCapacity = ceilDiv(*u.queueCapacity, n);
        if (u.autoscaleMin) u.autoscaleMin = std::max(1, *u.autoscaleMin);
        replaced[source->id] << u.id;
        ids.units.append(u);
        created << u;
        c.unit = u.id;
    }
    // The new units take the place of the unit they split, in the order of its components.
    QList<Unit> units;
    for (const Unit &u : out.units) {
        if (!split.contains(u.id)) {
            units << u;
            continue;
        }
        for (const Unit &n : created)
            if (replaced.value(u.id).contains(n.id)) units << n;
    }
    out.units = units;
    remapScenarios(out, replaced);
    dropEmptyUnits(out);
    out.description = tr("Derived from \"%1\" as microservices.").arg(v.name);
    return VariantEdit{out, {}, {}};
}

} // namespace archsim
