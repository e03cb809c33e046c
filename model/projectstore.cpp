// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/projectstore.h"

#include "model/elementfields.h"
#include "model/projectschema.h"
#include "model/sqlfieldcodec.h"
#include "model/sqlitedb.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryFile>

#include <filesystem>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

#include <sqlite3.h>

namespace archsim {

using namespace sqlcodec;

namespace {

const QString kComponentLayout = QStringLiteral("component");

Problem fileProblem(const QString &message, const QString &path = {}) {
    Problem p;
    p.path = path;
    p.message = message;
    return p;
}

QByteArray placeholders(int count) {
    QByteArrayList marks;
    for (int i = 0; i < count; ++i)
        marks << "?";
    return marks.join(", ");
}

// ---------------------------------------------------------------------------------------------
// Writing

class ProjectWriter {
public:
    ProjectWriter(SqliteDatabase &db, const SaveOptions &options)
        : m_db(db)
        , m_options(options) {}

    void write(const Project &project) {
        // Children go with their variant through ON DELETE CASCADE.
        m_db.execute("DELETE FROM variant; DELETE FROM project_info; DELETE FROM run;");
        SqliteStatement info(m_db.handle(), "INSERT INTO project_info (key, value) VALUES (?, ?)");
        info.bind(1, QStringLiteral("name"));
        info.bind(2, project.name);
        stepRow(info);
        if (!project.extra.isEmpty()) {
            info.bind(1, QStringLiteral("extra"));
            info.bind(2, extraText(project.extra));
            stepRow(info);
        }
        for (int i = 0; i < project.variants.size(); ++i)
            writeVariant(project.variants[i], i);
        writeRuns(project.runs);
    }

private:
    void stepRow(SqliteStatement &st) {
        st.step();
        st.reset();
        ++m_rows;
        if (m_options.onRowWritten && !m_options.onRowWritten(m_rows))
            throw SqliteError(SQLITE_ABORT, QStringLiteral("the save was interrupted"));
    }

    template <class T>
    void
    writeList(const char *table, qint64 variantId, const FieldList<T> &fields,
              const QList<T> &items, const char *extraColumn = nullptr,
              const std::function<void(SqliteStatement &, int, const T &)> &bindExtraColumn = {}) {
        const int n = columnCount(fields);
        const QByteArray sql = QByteArray("INSERT INTO ") + table + " (variant_id, position, " +
                               columnList(fields) +
                               (extraColumn ? QByteArray(", ") + extraColumn : "") +
                               ", extra) VALUES (" + placeholders(n + (extraColumn ? 4 : 3)) + ")";
        SqliteStatement st(m_db.handle(), sql);
        for (int i = 0; i < items.size(); ++i) {
            int index = 1;
            st.bind(index++, variantId);
            st.bind(index++, qint64(i));
            bindFields(st, index, fields, items[i]);
            if (extraColumn) bindExtraColumn(st, index++, items[i]);
            bindExtra(st, index, items[i].extra);
            stepRow(st);
        }
    }

    void writeRuns(const RunList &runs) {
        SqliteStatement st(m_db.handle(),
                           "INSERT INTO run (id, variant, engine, created_at, parameters, result, "
                           "kind, seed, program_version, model_revision, summary) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (const RunRecord &r : runs) {
            if (r.id > 0)
                st.bind(1, r.id);
            else
                st.bindNull(1);
            st.bind(2, r.variant);
            st.bind(3, r.engine);
            st.bind(4, r.createdAt.toUTC().toString(Qt::ISODateWithMs));
            st.bind(5,
                    QString::fromUtf8(QJsonDocument(r.parameters).toJson(QJsonDocument::Compact)));
            st.bind(6, QString::fromUtf8(QJsonDocument(r.result).toJson(QJsonDocument::Compact)));
            st.bind(7, r.kind);
            st.bind(8, qint64(r.seed));
            st.bind(9, r.programVersion);
            st.bind(10, r.modelRevision);
            st.bind(11, r.summary);
            stepRow(st);
        }
    }

