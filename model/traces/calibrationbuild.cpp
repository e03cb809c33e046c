// SPDX-License-Identifier: GPL-3.0-or-later
// Calibrator::finish: the accumulated observations become a variant and a report.
#include "model/traces/calibrator.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace archsim::traces {

namespace {

QJsonObject stats(const SampleStats &s) {
    return {{QStringLiteral("count"), double(s.count)},
            {QStringLiteral("meanMs"), s.mean()},
            {QStringLiteral("cv"), s.cv()},
            {QStringLiteral("p50Ms"), s.percentile(0.5)},
            {QStringLiteral("p95Ms"), s.percentile(0.95)},
            {QStringLiteral("p99Ms"), s.percentile(0.99)}};
}

// Four significant digits: what a person reads on the canvas; far finer than the data's noise.
double rounded(double v) {
    if (!(v > 0)) return v;
    const double scale = std::pow(10.0, 3 - std::floor(std::log10(v)));
    return std::round(v * scale) / scale;
}

int findRoot(std::vector<int> &p, int i) {
    while (p[std::size_t(i)] != i)
        i = p[std::size_t(i)] = p[std::size_t(p[std::size_t(i)])];
    return i;
}

} // namespace

CalibrationResult Calibrator::finish() const {
    CalibrationResult r;
    Variant &v = r.variant;
    v.name = m_options.variantName;
    v.description =
        QStringLiteral("Calibrated from %1 traces (%2 spans)").arg(m_traces).arg(m_spans);
    v.layers = {{QStringLiteral("entry"), QStringLiteral("Entry"), {}},
                {QStringLiteral("services"), QStringLiteral("Services"), {}},
                {QStringLiteral("data"), QStringLiteral("Data"), {}}};
    QSet<QString> entryServices;
    for (const Entry &e : m_entries)
        entryServices.insert(e.component);
    QHash<QString, QSet<QString>> unitInstances; // a service's instances, over its components
    for (const Service &s : m_services)
        unitInstances[s.unit].unite(s.instances);
    QMap<int, int> perDepth; // components placed so far at each depth
    int maxDepth = 1;
    for (const Service &s : m_services)
        if (!s.uninstrumented) maxDepth = std::max(maxDepth, std::min(s.depth, 6));
    QJsonArray servicesJson;
    for (auto it = m_services.cbegin(); it != m_services.cend(); ++it) {
        const QString &name = it.key();
        const Service &s = it.value();
        Component c;
        c.id = name;
        c.name = name;
        c.unit = s.unit;
        c.kind = s.uninstrumented ? (s.database ? ComponentKind::Database : ComponentKind::External)
                                  : ComponentKind::Service;
        c.layer = s.uninstrumented               ? QStringLiteral("data")
                  : entryServices.contains(name) ? QStringLiteral("entry")
                                                 : QStringLiteral("services");
        c.serviceTimeMs = rounded(s.self.mean());
        const ServiceFit f = fit(s.self);
        c.distribution = f.chosen;
        c.cv = f.chosen == Distribution::Lognormal ? rounded(std::max(0.01, s.self.cv())) : 1.0;
        // Rows by calls from the entry, in the lanes of their layers: entries on top, data
        // below every service row.
        const int depth = s.uninstrumented ? maxDepth + 1 : std::min(s.depth, maxDepth);
        c.x = 40 + 220 * perDepth[depth]++;
        c.y = 60 + 160 * depth;
        v.components.append(c);
        Unit u;
        u.id = s.unit;
        u.name = s.unit;
        u.replicas = std::max(1, int(unitInstances.value(s.unit).size()));
        u.threads = m_options.threads;
        if (!v.findUnit(u.id)) v.units.append(u);
        QJsonObject sj = stats(s.self);
        sj.insert(QStringLiteral("service"), name);
        sj.insert(QStringLiteral("kind"), enumName(c.kind));
        sj.insert(QStringLiteral("visits"), double(m_visits.value(name)));
        sj.insert(QStringLiteral("replicas"), u.replicas);
        sj.insert(QStringLiteral("distribution"), enumName(c.distribution));
        sj.insert(QStringLiteral("ksExponential"), f.ksExponential);
        sj.insert(QStringLiteral("ksLognormal"), f.ksLognormal);
        QJsonArray instances;
        QStringList sorted(s.instances.cbegin(), s.instances.cend());
        sorted.sort();
        for (const QString &i : sorted)
            instances.append(i);
        sj.insert(QStringLiteral("instances"), instances);
        servicesJson.append(sj);
    }
    // Connections of one caller in the order they start in its visits; callees whose calls
    // overlap in most visits where both occur form a parallel group.
    struct Pending {
        QString from, to;
        double offset;
        const Edge *edge;
    };
    std::vector<Pending> pending;
    for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it) {
        const QStringList ft = it.key().split(u'\n');
        pending.push_back({ft.at(0), ft.at(1),
                           it->offsetCount ? it->offsetSum / double(it->offsetCount) : 0,
                           &it.value()});
    }
    std::sort(pending.begin(), pending.end(), [](const Pending &a, const Pending &b) {
        return a.from != b.from ? a.from < b.from : a.offset < b.offset;
    });
    std::vector<int> group(pending.size());
    std::iota(group.begin(), group.end(), 0);
    for (std::size_t i = 0; i < pending.size(); ++i)
        for (std::size_t j = i + 1; j < pending.size() && pending[j].from == pending[i].from; ++j) {
            const QString a = edgeKey(pending[i].from, pending[i].to);
            const QString b = edgeKey(pending[j].from, pending[j].to);
            const auto p = m_pairs.value(a < b ? a + u'\t' + b : b + u'\t' + a);
            if (p.first > 0 && 2 * p.second > p.first)
                group[findRoot(group, int(j))] = findRoot(group, int(i));
        }
    QMap<int, int> groupSize;
    for (std::size_t i = 0; i < pending.size(); ++i)
        ++groupSize[findRoot(group, int(i))];
    double totalRoots = 0;
    for (const Entry &e : m_entries)
        totalRoots += double(e.response.count);
    QJsonArray edgesJson;
    for (std::size_t i = 0; i < pending.size(); ++i) {
        const Pending &p = pending[i];
        Connection c;
        c.id = p.from + QStringLiteral("->") + p.to;
        c.from = p.from;
        c.to = p.to;
        const double visits = std::max<double>(1, double(m_visits.value(p.from)));
        c.calls = rounded(double(p.edge->calls) / visits);
        c.latencyMs = rounded(p.edge->network.mean() / 2);
        c.mode = 2 * p.edge->async > p.edge->calls ? CallMode::Async : CallMode::Sync;
        const int g = findRoot(group, int(i));
        if (groupSize.value(g) > 1 && c.mode == CallMode::Sync)
            c.parallelGroup = QStringLiteral("parallel-%1").arg(g);
        v.connections.append(c);
        edgesJson.append(QJsonObject{{QStringLiteral("from"), p.from},
                                     {QStringLiteral("to"), p.to},
                                     {QStringLiteral("calls"), double(p.edge->calls)},
                                     {QStringLiteral("callsPerVisit"), c.calls},
                                     {QStringLiteral("callsPerRequest"),
                                      totalRoots > 0 ? double(p.edge->calls) / totalRoots : 0.0},
                                     {QStringLiteral("networkMs"), c.latencyMs},
                                     {QStringLiteral("mode"), enumName(c.mode)},
                                     {QStringLiteral("parallelGroup"), c.parallelGroup},
                                     {QStringLiteral("startOffsetMs"), p.offset}});
    }
    QJsonArray entriesJson;
    for (const Entry &e : m_entries) {
        Workload w;
        w.name = e.operation.isEmpty() ? e.service : e.operation;
        w.entry = e.component;
        const double n = double(e.response.count);
        double windowSec = 0;
        if (m_options.fromSec && m_options.toSec)
            windowSec = *m_options.toSec - *m_options.fromSec;
        else if (n > 1)
            windowSec = double(e.lastNs - e.firstNs) / 1e9 * n / (n - 1);
        if (!(windowSec > 0)) windowSec = 1;
        w.ratePerSec = rounded(n / windowSec / std::max(1e-9, m_options.sampling));
        v.workloads.append(w);
        QJsonArray perTen;
        for (auto it = e.perTenSeconds.cbegin(); it != e.perTenSeconds.cend(); ++it)
            perTen.append(QJsonObject{
                {QStringLiteral("atSec"), double(it.key() * 10)},
                {QStringLiteral("ratePerSec"), it.value() / 10.0 / m_options.sampling}});
        QJsonObject ej = stats(e.response);
        ej.insert(QStringLiteral("service"), e.service);
        ej.insert(QStringLiteral("component"), e.component);
        ej.insert(QStringLiteral("operation"), e.operation);
        ej.insert(QStringLiteral("ratePerSec"), *w.ratePerSec);
        ej.insert(QStringLiteral("windowSec"), windowSec);
        ej.insert(QStringLiteral("arrivals"), perTen);
        entriesJson.append(ej);
    }
    r.report = QJsonObject{{QStringLiteral("variant"), v.name},
                           {QStringLiteral("traces"), double(m_traces)},
                           {QStringLiteral("spans"), double(m_spans)},
                           {QStringLiteral("spansWithoutParent"), double(m_orphans)},
                           {QStringLiteral("tracesOutsideWindow"), double(m_outside)},
                           {QStringLiteral("sampling"), m_options.sampling},
                           {QStringLiteral("services"), servicesJson},
                           {QStringLiteral("connections"), edgesJson},
                           {QStringLiteral("entries"), entriesJson}};
    return r;
}

} // namespace archsim::traces
