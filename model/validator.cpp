// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/validator.h"

#include "model/servicedistribution.h"

#include "model/limits.h"
#include "model/variantindex.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace archsim {
namespace {

class VariantValidator {
public:
    VariantValidator(const Variant &v, int index, ProblemList &out)
        : m_v(v)
        , m_index(v)
        , m_root(QStringLiteral("variants[%1]").arg(index))
        , m_out(out) {}

    void run() {
        if (m_v.name.trimmed().isEmpty())
            error(m_root, {}, {}, QStringLiteral("name"), QStringLiteral("a variant needs a name"));
        checkLayers();
        checkUnits();
        checkComponents();
        checkConnections();
        checkWorkloads();
        checkScenarios();
    }

private:
    void add(Severity s, const QString &path, const QString &kind, const QString &id,
             const QString &field, const QString &message) {
        Problem p;
        p.severity = s;
        p.path = field.isEmpty() ? path : path + QLatin1Char('.') + field;
        p.variant = m_v.name;
        p.elementKind = kind;
        p.elementId = id;
        p.field = field;
        p.message = message;
        p.location = locationFromPath(p.path);
        m_out << p;
    }
    void error(const QString &path, const QString &kind, const QString &id, const QString &field,
               const QString &message) {
        add(Severity::Error, path, kind, id, field, message);
    }
    void warning(const QString &path, const QString &kind, const QString &id, const QString &field,
                 const QString &message) {
        add(Severity::Warning, path, kind, id, field, message);
    }

    QString itemPath(const char *list, int i) const {
        return QStringLiteral("%1.%2[%3]").arg(m_root, QLatin1String(list)).arg(i);
    }

    // Where a unit is written: its own entry (explicitIndex counts the explicit units before
    // it), or the component that carries it inline.
    QString unitPath(int unitIndex, int explicitIndex) const {
        const Unit &u = m_v.units[unitIndex];
        if (u.implicit) {
            const int c = m_index.component(u.id);
            if (c >= 0) return itemPath("components", c);
        }
        return itemPath("units", explicitIndex);
    }

    struct Ctx {
        QString path, kind, id;
    };

    void atLeast(const Ctx &c, const char *field, double value, double min) {
        if (!std::isfinite(value))
            error(c.path, c.kind, c.id, QLatin1String(field),
                  QStringLiteral("not a finite number"));
        else if (value < min)
            error(c.path, c.kind, c.id, QLatin1String(field),
                  QStringLiteral("must be at least %1, is %2").arg(min).arg(value));
    }
    void atMost(const Ctx &c, const char *field, double value, double max) {
        if (std::isfinite(value) && value > max)
            error(c.path, c.kind, c.id, QLatin1String(field),
                  QStringLiteral("must be at most %1, is %2")
                      .arg(QString::number(max, 'g', 15), QString::number(value, 'g', 15)));
    }
    void positive(const Ctx &c, const char *field, double value) {
        if (!std::isfinite(value))
            error(c.path, c.kind, c.id, QLatin1String(field),
                  QStringLiteral("not a finite number"));
        else if (value <= 0)
            error(c.path, c.kind, c.id, QLatin1String(field),
                  QStringLiteral("must be greater than 0, is %1").arg(value));
    }
    void nonEmptyUnique(const Ctx &c, const char *field, const QString &value,
                        QHash<QString, QString> &seen, const char *what) {
        if (value.trimmed().isEmpty()) {
            error(c.path, c.kind, c.id, QLatin1String(field),
                  QStringLiteral("a %1 needs a non-empty %2")
                      .arg(QLatin1String(what), QLatin1String(field)));
            return;
        }
        if (seen.contains(value))
            error(c.path, c.kind, c.id, QLatin1String(field),
                  QStringLiteral("duplicate %1 \"%2\" (first at %3)")
                      .arg(QLatin1String(what), value, seen.value(value)));
        else
            seen.insert(value, c.path);
    }

    void checkLayers() {
        QHash<QString, QString> seen;
        for (int i = 0; i < m_v.layers.size(); ++i) {
            const Layer &l = m_v.layers[i];
            nonEmptyUnique({itemPath("layers", i), QStringLiteral("layer"), l.id}, "id", l.id, seen,
                           "layer");
        }
    }

