// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/compiledmodel.h"

#include "model/limits.h"
#include "model/servicedistribution.h"
#include "model/validator.h"
#include "simulator/timeunit.h"
#include "simulator/trafficequations.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace archsim::sim {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

struct Scc {
    std::vector<int> component;            // SCC number of each vertex
    std::vector<std::vector<int>> members; // vertices of each SCC
    std::vector<int> order;                // SCC numbers, sources first
    std::vector<bool> cyclic;              // more than one vertex or a self-loop
};

Scc strongComponents(int n, const std::vector<std::pair<int, int>> &edges) {
    Graph g(n);
    for (const auto &[a, b] : edges)
        boost::add_edge(a, b, g);
    Scc scc;
    scc.component.assign(n, 0);
    const int count = boost::strong_components(g, scc.component.data());
    scc.members.assign(count, {});
    scc.cyclic.assign(count, false);
    for (int v = 0; v < n; ++v)
        scc.members[scc.component[v]].push_back(v);
    Graph condensed(count);
    for (const auto &[a, b] : edges) {
        const int ca = scc.component[a], cb = scc.component[b];
        if (ca == cb)
            scc.cyclic[ca] = true;
        else
            boost::add_edge(ca, cb, condensed);
    }
    for (int c = 0; c < count; ++c)
        if (scc.members[c].size() > 1) scc.cyclic[c] = true;
    std::vector<int> reversed;
    boost::topological_sort(condensed, std::back_inserter(reversed));
    scc.order.assign(reversed.rbegin(), reversed.rend());
    return scc;
}

// A cycle inside one SCC, as component ids joined by arrows ("a -> b -> a").
struct Cycle {
    QString text;        // "a -> b -> a"
    int connection = -1; // the connection of its first call
};

Cycle describeCycle(const CompiledModel &m, const std::vector<int> &component, int scc,
                    bool syncOnly) {
    int start = -1;
    for (std::size_t v = 0; v < component.size(); ++v)
        if (component[v] == scc) {
            start = int(v);
            break;
        }
    std::vector<int> path{start};
    std::vector<int> via; // via[i]: the connection from path[i] to path[i + 1]
    std::vector<int> seenAt(m.components.size(), -1);
    seenAt[start] = 0;
    int v = start;
    while (true) {
        int next = -1, connection = -1;
        const auto &c = m.components[v];
        for (int s = c.stepBegin; s < c.stepEnd && next < 0; ++s)
            for (int k = m.steps[s].callBegin; k < m.steps[s].callEnd; ++k) {
                const CompiledCall &call = m.calls[k];
                if ((!syncOnly || call.sync) && component[call.to] == scc) {
                    next = call.to;
                    connection = call.connection;
                    break;
                }
            }
        if (next < 0) break;
        if (seenAt[next] >= 0) {
            QStringList names;
            for (std::size_t i = seenAt[next]; i < path.size(); ++i)
                names << m.components[path[i]].id;
            names << m.components[next].id;
            return {names.join(QStringLiteral(" -> ")),
                    seenAt[next] < int(via.size()) ? via[std::size_t(seenAt[next])] : connection};
        }
        seenAt[next] = int(path.size());
        via.push_back(connection);
        path.push_back(next);
        v = next;
    }
    return {m.components[start].id, -1};
}

// The traffic equations of one cyclic SCC, with its members' positions in them.
struct CycleSystem {
    std::vector<int> local; // position of each component in its SCC's system (-1: none)
    std::vector<std::optional<TrafficEquations>> equations; // per SCC; only cyclic ones
};

CycleSystem cycleSystems(const CompiledModel &m, const Scc &scc) {
    CycleSystem sys;
    sys.local.assign(m.components.size(), -1);
    sys.equations.resize(scc.members.size());
    for (std::size_t s = 0; s < scc.members.size(); ++s) {
        if (!scc.cyclic[s]) continue;
        const auto &members = scc.members[s];
        for (std::size_t i = 0; i < members.size(); ++i)
            sys.local[std::size_t(members[i])] = int(i);
        std::vector<TrafficEquations::Entry> entries;
        for (int c : members) {
            const auto &cc = m.components[std::size_t(c)];
            for (int k = cc.callBegin; k < cc.callEnd; ++k) {
                const CompiledCall &call = m.calls[std::size_t(k)];
                if (scc.component[std::size_t(call.to)] == int(s))
                    entries.push_back({sys.local[std::size_t(call.to)], sys.local[std::size_t(c)],
                                       call.multiplier});
            }
        }
        sys.equations[s].emplace(int(members.size()), entries);
    }
    return sys;
}

