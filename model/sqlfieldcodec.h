// SPDX-License-Identifier: GPL-3.0-or-later
// Moves model fields between their FieldSpec and SQLite columns of the same name.
#pragma once

#include "model/fieldspec.h"
#include "model/sqlitedb.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

namespace archsim::sqlcodec {

template <class T> QByteArray columnList(const FieldList<T> &fields, bool layout = false) {
    QByteArrayList names;
    for (const FieldSpec<T> &f : fields)
        if (f.layout == layout) names << '"' + f.key.toUtf8() + '"';
    return names.join(", ");
}

template <class T> int columnCount(const FieldList<T> &fields, bool layout = false) {
    return int(std::count_if(fields.begin(), fields.end(),
                             [layout](const FieldSpec<T> &f) { return f.layout == layout; }));
}

inline void bindValue(SqliteStatement &st, int index, FieldType type, const QJsonValue &v) {
    if (v.isNull() || v.isUndefined()) {
        st.bindNull(index);
        return;
    }
    switch (type) {
    case FieldType::Integer:
        st.bind(index, qint64(v.toDouble()));
        break;
    case FieldType::Number:
        st.bind(index, v.toDouble());
        break;
    case FieldType::Boolean:
        st.bind(index, qint64(v.toBool() ? 1 : 0));
        break;
    case FieldType::Text:
    case FieldType::Choice:
        st.bind(index, v.toString());
        break;
    case FieldType::TextList:
        st.bind(index,
                QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)));
        break;
    }
}

template <class T>
void bindFields(SqliteStatement &st, int &index, const FieldList<T> &fields, const T &item,
                bool layout = false) {
    for (const FieldSpec<T> &f : fields)
        if (f.layout == layout) bindValue(st, index++, f.type, f.get(item));
}

// The cell as the JSON value its field expects; `error` is set when it cannot be one.
inline QJsonValue cellValue(const SqliteStatement &st, int column, FieldType type, QString &error) {
    switch (st.columnType(column)) {
    case SQLITE_NULL:
        return QJsonValue(QJsonValue::Null);
    case SQLITE_INTEGER:
        if (type == FieldType::Boolean) return QJsonValue(st.columnInt(column) != 0);
        return QJsonValue(double(st.columnInt(column)));
    case SQLITE_FLOAT:
        return QJsonValue(st.columnDouble(column));
    case SQLITE_TEXT: {
        const QString text = st.columnText(column);
        if (type != FieldType::TextList) return QJsonValue(text);
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        if (!doc.isArray()) {
            error = QStringLiteral("expected a JSON array of strings in the project file");
            return {};
        }
        return QJsonValue(doc.array());
    }
    default:
        error = QStringLiteral("unexpected binary data in the project file");
        return {};
    }
}

// A cell that does not fit its field: the field's key and why.
struct CellError {
    QString field;
    QString message;
};

// Reads the fields in column order; returns the cells that do not fit (their fields keep defaults).
template <class T>
QList<CellError> readFields(const SqliteStatement &st, int &column, const FieldList<T> &fields,
                            T &item, bool layout = false) {
    QList<CellError> errors;
    for (const FieldSpec<T> &f : fields) {
        if (f.layout != layout) continue;
        QString error;
        const QJsonValue v = cellValue(st, column++, f.type, error);
        if (error.isEmpty() && v.isNull() && !f.optional()) {
            if (f.required())
                error = QStringLiteral("missing required value");
            else
                continue; // default stands
        }
        if (error.isEmpty()) error = fieldValueError(f.type, f.choices, f.optional(), v);
        if (!error.isEmpty())
            errors << CellError{f.key, error};
        else
            f.set(item, v);
    }
    return errors;
}

inline QString extraText(const QJsonObject &extra) {
    return extra.isEmpty() ? QString()
                           : QString::fromUtf8(QJsonDocument(extra).toJson(QJsonDocument::Compact));
}

inline void bindExtra(SqliteStatement &st, int index, const QJsonObject &extra) {
    if (extra.isEmpty())
        st.bindNull(index);
    else
        st.bind(index, extraText(extra));
}

inline QJsonObject readExtra(const SqliteStatement &st, int column, QString &error) {
    if (st.columnType(column) == SQLITE_NULL) return {};
    const QJsonDocument doc = QJsonDocument::fromJson(st.columnText(column).toUtf8());
    if (!doc.isObject()) {
        error = QStringLiteral("expected a JSON object in the project file's extra column");
        return {};
    }
    return doc.object();
}

} // namespace archsim::sqlcodec
