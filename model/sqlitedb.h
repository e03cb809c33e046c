// SPDX-License-Identifier: GPL-3.0-or-later
// A small RAII wrapper over SQLite's C API: one database handle, prepared statements only,
// transactions that roll back unless committed. Failures throw SqliteError (caught by callers
// in the storage layer, which turn them into problems with a place).
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <stdexcept>

struct sqlite3;
struct sqlite3_stmt;

namespace archsim {

class SqliteError : public std::runtime_error {
public:
    SqliteError(int code, const QString &message)
        : std::runtime_error(message.toStdString())
        , m_code(code) {}
    int code() const { return m_code; }
    QString message() const { return QString::fromStdString(what()); }

private:
    int m_code;
};

class SqliteStatement {
public:
    SqliteStatement(sqlite3 *db, const QByteArray &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    void bindNull(int index);
    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bind(int index, const QString &text);
    bool step(); // true while a row is available; throws on error
    void reset();

    int columnCount() const;
    int columnType(int column) const; // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_NULL...
    qint64 columnInt(int column) const;
    double columnDouble(int column) const;
    QString columnText(int column) const;

private:
    void check(int rc) const;
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

class SqliteDatabase {
public:
    enum class Mode { ReadOnly, ReadWrite, ReadWriteCreate };
    SqliteDatabase(const QString &path, Mode mode);
    explicit SqliteDatabase(sqlite3 *adopted); // takes ownership
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    sqlite3 *handle() const { return m_db; }
    // Runs one or more statements, each prepared in turn (no sqlite3_exec string building).
    void execute(const QByteArray &sql);
    qint64 pragmaInt(const char *name);
    // Copies this database into a new in-memory one (to migrate without touching the file).
    std::unique_ptr<SqliteDatabase> copyToMemory() const;

private:
    sqlite3 *m_db = nullptr;
};

class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDatabase &db); // BEGIN IMMEDIATE
    ~SqliteTransaction();                           // rolls back unless committed
    void commit();

private:
    SqliteDatabase &m_db;
    bool m_done = false;
};

} // namespace archsim
