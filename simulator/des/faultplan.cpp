// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/des/faultplan.h"
#include "simulator/timeunit.h"

#include "simulator/des/desengine.h"

#include "model/variant.h"

namespace archsim::sim {

namespace {

double endOf(const ScenarioEvent &e) {
    return e.forSec > 0 ? msFromSeconds(e.atSec + e.forSec) : kForever;
}

} // namespace

QString applyScenario(const Variant &variant, const CompiledModel &model, const QString &name,
                      DesOptions &options) {
    const Scenario *scenario = nullptr;
    QStringList names;
    for (const Scenario &s : variant.scenarios) {
        names << s.name;
        if (s.name == name) scenario = &s;
    }
    if (!scenario)
        return QStringLiteral("variant \"%1\" has no scenario \"%2\" (it has: %3)")
            .arg(variant.name, name,
                 names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")));
    FaultPlan &plan = options.faults;
    for (int i = 0; i < scenario->events.size(); ++i) {
        const ScenarioEvent &e = scenario->events[i];
        const QString where = QStringLiteral("scenario \"%1\" events[%2]").arg(name).arg(i);
        auto unitOf = [&](int *u) {
            *u = model.unitIndex(e.unit);
            if (*u < 0) // a component id names its unit too
                if (const int c = model.componentIndex(e.unit); c >= 0)
                    *u = model.components[std::size_t(c)].unit;
            return *u >= 0;
        };
        FaultWindow window{e.atSec, e.forSec > 0 ? e.atSec + e.forSec : kForever, {}};
        switch (e.action) {
        case ScenarioAction::Load: {
            LoadChange change;
            change.atSec = e.atSec;
            change.forSec = e.forSec;
            change.factor = e.factor;
            if (!e.workload.isEmpty()) {
                for (std::size_t w = 0; w < model.workloads.size(); ++w)
                    if (model.workloads[w].name == e.workload) change.workload = int(w);
                if (change.workload < 0)
                    return QStringLiteral("%1.workload: unknown workload \"%2\"")
                        .arg(where, e.workload);
            }
            options.loadChanges.push_back(change);
            window.label = QStringLiteral("load x%1").arg(e.factor);
            break;
        }
        case ScenarioAction::Crash: {
            int u = -1;
            if (!unitOf(&u))
                return QStringLiteral("%1.unit: unknown unit \"%2\"").arg(where, e.unit);
            const CompiledUnit &unit = model.units[std::size_t(u)];
            const int n = std::clamp(e.replicas.value_or(unit.replicas), 0, unit.replicas);
            ReplicaOutage outage{msFromSeconds(e.atSec), endOf(e), {}};
            for (int r = 0; r < n; ++r)
                outage.replicas.push_back(unit.firstReplica + r);
            plan.outages.push_back(outage);
            window.label =
                QStringLiteral("crash %1 (%2 of %3)").arg(unit.id).arg(n).arg(unit.replicas);
            break;
        }
        case ScenarioAction::ZoneDown: {
            ReplicaOutage outage{msFromSeconds(e.atSec), endOf(e), {}};
            for (const CompiledUnit &unit : model.units) {
                if (unit.zones.isEmpty()) continue;
                for (int r = 0; r < unit.replicas; ++r)
                    if (unit.zones[r % unit.zones.size()] == e.zone)
                        outage.replicas.push_back(unit.firstReplica + r);
            }
            plan.outages.push_back(outage);
            window.label = QStringLiteral("zone %1 down").arg(e.zone);
            break;
        }
        case ScenarioAction::Latency: {
            LatencyFault fault{msFromSeconds(e.atSec), endOf(e), -1, -1, e.latencyMs};
            if (!e.connection.isEmpty()) {
                for (int c = 0; c < variant.connections.size(); ++c)
                    if (variant.connections[c].id == e.connection) fault.connection = c;
                if (fault.connection < 0)
                    return QStringLiteral("%1.connection: unknown connection \"%2\"")
                        .arg(where, e.connection);
                window.label = QStringLiteral("+%1 ms on %2").arg(e.latencyMs).arg(e.connection);
            } else {
                if (!unitOf(&fault.unit))
                    return QStringLiteral("%1.unit: unknown unit \"%2\"").arg(where, e.unit);
                window.label = QStringLiteral("+%1 ms into %2").arg(e.latencyMs).arg(e.unit);
            }
            plan.latencies.push_back(fault);
            break;
        }
        case ScenarioAction::Slowdown: {
            SlowdownFault fault{msFromSeconds(e.atSec), endOf(e), -1, e.factor};
            if (!unitOf(&fault.unit))
                return QStringLiteral("%1.unit: unknown unit \"%2\"").arg(where, e.unit);
            plan.slowdowns.push_back(fault);
            window.label = QStringLiteral("%1 slower x%2").arg(e.unit).arg(e.factor);
            break;
        }
        }
        plan.windows.push_back(window);
    }
    return {};
}

} // namespace archsim::sim
