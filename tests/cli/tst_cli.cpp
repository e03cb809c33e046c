// SPDX-License-Identifier: GPL-3.0-or-later
// tst_cli: archsim-cli as users and CI scripts run it — exit codes, messages, JSON output.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral(ARCHSIM_CLI), args);
    if (!p.waitForFinished(60000)) qFatal("archsim-cli did not finish");
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString example() {
    return QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json");
}

QByteArray readBytes(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject exampleJson() {
    return QJsonDocument::fromJson(readBytes(example())).object();
}

} // namespace

class CliTest : public QObject {
    Q_OBJECT
private slots:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void versionAndHelp() {
        Run r = cli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("archsim-cli ")));
        r = cli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *command : {"validate", "convert", "info"})
            QVERIFY2(r.out.contains(QLatin1String(command)), command);
        r = cli({QStringLiteral("validate"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("--variant")));
    }

    void usageErrorsExitWithTwo_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << "Usage";
        QTest::newRow("unknown command") << QStringList{"simulat", "x.json"} << "unknown command";
        QTest::newRow("unknown option")
            << QStringList{"validate", "--frobnicate", example()} << "frobnicate";
        QTest::newRow("missing file") << QStringList{"validate"} << "expected FILE";
        QTest::newRow("extra argument")
            << QStringList{"info", example(), example()} << "expected FILE";
        QTest::newRow("convert one file") << QStringList{"convert", example()} << "expected IN OUT";
        QTest::newRow("convert bad extension")
            << QStringList{"convert", example(), "out.xml"} << "unknown file type";
        QTest::newRow("variant without name")
            << QStringList{"info", example(), "--variant"} << "variant";
    }
    void usageErrorsExitWithTwo() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2((r.err + r.out).contains(message), qPrintable(r.err + r.out));
    }

    void validateAcceptsTheExample() {
        const Run r = cli({QStringLiteral("validate"), example()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("valid")));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }

    // Each bad input: exit 1 and a message on stderr that names the place.
    void validateRefusesBadInput_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("broken reference")
            << "reference"
            << "variants[1].connections[3].to: unknown component \"paymnt\"";
        QTest::newRow("wrong type") << "type"
                                    << "variants[0].units[0].replicas: expected a whole number";
        QTest::newRow("negative rate") << "negative"
                                       << "variants[0].workloads[0].ratePerSec: must be at least 0";
        QTest::newRow("zero threads") << "threads"
                                      << "variants[0].units[1].threads: must be at least 1";
        QTest::newRow("hit ratio") << "hit"
                                   << "hitRatio: must be at most 1";
        QTest::newRow("unknown entry")
            << "entry"
            << "variants[0].workloads[0].entry: unknown component \"mobile\"";
        QTest::newRow("duplicate id") << "duplicate"
                                      << "duplicate component \"orders\"";
        QTest::newRow("newer version") << "version"
                                       << "newer ArchSim";
        QTest::newRow("not json") << "garbage"
                                  << "not valid JSON at line 1";
        QTest::newRow("missing file") << "missing"
                                      << "file not found";
        QTest::newRow("empty archsim") << "empty"
                                       << "empty";
        QTest::newRow("foreign sqlite") << "foreign"
                                        << "another application";
        QTest::newRow("damaged archsim") << "damaged"
                                         << "damaged";
        QTest::newRow("unknown extension") << "extension"
                                           << "unknown file type";
    }
    void validateRefusesBadInput() {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QJsonObject doc = exampleJson();
        QJsonArray variants = doc.value(QStringLiteral("variants")).toArray();
        QJsonObject v0 = variants.at(0).toObject();
        auto setInList = [&](QJsonObject &variant, const char *list, int index, const char *key,
                             const QJsonValue &value) {
            QJsonArray items = variant.value(QLatin1String(list)).toArray();
            QJsonObject item = items.at(index).toObject();
            item.insert(QLatin1String(key), value);
            items[index] = item;
            variant.insert(QLatin1String(list), items);
        };
        QString file = m_dir->filePath(QStringLiteral("bad.json"));
        QByteArray bytes;
        if (kind == QLatin1String("reference")) {
            QJsonObject v1 = variants.at(1).toObject();
            setInList(v1, "connections", 3, "to", QStringLiteral("paymnt"));
            variants[1] = v1;
        } else if (kind == QLatin1String("type")) {
            setInList(v0, "units", 0, "replicas", QStringLiteral("two"));
        } else if (kind == QLatin1String("negative")) {
            setInList(v0, "workloads", 0, "ratePerSec", -5);
        } else if (kind == QLatin1String("threads")) {
            setInList(v0, "units", 1, "threads", 0);
        } else if (kind == QLatin1String("hit")) {
            setInList(v0, "components", 11, "hitRatio", 1.2);
        } else if (kind == QLatin1String("entry")) {
            setInList(v0, "workloads", 0, "entry", QStringLiteral("mobile"));
        } else if (kind == QLatin1String("duplicate")) {
            setInList(v0, "components", 6, "id", QStringLiteral("orders"));
        } else if (kind == QLatin1String("version")) {
            doc.insert(QStringLiteral("version"), 7);
        } else if (kind == QLatin1String("garbage")) {
            bytes = "{ this is not json";
        } else if (kind == QLatin1String("missing")) {
            file = m_dir->filePath(QStringLiteral("nothing.json"));
        } else if (kind == QLatin1String("empty")) {
            file = m_dir->filePath(QStringLiteral("empty.archsim"));
            bytes = "";
        } else if (kind == QLatin1String("foreign")) {
            file = m_dir->filePath(QStringLiteral("foreign.archsim"));
            QProcess::execute(QStringLiteral("sqlite3"),
                              {file, QStringLiteral("CREATE TABLE t (x)")});
            QVERIFY(QFile::exists(file));
        } else if (kind == QLatin1String("damaged")) {
            file = m_dir->filePath(QStringLiteral("damaged.archsim"));
            QCOMPARE(cli({QStringLiteral("convert"), example(), file}).exitCode, 0);
            bytes = readBytes(file);
            bytes.truncate(bytes.size() / 3);
        } else if (kind == QLatin1String("extension")) {
            file = m_dir->filePath(QStringLiteral("shop.yaml"));
        }
        variants[0] = v0;
        doc.insert(QStringLiteral("variants"), variants);
        if (kind != QLatin1String("missing") && kind != QLatin1String("foreign")) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes.isNull() && kind != QLatin1String("empty") ? QJsonDocument(doc).toJson()
                                                                     : bytes);
        }
        const Run r = cli({QStringLiteral("validate"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY2(r.err.contains(file), "the message names the file");

        // The JSON report of the same file carries the same place.
        const Run j = cli({QStringLiteral("validate"), file, QStringLiteral("--json")});
        QCOMPARE(j.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(j.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("valid")).toBool(true), false);
        QVERIFY(report.value(QStringLiteral("errors")).toInt() >= 1);
    }

    void validateListsEveryProblemInOneRun() {
        QJsonObject doc = exampleJson();
        QJsonArray variants = doc.value(QStringLiteral("variants")).toArray();
        QJsonObject v0 = variants.at(0).toObject();
        QJsonArray units = v0.value(QStringLiteral("units")).toArray();
        QJsonObject unit = units.at(0).toObject();
        unit.insert(QStringLiteral("replicas"), QStringLiteral("two")); // a type error...
        units[0] = unit;
        v0.insert(QStringLiteral("units"), units);
        QJsonArray workloads = v0.value(QStringLiteral("workloads")).toArray();
        QJsonObject w = workloads.at(0).toObject();
        w.insert(QStringLiteral("entry"), QStringLiteral("mobile")); // ...and a broken reference
        workloads[0] = w;
        v0.insert(QStringLiteral("workloads"), workloads);
        variants[0] = v0;
        doc.insert(QStringLiteral("variants"), variants);
        const QString file = m_dir->filePath(QStringLiteral("two.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(doc).toJson());
        f.close();
        const Run r = cli({QStringLiteral("validate"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("variants[0].units[0].replicas")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("variants[0].workloads[0].entry")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("2 errors")), qPrintable(r.err));
    }

    void convertRoundTripsTheExample() {
        const QString archsim = m_dir->filePath(QStringLiteral("shop.archsim"));
        const QString json = m_dir->filePath(QStringLiteral("shop.json"));
        Run r = cli({QStringLiteral("convert"), example(), archsim});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(readBytes(archsim).startsWith("SQLite format 3"));
        r = cli({QStringLiteral("convert"), archsim, json});
        QCOMPARE(r.exitCode, 0);
        // Same document: same fields, same values, same order.
        QCOMPARE(readBytes(json), readBytes(example()));
        QCOMPARE(cli({QStringLiteral("validate"), archsim}).exitCode, 0);
    }

    void convertRefusesToOverwriteAForeignDatabase() {
        const QString foreign = m_dir->filePath(QStringLiteral("foreign.archsim"));
        QProcess::execute(
            QStringLiteral("sqlite3"),
            {foreign, QStringLiteral("CREATE TABLE t (x); INSERT INTO t VALUES (42)")});
        const QByteArray before = readBytes(foreign);
        const Run r = cli({QStringLiteral("convert"), example(), foreign});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("refusing to overwrite")), qPrintable(r.err));
        QCOMPARE(readBytes(foreign), before);
    }

    void infoCountsVariantsAndElements() {
        const Run r = cli({QStringLiteral("info"), example(), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY2(!info.isEmpty(), "stdout holds one JSON document");
        const QJsonArray expected = exampleJson().value(QStringLiteral("variants")).toArray();
        const QJsonArray got = info.value(QStringLiteral("variants")).toArray();
        QCOMPARE(got.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            const QJsonObject e = expected[i].toObject();
            const QJsonObject g = got[i].toObject();
            QCOMPARE(g.value(QStringLiteral("name")).toString(),
                     e.value(QStringLiteral("name")).toString());
            const QJsonArray components = e.value(QStringLiteral("components")).toArray();
            int ownUnits = 0; // components without "unit" are units of their own
            for (const QJsonValue &c : components)
                ownUnits += c.toObject().contains(QStringLiteral("unit")) ? 0 : 1;
            QCOMPARE(g.value(QStringLiteral("units")).toInt(),
                     int(e.value(QStringLiteral("units")).toArray().size()) + ownUnits);
            for (const char *list :
                 {"layers", "components", "connections", "workloads", "scenarios"})
                QCOMPARE(g.value(QLatin1String(list)).toInt(),
                         int(e.value(QLatin1String(list)).toArray().size()));
        }
        const Run table = cli({QStringLiteral("info"), example()});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains(QStringLiteral("Monolith")));
        QVERIFY(table.out.contains(QStringLiteral("Microservices")));
    }

    void variantSelection() {
        Run r = cli({QStringLiteral("info"), example(), QStringLiteral("--variant"),
                     QStringLiteral("Microservices"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())
                     .object()
                     .value(QStringLiteral("variants"))
                     .toArray()
                     .size(),
                 1);
        r = cli({QStringLiteral("validate"), example(), QStringLiteral("--variant"),
                 QStringLiteral("Serverless")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("no variant \"Serverless\"")));
    }

    void simulateRefusesARunPastTheEventCap() {
        // 1000 x 1000 x 1000 calls per request: a billion visits. It used to run for minutes
        // to the event cap and print zeros with exit 0; now it stops at once and says why.
        const QString fanout = QStringLiteral(ARCHSIM_TEST_DATA_DIR "/fanout.json");
        QCOMPARE(cli({QStringLiteral("analyze"), fanout}).exitCode, 0);
        const Run r = cli({QStringLiteral("simulate"), fanout, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("above the cap of 2000000000")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void valuesPastTheLimitsAreInputErrors() {
        // calls 3e9 was converted to int unchecked (undefined; throughput 0 and exit 0).
        QJsonObject doc = exampleJson();
        QJsonArray variants = doc.value(QStringLiteral("variants")).toArray();
        QJsonObject v = variants[0].toObject();
        QJsonArray connections = v.value(QStringLiteral("connections")).toArray();
        QJsonObject c = connections[1].toObject();
        c.insert(QStringLiteral("calls"), 3e9);
        connections[1] = c;
        v.insert(QStringLiteral("connections"), connections);
        variants[0] = v;
        doc.insert(QStringLiteral("variants"), variants);
        const QString file = m_dir->filePath(QStringLiteral("calls.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(doc).toJson());
        f.close();
        for (const char *command : {"validate", "simulate"}) {
            const Run r = cli({QLatin1String(command), file});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("connections[1].calls")) &&
                         r.err.contains(QStringLiteral("must be at most 1000000")),
                     qPrintable(r.err));
        }
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
