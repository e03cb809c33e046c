// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/validationrules.h"

#include "model/limits.h"
#include "model/servicedistribution.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace archsim::rules {

namespace {

// Collects one element's problems in the order the checks run.
class Checker {
public:
    ElementProblems problems;
    int event = -1;

    void error(const QString &field, const QString &message) {
        problems.append({Severity::Error, field, message, event});
    }
    void warning(const QString &field, const QString &message) {
        problems.append({Severity::Warning, field, message, event});
    }
    void atLeast(const char *field, double value, double min) {
        if (!std::isfinite(value))
            error(QLatin1String(field), QStringLiteral("not a finite number"));
        else if (value < min)
            error(QLatin1String(field),
                  QStringLiteral("must be at least %1, is %2").arg(min).arg(value));
    }
    void atMost(const char *field, double value, double max) {
        if (std::isfinite(value) && value > max)
            error(QLatin1String(field),
                  QStringLiteral("must be at most %1, is %2")
                      .arg(QString::number(max, 'g', 15), QString::number(value, 'g', 15)));
    }
    void positive(const char *field, double value) {
        if (!std::isfinite(value))
            error(QLatin1String(field), QStringLiteral("not a finite number"));
        else if (value <= 0)
            error(QLatin1String(field), QStringLiteral("must be greater than 0, is %1").arg(value));
    }
    void nonEmpty(const char *field, const QString &value, const char *what) {
        if (value.trimmed().isEmpty())
            error(QLatin1String(field), QStringLiteral("a %1 needs a non-empty %2")
                                            .arg(QLatin1String(what), QLatin1String(field)));
    }
};

std::optional<QString> keyUnlessBlank(const QString &key) {
    if (key.trimmed().isEmpty()) return std::nullopt;
    return key;
}

ElementProblem duplicate(const char *field, const char *what, const QString &key,
                         const QString &firstPath) {
    return {Severity::Error, QLatin1String(field),
            QStringLiteral("duplicate %1 \"%2\" (first at %3)")
                .arg(QLatin1String(what), key, firstPath)};
}

} // namespace

ElementProblems checkLayer(const Layer &l) {
    Checker c;
    c.nonEmpty("id", l.id, "layer");
    return c.problems;
}

// The controller's timing is read only when the unit autoscales (a target is set).
static void checkAutoscaler(Checker &c, const Unit &u) {
    c.positive("autoscaleSyncPeriodSec", u.autoscaleSyncPeriodSec);
    c.atLeast("autoscaleTolerance", u.autoscaleTolerance, 0);
    c.atMost("autoscaleTolerance", u.autoscaleTolerance, 0.99);
    c.atLeast("autoscaleScaleDownWindowSec", u.autoscaleScaleDownWindowSec, 0);
    c.atLeast("autoscaleProvisioningSec", u.autoscaleProvisioningSec, 0);
    c.atLeast("autoscaleColdStartFactor", u.autoscaleColdStartFactor, 1);
    c.atLeast("autoscaleColdStartSec", u.autoscaleColdStartSec, 0);
    if (!u.autoscaleMax)
        c.warning(QStringLiteral("autoscaleMax"),
                  QStringLiteral("autoscaling without autoscaleMax never scales above "
                                 "replicas (%1)")
                      .arg(u.replicas));
    else if (u.replicas < u.autoscaleLow() || u.replicas > u.autoscaleHigh())
        c.warning(QStringLiteral("replicas"),
                  QStringLiteral("outside autoscaleMin..autoscaleMax (%1..%2); runs start at "
                                 "the nearest bound")
                      .arg(u.autoscaleLow())
                      .arg(u.autoscaleHigh()));
}

