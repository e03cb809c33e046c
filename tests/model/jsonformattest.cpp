// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonformattest.h"

#include "testprojects.h"

#include "model/jsonreader.h"
#include "model/jsonwriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace archsim;
using namespace archsim::test;

namespace {

QJsonObject parse(const QByteArray &text) {
    return QJsonDocument::fromJson(text).object();
}

// A minimal valid document whose first variant is `variant`.
QByteArray documentWith(const QJsonObject &variant, int version = 1) {
    const QJsonObject doc{{QStringLiteral("format"), QStringLiteral("archsim")},
                          {QStringLiteral("version"), version},
                          {QStringLiteral("name"), QStringLiteral("t")},
                          {QStringLiteral("variants"), QJsonArray{variant}}};
    return QJsonDocument(doc).toJson();
}

QJsonObject minimalVariant() {
    return parse(R"({"v": {
        "name": "V",
        "units": [ { "id": "app" } ],
        "components": [ { "id": "api", "kind": "service", "unit": "app" } ],
        "workloads": [ { "name": "w", "entry": "api", "ratePerSec": 5 } ] }})")
        .value(QStringLiteral("v"))
        .toObject();
}

QString problemsText(const ProblemList &problems) {
    return formatProblems(problems);
}

} // namespace

void JsonFormatTest::roundTripKeepsEveryField() {
    const Project original = everyFieldProject();
    const ReadResult read = readProjectJson(writeProjectJson(original));
    QVERIFY2(read.ok(), qPrintable(problemsText(read.problems)));
    QCOMPARE(read.project.variants.size(), original.variants.size());
    for (int i = 0; i < original.variants.size(); ++i) {
        const Variant &a = original.variants[i];
        const Variant &b = read.project.variants[i];
        QCOMPARE(b.layers, a.layers);
        QCOMPARE(b.units.size(), a.units.size());
        for (int u = 0; u < a.units.size(); ++u)
            QVERIFY2(b.units[u] == a.units[u], qPrintable(a.units[u].id));
        QCOMPARE(b.components, a.components);
        QCOMPARE(b.connections, a.connections);
        QCOMPARE(b.workloads, a.workloads);
        QCOMPARE(b.scenarios, a.scenarios);
    }
    QVERIFY(read.project == original);
}

