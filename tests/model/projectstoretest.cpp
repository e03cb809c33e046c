// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectstoretest.h"

#include "testprojects.h"

#include "model/jsonwriter.h"
#include "model/projectfile.h"
#include "model/projectschema.h"
#include "model/projectstore.h"
#include "model/sqlitedb.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace archsim;
using namespace archsim::test;

namespace {

qint64 queryInt(const QString &file, const char *sql) {
    SqliteDatabase db(file, SqliteDatabase::Mode::ReadOnly);
    SqliteStatement st(db.handle(), sql);
    return st.step() ? st.columnInt(0) : -1;
}

Project exampleProject() {
    const ReadResult read = loadProject(examplePath());
    return read.project;
}

void writeBytes(const QString &file, const QByteArray &bytes) {
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

QByteArray readBytes(const QString &file) {
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

void ProjectStoreTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
}

void ProjectStoreTest::roundTripKeepsEveryField() {
    const Project original = everyFieldProject();
    const ProblemList saved = saveProjectFile(path("full.archsim"), original);
    QVERIFY2(saved.isEmpty(), qPrintable(formatProblems(saved)));
    const ReadResult read = loadProjectFile(path("full.archsim"));
    QVERIFY2(read.problems.isEmpty(), qPrintable(formatProblems(read.problems)));
    for (int i = 0; i < original.variants.size(); ++i) {
        QCOMPARE(read.project.variants[i].components, original.variants[i].components);
        QCOMPARE(read.project.variants[i].connections, original.variants[i].connections);
        QCOMPARE(read.project.variants[i].scenarios, original.variants[i].scenarios);
        QCOMPARE(read.project.variants[i].workloads, original.variants[i].workloads);
    }
    QVERIFY(read.project == original);
}

void ProjectStoreTest::jsonToArchsimToJsonIsLossless() {
    const Project example = exampleProject();
    QVERIFY(saveProject(path("shop.archsim"), example).isEmpty());
    QVERIFY(saveProject(path("shop.json"), loadProject(path("shop.archsim")).project).isEmpty());
    QCOMPARE(readBytes(path("shop.json")), readBytes(examplePath()));
}

void ProjectStoreTest::fileIsMarkedAndVersioned() {
    QVERIFY(saveProjectFile(path("p.archsim"), smallProject()).isEmpty());
    QCOMPARE(queryInt(path("p.archsim"), "PRAGMA application_id"), qint64(0x4172536D));
    QCOMPARE(queryInt(path("p.archsim"), "PRAGMA user_version"), qint64(currentSchemaVersion()));
    QVERIFY(currentSchemaVersion() >= 2);
    // Every element table hangs off its variant by a foreign key.
    for (const char *sql :
         {"SELECT count(DISTINCT id) FROM pragma_foreign_key_list('component')",
          "SELECT count(DISTINCT id) FROM pragma_foreign_key_list('layout')",
          "SELECT count(DISTINCT id) FROM pragma_foreign_key_list('scenario_event')"})
        QCOMPARE(queryInt(path("p.archsim"), sql), qint64(1));
}

void ProjectStoreTest::layoutLivesInItsOwnTable() {
    Project p = smallProject();
    p.variants[0].components[1].x = 321.5;
    p.variants[0].components[1].y = 77;
    QVERIFY(saveProjectFile(path("p.archsim"), p).isEmpty());
    QCOMPARE(
        queryInt(path("p.archsim"),
                 "SELECT count(*) FROM pragma_table_info('component') WHERE name IN ('x','y')"),
        qint64(0));
    QCOMPARE(
        queryInt(
            path("p.archsim"),
            "SELECT x * 10 FROM layout WHERE element_id = 'api' AND element_kind = 'component'"),
        qint64(3215));
}

void ProjectStoreTest::savingAgainReplacesContent() {
    QVERIFY(saveProjectFile(path("p.archsim"), everyFieldProject()).isEmpty());
    QVERIFY(saveProjectFile(path("p.archsim"), smallProject()).isEmpty());
    QVERIFY(loadProjectFile(path("p.archsim")).project == smallProject());
    QCOMPARE(queryInt(path("p.archsim"), "SELECT count(*) FROM variant"), qint64(1));
    QCOMPARE(queryInt(path("p.archsim"), "SELECT count(*) FROM scenario_event"), qint64(1));
}

void ProjectStoreTest::interruptedSaveKeepsPreviousContent() {
    const Project before = smallProject();
    QVERIFY(saveProjectFile(path("p.archsim"), before).isEmpty());
    SaveOptions failing;
    int rowsSeen = 0;
    failing.onRowWritten = [&](int rows) {
        rowsSeen = rows;
        return rows < 10; // fail in the middle of writing the new content
    };
    const ProblemList problems = saveProjectFile(path("p.archsim"), everyFieldProject(), failing);
    QCOMPARE(rowsSeen, 10);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems[0].message.contains(QStringLiteral("interrupted")));
    const ReadResult read = loadProjectFile(path("p.archsim"));
    QVERIFY(read.ok());
    QVERIFY(read.project == before);

    // A failed first save leaves no half-made file behind.
    QVERIFY(!saveProjectFile(path("new.archsim"), everyFieldProject(), failing).isEmpty());
    QVERIFY(!QFile::exists(path("new.archsim")));
}

void ProjectStoreTest::killedSaveKeepsPreviousContent() {
    // A real crash: a child process is killed by SIGKILL inside the save transaction.
    const Project before = smallProject();
    const QString file = path("p.archsim");
    QVERIFY(saveProjectFile(file, before).isEmpty());
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        SaveOptions dying;
        dying.onRowWritten = [](int rows) {
            if (rows == 15) raise(SIGKILL);
            return true;
        };
        saveProjectFile(file, everyFieldProject(), dying);
        _exit(0); // not reached when the kill works
    }
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
             "the child was not killed mid-save");
    QVERIFY(QFile::exists(file + QStringLiteral("-journal"))); // the interrupted transaction
    const ReadResult read = loadProjectFile(file);
    QVERIFY2(read.ok(), qPrintable(formatProblems(read.problems)));
    QVERIFY(read.project == before);
    // And the file takes the next save normally.
    QVERIFY(saveProjectFile(file, everyFieldProject()).isEmpty());
    QVERIFY(loadProjectFile(file).project == everyFieldProject());
}

