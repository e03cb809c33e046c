// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/fieldspec.h"

#include <QJsonDocument>

#include <cmath>
#include <limits>

namespace archsim {

static QString describe(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::String:
        return QStringLiteral("\"%1\"").arg(value.toString());
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString fieldValueError(FieldType type, const QStringList &choices, bool optional,
                        const QJsonValue &value) {
    if (value.isNull() && optional) return {};
    switch (type) {
    case FieldType::Integer: {
        if (!value.isDouble())
            return QStringLiteral("expected a whole number, got %1").arg(describe(value));
        const double d = value.toDouble();
        if (d != std::floor(d))
            return QStringLiteral("expected a whole number, got %1").arg(describe(value));
        if (std::fabs(d) > double(std::numeric_limits<int>::max()))
            return QStringLiteral("%1 is too large").arg(describe(value));
        return {};
    }
    case FieldType::Number:
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return QStringLiteral("expected a number, got %1").arg(describe(value));
        return {};
    case FieldType::Text:
        return value.isString() ? QString()
                                : QStringLiteral("expected a string, got %1").arg(describe(value));
    case FieldType::Boolean:
        return value.isBool()
                   ? QString()
                   : QStringLiteral("expected true or false, got %1").arg(describe(value));
    case FieldType::TextList:
        if (!value.isArray())
            return QStringLiteral("expected an array of strings, got %1").arg(describe(value));
        for (const QJsonValue &item : value.toArray())
            if (!item.isString())
                return QStringLiteral("expected an array of strings, it holds %1")
                    .arg(describe(item));
        return {};
    case FieldType::Choice:
        if (!value.isString() || !choices.contains(value.toString()))
            return QStringLiteral("expected one of %1, got %2")
                .arg(choices.join(QStringLiteral(", ")), describe(value));
        return {};
    }
    return {};
}

} // namespace archsim