void JsonFormatTest::writesEveryFieldUnderItsName() {
    // The names of interfaces.md, checked on the written text, not through our own reader.
    const QJsonObject doc = parse(writeProjectJson(everyFieldProject()));
    QCOMPARE(doc.value(QStringLiteral("format")).toString(), QStringLiteral("archsim"));
    QCOMPARE(doc.value(QStringLiteral("version")).toInt(), 1);
    const QJsonObject v = doc.value(QStringLiteral("variants")).toArray().at(0).toObject();
    const QJsonObject unit = v.value(QStringLiteral("units")).toArray().at(0).toObject();
    QCOMPARE(unit.value(QStringLiteral("replicas")).toInt(), 3);
    QCOMPARE(unit.value(QStringLiteral("threads")).toInt(), 12);
    QCOMPARE(unit.value(QStringLiteral("cores")).toInt(), 6);
    QCOMPARE(unit.value(QStringLiteral("queueCapacity")).toInt(), 50);
    QCOMPARE(unit.value(QStringLiteral("policy")).toString(), QStringLiteral("least-outstanding"));
    QCOMPARE(unit.value(QStringLiteral("zones")).toArray().size(), 2);
    QCOMPARE(unit.value(QStringLiteral("mtbfHours")).toDouble(), 1234.5);
    QCOMPARE(unit.value(QStringLiteral("mttrMinutes")).toDouble(), 17.25);
    QCOMPARE(unit.value(QStringLiteral("costPerHour")).toDouble(), 0.375);
    QCOMPARE(unit.value(QStringLiteral("image")).toString(), QStringLiteral("u1:latest"));
    const QJsonObject comp = v.value(QStringLiteral("components")).toArray().at(0).toObject();
    for (const char *key : {"id", "name", "kind", "layer", "unit", "serviceTimeMs", "distribution",
                            "cv", "hitRatio", "x", "y"})
        QVERIFY2(comp.contains(QLatin1String(key)), key);
    QCOMPARE(comp.value(QStringLiteral("kind")).toString(), QStringLiteral("cache"));
    QCOMPARE(comp.value(QStringLiteral("hitRatio")).toDouble(), 0.8);
    const QJsonObject con = v.value(QStringLiteral("connections")).toArray().at(0).toObject();
    for (const char *key :
         {"from", "to", "mode", "calls", "latencyMs", "timeoutMs", "retries", "optional"})
        QVERIFY2(con.contains(QLatin1String(key)), key);
    QCOMPARE(con.value(QStringLiteral("mode")).toString(), QStringLiteral("async"));
    QCOMPARE(con.value(QStringLiteral("calls")).toDouble(), 2.5);
    const QJsonArray workloads = v.value(QStringLiteral("workloads")).toArray();
    QCOMPARE(workloads.at(0).toObject().value(QStringLiteral("ratePerSec")).toDouble(), 250.0);
    QCOMPARE(workloads.at(1).toObject().value(QStringLiteral("users")).toInt(), 40);
    QCOMPARE(workloads.at(1).toObject().value(QStringLiteral("thinkTimeMs")).toDouble(), 1200.0);
    const QJsonObject event = v.value(QStringLiteral("scenarios"))
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(QStringLiteral("events"))
                                  .toArray()
                                  .at(3)
                                  .toObject();
    QCOMPARE(event.value(QStringLiteral("action")).toString(), QStringLiteral("crash"));
    QCOMPARE(event.value(QStringLiteral("unit")).toString(), QStringLiteral("u1"));
    QCOMPARE(event.value(QStringLiteral("replicas")).toInt(), 2);
    QCOMPARE(event.value(QStringLiteral("atSec")).toDouble(), 11.0);
}

void JsonFormatTest::appliesDefaultsOfMissingFields() {
    QJsonObject v = minimalVariant();
    QJsonArray connections{QJsonObject{{QStringLiteral("from"), QStringLiteral("api")},
                                       {QStringLiteral("to"), QStringLiteral("db")}}};
    v.insert(QStringLiteral("connections"), connections);
    const ReadResult read = readProjectJson(documentWith(v));
    QVERIFY2(read.ok(), qPrintable(problemsText(read.problems)));
    const Variant &variant = read.project.variants[0];
    const Unit &u = variant.units[0];
    QCOMPARE(u.replicas, 1);
    QCOMPARE(u.threads, 1);
    QCOMPARE(u.effectiveCores(), 1); // cores = threads
    QVERIFY(!u.queueCapacity);       // unlimited
    QVERIFY(!u.mtbfHours);           // never fails
    QCOMPARE(u.policy, BalancingPolicy::RoundRobin);
    const Component &c = variant.components[0];
    QCOMPARE(c.distribution, Distribution::Exponential);
    const Connection &con = variant.connections[0];
    QCOMPARE(con.mode, CallMode::Sync);
    QCOMPARE(con.calls, 1.0);
    QCOMPARE(con.latencyMs, 0.0);
    QCOMPARE(con.retries, 0);
    QCOMPARE(con.optional, false);
    // Defaults are not written back: the written document has what was read, nothing more.
    const QJsonObject written = parse(writeProjectJson(read.project))
                                    .value(QStringLiteral("variants"))
                                    .toArray()
                                    .at(0)
                                    .toObject();
    QCOMPARE(written.value(QStringLiteral("units")).toArray().at(0).toObject().keys(),
             QStringList{QStringLiteral("id")});
    QCOMPARE(written.value(QStringLiteral("connections")).toArray().at(0).toObject(),
             connections.at(0).toObject());

    // cores follows threads when absent, and stays when given.
    v = minimalVariant();
    v.insert(QStringLiteral("units"),
             QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("app")},
                                    {QStringLiteral("threads"), 8}}});
    QCOMPARE(readProjectJson(documentWith(v)).project.variants[0].units[0].effectiveCores(), 8);
}