ElementProblems checkUnit(const Unit &u, const Facts &facts) {
    Checker c;
    if (!u.implicit) c.nonEmpty("id", u.id, "unit");
    c.atLeast("replicas", u.replicas, 1);
    c.atMost("replicas", u.replicas, kMaxReplicas);
    c.atLeast("threads", u.threads, 1);
    c.atMost("threads", u.threads, kMaxThreads);
    if (u.cores) {
        c.atLeast("cores", *u.cores, 1);
        c.atMost("cores", *u.cores, kMaxThreads);
    }
    if (u.queueCapacity) c.atLeast("queueCapacity", *u.queueCapacity, 0);
    if (u.mtbfHours) c.positive("mtbfHours", *u.mtbfHours);
    c.atLeast("mttrMinutes", u.mttrMinutes, 0);
    c.atLeast("costPerHour", u.costPerHour, 0);
    c.atLeast("healthCheckMs", u.healthCheckMs, 0);
    if (u.autoscaleMin) c.atLeast("autoscaleMin", *u.autoscaleMin, 1);
    if (u.autoscaleMax && u.autoscaleMin && *u.autoscaleMax < *u.autoscaleMin)
        c.error(QStringLiteral("autoscaleMax"), QStringLiteral("must be at least autoscaleMin "
                                                               "(%1), is %2")
                                                    .arg(*u.autoscaleMin)
                                                    .arg(*u.autoscaleMax));
    if (u.autoscaleMax) c.atMost("autoscaleMax", *u.autoscaleMax, kMaxReplicas);
    if (u.autoscaleTargetUtilization) {
        c.positive("autoscaleTargetUtilization", *u.autoscaleTargetUtilization);
        c.atMost("autoscaleTargetUtilization", *u.autoscaleTargetUtilization, 1);
        checkAutoscaler(c, u);
    }
    QSet<QString> zones;
    for (const QString &z : u.zones) {
        if (z.trimmed().isEmpty())
            c.error(QStringLiteral("zones"), QStringLiteral("a zone needs a non-empty name"));
        else if (zones.contains(z))
            c.error(QStringLiteral("zones"), QStringLiteral("zone \"%1\" is listed twice").arg(z));
        zones.insert(z);
    }
    if (!u.implicit && !facts.has(Names::UsedUnit, u.id))
        c.warning({}, QStringLiteral("no component runs in this unit"));
    return c.problems;
}

ElementProblems checkComponent(const Component &comp, const Facts &facts) {
    Checker c;
    c.nonEmpty("id", comp.id, "component");
    if (!comp.layer.isEmpty() && !facts.has(Names::Layer, comp.layer))
        c.error(QStringLiteral("layer"), QStringLiteral("unknown layer \"%1\"").arg(comp.layer));
    if (comp.unit.isEmpty())
        c.error(QStringLiteral("unit"), QStringLiteral("a component needs a unit"));
    else if (!facts.has(Names::Unit, comp.unit))
        c.error(QStringLiteral("unit"), QStringLiteral("unknown unit \"%1\"").arg(comp.unit));
    c.atLeast("serviceTimeMs", comp.serviceTimeMs, 0);
    c.atLeast("cv", comp.cv, 0);
    if (comp.distribution == Distribution::Weibull &&
        (comp.cv < kWeibullMinCv || comp.cv > kWeibullMaxCv))
        c.error(QStringLiteral("cv"),
                QStringLiteral("a weibull distribution needs cv between %1 and %2")
                    .arg(kWeibullMinCv)
                    .arg(kWeibullMaxCv));
    if (comp.distribution == Distribution::Empirical) {
        const HistogramParse h = parseServiceHistogram(comp.serviceHistogram);
        if (!h.error.isEmpty())
            c.error(QStringLiteral("serviceHistogram"),
                    QStringLiteral("an empirical distribution needs a histogram: %1").arg(h.error));
    } else if (!comp.serviceHistogram.isEmpty()) {
        c.warning(QStringLiteral("serviceHistogram"),
                  QStringLiteral("only the empirical distribution uses a histogram; it "
                                 "is ignored here"));
    }
    c.atLeast("hitRatio", comp.hitRatio, 0);
    c.atMost("hitRatio", comp.hitRatio, 1);
    if (comp.hitRatio > 0 && comp.kind != ComponentKind::Cache)
        c.warning(QStringLiteral("hitRatio"),
                  QStringLiteral("only caches use a hit ratio; it is ignored here"));
    if (!std::isfinite(comp.x)) c.error(QStringLiteral("x"), QStringLiteral("not a finite number"));
    if (!std::isfinite(comp.y)) c.error(QStringLiteral("y"), QStringLiteral("not a finite number"));
    if (comp.width) c.positive("width", *comp.width);
    if (comp.height) c.positive("height", *comp.height);
    return c.problems;
}

