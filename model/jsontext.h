// SPDX-License-Identifier: GPL-3.0-or-later
// An ordered JSON tree and its pretty printer: QJsonObject sorts keys, but people reading a
// design in review want "id" first, so the interchange writer keeps the fields' own order.
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <utility>

namespace archsim {

class JsonNode {
public:
    JsonNode() = default;
    JsonNode(const QJsonValue &value); // objects and arrays are converted, keys sorted

    static JsonNode object() { return JsonNode(Kind::Object); }
    static JsonNode array() { return JsonNode(Kind::Array); }

    JsonNode &insert(const QString &key, const JsonNode &value); // objects: appends the key
    JsonNode &append(const JsonNode &value);                     // arrays
    bool isEmptyContainer() const;

    // Two-space indentation; objects and arrays of scalars that fit on a line stay on one.
    QByteArray toJson() const;

private:
    enum class Kind { Scalar, Object, Array };
    explicit JsonNode(Kind kind)
        : m_kind(kind) {}
    void write(QByteArray &out, int indent) const;
    bool isFlat() const;
    QByteArray compact() const;

    Kind m_kind = Kind::Scalar;
    QJsonValue m_scalar;
    QList<std::pair<QString, JsonNode>> m_members;
    QList<JsonNode> m_items;
};

} // namespace archsim