    void checkUnits() {
        QHash<QString, QString> seen;
        int explicitUnits = 0;
        long long totalReplicas = 0;
        for (int i = 0; i < m_v.units.size(); ++i) {
            const Unit &u = m_v.units[i];
            const Ctx c{unitPath(i, explicitUnits), QStringLiteral("unit"), u.id};
            explicitUnits += u.implicit ? 0 : 1;
            totalReplicas +=
                std::clamp(u.autoscaled() ? std::max(u.replicas, u.autoscaleHigh()) : u.replicas, 1,
                           kMaxReplicas);
            if (!u.implicit)
                nonEmptyUnique(c, "id", u.id, seen, "unit");
            else if (seen.contains(u.id))
                error(c.path, c.kind, c.id, QStringLiteral("id"),
                      QStringLiteral("component \"%1\" is a unit of its own, but a unit with this "
                                     "id exists (at %2)")
                          .arg(u.id, seen.value(u.id)));
            else
                seen.insert(u.id, c.path);
            atLeast(c, "replicas", u.replicas, 1);
            atMost(c, "replicas", u.replicas, kMaxReplicas);
            atLeast(c, "threads", u.threads, 1);
            atMost(c, "threads", u.threads, kMaxThreads);
            if (u.cores) {
                atLeast(c, "cores", *u.cores, 1);
                atMost(c, "cores", *u.cores, kMaxThreads);
            }
            if (u.queueCapacity) atLeast(c, "queueCapacity", *u.queueCapacity, 0);
            if (u.mtbfHours) positive(c, "mtbfHours", *u.mtbfHours);
            atLeast(c, "mttrMinutes", u.mttrMinutes, 0);
            atLeast(c, "costPerHour", u.costPerHour, 0);
            atLeast(c, "healthCheckMs", u.healthCheckMs, 0);
            if (u.autoscaleMin) atLeast(c, "autoscaleMin", *u.autoscaleMin, 1);
            if (u.autoscaleMax && u.autoscaleMin && *u.autoscaleMax < *u.autoscaleMin)
                error(c.path, c.kind, c.id, QStringLiteral("autoscaleMax"),
                      QStringLiteral("must be at least autoscaleMin (%1), is %2")
                          .arg(*u.autoscaleMin)
                          .arg(*u.autoscaleMax));
            if (u.autoscaleMax) atMost(c, "autoscaleMax", *u.autoscaleMax, kMaxReplicas);
            if (u.autoscaleTargetUtilization) {
                positive(c, "autoscaleTargetUtilization", *u.autoscaleTargetUtilization);
                atMost(c, "autoscaleTargetUtilization", *u.autoscaleTargetUtilization, 1);
                checkAutoscaler(c, u);
            }
            QSet<QString> zones;
            for (const QString &z : u.zones) {
                if (z.trimmed().isEmpty())
                    error(c.path, c.kind, c.id, QStringLiteral("zones"),
                          QStringLiteral("a zone needs a non-empty name"));
                else if (zones.contains(z))
                    error(c.path, c.kind, c.id, QStringLiteral("zones"),
                          QStringLiteral("zone \"%1\" is listed twice").arg(z));
                zones.insert(z);
            }
            if (!u.implicit && !m_index.unitUsed(u.id))
                warning(c.path, c.kind, c.id, {}, QStringLiteral("no component runs in this unit"));
        }
        // Each replica is a server in the discrete-event engine.
        if (totalReplicas > kMaxTotalReplicas)
            error(m_root, QStringLiteral("variant"), m_v.name, QStringLiteral("units"),
                  QStringLiteral("the units have %1 replicas in all; at most %2 are supported")
                      .arg(totalReplicas)
                      .arg(kMaxTotalReplicas));
    }