ElementProblems checkConnection(const Connection &con, const Facts &facts) {
    Checker c;
    if (!con.id.isEmpty()) c.nonEmpty("id", con.id, "connection");
    for (const auto &[field, ref] : {std::pair{"from", &con.from}, std::pair{"to", &con.to}}) {
        if (ref->isEmpty())
            c.error(QLatin1String(field), QStringLiteral("a connection needs both ends"));
        else if (!facts.has(Names::Component, *ref))
            c.error(QLatin1String(field), QStringLiteral("unknown component \"%1\"").arg(*ref));
    }
    if (!con.from.isEmpty() && con.from == con.to)
        c.error(QStringLiteral("to"), QStringLiteral("a component cannot call itself"));
    c.atLeast("calls", con.calls, 0);
    c.atMost("calls", con.calls, kMaxCallsPerVisit);
    c.atLeast("latencyMs", con.latencyMs, 0);
    c.atLeast("timeoutMs", con.timeoutMs, 0);
    c.atLeast("retries", con.retries, 0);
    c.atLeast("retryBackoffMs", con.retryBackoffMs, 0);
    c.atLeast("retryJitter", con.retryJitter, 0);
    c.atMost("retryJitter", con.retryJitter, 1);
    c.atLeast("breakerThreshold", con.breakerThreshold, 0);
    c.atLeast("breakerOpenMs", con.breakerOpenMs, 0);
    if (con.mode == CallMode::Async && !con.parallelGroup.isEmpty())
        c.warning(QStringLiteral("parallelGroup"),
                  QStringLiteral("only sync calls wait in parallel groups; ignored"));
    return c.problems;
}

ElementProblems checkWorkload(const Workload &w, const Facts &facts) {
    Checker c;
    c.nonEmpty("name", w.name, "workload");
    if (w.entry.isEmpty())
        c.error(QStringLiteral("entry"), QStringLiteral("a workload needs an entry component"));
    else if (!facts.has(Names::Component, w.entry))
        c.error(QStringLiteral("entry"), QStringLiteral("unknown component \"%1\"").arg(w.entry));
    if (w.ratePerSec && w.users)
        c.error(QStringLiteral("users"),
                QStringLiteral("a workload is open (ratePerSec) or closed (users), not both"));
    else if (!w.ratePerSec && !w.users)
        c.error(QStringLiteral("ratePerSec"),
                QStringLiteral("an open workload needs ratePerSec, a closed one users"));
    if (w.ratePerSec) c.atLeast("ratePerSec", *w.ratePerSec, 0);
    if (w.users) {
        c.atLeast("users", *w.users, 1);
        c.atMost("users", *w.users, kMaxUsers);
    }
    c.atLeast("thinkTimeMs", w.thinkTimeMs, 0);
    if (w.toRatePerSec) c.atLeast("toRatePerSec", *w.toRatePerSec, 0);
    c.atLeast("atSec", w.atSec, 0);
    c.atLeast("forSec", w.forSec, 0);
    c.positive("periodSec", w.periodSec);
    if (w.pattern != LoadPattern::Constant && !w.toRatePerSec)
        c.error(QStringLiteral("toRatePerSec"),
                QStringLiteral("pattern \"%1\" needs toRatePerSec").arg(enumName(w.pattern)));
    if (w.pattern != LoadPattern::Constant && w.users)
        c.error(QStringLiteral("pattern"),
                QStringLiteral("load patterns apply to open workloads only"));
    return c.problems;
}

