// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/traces/otlpwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace archsim::traces {

QByteArray hexId(std::uint64_t value, int digits) {
    QByteArray hex = QByteArray::number(qulonglong(value), 16);
    return QByteArray(std::max<qsizetype>(0, digits - hex.size()), '0') + hex;
}

namespace {

QJsonObject attribute(const char *key, const QString &value) {
    return {{QStringLiteral("key"), QLatin1String(key)},
            {QStringLiteral("value"), QJsonObject{{QStringLiteral("stringValue"), value}}}};
}

} // namespace

QByteArray writeOtlpJson(const std::vector<Span> &spans) {
    QMap<std::pair<QString, QString>, QJsonArray> byResource;
    for (const Span &s : spans) {
        QJsonObject o{{QStringLiteral("traceId"), QString::fromLatin1(s.traceId)},
                      {QStringLiteral("spanId"), QString::fromLatin1(s.spanId)},
                      {QStringLiteral("name"), s.operation},
                      {QStringLiteral("kind"), int(s.kind)},
                      {QStringLiteral("startTimeUnixNano"), QString::number(s.startNs)},
                      {QStringLiteral("endTimeUnixNano"), QString::number(s.endNs)}};
        if (!s.parentId.isEmpty())
            o.insert(QStringLiteral("parentSpanId"), QString::fromLatin1(s.parentId));
        if (!s.peer.isEmpty()) {
            o.insert(
                QStringLiteral("attributes"),
                QJsonArray{attribute(s.peerIsDatabase ? "db.system" : "peer.service", s.peer)});
        }
        byResource[{s.service, s.instance}].append(o);
    }
    QJsonArray resources;
    for (auto it = byResource.cbegin(); it != byResource.cend(); ++it) {
        QJsonArray attrs;
        for (const auto &[key, value] : {std::pair{"service.name", it.key().first},
                                         std::pair{"service.instance.id", it.key().second}}) {
            attrs.append(attribute(key, value));
        }
        resources.append(QJsonObject{
            {QStringLiteral("resource"), QJsonObject{{QStringLiteral("attributes"), attrs}}},
            {QStringLiteral("scopeSpans"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("scope"),
                              QJsonObject{{QStringLiteral("name"), QStringLiteral("archsim")}}},
                             {QStringLiteral("spans"), it.value()}}}}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("resourceSpans"), resources}})
        .toJson(QJsonDocument::Compact);
}

} // namespace archsim::traces