    // The controller's timing is read only when the unit autoscales (a target is set).
    void checkAutoscaler(const Ctx &c, const Unit &u) {
        positive(c, "autoscaleSyncPeriodSec", u.autoscaleSyncPeriodSec);
        atLeast(c, "autoscaleTolerance", u.autoscaleTolerance, 0);
        atMost(c, "autoscaleTolerance", u.autoscaleTolerance, 0.99);
        atLeast(c, "autoscaleScaleDownWindowSec", u.autoscaleScaleDownWindowSec, 0);
        atLeast(c, "autoscaleProvisioningSec", u.autoscaleProvisioningSec, 0);
        atLeast(c, "autoscaleColdStartFactor", u.autoscaleColdStartFactor, 1);
        atLeast(c, "autoscaleColdStartSec", u.autoscaleColdStartSec, 0);
        if (!u.autoscaleMax)
            warning(c.path, c.kind, c.id, QStringLiteral("autoscaleMax"),
                    QStringLiteral("autoscaling without autoscaleMax never scales above "
                                   "replicas (%1)")
                        .arg(u.replicas));
        else if (u.replicas < u.autoscaleLow() || u.replicas > u.autoscaleHigh())
            warning(c.path, c.kind, c.id, QStringLiteral("replicas"),
                    QStringLiteral("outside autoscaleMin..autoscaleMax (%1..%2); runs start at "
                                   "the nearest bound")
                        .arg(u.autoscaleLow())
                        .arg(u.autoscaleHigh()));
    }

    void checkComponents() {
        QHash<QString, QString> seen;
        QSet<QString> layers;
        for (const Layer &l : m_v.layers)
            layers.insert(l.id);
        for (int i = 0; i < m_v.components.size(); ++i) {
            const Component &comp = m_v.components[i];
            const Ctx c{itemPath("components", i), QStringLiteral("component"), comp.id};
            nonEmptyUnique(c, "id", comp.id, seen, "component");
            if (!comp.layer.isEmpty() && !layers.contains(comp.layer))
                error(c.path, c.kind, c.id, QStringLiteral("layer"),
                      QStringLiteral("unknown layer \"%1\"").arg(comp.layer));
            if (comp.unit.isEmpty())
                error(c.path, c.kind, c.id, QStringLiteral("unit"),
                      QStringLiteral("a component needs a unit"));
            else if (!m_index.hasUnit(comp.unit))
                error(c.path, c.kind, c.id, QStringLiteral("unit"),
                      QStringLiteral("unknown unit \"%1\"").arg(comp.unit));
            atLeast(c, "serviceTimeMs", comp.serviceTimeMs, 0);
            atLeast(c, "cv", comp.cv, 0);
            if (comp.distribution == Distribution::Weibull &&
                (comp.cv < kWeibullMinCv || comp.cv > kWeibullMaxCv))
                error(c.path, c.kind, c.id, QStringLiteral("cv"),
                      QStringLiteral("a weibull distribution needs cv between %1 and %2")
                          .arg(kWeibullMinCv)
                          .arg(kWeibullMaxCv));
            if (comp.distribution == Distribution::Empirical) {
                const HistogramParse h = parseServiceHistogram(comp.serviceHistogram);
                if (!h.error.isEmpty())
                    error(c.path, c.kind, c.id, QStringLiteral("serviceHistogram"),
                          QStringLiteral("an empirical distribution needs a histogram: %1")
                              .arg(h.error));
            } else if (!comp.serviceHistogram.isEmpty()) {
                warning(c.path, c.kind, c.id, QStringLiteral("serviceHistogram"),
                        QStringLiteral("only the empirical distribution uses a histogram; it "
                                       "is ignored here"));
            }
            atLeast(c, "hitRatio", comp.hitRatio, 0);
            atMost(c, "hitRatio", comp.hitRatio, 1);
            if (comp.hitRatio > 0 && comp.kind != ComponentKind::Cache)
                warning(c.path, c.kind, c.id, QStringLiteral("hitRatio"),
                        QStringLiteral("only caches use a hit ratio; it is ignored here"));
            for (const char *f : {"x", "y"}) {
                const double value = QLatin1String(f) == QLatin1String("x") ? comp.x : comp.y;
                if (!std::isfinite(value))
                    error(c.path, c.kind, c.id, QLatin1String(f),
                          QStringLiteral("not a finite number"));
            }
            if (comp.width) positive(c, "width", *comp.width);
            if (comp.height) positive(c, "height", *comp.height);
        }
    }