void ProjectStoreTest::migratesVersion1Forward() {
    const QString file = path("legacy.archsim");
    QVERIFY(QFile::copy(testDataPath(QStringLiteral("shop-v1.archsim")), file));
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(queryInt(file, "PRAGMA user_version"), qint64(1));

    const ReadResult read = loadProjectFile(file);
    QVERIFY2(read.problems.isEmpty(), qPrintable(formatProblems(read.problems)));
    QCOMPARE(read.project.name, QStringLiteral("Legacy shop"));
    const Variant &v = read.project.variants.at(0);
    QCOMPARE(v.name, QStringLiteral("Classic"));
    QCOMPARE(v.units.size(), 3);
    QCOMPARE(v.units[0].policy, BalancingPolicy::LeastOutstanding);
    QCOMPARE(v.units[0].zones, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(v.units[0].healthCheckMs, 5000.0); // added by version 2, default for old files
    // Added by version 4 (the autoscaler's timing): the documented defaults.
    QCOMPARE(v.units[0].autoscaleSyncPeriodSec, 15.0);
    QCOMPARE(v.units[0].autoscaleTolerance, 0.1);
    QCOMPARE(v.units[0].autoscaleScaleDownWindowSec, 300.0);
    QCOMPARE(v.units[0].autoscaleProvisioningSec, 30.0);
    QCOMPARE(v.units[0].autoscaleColdStartFactor, 1.0);
    QVERIFY(v.units[2].implicit);
    QCOMPARE(v.components[1].distribution, Distribution::Lognormal);
    QCOMPARE(v.components[1].extra.value(QStringLiteral("owner")).toString(),
             QStringLiteral("team-a"));
    QCOMPARE(v.components[2].y, 280.0);
    QVERIFY(!v.components[2].width); // version 2 column, empty after migration
    QCOMPARE(v.connections[1].retries, 2);
    QCOMPARE(v.scenarios[0].events[0].replicas.value_or(0), 1);
    // Opening never rewrote the old file; the next save migrates it.
    QCOMPARE(queryInt(file, "PRAGMA user_version"), qint64(1));
    QVERIFY(saveProjectFile(file, read.project).isEmpty());
    QCOMPARE(queryInt(file, "PRAGMA user_version"), qint64(currentSchemaVersion()));
    QVERIFY(loadProjectFile(file).project == read.project);
}

void ProjectStoreTest::badFilesGiveClearErrors_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << "missing"
                             << "file not found";
    QTest::newRow("empty") << "empty"
                           << "empty";
    QTest::newRow("text") << "text"
                          << "not an SQLite database";
    QTest::newRow("foreign sqlite") << "foreign"
                                    << "another application";
    QTest::newRow("truncated") << "truncated"
                               << "damaged";
    QTest::newRow("garbled pages") << "garbled"
                                   << "damaged";
    QTest::newRow("newer schema") << "newer"
                                  << "newer ArchSim";
    QTest::newRow("folder") << "folder"
                            << "folder";
    QTest::newRow("bad cell") << "badcell"
                              << "variants[0].components[1].kind: expected one of";
}