std::vector<double> solveVisits(const CompiledModel &m, const Scc &scc, const CycleSystem &cycles,
                                int entry, bool syncOnly) {
    const std::size_t n = m.components.size();
    std::vector<double> base(n, 0.0), v(n, 0.0);
    base[std::size_t(entry)] = 1;
    auto propagate = [&](int from, bool insideOnly, std::vector<double> &target) {
        const auto &c = m.components[from];
        for (int s = c.stepBegin; s < c.stepEnd; ++s)
            for (int k = m.steps[s].callBegin; k < m.steps[s].callEnd; ++k) {
                const CompiledCall &call = m.calls[k];
                if (syncOnly && !call.sync) continue;
                const bool inside = scc.component[call.to] == scc.component[from];
                if (inside == insideOnly) target[call.to] += v[from] * call.multiplier;
            }
    };
    for (int s : scc.order) {
        const auto &members = scc.members[s];
        if (!scc.cyclic[s]) {
            v[members[0]] = base[members[0]];
        } else {
            // v = base + A v inside the SCC, solved exactly (boundedness checked at compile).
            std::vector<double> b(members.size());
            for (std::size_t i = 0; i < members.size(); ++i)
                b[i] = base[std::size_t(members[i])];
            const std::vector<double> x = cycles.equations[std::size_t(s)]->solve(std::move(b));
            for (std::size_t i = 0; i < members.size(); ++i)
                v[std::size_t(members[i])] = x[i];
        }
        for (int c : members)
            propagate(c, false, base);
    }
    return v;
}

Problem cycleProblem(const Variant &variant, int variantIndex, const Cycle &cycle,
                     const QString &message) {
    Problem p;
    p.variant = variant.name;
    p.elementKind = QStringLiteral("connection");
    if (cycle.connection >= 0) {
        const Connection &c = variant.connections[cycle.connection];
        p.path = QStringLiteral("variants[%1].connections[%2].to")
                     .arg(variantIndex)
                     .arg(cycle.connection);
        p.elementId = c.id.isEmpty() ? QStringLiteral("%1->%2").arg(c.from, c.to) : c.id;
        p.field = QStringLiteral("to");
    } else {
        p.path = QStringLiteral("variants[%1].connections").arg(variantIndex);
    }
    p.message = message.arg(cycle.text);
    p.location = locationFromPath(p.path);
    return p;
}

} // namespace

double CompiledWorkload::rateAt(double t) const {
    switch (pattern) {
    case LoadPattern::Constant:
        return ratePerSec;
    case LoadPattern::Step:
        return t < atSec ? ratePerSec : toRatePerSec;
    case LoadPattern::Ramp:
        if (t < atSec) return ratePerSec;
        if (forSec <= 0 || t >= atSec + forSec) return toRatePerSec;
        return ratePerSec + (toRatePerSec - ratePerSec) * (t - atSec) / forSec;
    case LoadPattern::Spike:
        return (t >= atSec && t < atSec + forSec) ? toRatePerSec : ratePerSec;
    case LoadPattern::Diurnal:
        return ratePerSec + (toRatePerSec - ratePerSec) *
                                (1 - std::cos(2 * std::numbers::pi * t / periodSec)) / 2;
    }
    return ratePerSec;
}

double CompiledWorkload::peakRate() const {
    return pattern == LoadPattern::Constant ? ratePerSec : std::max(ratePerSec, toRatePerSec);
}

int CompiledModel::unitIndex(const QString &id) const {
    return unitById.value(id, -1);
}

int CompiledModel::componentIndex(const QString &id) const {
    return componentById.value(id, -1);
}