    void writeVariant(const Variant &v, int position) {
        SqliteStatement st(m_db.handle(),
                           "INSERT INTO variant (position, name, description, extra) "
                           "VALUES (?, ?, ?, ?)");
        st.bind(1, qint64(position));
        st.bind(2, v.name);
        st.bind(3, v.description);
        bindExtra(st, 4, v.extra);
        stepRow(st);
        const qint64 id = sqlite3_last_insert_rowid(m_db.handle());

        writeList("layer", id, layerFields(), v.layers);
        writeList<Unit>("unit", id, unitFields(), v.units, "implicit",
                        [](SqliteStatement &s, int index, const Unit &u) {
                            s.bind(index, qint64(u.implicit ? 1 : 0));
                        });
        writeList("component", id, componentFields(), v.components);
        writeList("connection", id, connectionFields(), v.connections);
        writeList("workload", id, workloadFields(), v.workloads);
        writeList("scenario", id, scenarioFields(), v.scenarios);
        writeEvents(id, v.scenarios);
        writeLayout(id, v.components);
    }

    void writeEvents(qint64 variantId, const QList<Scenario> &scenarios) {
        const auto &fields = scenarioEventFields();
        SqliteStatement st(m_db.handle(),
                           "INSERT INTO scenario_event (variant_id, scenario_position, position, " +
                               columnList(fields) + ", extra) VALUES (" +
                               placeholders(columnCount(fields) + 4) + ")");
        for (int s = 0; s < scenarios.size(); ++s) {
            for (int e = 0; e < scenarios[s].events.size(); ++e) {
                int index = 1;
                st.bind(index++, variantId);
                st.bind(index++, qint64(s));
                st.bind(index++, qint64(e));
                bindFields(st, index, fields, scenarios[s].events[e]);
                bindExtra(st, index, scenarios[s].events[e].extra);
                stepRow(st);
            }
        }
    }

    void writeLayout(qint64 variantId, const QList<Component> &components) {
        const auto &fields = componentFields();
        SqliteStatement st(m_db.handle(),
                           "INSERT INTO layout (variant_id, element_kind, position, element_id, " +
                               columnList(fields, true) + ") VALUES (" +
                               placeholders(columnCount(fields, true) + 4) + ")");
        for (int i = 0; i < components.size(); ++i) {
            int index = 1;
            st.bind(index++, variantId);
            st.bind(index++, kComponentLayout);
            st.bind(index++, qint64(i));
            st.bind(index++, components[i].id);
            bindFields(st, index, fields, components[i], true);
            stepRow(st);
        }
    }

    SqliteDatabase &m_db;
    const SaveOptions &m_options;
    int m_rows = 0;
};

// ---------------------------------------------------------------------------------------------
// Reading

class ProjectReader {
public:
    explicit ProjectReader(SqliteDatabase &db)
        : m_db(db) {}

    ReadResult read() {
        ReadResult result;
        SqliteStatement info(m_db.handle(), "SELECT key, value FROM project_info");
        while (info.step()) {
            const QString key = info.columnText(0);
            if (key == QLatin1String("name")) {
                result.project.name = info.columnText(1);
            } else if (key == QLatin1String("extra")) {
                QString error;
                result.project.extra = readExtra(info, 1, error);
                if (!error.isEmpty()) m_problems << fileProblem(error);
            }
        }
        SqliteStatement variants(
            m_db.handle(), "SELECT id, name, description, extra FROM variant ORDER BY position");
        while (variants.step()) {
            Variant v;
            const qint64 id = variants.columnInt(0);
            v.name = variants.columnText(1);
            v.description = variants.columnText(2);
            const QString path = QStringLiteral("variants[%1]").arg(result.project.variants.size());
            QString error;
            v.extra = readExtra(variants, 3, error);
            report(error, path, v.name);
            readVariant(id, v, path);
            result.project.variants << v;
        }
        result.project.runs = readRuns();
        result.problems = m_problems;
        return result;
    }

private:
    // A run whose stored JSON cannot be read is reported and skipped: the design still opens.
    RunList readRuns() {
        RunList runs;
        SqliteStatement st(
            m_db.handle(),
            "SELECT id, variant, engine, created_at, parameters, result, kind, seed, "
            "program_version, model_revision, summary FROM run ORDER BY id");
        while (st.step()) {
            RunRecord r;
            r.id = st.columnInt(0);
            r.variant = st.columnText(1);
            r.engine = st.columnText(2);
            r.createdAt = QDateTime::fromString(st.columnText(3), Qt::ISODateWithMs);
            const QString path = QStringLiteral("runs[%1]").arg(r.id);
            QJsonParseError error;
            const QJsonDocument parameters =
                QJsonDocument::fromJson(st.columnText(4).toUtf8(), &error);
            const QJsonDocument result = QJsonDocument::fromJson(st.columnText(5).toUtf8(), &error);
            if (!parameters.isObject() || !result.isObject()) {
                m_problems << fileProblem(QStringLiteral("run %1 is damaged and was skipped (%2)")
                                              .arg(r.id)
                                              .arg(error.errorString()),
                                          path);
                m_problems.last().severity = Severity::Warning;
                continue;
            }
            r.parameters = parameters.object();
            r.result = result.object();
            r.kind = st.columnText(6);
            r.seed = quint64(st.columnInt(7));
            r.programVersion = st.columnText(8);
            r.modelRevision = st.columnText(9);
            r.summary = st.columnText(10);
            runs << r;
        }
        return runs;
    }

