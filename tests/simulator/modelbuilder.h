// SPDX-License-Identifier: GPL-3.0-or-later
// Builds small test variants in code: units, components, calls and workloads in one line each.
#pragma once

#include "model/variant.h"

namespace archsim::test {

class ModelBuilder {
public:
    ModelBuilder &unit(const QString &id, int threads = 1, int replicas = 1,
                       std::optional<int> cores = {}, std::optional<int> queueCapacity = {},
                       BalancingPolicy policy = BalancingPolicy::RoundRobin) {
        Unit u;
        u.id = id;
        u.threads = threads;
        u.replicas = replicas;
        u.cores = cores;
        u.queueCapacity = queueCapacity;
        u.policy = policy;
        m_variant.units << u;
        return *this;
    }
    ModelBuilder &component(const QString &id, const QString &unit, double serviceMs,
                            Distribution distribution = Distribution::Exponential, double cv = 1,
                            ComponentKind kind = ComponentKind::Service) {
        Component c;
        c.id = id;
        c.name = id;
        c.unit = unit;
        c.serviceTimeMs = serviceMs;
        c.distribution = distribution;
        c.cv = cv;
        c.kind = kind;
        m_variant.components << c;
        return *this;
    }
    // A client of its own (implicit) unit.
    ModelBuilder &client(const QString &id) {
        unit(id);
        m_variant.units.last().implicit = true;
        return component(id, id, 0, Distribution::Exponential, 1, ComponentKind::Client);
    }
    ModelBuilder &cache(const QString &id, const QString &unit, double serviceMs, double hitRatio) {
        component(id, unit, serviceMs, Distribution::Exponential, 1, ComponentKind::Cache);
        m_variant.components.last().hitRatio = hitRatio;
        return *this;
    }
    ModelBuilder &call(const QString &from, const QString &to, double calls = 1,
                       double latencyMs = 0, CallMode mode = CallMode::Sync,
                       const QString &parallelGroup = {}) {
        Connection c;
        c.from = from;
        c.to = to;
        c.calls = calls;
        c.latencyMs = latencyMs;
        c.mode = mode;
        c.parallelGroup = parallelGroup;
        m_variant.connections << c;
        return *this;
    }
    ModelBuilder &open(const QString &name, const QString &entry, double ratePerSec) {
        Workload w;
        w.name = name;
        w.entry = entry;
        w.ratePerSec = ratePerSec;
        m_variant.workloads << w;
        return *this;
    }
    ModelBuilder &closed(const QString &name, const QString &entry, int users, double thinkMs) {
        Workload w;
        w.name = name;
        w.entry = entry;
        w.users = users;
        w.thinkTimeMs = thinkMs;
        m_variant.workloads << w;
        return *this;
    }
    Variant variant() const {
        Variant v = m_variant;
        v.name = QStringLiteral("test");
        return v;
    }

private:
    Variant m_variant;
};

} // namespace archsim::test