    void checkConnections() {
        QHash<QString, QString> seenIds;
        for (int i = 0; i < m_v.connections.size(); ++i) {
            const Connection &con = m_v.connections[i];
            const Ctx c{itemPath("connections", i), QStringLiteral("connection"),
                        con.id.isEmpty() ? con.from + QStringLiteral("->") + con.to : con.id};
            if (!con.id.isEmpty()) nonEmptyUnique(c, "id", con.id, seenIds, "connection");
            for (const auto &[field, ref] :
                 {std::pair{"from", con.from}, std::pair{"to", con.to}}) {
                if (ref.isEmpty())
                    error(c.path, c.kind, c.id, QLatin1String(field),
                          QStringLiteral("a connection needs both ends"));
                else if (!m_index.hasComponent(ref))
                    error(c.path, c.kind, c.id, QLatin1String(field),
                          QStringLiteral("unknown component \"%1\"").arg(ref));
            }
            if (!con.from.isEmpty() && con.from == con.to)
                error(c.path, c.kind, c.id, QStringLiteral("to"),
                      QStringLiteral("a component cannot call itself"));
            atLeast(c, "calls", con.calls, 0);
            atMost(c, "calls", con.calls, kMaxCallsPerVisit);
            atLeast(c, "latencyMs", con.latencyMs, 0);
            atLeast(c, "timeoutMs", con.timeoutMs, 0);
            atLeast(c, "retries", con.retries, 0);
            atLeast(c, "retryBackoffMs", con.retryBackoffMs, 0);
            atLeast(c, "retryJitter", con.retryJitter, 0);
            atMost(c, "retryJitter", con.retryJitter, 1);
            atLeast(c, "breakerThreshold", con.breakerThreshold, 0);
            atLeast(c, "breakerOpenMs", con.breakerOpenMs, 0);
            if (con.mode == CallMode::Async && !con.parallelGroup.isEmpty())
                warning(c.path, c.kind, c.id, QStringLiteral("parallelGroup"),
                        QStringLiteral("only sync calls wait in parallel groups; ignored"));
        }
    }

    void checkWorkloads() {
        QHash<QString, QString> seen;
        for (int i = 0; i < m_v.workloads.size(); ++i) {
            const Workload &w = m_v.workloads[i];
            const Ctx c{itemPath("workloads", i), QStringLiteral("workload"), w.name};
            nonEmptyUnique(c, "name", w.name, seen, "workload");
            if (w.entry.isEmpty())
                error(c.path, c.kind, c.id, QStringLiteral("entry"),
                      QStringLiteral("a workload needs an entry component"));
            else if (!m_index.hasComponent(w.entry))
                error(c.path, c.kind, c.id, QStringLiteral("entry"),
                      QStringLiteral("unknown component \"%1\"").arg(w.entry));
            if (w.ratePerSec && w.users)
                error(
                    c.path, c.kind, c.id, QStringLiteral("users"),
                    QStringLiteral("a workload is open (ratePerSec) or closed (users), not both"));
            else if (!w.ratePerSec && !w.users)
                error(c.path, c.kind, c.id, QStringLiteral("ratePerSec"),
                      QStringLiteral("an open workload needs ratePerSec, a closed one users"));
            if (w.ratePerSec) atLeast(c, "ratePerSec", *w.ratePerSec, 0);
            if (w.users) {
                atLeast(c, "users", *w.users, 1);
                atMost(c, "users", *w.users, kMaxUsers);
            }
            atLeast(c, "thinkTimeMs", w.thinkTimeMs, 0);
            if (w.toRatePerSec) atLeast(c, "toRatePerSec", *w.toRatePerSec, 0);
            atLeast(c, "atSec", w.atSec, 0);
            atLeast(c, "forSec", w.forSec, 0);
            positive(c, "periodSec", w.periodSec);
            if (w.pattern != LoadPattern::Constant && !w.toRatePerSec)
                error(c.path, c.kind, c.id, QStringLiteral("toRatePerSec"),
                      QStringLiteral("pattern \"%1\" needs toRatePerSec").arg(enumName(w.pattern)));
            if (w.pattern != LoadPattern::Constant && w.users)
                error(c.path, c.kind, c.id, QStringLiteral("pattern"),
                      QStringLiteral("load patterns apply to open workloads only"));
        }
    }