void JsonFormatTest::componentWithoutUnitIsAUnitOfItsOwn() {
    QJsonObject v = minimalVariant();
    QJsonArray components = v.value(QStringLiteral("components")).toArray();
    components.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("psp")},
                                  {QStringLiteral("kind"), QStringLiteral("external")},
                                  {QStringLiteral("replicas"), 3},
                                  {QStringLiteral("threads"), 50},
                                  {QStringLiteral("mtbfHours"), 100}});
    v.insert(QStringLiteral("components"), components);
    const ReadResult read = readProjectJson(documentWith(v));
    QVERIFY2(read.ok(), qPrintable(problemsText(read.problems)));
    const Variant &variant = read.project.variants[0];
    const Unit *own = variant.findUnit(QStringLiteral("psp"));
    QVERIFY(own);
    QVERIFY(own->implicit);
    QCOMPARE(own->replicas, 3);
    QCOMPARE(own->threads, 50);
    QCOMPARE(own->mtbfHours.value_or(0), 100.0);
    QCOMPARE(variant.findComponent(QStringLiteral("psp"))->unit, QStringLiteral("psp"));
    // Written back the same way: fields on the component, no "unit", no entry in "units".
    const QJsonObject written = parse(writeProjectJson(read.project))
                                    .value(QStringLiteral("variants"))
                                    .toArray()
                                    .at(0)
                                    .toObject();
    QCOMPARE(written.value(QStringLiteral("units")).toArray().size(), 1);
    QCOMPARE(written.value(QStringLiteral("components")).toArray().at(1).toObject(),
             components.at(1).toObject());
}

void JsonFormatTest::keepsUnknownFieldsAndWarns() {
    QJsonObject v = minimalVariant();
    QJsonArray components = v.value(QStringLiteral("components")).toArray();
    QJsonObject api = components.at(0).toObject();
    api.insert(QStringLiteral("color"), QStringLiteral("red"));
    api.insert(QStringLiteral("replcas"), 3); // a typo is kept, and reported
    components[0] = api;
    v.insert(QStringLiteral("components"), components);
    v.insert(QStringLiteral("owner"), QJsonObject{{QStringLiteral("team"), QStringLiteral("x")}});
    const ReadResult read = readProjectJson(documentWith(v));
    QVERIFY(read.ok());
    QCOMPARE(read.problems.size(), 3);
    QStringList paths;
    for (const Problem &p : read.problems) {
        QCOMPARE(p.severity, Severity::Warning);
        paths << p.path;
    }
    QVERIFY(paths.contains(QStringLiteral("variants[0].components[0].color")));
    QVERIFY(paths.contains(QStringLiteral("variants[0].components[0].replcas")));
    QVERIFY(paths.contains(QStringLiteral("variants[0].owner")));
    const QJsonObject written = parse(writeProjectJson(read.project))
                                    .value(QStringLiteral("variants"))
                                    .toArray()
                                    .at(0)
                                    .toObject();
    QCOMPARE(written.value(QStringLiteral("components")).toArray().at(0).toObject(), api);
    QCOMPARE(written.value(QStringLiteral("owner")), v.value(QStringLiteral("owner")));
}

