// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/traces/spanreader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <zlib.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace archsim::traces {

namespace {

constexpr int kMaxProblems = 100;

struct GzCloser {
    void operator()(gzFile_s *f) const {
        if (f) gzclose(f);
    }
};
using GzFile = std::unique_ptr<gzFile_s, GzCloser>;

// zlib's gz* functions read plain files unchanged, so one path serves .csv and .csv.gz.
GzFile openInput(const QString &path) {
    return GzFile(gzopen(QFile::encodeName(path).constData(), "rb"));
}

void report(ReadStats &stats, const QString &place, const QString &message) {
    ++stats.skipped;
    if (stats.problems.size() < kMaxProblems)
        stats.problems << place + QStringLiteral(": ") + message;
}

// Checks what every format needs and hands the span on; false when it was reported instead.
bool deliver(Span &&span, const QString &place, const std::function<void(Span &&)> &sink,
             ReadStats &stats) {
    if (span.traceId.isEmpty()) {
        report(stats, place, QStringLiteral("span without a trace id"));
        return false;
    }
    if (span.spanId.isEmpty()) {
        report(stats, place, QStringLiteral("span without a span id"));
        return false;
    }
    if (span.service.isEmpty()) {
        report(stats, place,
               QStringLiteral("span %1 has no service").arg(QString::fromLatin1(span.spanId)));
        return false;
    }
    if (span.endNs < span.startNs) {
        report(
            stats, place,
            QStringLiteral("span %1 ends before it starts").arg(QString::fromLatin1(span.spanId)));
        return false;
    }
    if (span.parentId == span.spanId) span.parentId.clear();
    if (span.instance.isEmpty()) span.instance = span.service;
    ++stats.spans;
    sink(std::move(span));
    return true;
}

bool cancelled(const ReadOptions &o) {
    return o.cancel && o.cancel->load(std::memory_order_relaxed);
}

void tick(const ReadOptions &o, const ReadStats &stats, gzFile file) {
    if (o.progress && stats.spans % 10000 == 0) o.progress(std::uint64_t(gzoffset(file)));
}

// Operations that name a SQL statement or driver call: the CSV has no db.system, so these leaf
// spans are taken for calls to a database (docs/calibration.md).
bool looksLikeSql(const QString &op) {
    static const char *const prefixes[] = {"sql.",    "SELECT ", "INSERT ", "UPDATE ", "DELETE ",
                                           "select ", "insert ", "update ", "delete "};
    for (const char *p : prefixes)
        if (op.startsWith(QLatin1String(p))) return true;
    return false;
}

QStringList splitCsv(const QByteArray &line) {
    QStringList fields;
    QString field;
    bool quoted = false;
    const QString text = QString::fromUtf8(line);
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

bool readCsv(const QString &path, gzFile file, const ReadOptions &o,
             const std::function<void(Span &&)> &sink, ReadStats &stats, QString *error) {
    QByteArray buffer(1 << 16, '\0');
    QByteArray line;
    auto nextLine = [&]() -> bool {
        line.clear();
        while (true) {
            if (!gzgets(file, buffer.data(), int(buffer.size()))) return !line.isEmpty();
            line.append(buffer.constData());
            if (line.endsWith('\n')) break;
        }
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        return true;
    };
    if (!nextLine()) {
        *error = path + QStringLiteral(": empty file");
        return false;
    }
    const QStringList header = splitCsv(line);
    auto column = [&](std::initializer_list<const char *> names) {
        for (const char *n : names)
            for (int i = 0; i < header.size(); ++i)
                if (header.at(i).trimmed().compare(QLatin1String(n), Qt::CaseInsensitive) == 0)
                    return i;
        return -1;
    };
    const int cTrace = column({"TraceID", "trace_id"}), cSpan = column({"SpanID", "span_id"}),
              cParent = column({"ParentID", "parent_id", "ParentSpanID"}),
              cPod = column({"PodName", "pod", "instance"}),
              cService = column({"ServiceName", "service"}),
              cOp = column({"OperationName", "operation", "name"}),
              cStart = column({"StartTimeUnixNano", "start_ns"}),
              cEnd = column({"EndTimeUnixNano", "end_ns"}), cDur = column({"Duration"}),
              cKind = column({"Kind", "SpanKind"}), cPeer = column({"PeerService", "peer.service"}),
              cDb = column({"DbSystem", "db.system"});
    if (cTrace < 0 || cSpan < 0 || cParent < 0 || (cPod < 0 && cService < 0) || cOp < 0 ||
        cStart < 0 || (cEnd < 0 && cDur < 0)) {
        *error = path + QStringLiteral(":1: not a span CSV: needs TraceID, SpanID, ParentID, "
                                       "PodName or ServiceName, OperationName, StartTimeUnixNano, "
                                       "EndTimeUnixNano or Duration");
        return false;
    }
    std::uint64_t lineNo = 1;
    while (nextLine()) {
        ++lineNo;
        if (cancelled(o)) {
            *error = QStringLiteral("cancelled");
            return false;
        }
        if (line.isEmpty()) continue;
        const QString place = path + u':' + QString::number(lineNo);
        const QStringList f = splitCsv(line);
        if (f.size() < header.size()) {
            report(
                stats, place,
                QStringLiteral("%1 columns, the header has %2").arg(f.size()).arg(header.size()));
            continue;
        }
        Span s;
        s.traceId = f.at(cTrace).trimmed().toLower().toLatin1();
        s.spanId = f.at(cSpan).trimmed().toLower().toLatin1();
        const QString parent = f.at(cParent).trimmed();
        if (parent.compare(QLatin1String("root"), Qt::CaseInsensitive) != 0)
            s.parentId = parent.toLower().toLatin1();
        s.instance = cPod >= 0 ? f.at(cPod).trimmed() : QString();
        s.service = cService >= 0 ? f.at(cService).trimmed() : serviceOfPod(s.instance);
        s.operation = f.at(cOp);
        bool okStart = false, okEnd = false;
        s.startNs = f.at(cStart).trimmed().toLongLong(&okStart);
        if (cEnd >= 0) {
            s.endNs = f.at(cEnd).trimmed().toLongLong(&okEnd);
        } else {
            s.endNs = s.startNs + std::int64_t(f.at(cDur).trimmed().toDouble(&okEnd) * 1000);
        }
        if (!okStart || !okEnd) {
            report(stats, place, QStringLiteral("start or end time is not a number"));
            continue;
        }
        if (cKind >= 0) {
            const QString k = f.at(cKind).trimmed().toLower();
            if (k.contains(QLatin1String("server")))
                s.kind = SpanKind::Server;
            else if (k.contains(QLatin1String("client")))
                s.kind = SpanKind::Client;
            else if (k.contains(QLatin1String("producer")))
                s.kind = SpanKind::Producer;
            else if (k.contains(QLatin1String("consumer")))
                s.kind = SpanKind::Consumer;
            else if (k.contains(QLatin1String("internal")))
                s.kind = SpanKind::Internal;
        }
        if (cPeer >= 0) s.peer = f.at(cPeer).trimmed();
        if (cDb >= 0 && !f.at(cDb).trimmed().isEmpty()) {
            s.peer = f.at(cDb).trimmed();
            s.peerIsDatabase = true;
        }
        if (cDb < 0 && s.peer.isEmpty() && looksLikeSql(s.operation)) {
            s.peer = QStringLiteral("sql");
            s.peerIsDatabase = true;
        }
        if (deliver(std::move(s), place, sink, stats)) tick(o, stats, file);
    }
    stats.bytes = std::uint64_t(gzoffset(file));
    return true;
}

QString text(const QJsonValue &v) {
    if (v.isString()) return v.toString();
    if (v.isDouble()) return QString::number(v.toDouble(), 'f', 0);
    return {};
}

// 64-bit nanoseconds: OTLP JSON writes them as strings (a double cannot hold them).
bool nanos(const QJsonValue &v, std::int64_t *out) {
    bool ok = false;
    if (v.isString())
        *out = v.toString().toLongLong(&ok);
    else if (v.isDouble()) {
        *out = std::int64_t(v.toDouble());
        ok = true;
    }
    return ok;
}

SpanKind kindFromText(const QString &k) {
    const QString l = k.toLower();
    if (l.endsWith(QLatin1String("server"))) return SpanKind::Server;
    if (l.endsWith(QLatin1String("client"))) return SpanKind::Client;
    if (l.endsWith(QLatin1String("producer"))) return SpanKind::Producer;
    if (l.endsWith(QLatin1String("consumer"))) return SpanKind::Consumer;
    if (l.endsWith(QLatin1String("internal"))) return SpanKind::Internal;
    return SpanKind::Unspecified;
}

void applyTag(Span &s, const QString &key, const QString &value) {
    if (key == QLatin1String("span.kind"))
        s.kind = kindFromText(value);
    else if (key == QLatin1String("peer.service") && !s.peerIsDatabase)
        s.peer = value;
    else if (key == QLatin1String("db.system")) {
        s.peer = value;
        s.peerIsDatabase = true;
    }
}

QString otlpValue(const QJsonObject &anyValue) {
    for (const char *k : {"stringValue", "intValue", "doubleValue", "boolValue"}) {
        const QJsonValue v = anyValue.value(QLatin1String(k));
        if (!v.isUndefined())
            return v.isBool() ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                              : text(v);
    }
    return {};
}

QString otlpAttribute(const QJsonArray &attributes, const char *key) {
    for (const QJsonValue &a : attributes)
        if (a.toObject().value(QLatin1String("key")).toString() == QLatin1String(key))
            return otlpValue(a.toObject().value(QLatin1String("value")).toObject());
    return {};
}

void readOtlp(const QString &path, const QJsonObject &root, const ReadOptions &o,
              const std::function<void(Span &&)> &sink, ReadStats &stats) {
    const QJsonArray resources = root.value(QLatin1String("resourceSpans")).toArray();
    for (qsizetype r = 0; r < resources.size(); ++r) {
        const QJsonObject rs = resources.at(r).toObject();
        const QJsonArray resAttrs = rs.value(QLatin1String("resource"))
                                        .toObject()
                                        .value(QLatin1String("attributes"))
                                        .toArray();
        const QString service = otlpAttribute(resAttrs, "service.name");
        QString instance = otlpAttribute(resAttrs, "service.instance.id");
        if (instance.isEmpty()) instance = otlpAttribute(resAttrs, "k8s.pod.name");
        if (instance.isEmpty()) instance = otlpAttribute(resAttrs, "host.name");
        QJsonArray scopes = rs.value(QLatin1String("scopeSpans")).toArray();
        if (scopes.isEmpty())
            scopes = rs.value(QLatin1String("instrumentationLibrarySpans")).toArray();
        for (qsizetype sc = 0; sc < scopes.size(); ++sc) {
            const QJsonArray spans =
                scopes.at(sc).toObject().value(QLatin1String("spans")).toArray();
            for (qsizetype i = 0; i < spans.size(); ++i) {
                if (cancelled(o)) return;
                const QString place =
                    QStringLiteral("%1: resourceSpans[%2].scopeSpans[%3].spans[%4]")
                        .arg(path)
                        .arg(r)
                        .arg(sc)
                        .arg(i);
                const QJsonObject js = spans.at(i).toObject();
                Span s;
                s.traceId = js.value(QLatin1String("traceId")).toString().toLower().toLatin1();
                s.spanId = js.value(QLatin1String("spanId")).toString().toLower().toLatin1();
                s.parentId =
                    js.value(QLatin1String("parentSpanId")).toString().toLower().toLatin1();
                s.service = service;
                s.instance = instance;
                s.operation = js.value(QLatin1String("name")).toString();
                const QJsonValue kind = js.value(QLatin1String("kind"));
                if (kind.isDouble()) {
                    const int k = kind.toInt();
                    if (k >= 0 && k <= 5) s.kind = SpanKind(k);
                } else {
                    s.kind = kindFromText(kind.toString());
                }
                if (!nanos(js.value(QLatin1String("startTimeUnixNano")), &s.startNs) ||
                    !nanos(js.value(QLatin1String("endTimeUnixNano")), &s.endNs)) {
                    report(stats, place,
                           QStringLiteral(
                               "startTimeUnixNano or endTimeUnixNano missing or not a number"));
                    continue;
                }
                const QJsonArray attrs = js.value(QLatin1String("attributes")).toArray();
                for (const QJsonValue &a : attrs)
                    applyTag(s, a.toObject().value(QLatin1String("key")).toString(),
                             otlpValue(a.toObject().value(QLatin1String("value")).toObject()));
                deliver(std::move(s), place, sink, stats);
            }
        }
    }
}

void readJaeger(const QString &path, const QJsonObject &root, const ReadOptions &o,
                const std::function<void(Span &&)> &sink, ReadStats &stats) {
    const QJsonArray traces = root.value(QLatin1String("data")).toArray();
    for (qsizetype t = 0; t < traces.size(); ++t) {
        const QJsonObject trace = traces.at(t).toObject();
        const QJsonObject processes = trace.value(QLatin1String("processes")).toObject();
        const QJsonArray spans = trace.value(QLatin1String("spans")).toArray();
        for (qsizetype i = 0; i < spans.size(); ++i) {
            if (cancelled(o)) return;
            const QString place = QStringLiteral("%1: data[%2].spans[%3]").arg(path).arg(t).arg(i);
            const QJsonObject js = spans.at(i).toObject();
            Span s;
            s.traceId = js.value(QLatin1String("traceID")).toString().toLower().toLatin1();
            if (s.traceId.isEmpty())
                s.traceId = trace.value(QLatin1String("traceID")).toString().toLower().toLatin1();
            s.spanId = js.value(QLatin1String("spanID")).toString().toLower().toLatin1();
            s.operation = js.value(QLatin1String("operationName")).toString();
            for (const QJsonValue &ref : js.value(QLatin1String("references")).toArray()) {
                const QJsonObject r = ref.toObject();
                if (!s.parentId.isEmpty()) break; // the first reference is the parent
                s.parentId = r.value(QLatin1String("spanID")).toString().toLower().toLatin1();
                s.followsFrom =
                    r.value(QLatin1String("refType")).toString() == QLatin1String("FOLLOWS_FROM");
            }
            if (s.parentId.isEmpty())
                s.parentId =
                    js.value(QLatin1String("parentSpanID")).toString().toLower().toLatin1();
            const QJsonValue start = js.value(QLatin1String("startTime"));
            const QJsonValue duration = js.value(QLatin1String("duration"));
            if (!start.isDouble() || !duration.isDouble()) {
                report(stats, place,
                       QStringLiteral("startTime or duration missing or not a number"));
                continue;
            }
            // Jaeger's JSON gives microseconds.
            s.startNs = std::int64_t(start.toDouble()) * 1000;
            s.endNs = s.startNs + std::int64_t(duration.toDouble() * 1000);
            for (const QJsonValue &tag : js.value(QLatin1String("tags")).toArray())
                applyTag(s, tag.toObject().value(QLatin1String("key")).toString(),
                         text(tag.toObject().value(QLatin1String("value"))));
            const QJsonObject process =
                js.contains(QLatin1String("process"))
                    ? js.value(QLatin1String("process")).toObject()
                    : processes.value(js.value(QLatin1String("processID")).toString()).toObject();
            s.service = process.value(QLatin1String("serviceName")).toString();
            for (const QJsonValue &tag : process.value(QLatin1String("tags")).toArray()) {
                const QString key = tag.toObject().value(QLatin1String("key")).toString();
                if (key == QLatin1String("hostname") || key == QLatin1String("k8s.pod.name") ||
                    (key == QLatin1String("ip") && s.instance.isEmpty()))
                    s.instance = text(tag.toObject().value(QLatin1String("value")));
            }
            deliver(std::move(s), place, sink, stats);
        }
    }
}

void readZipkin(const QString &path, const QJsonArray &spans, const ReadOptions &o,
                const std::function<void(Span &&)> &sink, ReadStats &stats) {
    for (qsizetype i = 0; i < spans.size(); ++i) {
        if (cancelled(o)) return;
        const QString place = QStringLiteral("%1: [%2]").arg(path).arg(i);
        const QJsonObject js = spans.at(i).toObject();
        Span s;
        s.traceId = js.value(QLatin1String("traceId")).toString().toLower().toLatin1();
        s.spanId = js.value(QLatin1String("id")).toString().toLower().toLatin1();
        s.parentId = js.value(QLatin1String("parentId")).toString().toLower().toLatin1();
        s.operation = js.value(QLatin1String("name")).toString();
        s.kind = kindFromText(js.value(QLatin1String("kind")).toString());
        const QJsonObject local = js.value(QLatin1String("localEndpoint")).toObject();
        s.service = local.value(QLatin1String("serviceName")).toString();
        const QString ip = local.value(QLatin1String("ipv4")).toString();
        if (!ip.isEmpty())
            s.instance = ip + u':' + QString::number(local.value(QLatin1String("port")).toInt());
        s.peer = js.value(QLatin1String("remoteEndpoint"))
                     .toObject()
                     .value(QLatin1String("serviceName"))
                     .toString();
        const QJsonObject tags = js.value(QLatin1String("tags")).toObject();
        for (auto it = tags.begin(); it != tags.end(); ++it)
            applyTag(s, it.key(), it.value().toString());
        const QJsonValue ts = js.value(QLatin1String("timestamp"));
        if (!ts.isDouble()) {
            report(stats, place, QStringLiteral("timestamp missing or not a number"));
            continue;
        }
        // Zipkin gives microseconds; a span without duration is an annotation-only span: 0.
        s.startNs = std::int64_t(ts.toDouble()) * 1000;
        s.endNs = s.startNs + std::int64_t(js.value(QLatin1String("duration")).toDouble() * 1000);
        // B3 "shared" spans: the server half reuses the client's id. The server keeps the id
        // (its children point at it) and the calibrator gives the client half its own.
        if (js.value(QLatin1String("shared")).toBool()) s.kind = SpanKind::Server;
        deliver(std::move(s), place, sink, stats);
    }
}

} // namespace

std::optional<TraceFormat> traceFormatFromName(const QString &name) {
    if (name == QLatin1String("jaeger")) return TraceFormat::Jaeger;
    if (name == QLatin1String("otlp")) return TraceFormat::Otlp;
    if (name == QLatin1String("zipkin")) return TraceFormat::Zipkin;
    if (name == QLatin1String("csv")) return TraceFormat::Csv;
    if (name == QLatin1String("auto")) return TraceFormat::Auto;
    return std::nullopt;
}

QString traceFormatName(TraceFormat format) {
    switch (format) {
    case TraceFormat::Auto:
        return QStringLiteral("auto");
    case TraceFormat::Jaeger:
        return QStringLiteral("jaeger");
    case TraceFormat::Otlp:
        return QStringLiteral("otlp");
    case TraceFormat::Zipkin:
        return QStringLiteral("zipkin");
    case TraceFormat::Csv:
        return QStringLiteral("csv");
    }
    return {};
}

QString serviceOfPod(const QString &pod) {
    QStringList parts = pod.split(u'-');
    if (parts.size() <= 2) return pod;
    parts.resize(parts.size() - 2);
    return parts.join(u'-');
}

TraceFormat detectTraceFormat(const QString &path, const QByteArray &head) {
    const QByteArray trimmed = head.trimmed();
    if (trimmed.startsWith('[')) return TraceFormat::Zipkin;
    if (trimmed.startsWith('{')) {
        if (head.contains("\"resourceSpans\"")) return TraceFormat::Otlp;
        if (head.contains("\"data\"")) return TraceFormat::Jaeger;
        return TraceFormat::Otlp;
    }
    Q_UNUSED(path);
    return TraceFormat::Csv;
}

bool readSpans(const QString &path, const ReadOptions &options,
               const std::function<void(Span &&)> &sink, ReadStats &stats, QString *error) {
    if (!QFileInfo(path).isFile()) {
        *error = path + QStringLiteral(": no such file");
        return false;
    }
    GzFile file = openInput(path);
    if (!file) {
        *error = path + QStringLiteral(": cannot open");
        return false;
    }
    TraceFormat format = options.format;
    if (format == TraceFormat::Auto) {
        QByteArray head(4096, '\0');
        const int n = gzread(file.get(), head.data(), unsigned(head.size()));
        head.resize(std::max(0, n));
        format = detectTraceFormat(path, head);
        gzrewind(file.get());
    }
    if (format == TraceFormat::Csv) return readCsv(path, file.get(), options, sink, stats, error);
    QByteArray all;
    QByteArray chunk(1 << 20, '\0');
    while (true) {
        const int n = gzread(file.get(), chunk.data(), unsigned(chunk.size()));
        if (n < 0) {
            *error = path + QStringLiteral(": read error");
            return false;
        }
        if (n == 0) break;
        all.append(chunk.constData(), n);
    }
    stats.bytes += std::uint64_t(gzoffset(file.get()));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(all, &parseError);
    all.clear();
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: at byte %2: %3")
                     .arg(path)
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return false;
    }
    // A JSON export is in memory anyway: its spans are handed on in trace order, so that the
    // grouping (which holds a bounded window) never splits a trace of one file, however the
    // file orders its spans (OTLP groups them by resource, not by trace).
    std::vector<Span> spans;
    const std::function<void(Span &&)> collect = [&](Span &&s) { spans.push_back(std::move(s)); };
    if (format == TraceFormat::Zipkin) {
        if (!doc.isArray()) {
            *error = path + QStringLiteral(": not Zipkin v2 JSON (an array of spans)");
            return false;
        }
        readZipkin(path, doc.array(), options, collect, stats);
    } else if (format == TraceFormat::Jaeger) {
        if (!doc.object().value(QLatin1String("data")).isArray()) {
            *error = path + QStringLiteral(": not Jaeger JSON (no \"data\" array)");
            return false;
        }
        readJaeger(path, doc.object(), options, collect, stats);
    } else {
        if (!doc.object().value(QLatin1String("resourceSpans")).isArray()) {
            *error = path + QStringLiteral(": not OTLP JSON (no \"resourceSpans\" array)");
            return false;
        }
        readOtlp(path, doc.object(), options, collect, stats);
    }
    if (cancelled(options)) {
        *error = QStringLiteral("cancelled");
        return false;
    }
    std::stable_sort(spans.begin(), spans.end(),
                     [](const Span &a, const Span &b) { return a.traceId < b.traceId; });
    for (Span &s : spans)
        sink(std::move(s));
    return true;
}

} // namespace archsim::traces
