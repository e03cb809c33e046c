// SPDX-License-Identifier: GPL-3.0-or-later
// One span of a trace export, whatever its format (Jaeger, OTLP, Zipkin, CSV): what calibration
// needs and nothing more, so a million of them stay small.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace archsim::traces {

enum class SpanKind : std::uint8_t { Unspecified, Internal, Server, Client, Producer, Consumer };

struct Span {
    QByteArray traceId;  // lower-case hex (or the export's own text when it is not hex)
    QByteArray spanId;   // lower-case hex
    QByteArray parentId; // empty for a root span
    QString service;     // service.name / process.serviceName / localEndpoint.serviceName
    QString instance;    // pod, host or service.instance.id: replicas are counted from these
    QString operation;
    QString peer; // peer.service, db.system or remoteEndpoint: the callee of an uninstrumented call
    bool peerIsDatabase = false; // the peer came from db.system
    SpanKind kind = SpanKind::Unspecified;
    bool followsFrom = false; // the parent reference is FOLLOWS_FROM (async)
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;

    double durationMs() const { return double(endNs - startNs) / 1e6; }
};

} // namespace archsim::traces
