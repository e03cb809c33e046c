// SPDX-License-Identifier: GPL-3.0-or-later
#include "testprojects.h"

#include <QJsonArray>

namespace archsim::test {

Variant smallVariant() {
    Variant v;
    v.name = QStringLiteral("Small");
    v.layers = {{QStringLiteral("edge"), QStringLiteral("Edge"), {}},
                {QStringLiteral("data"), QStringLiteral("Data"), {}}};
    Unit app;
    app.id = QStringLiteral("app");
    app.replicas = 2;
    app.threads = 8;
    Unit db;
    db.id = QStringLiteral("db");
    db.threads = 4;
    db.zones = {QStringLiteral("a")};
    Unit web;
    web.id = QStringLiteral("web");
    web.implicit = true;
    v.units = {app, db, web};
    Component cWeb;
    cWeb.id = QStringLiteral("web");
    cWeb.kind = ComponentKind::Client;
    cWeb.layer = QStringLiteral("edge");
    cWeb.unit = QStringLiteral("web");
    Component cApi;
    cApi.id = QStringLiteral("api");
    cApi.layer = QStringLiteral("edge");
    cApi.unit = QStringLiteral("app");
    cApi.serviceTimeMs = 4;
    Component cDb;
    cDb.id = QStringLiteral("db");
    cDb.kind = ComponentKind::Database;
    cDb.layer = QStringLiteral("data");
    cDb.unit = QStringLiteral("db");
    cDb.serviceTimeMs = 2;
    v.components = {cWeb, cApi, cDb};
    Connection webApi;
    webApi.from = QStringLiteral("web");
    webApi.to = QStringLiteral("api");
    Connection apiDb;
    apiDb.id = QStringLiteral("api-db");
    apiDb.from = QStringLiteral("api");
    apiDb.to = QStringLiteral("db");
    apiDb.calls = 2;
    v.connections = {webApi, apiDb};
    Workload browse;
    browse.name = QStringLiteral("browse");
    browse.entry = QStringLiteral("web");
    browse.ratePerSec = 100;
    v.workloads = {browse};
    Scenario crash;
    crash.name = QStringLiteral("db-crash");
    ScenarioEvent event;
    event.atSec = 10;
    event.unit = QStringLiteral("db");
    event.forSec = 30;
    crash.events = {event};
    v.scenarios = {crash};
    return v;
}

Project smallProject() {
    Project p;
    p.name = QStringLiteral("Small project");
    p.variants = {smallVariant()};
    return p;
}

Project everyFieldProject() {
    Project p;
    p.name = QStringLiteral("Every field");
    p.extra.insert(QStringLiteral("generator"), QStringLiteral("test"));
    Variant v;
    v.name = QStringLiteral("Full");
    v.description = QStringLiteral("All fields set");
    v.extra.insert(QStringLiteral("owner"), QStringLiteral("team"));
    v.layers = {{QStringLiteral("l1"), QStringLiteral("Layer one"),
                 QJsonObject{{QStringLiteral("color"), QStringLiteral("#abc")}}}};

    Unit u;
    u.id = QStringLiteral("u1");
    u.name = QStringLiteral("Unit one");
    u.replicas = 3;
    u.threads = 12;
    u.cores = 6;
    u.queueCapacity = 50;
    u.policy = BalancingPolicy::LeastOutstanding;
    u.zones = {QStringLiteral("z1"), QStringLiteral("z2")};
    u.mtbfHours = 1234.5;
    u.mttrMinutes = 17.25;
    u.costPerHour = 0.375;
    u.autoscaleMin = 2;
    u.autoscaleMax = 9;
    u.autoscaleTargetUtilization = 0.65;
    u.autoscaleSyncPeriodSec = 10;
    u.autoscaleTolerance = 0.05;
    u.autoscaleScaleDownWindowSec = 120;
    u.autoscaleProvisioningSec = 45;
    u.autoscaleColdStartFactor = 2.5;
    u.autoscaleColdStartSec = 20;
    u.healthCheckMs = 1500;
    u.extra.insert(QStringLiteral("image"), QStringLiteral("u1:latest"));
    Unit own; // a component that is a unit of its own, with unit fields on it
    own.id = QStringLiteral("c2");
    own.implicit = true;
    own.replicas = 4;
    own.threads = 2;
    own.policy = BalancingPolicy::Random;
    v.units = {u, own};

    Component c1;
    c1.id = QStringLiteral("c1");
    c1.name = QStringLiteral("Component one");
    c1.kind = ComponentKind::Cache;
    c1.layer = QStringLiteral("l1");
    c1.unit = QStringLiteral("u1");
    c1.serviceTimeMs = 0.75;
    c1.distribution = Distribution::Lognormal;
    c1.cv = 0.4;
    c1.hitRatio = 0.8;
    c1.x = 12.5;
    c1.y = -40;
    c1.width = 140;
    c1.height = 60;
    c1.extra.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("hot")});
    Component c2;
    c2.id = QStringLiteral("c2");
    c2.kind = ComponentKind::External;
    c2.unit = QStringLiteral("c2");
    c2.serviceTimeMs = 80;
    c2.distribution = Distribution::Uniform;
    c2.x = 300;
    c2.y = 200;
    v.components = {c1, c2};

    Connection con;
    con.id = QStringLiteral("k1");
    con.from = QStringLiteral("c1");
    con.to = QStringLiteral("c2");
    con.mode = CallMode::Async;
    con.calls = 2.5;
    con.latencyMs = 3;
    con.timeoutMs = 900;
    con.retries = 2;
    con.retryBackoffMs = 100;
    con.retryJitter = 0.3;
    con.breakerThreshold = 5;
    con.breakerOpenMs = 7000;
    con.optional = true;
    con.parallelGroup = QStringLiteral("fanout");
    con.extra.insert(QStringLiteral("protocol"), QStringLiteral("grpc"));
    v.connections = {con};

    Workload open;
    open.name = QStringLiteral("open");
    open.entry = QStringLiteral("c1");
    open.ratePerSec = 250;
    open.pattern = LoadPattern::Spike;
    open.toRatePerSec = 900;
    open.atSec = 30;
    open.forSec = 15;
    open.periodSec = 3600;
    Workload closed;
    closed.name = QStringLiteral("closed");
    closed.entry = QStringLiteral("c1");
    closed.users = 40;
    closed.thinkTimeMs = 1200;
    v.workloads = {open, closed};

    Scenario s;
    s.name = QStringLiteral("chaos");
    s.extra.insert(QStringLiteral("note"), QStringLiteral("n"));
    ScenarioEvent e1;
    e1.atSec = 5;
    e1.action = ScenarioAction::Latency;
    e1.forSec = 20;
    e1.connection = QStringLiteral("k1");
    e1.latencyMs = 250;
    ScenarioEvent e2;
    e2.atSec = 8;
    e2.action = ScenarioAction::ZoneDown;
    e2.zone = QStringLiteral("z1");
    e2.forSec = 60;
    ScenarioEvent e3;
    e3.atSec = 9;
    e3.action = ScenarioAction::Load;
    e3.workload = QStringLiteral("open");
    e3.factor = 1.5;
    ScenarioEvent e4;
    e4.atSec = 11;
    e4.action = ScenarioAction::Crash;
    e4.unit = QStringLiteral("u1");
    e4.replicas = 2;
    e4.extra.insert(QStringLiteral("why"), QStringLiteral("test"));
    ScenarioEvent e5;
    e5.atSec = 12;
    e5.action = ScenarioAction::Slowdown;
    e5.unit = QStringLiteral("u1");
    e5.factor = 3;
    s.events = {e1, e2, e3, e4, e5};
    v.scenarios = {s};
    p.variants = {v, smallVariant()};
    return p;
}

QString examplePath() {
    return QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json");
}
QString testDataPath(const QString &name) {
    return QStringLiteral(ARCHSIM_TEST_DATA_DIR "/") + name;
}

} // namespace archsim::test