ElementProblems checkScenario(const Scenario &s, const Facts &facts) {
    Checker c;
    c.nonEmpty("name", s.name, "scenario");
    for (int e = 0; e < s.events.size(); ++e) {
        const ScenarioEvent &ev = s.events[e];
        c.event = e;
        c.atLeast("atSec", ev.atSec, 0);
        c.atLeast("forSec", ev.forSec, 0);
        const bool needsUnit = ev.action == ScenarioAction::Crash ||
                               ev.action == ScenarioAction::Slowdown ||
                               (ev.action == ScenarioAction::Latency && ev.connection.isEmpty());
        if (needsUnit && ev.unit.isEmpty())
            c.error(QStringLiteral("unit"),
                    QStringLiteral("\"%1\" needs a unit").arg(enumName(ev.action)));
        if (!ev.unit.isEmpty() && !facts.has(Names::Unit, ev.unit))
            c.error(QStringLiteral("unit"), QStringLiteral("unknown unit \"%1\"").arg(ev.unit));
        if (!ev.connection.isEmpty() && !facts.has(Names::ConnectionId, ev.connection))
            c.error(QStringLiteral("connection"),
                    QStringLiteral("unknown connection \"%1\"").arg(ev.connection));
        if (ev.action == ScenarioAction::ZoneDown) {
            if (ev.zone.isEmpty())
                c.error(QStringLiteral("zone"), QStringLiteral("\"zone-down\" needs a zone"));
            else if (!facts.has(Names::Zone, ev.zone))
                c.error(QStringLiteral("zone"),
                        QStringLiteral("no unit runs in zone \"%1\"").arg(ev.zone));
        }
        if (!ev.workload.isEmpty() && !facts.has(Names::Workload, ev.workload))
            c.error(QStringLiteral("workload"),
                    QStringLiteral("unknown workload \"%1\"").arg(ev.workload));
        if (ev.replicas) c.atLeast("replicas", *ev.replicas, 1);
        c.atLeast("latencyMs", ev.latencyMs, 0);
        if (ev.action == ScenarioAction::Slowdown || ev.action == ScenarioAction::Load)
            c.atLeast("factor", ev.factor, 0);
    }
    return c.problems;
}

std::optional<QString> uniqueKey(const Layer &l) {
    return keyUnlessBlank(l.id);
}
std::optional<QString> uniqueKey(const Unit &u) {
    // An implicit unit always takes part: its id is its component's.
    return u.implicit ? std::optional<QString>(u.id) : keyUnlessBlank(u.id);
}
std::optional<QString> uniqueKey(const Component &c) {
    return keyUnlessBlank(c.id);
}
std::optional<QString> uniqueKey(const Connection &c) {
    if (c.id.isEmpty()) return std::nullopt;
    return keyUnlessBlank(c.id);
}
std::optional<QString> uniqueKey(const Workload &w) {
    return keyUnlessBlank(w.name);
}
std::optional<QString> uniqueKey(const Scenario &s) {
    return keyUnlessBlank(s.name);
}

ElementProblem duplicateProblem(const Layer &, const QString &key, const QString &firstPath) {
    return duplicate("id", "layer", key, firstPath);
}
ElementProblem duplicateProblem(const Unit &u, const QString &key, const QString &firstPath) {
    if (!u.implicit) return duplicate("id", "unit", key, firstPath);
    return {Severity::Error, QStringLiteral("id"),
            QStringLiteral("component \"%1\" is a unit of its own, but a unit with this id exists "
                           "(at %2)")
                .arg(key, firstPath)};
}
ElementProblem duplicateProblem(const Component &, const QString &key, const QString &firstPath) {
    return duplicate("id", "component", key, firstPath);
}
ElementProblem duplicateProblem(const Connection &, const QString &key, const QString &firstPath) {
    return duplicate("id", "connection", key, firstPath);
}
ElementProblem duplicateProblem(const Workload &, const QString &key, const QString &firstPath) {
    return duplicate("name", "workload", key, firstPath);
}
ElementProblem duplicateProblem(const Scenario &, const QString &key, const QString &firstPath) {
    return duplicate("name", "scenario", key, firstPath);
}

