// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/sqlitedb.h"

#include <sqlite3.h>

namespace archsim {

namespace {
[[noreturn]] void fail(sqlite3 *db, int rc) {
    const char *text = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw SqliteError(rc, QString::fromUtf8(text));
}
} // namespace

SqliteStatement::SqliteStatement(sqlite3 *db, const QByteArray &sql)
    : m_db(db) {
    check(sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &m_stmt, nullptr));
}

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::check(int rc) const {
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) fail(m_db, rc);
}

void SqliteStatement::bindNull(int index) {
    check(sqlite3_bind_null(m_stmt, index));
}
void SqliteStatement::bind(int index, qint64 value) {
    check(sqlite3_bind_int64(m_stmt, index, value));
}
void SqliteStatement::bind(int index, double value) {
    check(sqlite3_bind_double(m_stmt, index, value));
}
void SqliteStatement::bind(int index, const QString &text) {
    const QByteArray utf8 = text.toUtf8();
    check(sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT));
}

bool SqliteStatement::step() {
    const int rc = sqlite3_step(m_stmt);
    check(rc);
    return rc == SQLITE_ROW;
}

void SqliteStatement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int SqliteStatement::columnCount() const {
    return sqlite3_column_count(m_stmt);
}
int SqliteStatement::columnType(int column) const {
    return sqlite3_column_type(m_stmt, column);
}
qint64 SqliteStatement::columnInt(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}
double SqliteStatement::columnDouble(int column) const {
    return sqlite3_column_double(m_stmt, column);
}
QString SqliteStatement::columnText(int column) const {
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column)) : QString();
}

SqliteDatabase::SqliteDatabase(const QString &path, Mode mode) {
    int flags = SQLITE_OPEN_READONLY;
    if (mode == Mode::ReadWrite)
        flags = SQLITE_OPEN_READWRITE;
    else if (mode == Mode::ReadWriteCreate)
        flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        sqlite3_close(m_db);
        m_db = nullptr;
        throw SqliteError(rc, message);
    }
    sqlite3_extended_result_codes(m_db, 1);
    // A busy file (another process saving) is waited for briefly instead of failing at once.
    sqlite3_busy_timeout(m_db, 2000);
}

SqliteDatabase::SqliteDatabase(sqlite3 *adopted)
    : m_db(adopted) {}

SqliteDatabase::~SqliteDatabase() {
    // close_v2: a statement still open (a bug) delays the close instead of leaking the handle.
    sqlite3_close_v2(m_db);
}

void SqliteDatabase::execute(const QByteArray &sql) {
    const char *tail = sql.constData();
    const char *end = tail + sql.size();
    while (tail < end) {
        sqlite3_stmt *stmt = nullptr;
        const char *next = nullptr;
        int rc = sqlite3_prepare_v2(m_db, tail, int(end - tail), &stmt, &next);
        if (rc != SQLITE_OK) fail(m_db, rc);
        if (!stmt) // only whitespace or comments were left
            break;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE) fail(m_db, rc);
        tail = next;
    }
}

qint64 SqliteDatabase::pragmaInt(const char *name) {
    SqliteStatement stmt(m_db, QByteArray("PRAGMA ") + name);
    return stmt.step() ? stmt.columnInt(0) : 0;
}

std::unique_ptr<SqliteDatabase> SqliteDatabase::copyToMemory() const {
    sqlite3 *memory = nullptr;
    if (sqlite3_open(":memory:", &memory) != SQLITE_OK) {
        sqlite3_close(memory);
        throw SqliteError(SQLITE_NOMEM, QStringLiteral("cannot open an in-memory database"));
    }
    auto copy = std::make_unique<SqliteDatabase>(memory);
    sqlite3_backup *backup = sqlite3_backup_init(memory, "main", m_db, "main");
    if (!backup) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(memory));
        throw SqliteError(SQLITE_ERROR, message);
    }
    sqlite3_backup_step(backup, -1);
    const int rc = sqlite3_backup_finish(backup);
    if (rc != SQLITE_OK) {
        throw SqliteError(rc, QString::fromUtf8(sqlite3_errstr(rc)));
    }
    copy->execute("PRAGMA foreign_keys = ON");
    return copy;
}

SqliteTransaction::SqliteTransaction(SqliteDatabase &db)
    : m_db(db) {
    m_db.execute("BEGIN IMMEDIATE");
}

SqliteTransaction::~SqliteTransaction() {
    if (!m_done) {
        try {
            m_db.execute("ROLLBACK");
        } catch (const SqliteError &) {
            // SQLite already rolled back (e.g. after an I/O error); nothing left to undo.
        }
    }
}

void SqliteTransaction::commit() {
    m_db.execute("COMMIT");
    m_done = true;
}

} // namespace archsim