    void checkScenarios() {
        QHash<QString, QString> seen;
        QSet<QString> zones;
        for (const Unit &u : m_v.units)
            for (const QString &z : u.zones)
                zones.insert(z);
        QSet<QString> connectionIds;
        for (const Connection &con : m_v.connections)
            if (!con.id.isEmpty()) connectionIds.insert(con.id);
        for (int i = 0; i < m_v.scenarios.size(); ++i) {
            const Scenario &s = m_v.scenarios[i];
            const QString path = itemPath("scenarios", i);
            nonEmptyUnique({path, QStringLiteral("scenario"), s.name}, "name", s.name, seen,
                           "scenario");
            for (int e = 0; e < s.events.size(); ++e) {
                const ScenarioEvent &ev = s.events[e];
                const Ctx c{QStringLiteral("%1.events[%2]").arg(path).arg(e),
                            QStringLiteral("scenario"), s.name};
                atLeast(c, "atSec", ev.atSec, 0);
                atLeast(c, "forSec", ev.forSec, 0);
                const bool needsUnit =
                    ev.action == ScenarioAction::Crash || ev.action == ScenarioAction::Slowdown ||
                    (ev.action == ScenarioAction::Latency && ev.connection.isEmpty());
                if (needsUnit && ev.unit.isEmpty())
                    error(c.path, c.kind, c.id, QStringLiteral("unit"),
                          QStringLiteral("\"%1\" needs a unit").arg(enumName(ev.action)));
                if (!ev.unit.isEmpty() && !m_index.hasUnit(ev.unit))
                    error(c.path, c.kind, c.id, QStringLiteral("unit"),
                          QStringLiteral("unknown unit \"%1\"").arg(ev.unit));
                if (!ev.connection.isEmpty() && !connectionIds.contains(ev.connection))
                    error(c.path, c.kind, c.id, QStringLiteral("connection"),
                          QStringLiteral("unknown connection \"%1\"").arg(ev.connection));
                if (ev.action == ScenarioAction::ZoneDown) {
                    if (ev.zone.isEmpty())
                        error(c.path, c.kind, c.id, QStringLiteral("zone"),
                              QStringLiteral("\"zone-down\" needs a zone"));
                    else if (!zones.contains(ev.zone))
                        error(c.path, c.kind, c.id, QStringLiteral("zone"),
                              QStringLiteral("no unit runs in zone \"%1\"").arg(ev.zone));
                }
                if (!ev.workload.isEmpty() && !m_index.hasWorkload(ev.workload))
                    error(c.path, c.kind, c.id, QStringLiteral("workload"),
                          QStringLiteral("unknown workload \"%1\"").arg(ev.workload));
                if (ev.replicas) atLeast(c, "replicas", *ev.replicas, 1);
                atLeast(c, "latencyMs", ev.latencyMs, 0);
                if (ev.action == ScenarioAction::Slowdown || ev.action == ScenarioAction::Load)
                    atLeast(c, "factor", ev.factor, 0);
            }
        }
    }

    const Variant &m_v;
    const VariantIndex m_index;
    QString m_root;
    ProblemList &m_out;
};

} // namespace

ProblemList validateVariant(const Variant &variant, int variantIndex) {
    ProblemList problems;
    VariantValidator(variant, variantIndex, problems).run();
    return problems;
}

ProblemList validateProject(const Project &project) {
    ProblemList problems;
    if (project.variants.isEmpty()) {
        Problem p;
        p.path = QStringLiteral("variants");
        p.field = QStringLiteral("variants");
        p.message = QStringLiteral("a project needs at least one variant");
        problems << p;
    }
    QHash<QString, int> names;
    for (int i = 0; i < project.variants.size(); ++i) {
        const Variant &v = project.variants[i];
        if (names.contains(v.name) && !v.name.isEmpty()) {
            Problem p;
            p.path = QStringLiteral("variants[%1].name").arg(i);
            p.variant = v.name;
            p.field = QStringLiteral("name");
            p.message = QStringLiteral("duplicate variant name \"%1\" (first at variants[%2])")
                            .arg(v.name)
                            .arg(names.value(v.name));
            problems << p;
        }
        names.insert(v.name, i);
        problems << validateVariant(v, i);
    }
    return problems;
}

} // namespace archsim