    void report(const QString &error, const QString &path, const QString &variant) {
        if (error.isEmpty()) return;
        Problem p = fileProblem(error, path);
        p.variant = variant;
        m_problems << p;
    }
    void report(const QList<CellError> &errors, const QString &path, const QString &variant) {
        for (const CellError &e : errors) {
            Problem p = fileProblem(e.message, path + QLatin1Char('.') + e.field);
            p.variant = variant;
            p.field = e.field;
            m_problems << p;
        }
    }

    template <class T>
    QList<T>
    readList(const char *table, qint64 variantId, const FieldList<T> &fields, const QString &path,
             const QString &variant, const char *extraColumn = nullptr,
             const std::function<void(const SqliteStatement &, int, T &)> &readExtraColumn = {}) {
        QList<T> items;
        SqliteStatement st(m_db.handle(), "SELECT " + columnList(fields) +
                                              (extraColumn ? QByteArray(", ") + extraColumn : "") +
                                              ", extra FROM " + table +
                                              " WHERE variant_id = ? ORDER BY position");
        st.bind(1, variantId);
        while (st.step()) {
            T item;
            int column = 0;
            const QString itemPath =
                QStringLiteral("%1.%2s[%3]").arg(path, QLatin1String(table)).arg(items.size());
            report(readFields(st, column, fields, item), itemPath, variant);
            if (extraColumn) readExtraColumn(st, column++, item);
            QString error;
            item.extra = readExtra(st, column, error);
            report(error, itemPath, variant);
            items << item;
        }
        return items;
    }

    void readVariant(qint64 id, Variant &v, const QString &path) {
        v.layers = readList("layer", id, layerFields(), path, v.name);
        v.units = readList<Unit>("unit", id, unitFields(), path, v.name, "implicit",
                                 [](const SqliteStatement &st, int column, Unit &u) {
                                     u.implicit = st.columnInt(column) != 0;
                                 });
        v.components = readList("component", id, componentFields(), path, v.name);
        v.connections = readList("connection", id, connectionFields(), path, v.name);
        v.workloads = readList("workload", id, workloadFields(), path, v.name);
        v.scenarios = readList("scenario", id, scenarioFields(), path, v.name);
        readEvents(id, v, path);
        readLayout(id, v, path);
    }

    void readEvents(qint64 variantId, Variant &v, const QString &path) {
        const auto &fields = scenarioEventFields();
        SqliteStatement st(m_db.handle(), "SELECT scenario_position, " + columnList(fields) +
                                              ", extra FROM scenario_event WHERE variant_id = ? "
                                              "ORDER BY scenario_position, position");
        st.bind(1, variantId);
        while (st.step()) {
            const qint64 s = st.columnInt(0);
            if (s < 0 || s >= v.scenarios.size()) {
                report(QStringLiteral("an event belongs to no scenario"), path, v.name);
                continue;
            }
            ScenarioEvent event;
            int column = 1;
            const QString eventPath = QStringLiteral("%1.scenarios[%2].events[%3]")
                                          .arg(path)
                                          .arg(s)
                                          .arg(v.scenarios[s].events.size());
            report(readFields(st, column, fields, event), eventPath, v.name);
            QString error;
            event.extra = readExtra(st, column, error);
            report(error, eventPath, v.name);
            v.scenarios[s].events << event;
        }
    }