void JsonFormatTest::exampleRoundTripsByteForByte() {
    QFile file(examplePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    const ReadResult read = readProjectJson(text);
    QVERIFY2(read.problems.isEmpty(), qPrintable(problemsText(read.problems)));
    QCOMPARE(writeProjectJson(read.project), text);
}

void JsonFormatTest::reportsTypeErrorsWithPath_data() {
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expectedPath");
    QTest::addColumn<QString>("expectedMessage");
    QTest::newRow("replicas as text")
        << "units"
        << "replicas" << QJsonValue(QStringLiteral("two")) << "variants[0].units[0].replicas"
        << "expected a whole number";
    QTest::newRow("fractional threads")
        << "units"
        << "threads" << QJsonValue(2.5) << "variants[0].units[0].threads"
        << "expected a whole number";
    QTest::newRow("zones not a list")
        << "units"
        << "zones" << QJsonValue(QStringLiteral("a")) << "variants[0].units[0].zones"
        << "expected an array of strings";
    QTest::newRow("unknown policy")
        << "units"
        << "policy" << QJsonValue(QStringLiteral("fastest")) << "variants[0].units[0].policy"
        << "expected one of round-robin";
    QTest::newRow("unknown kind") << "components"
                                  << "kind" << QJsonValue(QStringLiteral("servce"))
                                  << "variants[0].components[0].kind"
                                  << "got \"servce\"";
    QTest::newRow("service time as text") << "components"
                                          << "serviceTimeMs" << QJsonValue(QStringLiteral("4ms"))
                                          << "variants[0].components[0].serviceTimeMs"
                                          << "expected a number";
    QTest::newRow("unit not text") << "components"
                                   << "unit" << QJsonValue(7) << "variants[0].components[0].unit"
                                   << "expected a string";
    QTest::newRow("missing id") << "components"
                                << "id" << QJsonValue(QJsonValue::Undefined)
                                << "variants[0].components[0].id"
                                << "missing required field";
    QTest::newRow("rate as text") << "workloads"
                                  << "ratePerSec" << QJsonValue(QStringLiteral("fast"))
                                  << "variants[0].workloads[0].ratePerSec"
                                  << "expected a number";
    QTest::newRow("huge integer") << "units"
                                  << "replicas" << QJsonValue(1e12)
                                  << "variants[0].units[0].replicas"
                                  << "too large";
}

void JsonFormatTest::reportsTypeErrorsWithPath() {
    QFETCH(QString, list);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expectedPath);
    QFETCH(QString, expectedMessage);
    QJsonObject v = minimalVariant();
    QJsonArray items = v.value(list).toArray();
    QJsonObject item = items.at(0).toObject();
    if (value.isUndefined())
        item.remove(key);
    else
        item.insert(key, value);
    items[0] = item;
    v.insert(list, items);
    const ReadResult read = readProjectJson(documentWith(v));
    QCOMPARE(countErrors(read.problems), 1);
    QCOMPARE(read.problems[0].path, expectedPath);
    QVERIFY2(read.problems[0].message.contains(expectedMessage),
             qPrintable(read.problems[0].message));
}

void JsonFormatTest::refusesNewerVersion() {
    const ReadResult read = readProjectJson(documentWith(minimalVariant(), 2));
    QVERIFY(!read.ok());
    QCOMPARE(read.problems[0].path, QStringLiteral("version"));
    QVERIFY(read.problems[0].message.contains(QStringLiteral("newer ArchSim")));
    QVERIFY(read.problems[0].message.contains(QStringLiteral("up to version 1")));
}

void JsonFormatTest::refusesInvalidJsonWithLineAndColumn() {
    const ReadResult read = readProjectJson("{\n  \"format\": \"archsim\",\n  \"version\": 1,,\n}");
    QVERIFY(!read.ok());
    QVERIFY2(read.problems[0].message.contains(QStringLiteral("line 3")),
             qPrintable(read.problems[0].message));
}

void JsonFormatTest::refusesOtherDocuments() {
    ReadResult read = readProjectJson("[1, 2]");
    QVERIFY(!read.ok());
    read = readProjectJson(R"({"format": "drawio", "version": 1})");
    QVERIFY(!read.ok());
    QCOMPARE(read.problems[0].path, QStringLiteral("format"));
    read = readProjectJson(R"({"format": "archsim", "version": "1"})");
    QCOMPARE(read.problems[0].path, QStringLiteral("version"));
    read = readProjectJson(R"({"format": "archsim", "version": 1, "variants": {}})");
    QCOMPARE(read.problems[0].path, QStringLiteral("variants"));
    read = readProjectJson(R"({"format": "archsim", "version": 1, "variants": [3]})");
    QCOMPARE(read.problems[0].path, QStringLiteral("variants[0]"));
    read = readProjectJson(
        R"({"format": "archsim", "version": 1, "variants": [{"name": "v", "units": 3}]})");
    QCOMPARE(read.problems[0].path, QStringLiteral("variants[0].units"));
    read = readProjectJson("");
    QVERIFY(!read.ok());
}