const char *listName(const Layer &) {
    return "layers";
}
const char *listName(const Unit &) {
    return "units";
}
const char *listName(const Component &) {
    return "components";
}
const char *listName(const Connection &) {
    return "connections";
}
const char *listName(const Workload &) {
    return "workloads";
}
const char *listName(const Scenario &) {
    return "scenarios";
}

QString elementId(const Layer &l) {
    return l.id;
}
QString elementId(const Unit &u) {
    return u.id;
}
QString elementId(const Component &c) {
    return c.id;
}
QString elementId(const Connection &c) {
    return c.id.isEmpty() ? c.from + QStringLiteral("->") + c.to : c.id;
}
QString elementId(const Workload &w) {
    return w.name;
}
QString elementId(const Scenario &s) {
    return s.name;
}

ElementKind elementKind(const Layer &) {
    return ElementKind::Layer;
}
ElementKind elementKind(const Unit &) {
    return ElementKind::Unit;
}
ElementKind elementKind(const Component &) {
    return ElementKind::Component;
}
ElementKind elementKind(const Connection &) {
    return ElementKind::Connection;
}
ElementKind elementKind(const Workload &) {
    return ElementKind::Workload;
}
ElementKind elementKind(const Scenario &) {
    return ElementKind::Scenario;
}

long long replicaCount(const Unit &u) {
    // An autoscaled unit may run up to its maximum.
    return std::clamp(u.autoscaled() ? std::max(u.replicas, u.autoscaleHigh()) : u.replicas, 1,
                      kMaxReplicas);
}

Placer::Placer(const QString &variantName, int variantIndex)
    : m_name(variantName)
    , m_index(variantIndex)
    , m_root(QStringLiteral("variants[%1]").arg(variantIndex)) {}

QString Placer::elementPath(const char *list, int index) const {
    return QStringLiteral("%1.%2[%3]").arg(m_root, QLatin1String(list)).arg(index);
}

QString Placer::kindNameOf(ElementKind kind) {
    switch (kind) {
    case ElementKind::Layer:
        return QStringLiteral("layer");
    case ElementKind::Unit:
        return QStringLiteral("unit");
    case ElementKind::Component:
        return QStringLiteral("component");
    case ElementKind::Connection:
        return QStringLiteral("connection");
    case ElementKind::Workload:
        return QStringLiteral("workload");
    case ElementKind::Scenario:
    case ElementKind::ScenarioEvent:
        return QStringLiteral("scenario");
    case ElementKind::Variant:
        return QStringLiteral("variant");
    case ElementKind::None:
    case ElementKind::Project:
        break;
    }
    return {};
}

void Placer::place(ProblemList &out, const QString &path, const QString &kindName,
                   const QString &id, ElementKind locationKind, int locationIndex,
                   const ElementProblem &p) const {
    Problem problem;
    problem.severity = p.severity;
    const QString where = p.event < 0 ? path : path + QStringLiteral(".events[%1]").arg(p.event);
    problem.path = p.field.isEmpty() ? where : where + QLatin1Char('.') + p.field;
    problem.variant = m_name;
    problem.elementKind = kindName;
    problem.elementId = id;
    problem.field = p.field;
    problem.message = p.message;
    problem.location.kind = p.event < 0 ? locationKind : ElementKind::ScenarioEvent;
    problem.location.variant = m_index;
    problem.location.index = locationIndex;
    problem.location.event = p.event;
    problem.location.field = p.field;
    out << problem;
}

void Placer::placeVariant(ProblemList &out, const ElementProblem &p, bool named) const {
    Problem problem;
    problem.severity = p.severity;
    problem.path = p.field.isEmpty() ? m_root : m_root + QLatin1Char('.') + p.field;
    problem.variant = m_name;
    if (named) {
        problem.elementKind = QStringLiteral("variant");
        problem.elementId = m_name;
    }
    problem.field = p.field;
    problem.message = p.message;
    problem.location.kind = ElementKind::Variant;
    problem.location.variant = m_index;
    problem.location.field = p.field;
    out << problem;
}

} // namespace archsim::rules
