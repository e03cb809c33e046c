// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace archsim {

namespace {
constexpr int kLineWidth = 100;

QByteArray scalarText(const QJsonValue &value) {
    // QJsonDocument only serialises containers; wrap the value and strip the brackets.
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

QByteArray keyText(const QString &key) {
    return scalarText(QJsonValue(key));
}
} // namespace

JsonNode::JsonNode(const QJsonValue &value) {
    if (value.isObject()) {
        m_kind = Kind::Object;
        const QJsonObject obj = value.toObject();
        for (auto it = obj.begin(); it != obj.end(); ++it)
            m_members.append({it.key(), JsonNode(it.value())});
    } else if (value.isArray()) {
        m_kind = Kind::Array;
        for (const QJsonValue &item : value.toArray())
            m_items.append(JsonNode(item));
    } else {
        m_scalar = value;
    }
}

JsonNode &JsonNode::insert(const QString &key, const JsonNode &value) {
    m_members.append({key, value});
    return *this;
}

JsonNode &JsonNode::append(const JsonNode &value) {
    m_items.append(value);
    return *this;
}

bool JsonNode::isEmptyContainer() const {
    return (m_kind == Kind::Object && m_members.isEmpty()) ||
           (m_kind == Kind::Array && m_items.isEmpty());
}

bool JsonNode::isFlat() const {
    for (const auto &member : m_members)
        if (member.second.m_kind == Kind::Object ||
            (member.second.m_kind == Kind::Array && !member.second.isFlat()))
            return false;
    for (const JsonNode &item : m_items)
        if (item.m_kind != Kind::Scalar) return false;
    return true;
}

QByteArray JsonNode::compact() const {
    switch (m_kind) {
    case Kind::Scalar:
        return scalarText(m_scalar);
    case Kind::Array: {
        QByteArrayList parts;
        for (const JsonNode &item : m_items)
            parts << item.compact();
        return '[' + parts.join(", ") + ']';
    }
    case Kind::Object: {
        if (m_members.isEmpty()) return "{}";
        QByteArrayList parts;
        for (const auto &member : m_members)
            parts << keyText(member.first) + ": " + member.second.compact();
        return "{ " + parts.join(", ") + " }";
    }
    }
    return {};
}

void JsonNode::write(QByteArray &out, int indent) const {
    if (m_kind == Kind::Scalar || isEmptyContainer()) {
        out += compact();
        return;
    }
    if (isFlat()) {
        const QByteArray line = compact();
        if (indent + line.size() <= kLineWidth) {
            out += line;
            return;
        }
    }
    const QByteArray pad(indent + 2, ' ');
    out += m_kind == Kind::Object ? "{\n" : "[\n";
    const int count = m_kind == Kind::Object ? int(m_members.size()) : int(m_items.size());
    for (int i = 0; i < count; ++i) {
        out += pad;
        if (m_kind == Kind::Object) {
            out += keyText(m_members[i].first) + ": ";
            m_members[i].second.write(out, indent + 2);
        } else {
            m_items[i].write(out, indent + 2);
        }
        out += i + 1 < count ? ",\n" : "\n";
    }
    out += QByteArray(indent, ' ') + (m_kind == Kind::Object ? "}" : "]");
}

QByteArray JsonNode::toJson() const {
    QByteArray out;
    write(out, 0);
    out += '\n';
    return out;
}

} // namespace archsim