CompileResult compileVariant(const Variant &variant, int variantIndex) {
    CompileResult result;
    result.problems = validateVariant(variant, variantIndex);
    if (hasErrors(result.problems)) return result;

    CompiledModel m;
    m.variant = variant.name;
    QHash<QString, int> unitIndex, componentIndex;
    for (const Unit &u : variant.units) {
        unitIndex.insert(u.id, int(m.units.size()));
        CompiledUnit cu;
        cu.id = u.id;
        cu.replicas = std::max(1, u.replicas);
        cu.threads = std::max(1, u.threads);
        cu.cores = std::max(1, u.effectiveCores());
        cu.queueCapacity = u.queueCapacity.value_or(-1);
        cu.policy = u.policy;
        cu.zones = u.zones;
        cu.mtbfMs = msFromHours(u.mtbfHours.value_or(0));
        cu.mttrMs = msFromMinutes(u.mttrMinutes);
        cu.healthCheckMs = u.healthCheckMs;
        cu.costPerHour = u.costPerHour;
        if (u.autoscaled()) {
            CompiledAutoscale a;
            a.min = u.autoscaleLow();
            a.max = u.autoscaleHigh();
            a.target = *u.autoscaleTargetUtilization;
            a.syncMs = msFromSeconds(u.autoscaleSyncPeriodSec);
            a.tolerance = u.autoscaleTolerance;
            a.scaleDownWindowMs = msFromSeconds(u.autoscaleScaleDownWindowSec);
            a.provisioningMs = msFromSeconds(u.autoscaleProvisioningSec);
            a.coldStartFactor = u.autoscaleColdStartFactor;
            a.coldStartMs = msFromSeconds(u.autoscaleColdStartSec);
            cu.replicas = std::clamp(cu.replicas, a.min, a.max);
            cu.autoscale = a;
        }
        m.units.push_back(cu);
    }
    for (const Component &c : variant.components) {
        componentIndex.insert(c.id, int(m.components.size()));
        CompiledComponent cc;
        cc.id = c.id;
        QString unitId = c.unit.isEmpty() ? c.id : c.unit;
        if (!unitIndex.contains(unitId)) { // a component of its own unit with default fields
            unitIndex.insert(unitId, int(m.units.size()));
            CompiledUnit cu;
            cu.id = unitId;
            m.units.push_back(cu);
        }
        cc.unit = unitIndex.value(unitId);
        cc.kind = c.kind;
        cc.service = ServiceTime::make(
            c.distribution, c.kind == ComponentKind::Client ? 0.0 : c.serviceTimeMs, c.cv,
            c.distribution == Distribution::Empirical && c.kind != ComponentKind::Client
                ? parseServiceHistogram(c.serviceHistogram).bins
                : std::vector<HistogramBin>{});
        cc.hitRatio = c.kind == ComponentKind::Cache ? std::clamp(c.hitRatio, 0.0, 1.0) : 0.0;
        cc.holdsThread = c.kind != ComponentKind::Client && c.kind != ComponentKind::External;
        if (cc.holdsThread) m.units[cc.unit].hasResources = true;
        m.components.push_back(cc);
    }
    // The validator bounds the total (kMaxTotalReplicas), so the int indexes cannot overflow.
    long long replica = 0;
    for (CompiledUnit &u : m.units) {
        u.firstReplica = int(std::min<long long>(replica, kMaxTotalReplicas));
        replica += u.replicaSlots();
    }
    m.replicaCount = int(std::min<long long>(replica, kMaxTotalReplicas));
    m.unitById = unitIndex;
    m.componentById = componentIndex;

    // Outgoing calls by caller in file order; a parallel group becomes one step placed where
    // its first call is.
    std::vector<std::vector<int>> outgoing(m.components.size());
    for (int i = 0; i < variant.connections.size(); ++i)
        outgoing[componentIndex.value(variant.connections[i].from)].push_back(i);
    for (std::size_t ci = 0; ci < m.components.size(); ++ci) {
        CompiledComponent &cc = m.components[ci];
        cc.stepBegin = int(m.steps.size());
        cc.callBegin = int(m.calls.size());
        std::vector<bool> done(outgoing[ci].size(), false);
        for (std::size_t a = 0; a < outgoing[ci].size(); ++a) {
            if (done[a]) continue;
            CompiledStep step;
            step.callBegin = int(m.calls.size());
            const QString group = variant.connections[outgoing[ci][a]].parallelGroup;
            for (std::size_t b = a; b < outgoing[ci].size(); ++b) {
                const Connection &con = variant.connections[outgoing[ci][b]];
                const bool member =
                    b == a ||
                    (!group.isEmpty() && con.parallelGroup == group && con.mode == CallMode::Sync &&
                     variant.connections[outgoing[ci][a]].mode == CallMode::Sync);
                if (!member) continue;
                done[b] = true;
                CompiledCall call;
                call.from = int(ci);
                call.to = componentIndex.value(con.to);
                call.connection = outgoing[ci][b];
                call.sync = con.mode == CallMode::Sync;
                call.calls = con.calls;
                // The validator bounds calls (kMaxCallsPerVisit); the clamp keeps the
                // conversion defined.
                call.wholeCalls = int(std::floor(std::min(con.calls, kMaxCallsPerVisit)));
                call.extraCallChance = con.calls - call.wholeCalls;
                call.multiplier = con.calls * (1 - cc.hitRatio);
                const CompiledComponent &callee = m.components[call.to];
                const bool sameUnit = callee.unit == cc.unit;
                call.latencyMs = sameUnit ? 0.0 : con.latencyMs;
                call.inProcess = sameUnit && call.sync && cc.holdsThread && callee.holdsThread;
                call.optional = con.optional;
                call.timeoutMs = call.sync ? con.timeoutMs : 0.0;
                call.retries = call.sync ? std::clamp(con.retries, 0, kMaxRetries) : 0;
                call.retryBackoffMs = con.retryBackoffMs;
                call.retryJitter = std::clamp(con.retryJitter, 0.0, 1.0);
                call.breakerThreshold = call.sync ? std::max(0, con.breakerThreshold) : 0;
                call.breakerOpenMs = con.breakerOpenMs;
                m.calls.push_back(call);
            }
            step.callEnd = int(m.calls.size());
            m.steps.push_back(step);
        }
        cc.stepEnd = int(m.steps.size());
        cc.callEnd = int(m.calls.size());
    }

    for (const Workload &w : variant.workloads) {
        CompiledWorkload cw;
        cw.name = w.name;
        cw.entry = componentIndex.value(w.entry);
        cw.closed = w.isClosed();
        cw.ratePerSec = w.ratePerSec.value_or(0);
        cw.users = w.users.value_or(0);
        cw.thinkTimeMs = w.thinkTimeMs;
        cw.pattern = w.pattern;
        cw.toRatePerSec = w.toRatePerSec.value_or(cw.ratePerSec);
        cw.atSec = w.atSec;
        cw.forSec = w.forSec;
        cw.periodSec = w.periodSec > 0 ? w.periodSec : 86400;
        m.workloads.push_back(cw);
    }

    const int n = int(m.components.size());
    std::vector<std::pair<int, int>> syncEdges, allEdges;
    for (const CompiledCall &call : m.calls) {
        allEdges.emplace_back(call.from, call.to);
        if (call.sync) syncEdges.emplace_back(call.from, call.to);
    }
    const Scc syncScc = strongComponents(n, syncEdges);
    for (std::size_t s = 0; s < syncScc.members.size(); ++s)
        if (syncScc.cyclic[s])
            result.problems << cycleProblem(
                variant, variantIndex, describeCycle(m, syncScc.component, int(s), true),
                QStringLiteral("cycle of sync calls %1 (a request would wait for itself)"));
    if (hasErrors(result.problems)) return result;
    for (auto it = syncScc.order.rbegin(); it != syncScc.order.rend(); ++it)
        m.syncReverseTopo.push_back(syncScc.members[*it][0]);

    const Scc allScc = strongComponents(n, allEdges);
    // Expected visits stay finite only when each cycle's calls die out: its traffic equations
    // have a bounded solution.
    const CycleSystem cycles = cycleSystems(m, allScc);
    for (std::size_t s = 0; s < allScc.members.size(); ++s) {
        if (!allScc.cyclic[s] || cycles.equations[s]->bounded()) continue;
        result.problems << cycleProblem(
            variant, variantIndex, describeCycle(m, allScc.component, int(s), false),
            QStringLiteral("async call cycle %1 never dies out (its calls per visit "
                           "multiply to 1 or more, so expected visits are unbounded)"));
    }
    if (hasErrors(result.problems)) return result;

    // The engines keep visits for every workload and component: bound that memory.
    const double pairs = double(m.workloads.size()) * double(m.components.size());
    if (pairs > kMaxVisitPairs) {
        Problem p;
        p.path = QStringLiteral("variants[%1].workloads").arg(variantIndex);
        p.variant = variant.name;
        p.field = QStringLiteral("workloads");
        p.message = QStringLiteral("%1 workloads x %2 components is above the engines' limit of "
                                   "%3 pairs (each pair keeps its visit counts)")
                        .arg(m.workloads.size())
                        .arg(m.components.size())
                        .arg(QString::number(kMaxVisitPairs, 'f', 0));
        result.problems << p;
        return result;
    }
    const CycleSystem noCycles = cycleSystems(m, syncScc); // sync calls form no cycle
    for (const CompiledWorkload &w : m.workloads) {
        m.visits.push_back(solveVisits(m, allScc, cycles, w.entry, false));
        m.syncVisits.push_back(solveVisits(m, syncScc, noCycles, w.entry, true));
    }
    // A closed user whose requests take no time and who never thinks would loop forever.
    for (std::size_t w = 0; w < m.workloads.size(); ++w) {
        const CompiledWorkload &cw = m.workloads[w];
        if (!cw.closed || cw.thinkTimeMs > 0) continue;
        double cycle = 0;
        for (std::size_t c = 0; c < m.components.size(); ++c)
            cycle += m.syncVisits[w][c] * m.components[c].service.meanMs();
        for (const CompiledCall &call : m.calls)
            if (call.sync)
                cycle += m.syncVisits[w][std::size_t(call.from)] * call.multiplier * call.latencyMs;
        if (cycle <= 0) {
            Problem p;
            p.path =
                QStringLiteral("variants[%1].workloads[%2].thinkTimeMs").arg(variantIndex).arg(w);
            p.variant = variant.name;
            p.elementKind = QStringLiteral("workload");
            p.elementId = cw.name;
            p.field = QStringLiteral("thinkTimeMs");
            p.message = QStringLiteral("a closed workload whose requests take no time needs a "
                                       "think time above 0 (its throughput would be unbounded)");
            p.location = locationFromPath(p.path);
            result.problems << p;
        }
    }
    if (hasErrors(result.problems)) return result;
    result.model = std::move(m);
    return result;
}

} // namespace archsim::sim