    void readLayout(qint64 variantId, Variant &v, const QString &path) {
        const auto &fields = componentFields();
        SqliteStatement st(m_db.handle(), "SELECT position, " + columnList(fields, true) +
                                              " FROM layout WHERE variant_id = ? AND "
                                              "element_kind = ?");
        st.bind(1, variantId);
        st.bind(2, kComponentLayout);
        while (st.step()) {
            const qint64 i = st.columnInt(0);
            if (i < 0 || i >= v.components.size())
                continue; // geometry of an element that is gone: harmless, dropped on next save
            int column = 1;
            report(readFields(st, column, fields, v.components[i], true),
                   QStringLiteral("%1.components[%2]").arg(path).arg(i), v.name);
        }
    }

    SqliteDatabase &m_db;
    ProblemList m_problems;
};

void migrate(SqliteDatabase &db, int from) {
    const QByteArrayList &steps = schemaMigrations();
    for (int version = from; version < steps.size(); ++version)
        db.execute(steps[version]);
    db.execute(QByteArray("PRAGMA user_version = ") + QByteArray::number(steps.size()));
}

bool looksLikeSqlite(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

QFileDevice::Permissions newFilePermissions() {
    QFileDevice::Permissions p = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                 QFileDevice::ReadUser | QFileDevice::WriteUser;
#ifdef Q_OS_UNIX
    // Linux shows the umask in /proc; elsewhere it is read by setting it (briefly 0 for the
    // whole process).
    mode_t mask = 022;
    bool known = false;
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("Umask:")) mask = mode_t(line.mid(6).trimmed().toUInt(&known, 8));
    if (!known) {
        mask = ::umask(0);
        ::umask(mask);
    }
    if (!(mask & S_IRGRP)) p |= QFileDevice::ReadGroup;
    if (!(mask & S_IWGRP)) p |= QFileDevice::WriteGroup;
    if (!(mask & S_IROTH)) p |= QFileDevice::ReadOther;
    if (!(mask & S_IWOTH)) p |= QFileDevice::WriteOther;
#endif
    return p;
}

QString journalPath(const QString &path) {
    return path + QStringLiteral("-journal");
}

// What a kill during the first save of a new project leaves (before saves went through a
// temporary file): an empty or headerless file and SQLite's journal beside it. It never held a
// project, so it may be replaced.
bool isInterruptedNewSave(const QString &path) {
    const QFileInfo info(path);
    return info.isFile() && QFileInfo::exists(journalPath(path)) &&
           (info.size() == 0 || !looksLikeSqlite(path));
}

// Why this existing file is not an ArchSim project we can read, or empty when it is one.
QString checkProjectDatabase(SqliteDatabase &db, int &version) {
    const qint64 appId = db.pragmaInt("application_id");
    if (appId != kApplicationId)
        return QStringLiteral("an SQLite database of another application (application_id "
                              "0x%1), not an ArchSim project")
            .arg(quint32(appId), 8, 16, QLatin1Char('0'));
    version = int(db.pragmaInt("user_version"));
    if (version > currentSchemaVersion())
        return QStringLiteral("the project was saved by a newer ArchSim (schema version %1); "
                              "this version reads up to schema version %2")
            .arg(version)
            .arg(currentSchemaVersion());
    if (version < 1) return QStringLiteral("the project file has no schema version; it is damaged");
    return {};
}

QString describeSqliteFailure(const SqliteError &e) {
    const int primary = e.code() & 0xff;
    if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
        return QStringLiteral("the project file is damaged (%1)").arg(e.message());
    return e.message();
}

} // namespace

ReadResult loadProjectFile(const QString &path) {
    ReadResult result;
    const QFileInfo info(path);
    auto fail = [&](const QString &message) {
        result.problems << fileProblem(message);
        return result;
    };
    if (!info.exists()) return fail(QStringLiteral("file not found"));
    if (info.isDir()) return fail(QStringLiteral("is a folder, not a project file"));
    if (isInterruptedNewSave(path))
        return fail(QStringLiteral("holds no project: the first save of this file was "
                                   "interrupted (its journal %1 is beside it); save again to "
                                   "replace it, or delete both files")
                        .arg(QFileInfo(journalPath(path)).fileName()));
    if (info.size() == 0) return fail(QStringLiteral("the file is empty, not an ArchSim project"));
    if (!looksLikeSqlite(path))
        return fail(QStringLiteral("not an ArchSim project: not an SQLite database (a damaged "
                                   "file or another kind of file)"));
    try {
        // Read-write so SQLite can roll back a save that a crash interrupted (hot journal).
        std::unique_ptr<SqliteDatabase> db;
        try {
            db = std::make_unique<SqliteDatabase>(path, SqliteDatabase::Mode::ReadWrite);
        } catch (const SqliteError &) {
            db = std::make_unique<SqliteDatabase>(path, SqliteDatabase::Mode::ReadOnly);
        }
        int version = 0;
        const QString problem = checkProjectDatabase(*db, version);
        if (!problem.isEmpty()) return fail(problem);
        {
            // Finished before the copy below: an open statement keeps the file's connection.
            SqliteStatement check(db->handle(), "PRAGMA quick_check");
            if (check.step() && check.columnText(0) != QLatin1String("ok"))
                return fail(
                    QStringLiteral("the project file is damaged: %1").arg(check.columnText(0)));
        }
        if (version < currentSchemaVersion()) {
            // Migrate a copy in memory: opening an old file never changes it; the next save does.
            db = db->copyToMemory();
            SqliteTransaction tx(*db);
            try {
                migrate(*db, version);
            } catch (const SqliteError &e) {
                return fail(QStringLiteral("the project file says schema version %1, but its "
                                           "tables are not those of version %1 (%2): it is "
                                           "damaged or was changed by another program")
                                .arg(version)
                                .arg(e.message()));
            }
            tx.commit();
        }
        return ProjectReader(*db).read();
    } catch (const SqliteError &e) {
        return fail(describeSqliteFailure(e));
    }
}

namespace {

// Writes the project into the database at path: in one transaction over an existing project,
// or into a new file.
ProblemList writeProjectFile(const QString &path, const Project &project,
                             const SaveOptions &options, bool existed) {
    try {
        SqliteDatabase db(path, SqliteDatabase::Mode::ReadWriteCreate);
        db.execute("PRAGMA foreign_keys = ON");
        int version = 0;
        if (existed) {
            const QString problem = checkProjectDatabase(db, version);
            if (!problem.isEmpty())
                return {fileProblem(QStringLiteral("refusing to overwrite: %1").arg(problem))};
        }
        SqliteTransaction tx(db);
        if (!existed)
            db.execute(QByteArray("PRAGMA application_id = ") + QByteArray::number(kApplicationId));
        if (version < currentSchemaVersion()) migrate(db, version);
        ProjectWriter(db, options).write(project);
        tx.commit();
        return {};
    } catch (const SqliteError &e) {
        return {fileProblem(QStringLiteral("could not save: %1").arg(describeSqliteFailure(e)))};
    }
}

} // namespace

ProblemList saveProjectFile(const QString &path, const Project &project,
                            const SaveOptions &options) {
    const QFileInfo info(path);
    if (info.isDir()) return {fileProblem(QStringLiteral("is a folder, not a project file"))};
    const bool interrupted = isInterruptedNewSave(path);
    const bool existed = info.exists() && info.size() > 0 && !interrupted;
    if (existed && !looksLikeSqlite(path))
        return {fileProblem(QStringLiteral("refusing to overwrite a file that is not an ArchSim "
                                           "project"))};
    // An existing project is saved in place: SQLite's transaction keeps the last save if the
    // process dies.
    if (existed) return writeProjectFile(path, project, options, true);

    // A new file is written whole under a temporary name in the same folder and renamed over
    // the target, so a kill leaves either no file or the complete one.
    QString temp;
    {
        QTemporaryFile file(info.absolutePath() + QStringLiteral("/.") + info.fileName() +
                            QStringLiteral(".XXXXXX"));
        file.setAutoRemove(false);
        if (!file.open())
            return {fileProblem(QStringLiteral("could not save: cannot create a file in %1: %2")
                                    .arg(info.absolutePath(), file.errorString()))};
        temp = file.fileName();
        // A temporary file is private (0600); the project gets what a new file would get.
        file.setPermissions(info.exists() ? info.permissions() : newFilePermissions());
    }
    ProblemList problems = writeProjectFile(temp, project, options, false);
    if (problems.isEmpty()) {
        if (interrupted) QFile::remove(journalPath(path)); // would "roll back" the new file
        std::error_code error;
        std::filesystem::rename(std::filesystem::path(temp.toStdString()),
                                std::filesystem::path(path.toStdString()), error);
        if (error)
            problems << fileProblem(QStringLiteral("could not save: cannot rename %1 to %2: %3")
                                        .arg(temp, path, QString::fromStdString(error.message())));
    }
    if (!problems.isEmpty()) {
        QFile::remove(temp);
        QFile::remove(journalPath(temp));
    }
    return problems;
}

} // namespace archsim
