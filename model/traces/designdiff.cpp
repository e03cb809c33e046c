// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/traces/designdiff.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace archsim::traces {

namespace {

// "checkoutservice", "Checkout Service", "checkout-svc" all become "checkout".
QString normalized(QString s) {
    s = s.toLower();
    s.remove(QRegularExpression(QStringLiteral("[^a-z0-9]")));
    for (const char *suffix : {"service", "svc"})
        if (s.endsWith(QLatin1String(suffix)) && s.size() > int(qstrlen(suffix)))
            s.chop(int(qstrlen(suffix)));
    return s;
}

bool moved(double designed, double observed, double threshold) {
    if (designed <= 0) return observed > 0;
    return std::abs(observed - designed) / designed > threshold;
}

} // namespace

QJsonArray DesignDiff::toJson() const {
    QJsonArray a;
    for (const DiffRow &r : rows)
        a.append(QJsonObject{{QStringLiteral("what"), r.what},
                             {QStringLiteral("from"), r.from},
                             {QStringLiteral("to"), r.to},
                             {QStringLiteral("designed"), r.designed},
                             {QStringLiteral("observed"), r.observed}});
    return a;
}

DesignDiff diffDesign(const Variant &designed, const Variant &observed,
                      const DiffOptions &options) {
    DesignDiff d;
    d.merged = designed;
    d.merged.name = options.mergedName.isEmpty() ? designed.name + QStringLiteral(" (observed)")
                                                 : options.mergedName;
    // Match traced services to designed components: mapping file, id, name, normalized name.
    for (const Component &o : observed.components) {
        QString id = options.mapping.value(o.id);
        if (id.isEmpty() || !designed.findComponent(id)) {
            id.clear();
            for (const Component &c : designed.components)
                if (c.id == o.id || c.name.compare(o.id, Qt::CaseInsensitive) == 0) id = c.id;
            if (id.isEmpty())
                for (const Component &c : designed.components)
                    if (normalized(c.id) == normalized(o.id) ||
                        normalized(c.name) == normalized(o.id))
                        id = c.id;
        }
        if (!id.isEmpty()) d.matched.insert(o.id, id);
    }
    double maxX = 0;
    for (const Component &c : designed.components)
        maxX = std::max(maxX, c.x);
    for (const Component &o : observed.components) {
        const QString id = d.matched.value(o.id);
        if (id.isEmpty()) {
            Component c = o;
            c.x += maxX + 260; // beside the design, in the observed layout
            // Into a designed layer: the same id if there is one, else the lowest layer.
            bool known = false;
            for (const Layer &l : designed.layers)
                known = known || l.id == o.layer;
            if (!known)
                c.layer = designed.layers.isEmpty() ? QString() : designed.layers.constLast().id;
            Unit u = *observed.findUnit(o.unit);
            if (!d.merged.findUnit(u.id))
                d.merged.units.append(u);
            else
                c.unit = u.id;
            d.merged.components.append(c);
            d.matched.insert(o.id, o.id);
            d.rows.append({QStringLiteral("new-component"), o.id, {}, 0, o.serviceTimeMs});
            continue;
        }
        Component &c = d.merged.components[d.merged.componentIndex(id)];
        if (moved(c.serviceTimeMs, o.serviceTimeMs, options.threshold))
            d.rows.append(
                {QStringLiteral("service-time-changed"), id, {}, c.serviceTimeMs, o.serviceTimeMs});
        c.serviceTimeMs = o.serviceTimeMs;
        c.distribution = o.distribution;
        c.cv = o.cv;
    }
    QSet<QString> seen;
    for (const Connection &o : observed.connections) {
        const QString from = d.matched.value(o.from), to = d.matched.value(o.to);
        if (from == to) continue; // two traced services mapped onto one component
        seen.insert(from + u'\n' + to);
        int found = -1;
        for (int i = 0; i < d.merged.connections.size(); ++i)
            if (d.merged.connections[i].from == from && d.merged.connections[i].to == to) found = i;
        if (found < 0) {
            Connection c = o;
            c.id = from + QStringLiteral("->") + to;
            c.from = from;
            c.to = to;
            d.merged.connections.append(c);
            d.rows.append({QStringLiteral("observed-not-designed"), from, to, 0, o.calls});
            continue;
        }
        Connection &c = d.merged.connections[found];
        // Traces count the calls a cache made, i.e. on misses; the model's calls of a cache
        // are per miss (scaled by 1 - hit ratio), so the observed count is turned into that.
        double calls = o.calls;
        const Component *caller = d.merged.findComponent(from);
        if (caller && caller->kind == ComponentKind::Cache && caller->hitRatio > 0 &&
            caller->hitRatio < 1)
            calls /= 1 - caller->hitRatio;
        if (moved(c.calls, calls, options.threshold))
            d.rows.append({QStringLiteral("calls-changed"), from, to, c.calls, calls});
        c.calls = calls;
        c.latencyMs = o.latencyMs;
    }
    for (const Connection &c : designed.connections)
        if (!seen.contains(c.from + u'\n' + c.to))
            d.rows.append({QStringLiteral("designed-not-observed"), c.from, c.to, c.calls, 0});
    QSet<QString> matchedIds;
    for (const QString &id : d.matched)
        matchedIds.insert(id);
    for (const Component &c : designed.components)
        if (!matchedIds.contains(c.id) && c.kind != ComponentKind::Client)
            d.rows.append({QStringLiteral("unmatched-designed"), c.id, {}, c.serviceTimeMs, 0});
    for (const Workload &o : observed.workloads) {
        const QString entry = d.matched.value(o.entry);
        bool updated = false;
        for (Workload &w : d.merged.workloads)
            if (w.entry == entry && !w.isClosed() && !updated) {
                w.ratePerSec = o.ratePerSec;
                updated = true;
            }
        if (!updated) {
            Workload w = o;
            w.entry = entry;
            d.merged.workloads.append(w);
        }
    }
    return d;
}

bool readMapping(const QString &path, QHash<QString, QString> *mapping, QString *error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": cannot open");
        return false;
    }
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = path + QStringLiteral(": not a JSON object of traced service -> component id");
        return false;
    }
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        mapping->insert(it.key(), it.value().toString());
    return true;
}

} // namespace archsim::traces
