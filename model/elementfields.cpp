// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/elementfields.h"

namespace archsim {

using namespace fields;

const FieldList<Layer> &layerFields() {
    static const FieldList<Layer> list{text("id", &Layer::id, true), text("name", &Layer::name)};
    return list;
}

const FieldList<Unit> &unitFields() {
    static const FieldList<Unit> list = [] {
        FieldList<Unit> l{text("id", &Unit::id, true), text("name", &Unit::name)};
        l << inlineUnitFields();
        return l;
    }();
    return list;
}

const FieldList<Unit> &inlineUnitFields() {
    static const FieldList<Unit> list{
        integer("replicas", &Unit::replicas, 1),
        integer("threads", &Unit::threads, 1),
        optionalInteger("cores", &Unit::cores),
        optionalInteger("queueCapacity", &Unit::queueCapacity),
        choice("policy", &Unit::policy, BalancingPolicy::RoundRobin),
        textList("zones", &Unit::zones),
        optionalNumber("mtbfHours", &Unit::mtbfHours),
        number("mttrMinutes", &Unit::mttrMinutes, 0),
        number("costPerHour", &Unit::costPerHour, 0),
        optionalInteger("autoscaleMin", &Unit::autoscaleMin),
        optionalInteger("autoscaleMax", &Unit::autoscaleMax),
        optionalNumber("autoscaleTargetUtilization", &Unit::autoscaleTargetUtilization),
        number("autoscaleSyncPeriodSec", &Unit::autoscaleSyncPeriodSec, 15),
        number("autoscaleTolerance", &Unit::autoscaleTolerance, 0.1),
        number("autoscaleScaleDownWindowSec", &Unit::autoscaleScaleDownWindowSec, 300),
        number("autoscaleProvisioningSec", &Unit::autoscaleProvisioningSec, 30),
        number("autoscaleColdStartFactor", &Unit::autoscaleColdStartFactor, 1),
        number("autoscaleColdStartSec", &Unit::autoscaleColdStartSec, 60),
        number("healthCheckMs", &Unit::healthCheckMs, 5000),
    };
    return list;
}

const FieldList<Component> &componentFields() {
    static const FieldList<Component> list = [] {
        FieldList<Component> l{
            text("id", &Component::id, true),
            text("name", &Component::name),
            choice("kind", &Component::kind, ComponentKind::Service),
            text("layer", &Component::layer),
            text("unit", &Component::unit),
            number("serviceTimeMs", &Component::serviceTimeMs, 0),
            choice("distribution", &Component::distribution, Distribution::Exponential),
            number("cv", &Component::cv, 1),
            textList("serviceHistogram", &Component::serviceHistogram),
            number("hitRatio", &Component::hitRatio, 0),
            number("x", &Component::x, 0),
            number("y", &Component::y, 0),
            optionalNumber("width", &Component::width),
            optionalNumber("height", &Component::height),
        };
        l[2].alwaysWritten = true; // a reader sees the kind first
        for (auto &f : l)
            f.layout = f.key == QLatin1String("x") || f.key == QLatin1String("y") ||
                       f.key == QLatin1String("width") || f.key == QLatin1String("height");
        return l;
    }();
    return list;
}

const FieldList<Connection> &connectionFields() {
    static const FieldList<Connection> list{
        text("id", &Connection::id),
        text("from", &Connection::from, true),
        text("to", &Connection::to, true),
        choice("mode", &Connection::mode, CallMode::Sync),
        number("calls", &Connection::calls, 1),
        number("latencyMs", &Connection::latencyMs, 0),
        number("timeoutMs", &Connection::timeoutMs, 0),
        integer("retries", &Connection::retries, 0),
        number("retryBackoffMs", &Connection::retryBackoffMs, 0),
        number("retryJitter", &Connection::retryJitter, 0),
        integer("breakerThreshold", &Connection::breakerThreshold, 0),
        number("breakerOpenMs", &Connection::breakerOpenMs, 5000),
        boolean("optional", &Connection::optional, false),
        text("parallelGroup", &Connection::parallelGroup),
    };
    return list;
}

const FieldList<Workload> &workloadFields() {
    static const FieldList<Workload> list{
        text("name", &Workload::name, true),
        text("entry", &Workload::entry, true),
        optionalNumber("ratePerSec", &Workload::ratePerSec),
        optionalInteger("users", &Workload::users),
        number("thinkTimeMs", &Workload::thinkTimeMs, 0),
        choice("pattern", &Workload::pattern, LoadPattern::Constant),
        optionalNumber("toRatePerSec", &Workload::toRatePerSec),
        number("atSec", &Workload::atSec, 0),
        number("forSec", &Workload::forSec, 0),
        number("periodSec", &Workload::periodSec, 86400),
    };
    return list;
}

const FieldList<Scenario> &scenarioFields() {
    static const FieldList<Scenario> list{text("name", &Scenario::name, true)};
    return list;
}

const FieldList<ScenarioEvent> &scenarioEventFields() {
    static const FieldList<ScenarioEvent> list = [] {
        FieldList<ScenarioEvent> l{
            number("atSec", &ScenarioEvent::atSec, 0),
            choice("action", &ScenarioEvent::action, ScenarioAction::Crash),
            number("forSec", &ScenarioEvent::forSec, 0),
            text("unit", &ScenarioEvent::unit),
            text("connection", &ScenarioEvent::connection),
            text("zone", &ScenarioEvent::zone),
            text("workload", &ScenarioEvent::workload),
            optionalInteger("replicas", &ScenarioEvent::replicas),
            number("latencyMs", &ScenarioEvent::latencyMs, 0),
            number("factor", &ScenarioEvent::factor, 1),
        };
        l[0].alwaysWritten = true;
        l[1].defaultValue = QJsonValue(QJsonValue::Undefined); // an event must say what it does
        return l;
    }();
    return list;
}

} // namespace archsim