void ProjectStoreTest::badFilesGiveClearErrors() {
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    const QString file = path(QStringLiteral("bad.archsim"));
    if (kind == QLatin1String("empty")) {
        writeBytes(file, {});
    } else if (kind == QLatin1String("text")) {
        writeBytes(file, "this is not a database\n");
    } else if (kind == QLatin1String("foreign")) {
        SqliteDatabase db(file, SqliteDatabase::Mode::ReadWriteCreate);
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes "
                   "(body) VALUES ('x')");
    } else if (kind == QLatin1String("truncated") || kind == QLatin1String("garbled")) {
        QVERIFY(saveProjectFile(file, exampleProject()).isEmpty());
        QByteArray bytes = readBytes(file);
        QVERIFY(bytes.size() > 8192);
        if (kind == QLatin1String("truncated"))
            bytes.truncate(bytes.size() / 2);
        else
            for (int i = 4096; i < bytes.size(); i += 7)
                bytes[i] = char(0xA5);
        writeBytes(file, bytes);
    } else if (kind == QLatin1String("newer")) {
        QVERIFY(saveProjectFile(file, smallProject()).isEmpty());
        SqliteDatabase db(file, SqliteDatabase::Mode::ReadWrite);
        db.execute("PRAGMA user_version = 99");
    } else if (kind == QLatin1String("folder")) {
        QVERIFY(QDir().mkpath(file));
    } else if (kind == QLatin1String("badcell")) {
        QVERIFY(saveProjectFile(file, smallProject()).isEmpty());
        SqliteDatabase db(file, SqliteDatabase::Mode::ReadWrite);
        db.execute("UPDATE component SET kind = 'mainframe' WHERE id = 'api'");
    }
    const ReadResult read = loadProject(file);
    QVERIFY(!read.ok());
    const QString text = formatProblems(read.problems);
    QVERIFY2(text.contains(expected), qPrintable(text));
}

void ProjectStoreTest::refusesToOverwriteForeignFiles() {
    const QString foreign = path("other.archsim");
    {
        SqliteDatabase db(foreign, SqliteDatabase::Mode::ReadWriteCreate);
        db.execute("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
    }
    const QByteArray before = readBytes(foreign);
    const ProblemList problems = saveProjectFile(foreign, smallProject());
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems[0].message.contains(QStringLiteral("refusing to overwrite")));
    QCOMPARE(readBytes(foreign), before);

    const QString text = path("notes.archsim");
    writeBytes(text, "plain text\n");
    QVERIFY(!saveProjectFile(text, smallProject()).isEmpty());
    QCOMPARE(readBytes(text), QByteArray("plain text\n"));
}

