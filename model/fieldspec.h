// SPDX-License-Identifier: GPL-3.0-or-later
// One description per model field (file key, type, default, accessors), shared by the JSON
// format and the SQLite project file so that both read and write exactly the same fields.
#pragma once

#include "model/enums.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace archsim {

enum class FieldType { Integer, Number, Text, Boolean, TextList, Choice };

template <class T> struct FieldSpec {
    QString key;
    FieldType type = FieldType::Text;
    std::function<QJsonValue(const T &)> get;         // null when the field is unset
    std::function<void(T &, const QJsonValue &)> set; // value already checked against type
    // The value a missing key stands for; null for optional fields (unset), undefined for
    // fields that must be present. A field equal to its default is not written.
    QJsonValue defaultValue;
    QStringList choices;        // allowed values of a Choice field
    bool alwaysWritten = false; // written even when equal to the default (e.g. kind)
    bool layout = false;        // diagram geometry: its own table in project files

    bool required() const { return defaultValue.isUndefined(); }
    bool optional() const { return defaultValue.isNull(); }
    bool shouldWrite(const T &item) const {
        const QJsonValue v = get(item);
        if (required() || alwaysWritten) return true;
        if (optional()) return !v.isNull();
        return v != defaultValue;
    }
};

template <class T> using FieldList = QList<FieldSpec<T>>;

namespace fields {

template <class T>
FieldSpec<T> make(const char *key, FieldType type, std::function<QJsonValue(const T &)> get,
                  std::function<void(T &, const QJsonValue &)> set, QJsonValue defaultValue) {
    FieldSpec<T> spec;
    spec.key = QString::fromLatin1(key);
    spec.type = type;
    spec.get = std::move(get);
    spec.set = std::move(set);
    spec.defaultValue = std::move(defaultValue);
    return spec;
}

template <class T> FieldSpec<T> text(const char *key, QString T::*m, bool required = false) {
    return make<T>(
        key, FieldType::Text, [m](const T &t) { return QJsonValue(t.*m); },
        [m](T &t, const QJsonValue &v) { t.*m = v.toString(); },
        required ? QJsonValue(QJsonValue::Undefined) : QJsonValue(QString()));
}

template <class T> FieldSpec<T> integer(const char *key, int T::*m, int def) {
    return make<T>(
        key, FieldType::Integer, [m](const T &t) { return QJsonValue(t.*m); },
        [m](T &t, const QJsonValue &v) { t.*m = int(v.toDouble()); }, QJsonValue(def));
}

template <class T> FieldSpec<T> optionalInteger(const char *key, std::optional<int> T::*m) {
    return make<T>(
        key, FieldType::Integer,
        [m](const T &t) { return (t.*m) ? QJsonValue(*(t.*m)) : QJsonValue(); },
        [m](T &t, const QJsonValue &v) {
            t.*m = v.isNull() ? std::nullopt : std::optional<int>(int(v.toDouble()));
        },
        QJsonValue());
}

template <class T> FieldSpec<T> number(const char *key, double T::*m, double def) {
    return make<T>(
        key, FieldType::Number, [m](const T &t) { return QJsonValue(t.*m); },
        [m](T &t, const QJsonValue &v) { t.*m = v.toDouble(); }, QJsonValue(def));
}

template <class T> FieldSpec<T> optionalNumber(const char *key, std::optional<double> T::*m) {
    return make<T>(
        key, FieldType::Number,
        [m](const T &t) { return (t.*m) ? QJsonValue(*(t.*m)) : QJsonValue(); },
        [m](T &t, const QJsonValue &v) {
            t.*m = v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
        },
        QJsonValue());
}

template <class T> FieldSpec<T> boolean(const char *key, bool T::*m, bool def) {
    return make<T>(
        key, FieldType::Boolean, [m](const T &t) { return QJsonValue(t.*m); },
        [m](T &t, const QJsonValue &v) { t.*m = v.toBool(); }, QJsonValue(def));
}

template <class T> FieldSpec<T> textList(const char *key, QStringList T::*m) {
    return make<T>(
        key, FieldType::TextList,
        [m](const T &t) { return QJsonValue(QJsonArray::fromStringList(t.*m)); },
        [m](T &t, const QJsonValue &v) {
            QStringList list;
            for (const QJsonValue &item : v.toArray())
                list << item.toString();
            t.*m = list;
        },
        QJsonValue(QJsonArray()));
}

template <class T, class E> FieldSpec<T> choice(const char *key, E T::*m, E def) {
    FieldSpec<T> spec = make<T>(
        key, FieldType::Choice, [m](const T &t) { return QJsonValue(enumName(t.*m)); },
        [m](T &t, const QJsonValue &v) { t.*m = enumFromString<E>(v.toString()).value_or(E{}); },
        QJsonValue(enumName(def)));
    spec.choices = enumNames<E>();
    return spec;
}

} // namespace fields
} // namespace archsim

namespace archsim {

// Why a value does not fit a field's type ("expected a whole number, got "3""), or empty.
QString fieldValueError(FieldType type, const QStringList &choices, bool optional,
                        const QJsonValue &value);

} // namespace archsim
