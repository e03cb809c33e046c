// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/fielddocs.h"

#include <QCoreApplication>
#include <QHash>

namespace archsim {

namespace {

using S = FieldSection;

struct Row {
    const char *element; // "component", "unit", "connection", "layer", "workload", ...
    const char *key;
    const char *label;
    const char *unit;
    S section;
    const char *help;
    const char *defaultText = nullptr; // null: the default value itself, with its unit
};

// Meanings follow docs/model.md (and the design's model section); keep them in step.
// clang-format off
const Row kRows[] = {
    // Layers
    {"layer", "id", "Id", "", S::Identity, "The layer's key; components name it in their layer field. Changing it renames every reference."},
    {"layer", "name", "Name", "", S::Identity, "The name shown on the lane."},

    // Components
    {"component", "id", "Id", "", S::Identity, "The component's key in the file; connections, workloads and scenarios name it. Changing it renames every reference."},
    {"component", "name", "Name", "", S::Identity, "The name shown on the card and in reports."},
    {"component", "kind", "Kind", "", S::Identity, "What the part is: client, gateway, load balancer, service, database, cache, queue, storage or external. A client has no resources; an external is a delay without a queue; a cache calls on only on a miss."},
    {"component", "layer", "Layer", "", S::Identity, "The horizontal band (lane) the component is drawn in.", "no layer"},
    {"component", "unit", "Deployment unit", "", S::Identity, "The unit whose replicas run this component. Components of one unit call each other in-process, without queueing or latency.", "a unit of its own"},
    {"component", "serviceTimeMs", "Service time", "ms", S::Work, "Mean time of the component's own work per visit, on the unit's cores, before its outgoing calls."},
    {"component", "distribution", "Distribution", "", S::Work, "How the service time varies around its mean: exponential, constant, lognormal or Weibull (spread set by the coefficient of variation), uniform, or empirical (a measured histogram)."},
    {"component", "cv", "Coefficient of variation", "σ / mean", S::Work, "Spread of a lognormal or Weibull service time: its standard deviation divided by its mean (Weibull: 0.05 to 20). Used by those two distributions only."},
    {"component", "serviceHistogram", "Service-time histogram", "", S::Work, "Empirical distribution only: measured bins LOW-HIGH:WEIGHT in ms, comma-separated (0-1:600, 1-5:300, 5-20:100). Without a service time the histogram's own mean is used; with one, the histogram is scaled to it.", "none"},
    {"component", "hitRatio", "Hit ratio", "0–1", S::Work, "Caches only: the share of visits answered from the cache. Outgoing calls happen only on a miss, so they are scaled by (1 − hit ratio)."},
    {"component", "x", "X", "px", S::Layout, "Left edge of the card on the canvas."},
    {"component", "y", "Y", "px", S::Layout, "Top edge of the card on the canvas; the lane at this height is the component's layer when dragged."},
    {"component", "width", "Width", "px", S::Layout, "Width of the card.", "the standard card width"},
    {"component", "height", "Height", "px", S::Layout, "Height of the card.", "the standard card height"},

    // Deployment units
    {"unit", "id", "Id", "", S::Identity, "The unit's key; components and scenario events name it. Changing it renames every reference."},
    {"unit", "name", "Name", "", S::Identity, "The name shown on the unit's box."},
    {"unit", "replicas", "Replicas", "processes", S::Capacity, "Identical processes of the unit behind a balancer."},
    {"unit", "threads", "Threads", "per replica", S::Capacity, "Requests one replica serves at once (its concurrency limit). A sync call holds its thread until the reply."},
    {"unit", "cores", "Cores", "per replica", S::Capacity, "CPU cores of one replica; the threads share them.", "as many as threads"},
    {"unit", "queueCapacity", "Queue capacity", "requests per replica", S::Capacity, "Requests that may wait for a thread in one replica; more are rejected.", "unlimited"},
    {"unit", "policy", "Balancing policy", "", S::Capacity, "How calls pick a healthy replica: round-robin, least-outstanding or random."},
    {"unit", "autoscaleMin", "Autoscale minimum", "replicas", S::Autoscaling, "Fewest replicas the autoscaler keeps.", "1"},
    {"unit", "autoscaleMax", "Autoscale maximum", "replicas", S::Autoscaling, "Most replicas the autoscaler starts.", "the replicas"},
    {"unit", "autoscaleTargetUtilization", "Target utilisation", "0–1", S::Autoscaling, "Utilisation the autoscaler aims for. Setting it turns autoscaling on.", "no autoscaling"},
    {"unit", "autoscaleSyncPeriodSec", "Autoscale period", "s", S::Autoscaling, "How often the autoscaler compares the measured utilisation with the target."},
    {"unit", "autoscaleTolerance", "Autoscale tolerance", "ratio", S::Autoscaling, "No change while measured ÷ target differs from 1 by less than this (0.1 = 10 %)."},
    {"unit", "autoscaleScaleDownWindowSec", "Scale-down window", "s", S::Autoscaling, "Scaling down goes only to the largest replica count wished for within this window."},
    {"unit", "autoscaleProvisioningSec", "Provisioning time", "s", S::Autoscaling, "From the decision to scale up until a new replica takes work."},
    {"unit", "autoscaleColdStartFactor", "Cold-start factor", "×", S::Autoscaling, "A new replica's work takes this many times longer at first (1 = no cold start)."},
    {"unit", "autoscaleColdStartSec", "Cold-start time", "s", S::Autoscaling, "How long after it takes work a new replica stays slow."},
    {"unit", "zones", "Availability zones", "", S::Resilience, "Zones the replicas are spread over in turn, comma-separated; a zone-down scenario stops those in one zone.", "none"},
    {"unit", "mtbfHours", "Mean time between failures", "h", S::Resilience, "Mean time a replica runs before it fails; with the time to repair it sets the unit's availability.", "never fails"},
    {"unit", "mttrMinutes", "Mean time to repair", "min", S::Resilience, "Mean time a failed replica takes to come back."},
    {"unit", "healthCheckMs", "Health-check delay", "ms", S::Resilience, "How long balancers take to notice a dead replica and stop sending it calls."},
    {"unit", "costPerHour", "Cost", "per replica-hour", S::Cost, "What one replica costs per hour; comparisons show it per month."},

    // Connections
    {"connection", "id", "Id", "", S::Identity, "Optional key, used by scenario latency events; the editor names a connection without one \"from->to\".", "from->to"},
    {"connection", "from", "From", "", S::Identity, "Id of the calling component."},
    {"connection", "to", "To", "", S::Identity, "Id of the called component."},
    {"connection", "mode", "Mode", "", S::Call, "sync: request and reply, the caller's thread waits. async: a message, the caller goes on."},
    {"connection", "calls", "Calls", "per visit", S::Call, "Mean calls per visit of the caller; the fraction is a probability (2.5 = two or three calls, 0.3 = one call with probability 0.3)."},
    {"connection", "latencyMs", "Network latency", "ms each way", S::Call, "Paid each way when the call crosses units; a call inside one unit runs in-process without latency."},
    {"connection", "parallelGroup", "Parallel group", "", S::Call, "Sync calls of the same group run concurrently; the caller waits for the slowest.", "none (in order)"},
    {"connection", "timeoutMs", "Timeout", "ms", S::Resilience, "The caller gives up waiting for a reply after this long.", "0 (no timeout)"},
    {"connection", "retries", "Retries", "extra tries", S::Resilience, "Further tries after a failed or timed-out call."},
    {"connection", "retryBackoffMs", "Retry backoff", "ms", S::Resilience, "Wait before each retry."},
    {"connection", "retryJitter", "Retry jitter", "0–1", S::Resilience, "Share of the backoff drawn at random, so retries do not arrive in step."},
    {"connection", "breakerThreshold", "Breaker threshold", "failures", S::Resilience, "Consecutive failures that open the circuit breaker; an open breaker fails calls at once.", "0 (no breaker)"},
    {"connection", "breakerOpenMs", "Breaker open time", "ms", S::Resilience, "How long an open breaker stays open before it lets a call try again."},
    {"connection", "optional", "Optional", "", S::Resilience, "A failure of this call degrades the response instead of failing it."},

    // Workloads
    {"workload", "name", "Name", "", S::Identity, "The workload's name; scenario load events name it."},
    {"workload", "entry", "Entry component", "", S::Identity, "Id of the component where the requests enter."},
    {"workload", "ratePerSec", "Arrival rate", "requests/s", S::Load, "Open workload: requests arriving per second, independent of how fast they are served.", "unset (closed workload)"},
    {"workload", "users", "Users", "users", S::Load, "Closed workload: users who each send a request, wait for the reply, think, and send the next.", "unset (open workload)"},
    {"workload", "thinkTimeMs", "Think time", "ms", S::Load, "Closed workload: mean wait of a user between a reply and the next request."},
    {"workload", "pattern", "Pattern", "", S::Pattern, "How an open workload's rate changes over a run: constant, ramp, step, spike or diurnal."},
    {"workload", "toRatePerSec", "Target rate", "requests/s", S::Pattern, "The rate a ramp, step or spike goes to, or the other end of a diurnal swing.", "unset"},
    {"workload", "atSec", "Starts at", "s", S::Pattern, "When the ramp, step or spike starts."},
    {"workload", "forSec", "Lasts", "s", S::Pattern, "How long a ramp climbs or a spike lasts."},
    {"workload", "periodSec", "Period", "s", S::Pattern, "Length of one diurnal swing (86,400 s = one day)."},

    // Scenarios and their events
    {"scenario", "name", "Name", "", S::Identity, "The scenario's name; simulate --scenario NAME runs it."},
    {"event", "atSec", "At", "s", S::Event, "When the event starts, from the start of the run."},
    {"event", "action", "Action", "", S::Event, "crash replicas of a unit, zone-down, latency added to a unit or connection, slowdown of a unit, or a load change."},
    {"event", "forSec", "Lasts", "s", S::Event, "How long the event lasts.", "0 (to the end of the run)"},
    {"event", "unit", "Unit", "", S::Event, "Id of the unit a crash, latency or slowdown hits."},
    {"event", "connection", "Connection", "", S::Event, "Id of the connection a latency event slows."},
    {"event", "zone", "Zone", "", S::Event, "The availability zone a zone-down event stops."},
    {"event", "workload", "Workload", "", S::Event, "The workload a load event changes.", "every workload"},
    {"event", "replicas", "Replicas", "replicas", S::Event, "How many replicas a crash stops.", "all"},
    {"event", "latencyMs", "Added latency", "ms", S::Event, "Latency a latency event adds."},
    {"event", "factor", "Factor", "×", S::Event, "Slowdown: the unit's work × this. Load: the rate × this."},
};
// clang-format on

template <class T> constexpr const char *elementName();
template <> constexpr const char *elementName<Layer>() {
    return "layer";
}
template <> constexpr const char *elementName<Component>() {
    return "component";
}
template <> constexpr const char *elementName<Unit>() {
    return "unit";
}
template <> constexpr const char *elementName<Connection>() {
    return "connection";
}
template <> constexpr const char *elementName<Workload>() {
    return "workload";
}
template <> constexpr const char *elementName<Scenario>() {
    return "scenario";
}
template <> constexpr const char *elementName<ScenarioEvent>() {
    return "event";
}

QString tr(const char *text) {
    return QCoreApplication::translate("FieldDocs", text);
}

} // namespace

QString sectionTitle(FieldSection section) {
    switch (section) {
    case S::Identity:
        return tr("Identity");
    case S::Work:
        return tr("Work per visit");
    case S::Call:
        return tr("Call");
    case S::Load:
        return tr("Load");
    case S::Pattern:
        return tr("Pattern over time");
    case S::Event:
        return tr("Event");
    case S::Capacity:
        return tr("Capacity");
    case S::Autoscaling:
        return tr("Autoscaling");
    case S::Resilience:
        return tr("Resilience");
    case S::Cost:
        return tr("Cost");
    case S::Layout:
        return tr("Layout");
    case S::Other:
        break;
    }
    return tr("Other");
}

bool sectionCollapsedByDefault(FieldSection section) {
    return section == S::Autoscaling || section == S::Resilience || section == S::Layout;
}

template <class T> FieldDoc fieldDoc(const QString &key) {
    const char *element = elementName<T>();
    for (const Row &row : kRows)
        if (qstrcmp(row.element, element) == 0 && key == QLatin1String(row.key)) {
            FieldDoc doc;
            doc.label = tr(row.label);
            doc.unit = tr(row.unit);
            doc.help = tr(row.help);
            if (row.defaultText) doc.defaultText = tr(row.defaultText);
            doc.section = row.section;
            doc.found = true;
            return doc;
        }
    FieldDoc doc;
    doc.label = key;
    return doc;
}

template FieldDoc fieldDoc<Layer>(const QString &);
template FieldDoc fieldDoc<Component>(const QString &);
template FieldDoc fieldDoc<Unit>(const QString &);
template FieldDoc fieldDoc<Connection>(const QString &);
template FieldDoc fieldDoc<Workload>(const QString &);
template FieldDoc fieldDoc<Scenario>(const QString &);
template FieldDoc fieldDoc<ScenarioEvent>(const QString &);

QString choiceLabel(const QString &value) {
    static const QHash<QString, const char *> special{
        {QStringLiteral("loadbalancer"), "Load balancer"},
        {QStringLiteral("zone-down"), "Zone down"},
        {QStringLiteral("least-outstanding"), "Least outstanding"},
        {QStringLiteral("sync"), "Sync (waits for the reply)"},
        {QStringLiteral("async"), "Async (a message)"},
    };
    if (const auto it = special.constFind(value); it != special.constEnd()) return tr(it.value());
    if (value.isEmpty()) return value;
    return value.left(1).toUpper() + value.mid(1);
}

QString fieldLabel(const FieldDoc &doc) {
    return doc.unit.isEmpty() ? doc.label : QStringLiteral("%1 (%2)").arg(doc.label, doc.unit);
}

QString fieldTooltip(const FieldDoc &doc, const QString &key, FieldType type,
                     const QJsonValue &defaultValue) {
    QString def;
    if (defaultValue.isUndefined()) {
        def = tr("Required.");
    } else if (!doc.defaultText.isEmpty()) {
        def = tr("Default: %1.").arg(doc.defaultText);
    } else if (defaultValue.isNull() ||
               (type == FieldType::Text && defaultValue.toString().isEmpty())) {
        def = tr("Default: unset.");
    } else if (type == FieldType::Boolean) {
        def = defaultValue.toBool() ? tr("Default: on.") : tr("Default: off.");
    } else if (type == FieldType::Integer || type == FieldType::Number) {
        const QString value = QString::number(defaultValue.toDouble(), 'g', 12);
        // Measures read well after the value ("5000 ms"); counts do not ("1 processes").
        static const QStringList measures{QStringLiteral("ms"), QStringLiteral("s"),
                                          QStringLiteral("h"),  QStringLiteral("min"),
                                          QStringLiteral("px"), QStringLiteral("×")};
        def = measures.contains(doc.unit) ? tr("Default: %1 %2.").arg(value, doc.unit)
                                          : tr("Default: %1.").arg(value);
    } else if (type == FieldType::TextList) {
        def = tr("Default: none.");
    } else {
        def = tr("Default: %1.").arg(defaultValue.toString());
    }
    return QStringLiteral("<p><b>%1</b> <code>%2</code></p><p>%3</p><p><i>%4</i></p>")
        .arg(fieldLabel(doc).toHtmlEscaped(), key.toHtmlEscaped(), doc.help.toHtmlEscaped(),
             def.toHtmlEscaped());
}

} // namespace archsim