void ProjectStoreTest::killedFirstSaveLeavesNoFile() {
    // SIGKILL inside the first save of a new file: the target is either absent or whole, never
    // an empty file with a journal that neither opens nor takes the next save.
    const QString file = path("fresh.archsim");
    int rows = 0;
    SaveOptions counting;
    counting.onRowWritten = [&rows](int n) {
        rows = n;
        return true;
    };
    QVERIFY(saveProjectFile(path("count.archsim"), everyFieldProject(), counting).isEmpty());
    QVERIFY(rows > 4);
    for (int killAt : {1, rows / 2, rows}) {
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            SaveOptions dying;
            dying.onRowWritten = [killAt](int rows) {
                if (rows == killAt) raise(SIGKILL);
                return true;
            };
            saveProjectFile(file, everyFieldProject(), dying);
            _exit(0);
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status));
        QVERIFY2(!QFile::exists(file), qPrintable(QStringLiteral("kill at row %1").arg(killAt)));
        QVERIFY(!QFile::exists(file + QStringLiteral("-journal")));
        // The next save works and nothing of the killed one is left in the way.
        QVERIFY(saveProjectFile(file, smallProject()).isEmpty());
        QVERIFY(loadProjectFile(file).project == smallProject());
        QVERIFY(QFile::remove(file));
    }
}

void ProjectStoreTest::interruptedFirstSaveIsRecognised_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("headerless") << QByteArray(4096, '\0');
}

void ProjectStoreTest::interruptedFirstSaveIsRecognised() {
    // What a kill during a first save left before saves went through a temporary file.
    QFETCH(QByteArray, content);
    const QString file = path("orphan.archsim");
    writeBytes(file, content);
    writeBytes(file + QStringLiteral("-journal"), QByteArray(512, '\x17'));
    const ReadResult read = loadProjectFile(file);
    QVERIFY(!read.ok());
    const QString text = formatProblems(read.problems);
    QVERIFY2(text.contains("first save of this file was interrupted"), qPrintable(text));
    // It held no project, so saving over it is allowed, and the stale journal goes.
    const ProblemList saved = saveProjectFile(file, smallProject());
    QVERIFY2(saved.isEmpty(), qPrintable(formatProblems(saved)));
    QVERIFY(!QFile::exists(file + QStringLiteral("-journal")));
    QVERIFY(loadProjectFile(file).project == smallProject());
}

void ProjectStoreTest::newFileGetsUsualPermissions() {
    // Written under a private temporary name, the project still gets a new file's permissions.
    const QString viaTemp = path("perm.archsim");
    QVERIFY(saveProjectFile(viaTemp, smallProject()).isEmpty());
    const QString plain = path("plain.txt");
    writeBytes(plain, "x");
    QCOMPARE(QFile::permissions(viaTemp), QFile::permissions(plain));
    // No temporary file is left in the folder.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

void ProjectStoreTest::openingVersion1ClosesTheFile() {
    // Migration copies the database into memory; the file's connection must be closed after
    // (a statement left open made sqlite3_close fail and leak it).
    const QString file = path("legacy.archsim");
    QVERIFY(QFile::copy(testDataPath(QStringLiteral("shop-v1.archsim")), file));
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY(loadProjectFile(file).ok());
    const QString target = QFileInfo(file).canonicalFilePath();
    const QDir fds(QStringLiteral("/proc/self/fd"));
    if (!fds.exists()) QSKIP("needs /proc");
    for (const QFileInfo &fd : fds.entryInfoList(QDir::System | QDir::Files))
        QVERIFY2(fd.symLinkTarget() != target, "the project file is still open");
}

void ProjectStoreTest::mislabelledSchemaVersionIsExplained() {
    // A current file labelled version 1: migrating it again fails; the message says why.
    const QString file = path("mislabelled.archsim");
    QVERIFY(saveProjectFile(file, smallProject()).isEmpty());
    {
        SqliteDatabase db(file, SqliteDatabase::Mode::ReadWrite);
        db.execute("PRAGMA user_version = 1");
    }
    const ReadResult read = loadProjectFile(file);
    QVERIFY(!read.ok());
    const QString text = formatProblems(read.problems);
    QVERIFY2(text.contains("says schema version 1, but its tables are not those of version 1"),
             qPrintable(text));
}
