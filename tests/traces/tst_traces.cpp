// SPDX-License-Identifier: GPL-3.0-or-later
// Trace import and calibration. The fixtures in tests/data/traces hold one hand-made request in
// each format (Jaeger, OTLP, Zipkin v2, span CSV plain and gzip): frontend 0..100 ms calls cart
// (client 10..40, server 15..35 on a host whose clock runs 1 s ahead) and, overlapping it,
// catalog (client 20..60, server 25..55); cart calls an uninstrumented redis (20..25, db.system
// redis; "SELECT cart" in the CSV, which has no attributes); catalog calls pricing (client
// 45..65, longer than its parent; server 46..64). A second trace holds one catalog span
// (another pod) whose parent is missing. Each format has one malformed span. The expected
// figures below are worked out by hand from those times.
#include "model/traces/calibrator.h"
#include "model/traces/designdiff.h"
#include "model/traces/otlpwriter.h"
#include "model/traces/tracegrouper.h"
#include "model/traces/traceimport.h"
#include "modelbuilder.h"
#include "simulator/compiledmodel.h"
#include "simulator/des/desengine.h"
#include "simulator/study/calibrationbacktest.h"
#include "simulator/study/calibrationtraces.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace archsim;

namespace {

const Connection *findConnection(const Variant &v, const QString &from, const QString &to) {
    for (const Connection &c : v.connections)
        if (c.from == from && c.to == to) return &c;
    return nullptr;
}

QString fixture(const char *name) {
    return QStringLiteral(ARCHSIM_TRACE_DATA "/") + QLatin1String(name);
}

} // namespace

class TestTraces : public QObject {
    Q_OBJECT
private slots:
    void formats_data();
    void formats();
    void unreadableInput();
    void groupingIsBounded();
    void fitPrefersTheRightDistribution();
    void designedVersusObserved();
    void roundTrip();
    void sharedOnlineBoutique();
    void commandLine();
    void asyncCalls();
};

void TestTraces::formats_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("database");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<QString>("problemPlace");
    QTest::newRow("jaeger") << fixture("jaeger.json") << "redis" << 1 << "data[0].spans[8]";
    QTest::newRow("otlp") << fixture("otlp.json") << "redis" << 1 << "scopeSpans[0].spans[3]";
    QTest::newRow("zipkin") << fixture("zipkin.json") << "redis" << 1 << "[9]";
    QTest::newRow("csv") << fixture("spans.csv") << "sql" << 2 << "spans.csv:5";
    QTest::newRow("csv.gz") << fixture("spans.csv.gz") << "sql" << 2 << "spans.csv.gz:5";
}

void TestTraces::formats() {
    QFETCH(QString, file);
    QFETCH(QString, database);
    QFETCH(int, skipped);
    QFETCH(QString, problemPlace);
    traces::ImportOptions o;
    o.paths = {file};
    const traces::ImportResult r = traces::importTraces(o);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(int(r.stats.skipped), skipped);
    QVERIFY2(r.stats.problems.first().contains(problemPlace),
             qPrintable(r.stats.problems.join(u'\n')));
    const Variant &v = r.calibration.variant;
    QStringList ids;
    for (const Component &c : v.components)
        ids << c.id;
    ids.sort();
    QStringList expected{QStringLiteral("cart"), QStringLiteral("catalog"),
                         QStringLiteral("frontend"), QStringLiteral("pricing"), database};
    expected.sort();
    QCOMPARE(ids, expected);
    QCOMPARE(v.findComponent(database)->kind, ComponentKind::Database);
    QCOMPARE(v.connections.size(), 4);
    for (const auto &[from, to] : {std::pair{"frontend", "cart"}, std::pair{"frontend", "catalog"},
                                   std::pair{"catalog", "pricing"}}) {
        const Connection *c = findConnection(v, QLatin1String(from), QLatin1String(to));
        QVERIFY2(c, from);
        QCOMPARE(c->mode, CallMode::Sync);
    }
    const Connection *db = findConnection(v, QStringLiteral("cart"), database);
    QVERIFY(db);
    // Catalog has two visits (one in the orphan trace) and calls pricing in one: 0.5 per visit.
    QCOMPARE(findConnection(v, QStringLiteral("catalog"), QStringLiteral("pricing"))->calls, 0.5);
    QCOMPARE(findConnection(v, QStringLiteral("frontend"), QStringLiteral("cart"))->calls, 1.0);
    // Network each way: (client - server) / 2, from durations, so the 1 s skew does not show.
    QCOMPARE(findConnection(v, QStringLiteral("frontend"), QStringLiteral("cart"))->latencyMs, 5.0);
    QCOMPARE(findConnection(v, QStringLiteral("frontend"), QStringLiteral("catalog"))->latencyMs,
             5.0);
    QCOMPARE(findConnection(v, QStringLiteral("catalog"), QStringLiteral("pricing"))->latencyMs,
             1.0);
    // The two overlapping calls of frontend (20 ms of 30 overlap) form one parallel group.
    const QString group =
        findConnection(v, QStringLiteral("frontend"), QStringLiteral("cart"))->parallelGroup;
    QVERIFY(!group.isEmpty());
    QCOMPARE(
        findConnection(v, QStringLiteral("frontend"), QStringLiteral("catalog"))->parallelGroup,
        group);
    // Own work: frontend 100 - |[10,40] u [20,60]| = 50; cart 20 - 5 (redis) = 15; catalog
    // (30 - the pricing call clipped to its end, 10) = 20 and 10 in the orphan trace: 15;
    // pricing 18; redis: the client span, 5.
    QCOMPARE(v.findComponent(QStringLiteral("frontend"))->serviceTimeMs, 50.0);
    QCOMPARE(v.findComponent(QStringLiteral("cart"))->serviceTimeMs, 15.0);
    QCOMPARE(v.findComponent(QStringLiteral("catalog"))->serviceTimeMs, 15.0);
    QCOMPARE(v.findComponent(QStringLiteral("pricing"))->serviceTimeMs, 18.0);
    QCOMPARE(v.findComponent(database)->serviceTimeMs, 5.0);
    QCOMPARE(v.findUnit(QStringLiteral("catalog"))->replicas, 2);
    QCOMPARE(v.findUnit(QStringLiteral("frontend"))->replicas, 1);
    QCOMPARE(r.calibration.report.value(QStringLiteral("spansWithoutParent")).toInt(), 1);
    QCOMPARE(v.workloads.size(), 1);
    QCOMPARE(v.workloads.first().entry, QStringLiteral("frontend"));
    QCOMPARE(v.workloads.first().name, QStringLiteral("GET /"));
}

void TestTraces::unreadableInput() {
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"resourceSpans\": [ {\"resource\": ");
    f.close();
    traces::ImportOptions o;
    o.paths = {bad};
    traces::ImportResult r = traces::importTraces(o);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("bad.json: at byte")), qPrintable(r.error));
    o.paths = {dir.filePath(QStringLiteral("missing.csv"))};
    r = traces::importTraces(o);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("no such file")), qPrintable(r.error));
    const QString csv = dir.filePath(QStringLiteral("other.csv"));
    QFile c(csv);
    QVERIFY(c.open(QIODevice::WriteOnly));
    c.write("a,b,c\n1,2,3\n");
    c.close();
    o.paths = {csv};
    r = traces::importTraces(o);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("other.csv:1: not a span CSV")), qPrintable(r.error));
}

void TestTraces::groupingIsBounded() {
    // 1000 traces of 5 spans, each written contiguously: with a window of 20 spans no trace is
    // split, and at most about a window's worth of spans is ever held.
    std::vector<std::size_t> sizes;
    traces::TraceGrouper g([&](std::vector<traces::Span> &&t) { sizes.push_back(t.size()); }, 20);
    for (int t = 0; t < 1000; ++t)
        for (int s = 0; s < 5; ++s) {
            traces::Span span;
            span.traceId = QByteArray::number(t);
            span.spanId = QByteArray::number(s);
            g.add(std::move(span));
        }
    g.flushAll();
    QCOMPARE(sizes.size(), std::size_t(1000));
    QVERIFY(std::all_of(sizes.begin(), sizes.end(), [](std::size_t n) { return n == 5; }));
    QVERIFY2(g.peakOpenSpans() <= 30, qPrintable(QString::number(g.peakOpenSpans())));
    QCOMPARE(g.lateSpans(), std::uint64_t(0));
    // A span arriving after its trace left the window is counted, not lost.
    sizes.clear();
    traces::TraceGrouper h([&](std::vector<traces::Span> &&t) { sizes.push_back(t.size()); }, 3);
    for (const char *id : {"a", "b", "c", "d", "e", "a"}) {
        traces::Span span;
        span.traceId = id;
        span.spanId = "1";
        h.add(std::move(span));
    }
    h.flushAll();
    QCOMPARE(h.lateSpans(), std::uint64_t(1));
    QCOMPARE(sizes.size(), std::size_t(6));
}

void TestTraces::fitPrefersTheRightDistribution() {
    std::mt19937_64 rng(7);
    traces::SampleStats expo, logn;
    std::exponential_distribution<double> e(1.0 / 4);
    const double cv = 0.3, s2 = std::log(1 + cv * cv);
    std::lognormal_distribution<double> l(std::log(4.0) - s2 / 2, std::sqrt(s2));
    for (int i = 0; i < 4000; ++i) {
        expo.add(e(rng), rng);
        logn.add(l(rng), rng);
    }
    const traces::ServiceFit fe = traces::Calibrator::fit(expo);
    const traces::ServiceFit fl = traces::Calibrator::fit(logn);
    QCOMPARE(fe.chosen, Distribution::Exponential);
    QCOMPARE(fl.chosen, Distribution::Lognormal);
    // Kolmogorov-Smirnov: the right family is within its 1% critical value 1.63/sqrt(n).
    QVERIFY(fe.ksExponential < 1.63 / std::sqrt(4000.0));
    QVERIFY(fl.ksLognormal < 1.63 / std::sqrt(4000.0));
    QVERIFY(fl.ksExponential > 0.1);
}

void TestTraces::designedVersusObserved() {
    traces::ImportOptions o;
    o.paths = {fixture("otlp.json")};
    const traces::ImportResult r = traces::importTraces(o);
    QVERIFY(r.ok);
    Variant designed =
        test::ModelBuilder()
            .unit(QStringLiteral("web"))
            .unit(QStringLiteral("carts"))
            .unit(QStringLiteral("orders"))
            .unit(QStringLiteral("shop-catalog"))
            .component(QStringLiteral("Frontend Service"), QStringLiteral("web"), 50)
            .component(QStringLiteral("cart"), QStringLiteral("carts"), 30)
            .component(QStringLiteral("orders"), QStringLiteral("orders"), 10)
            .component(QStringLiteral("products"), QStringLiteral("shop-catalog"), 15)
            .call(QStringLiteral("Frontend Service"), QStringLiteral("cart"), 2)
            .call(QStringLiteral("Frontend Service"), QStringLiteral("orders"), 1)
            .open(QStringLiteral("home"), QStringLiteral("Frontend Service"), 5)
            .variant();
    designed.name = QStringLiteral("Designed");
    traces::DiffOptions d;
    d.mapping.insert(QStringLiteral("catalog"), QStringLiteral("products"));
    const traces::DesignDiff diff = traces::diffDesign(designed, r.calibration.variant, d);
    auto has = [&](const char *what, const char *from, const char *to) {
        for (const traces::DiffRow &row : diff.rows)
            if (row.what == QLatin1String(what) && row.from == QLatin1String(from) &&
                row.to == QLatin1String(to))
                return true;
        return false;
    };
    // frontend matched by its normalised name, catalog by the mapping, cart by its id.
    QCOMPARE(diff.matched.value(QStringLiteral("frontend")), QStringLiteral("Frontend Service"));
    QCOMPARE(diff.matched.value(QStringLiteral("catalog")), QStringLiteral("products"));
    QVERIFY(has("observed-not-designed", "Frontend Service", "products"));
    QVERIFY(has("designed-not-observed", "Frontend Service", "orders"));
    QVERIFY(has("calls-changed", "Frontend Service", "cart"));     // 2 designed, 1 observed
    QVERIFY(has("service-time-changed", "cart", ""));              // 30 designed, 15 observed
    QVERIFY(!has("service-time-changed", "Frontend Service", "")); // 50 both
    QVERIFY(has("new-component", "pricing", ""));
    QVERIFY(has("new-component", "redis", ""));
    QVERIFY(has("unmatched-designed", "orders", ""));
    QCOMPARE(diff.merged.findComponent(QStringLiteral("cart"))->serviceTimeMs, 15.0);
    QCOMPARE(diff.merged.findUnit(QStringLiteral("carts"))->id, QStringLiteral("carts")); // kept
    QCOMPARE(diff.merged.workloads.first().name, QStringLiteral("home"));
    const sim::CompileResult merged = sim::compileVariant(diff.merged);
    QVERIFY2(merged.model.has_value(), qPrintable(formatProblems(merged.problems)));
}

void TestTraces::roundTrip() {
    Variant v = test::ModelBuilder()
                    .unit(QStringLiteral("web"), 8, 2)
                    .unit(QStringLiteral("api"), 8)
                    .unit(QStringLiteral("db"), 8)
                    .component(QStringLiteral("web"), QStringLiteral("web"), 5)
                    .component(QStringLiteral("api"), QStringLiteral("api"), 3,
                               Distribution::Lognormal, 0.5)
                    .component(QStringLiteral("db"), QStringLiteral("db"), 2)
                    .call(QStringLiteral("web"), QStringLiteral("api"), 2, 1)
                    .call(QStringLiteral("api"), QStringLiteral("db"), 0.5, 0.5)
                    .open(QStringLiteral("shop"), QStringLiteral("web"), 20)
                    .variant();
    const auto compiled = sim::compileVariant(v);
    QVERIFY(compiled.model);
    sim::DesOptions des;
    des.durationSec = 1200;
    des.replications = 4;
    std::vector<sim::SimSpan> spans;
    des.traceOut = &spans;
    des.traceRequests = 20000;
    const sim::LoadResult original = sim::simulate(*compiled.model, des);
    QVERIFY(!spans.empty());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("simulated.json"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(traces::writeOtlpJson(sim::simulatedSpans(*compiled.model, spans)));
    }
    traces::ImportOptions o;
    o.paths = {path};
    const traces::ImportResult r = traces::importTraces(o);
    QVERIFY2(r.ok, qPrintable(r.error));
    const Variant &c = r.calibration.variant;
    QCOMPARE(c.components.size(), 3);
    QCOMPARE(c.connections.size(), 2);
    for (const Connection &designed : v.connections) {
        const Connection *observed = findConnection(c, designed.from, designed.to);
        QVERIFY(observed);
        QVERIFY2(std::abs(observed->calls - designed.calls) <= 0.02 * designed.calls,
                 qPrintable(QString::number(observed->calls)));
        QVERIFY2(std::abs(observed->latencyMs - designed.latencyMs) <=
                     0.03 * designed.latencyMs + 0.01,
                 qPrintable(QString::number(observed->latencyMs)));
    }
    for (const Component &designed : v.components) {
        const Component *observed = c.findComponent(designed.id);
        QVERIFY(observed);
        QVERIFY2(std::abs(observed->serviceTimeMs - designed.serviceTimeMs) <=
                     0.03 * designed.serviceTimeMs,
                 qPrintable(designed.id + u' ' + QString::number(observed->serviceTimeMs)));
    }
    QCOMPARE(c.findComponent(QStringLiteral("api"))->distribution, Distribution::Lognormal);
    QCOMPARE(c.findUnit(QStringLiteral("web"))->replicas, 2);
    QVERIFY(std::abs(*c.workloads.first().ratePerSec - 20) < 1);
    // Same mean response: the calibrated design's DES mean within the two runs' 95% intervals.
    const auto again = sim::compileVariant(c);
    QVERIFY(again.model);
    sim::DesOptions des2;
    des2.durationSec = 1200;
    des2.replications = 4;
    des2.seed = 2;
    const sim::LoadResult calibrated = sim::simulate(*again.model, des2);
    const double a = original.workloads.front().meanResponseMs,
                 b = calibrated.workloads.front().meanResponseMs;
    const double ci = *original.workloads.front().meanResponseMsCi95 +
                      *calibrated.workloads.front().meanResponseMsCi95;
    QVERIFY2(std::abs(a - b) <= ci,
             qPrintable(QStringLiteral("%1 vs %2 +- %3").arg(a).arg(b).arg(ci)));
}

void TestTraces::sharedOnlineBoutique() {
    const QString dir = QStringLiteral(ARCHSIM_SHARED_TRACES "/online-boutique");
    if (!QFile::exists(dir + QStringLiteral("/12_00_trace.csv.gz")))
        QSKIP(qPrintable(
            dir + QStringLiteral(" is absent: the shared Online Boutique traces only exist beside "
                                 "the clone (../shared); skipped")));
    traces::ImportOptions o;
    o.paths = {dir + QStringLiteral("/12_00_trace.csv.gz")};
    const traces::ImportResult r = traces::importTraces(o);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(int(r.calibration.report.value(QStringLiteral("traces")).toInt()), 513);
    QCOMPARE(int(r.calibration.report.value(QStringLiteral("spans")).toInt()), 23369);
    // Every edge of the authors' dependency.csv that a span exercises (a span in the source
    // service names the target, or SQL spans for mysql) is in the calibrated call graph.
    QFile dep(dir + QStringLiteral("/dependency.csv"));
    QVERIFY(dep.open(QIODevice::ReadOnly));
    const QStringList services = [&] {
        QStringList s;
        for (const Component &c : r.calibration.variant.components)
            s << c.id;
        return s;
    }();
    QStringList exercised, missing;
    const QString csv = QString::fromUtf8(dep.readAll());
    for (const QString &line : csv.split(u'\n', Qt::SkipEmptyParts).mid(1)) {
        const QStringList f = line.split(u',');
        const QString from = f.value(0), to = f.value(1) == QLatin1String("mysql")
                                                  ? QStringLiteral("sql")
                                                  : f.value(1);
        if (!services.contains(from) || !services.contains(to)) continue;
        if (findConnection(r.calibration.variant, from, to))
            exercised << from + QStringLiteral("->") + f.value(1);
        else
            missing << from + QStringLiteral("->") + f.value(1);
    }
    qInfo("dependency.csv edges in the calibrated graph: %s",
          qPrintable(exercised.join(QStringLiteral(", "))));
    qInfo("dependency.csv edges between traced services without a traced call: %s",
          qPrintable(missing.join(QStringLiteral(", "))));
    // The one listed edge between traced services that no span exercises (checkout has no span
    // naming the currency service in this minute).
    QCOMPARE(missing, QStringList{QStringLiteral("checkoutservice->currencyservice")});
    QCOMPARE(exercised.size(), 15);
}

namespace {

struct CliRun {
    int exitCode = -1;
    QByteArray out, err;
};

CliRun cli(const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral(ARCHSIM_CLI), args);
    p.waitForFinished(120000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

void TestTraces::commandLine() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.json"));
    const QString shop = QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json");
    QCOMPARE(cli({QStringLiteral("calibrate"), fixture("jaeger.json")}).exitCode, 2); // no -o
    QCOMPARE(cli({QStringLiteral("calibrate"), fixture("jaeger.json"), QStringLiteral("-o"), out,
                  QStringLiteral("--format"), QStringLiteral("xml")})
                 .exitCode,
             2);
    CliRun r = cli({QStringLiteral("calibrate"), dir.filePath(QStringLiteral("missing.csv")),
                    QStringLiteral("-o"), out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("missing.csv: no such file"), r.err.constData());
    // Into the example's Microservices variant: a new variant after it, differences listed,
    // the malformed span reported on stderr with its place.
    r = cli({QStringLiteral("calibrate"), fixture("jaeger.json"), QStringLiteral("--into"), shop,
             QStringLiteral("--variant"), QStringLiteral("Microservices"), QStringLiteral("-o"),
             out, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("data[0].spans[8]"), r.err.constData());
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(doc.value(QStringLiteral("variant")).toString(),
             QStringLiteral("Microservices (observed)"));
    QVERIFY(!doc.value(QStringLiteral("differences")).toArray().isEmpty());
    QCOMPARE(cli({QStringLiteral("validate"), out}).exitCode, 0);
    // The back-test of the one request against itself: measured p99 is its 100 ms.
    r = cli({QStringLiteral("backtest"), fixture("zipkin.json"), QStringLiteral("--train"),
             QStringLiteral("0..1"), QStringLiteral("--test"), QStringLiteral("0..1"),
             QStringLiteral("--duration"), QStringLiteral("20"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject op = QJsonDocument::fromJson(r.out)
                               .object()
                               .value(QStringLiteral("operations"))
                               .toArray()
                               .first()
                               .toObject();
    QCOMPARE(
        op.value(QStringLiteral("measured")).toObject().value(QStringLiteral("p99Ms")).toDouble(),
        100.0);
    QVERIFY(op.contains(QStringLiteral("analytic")) && op.contains(QStringLiteral("des")));
    QCOMPARE(cli({QStringLiteral("backtest"), fixture("zipkin.json"), QStringLiteral("--train"),
                  QStringLiteral("5..1"), QStringLiteral("--test"), QStringLiteral("0..1")})
                 .exitCode,
             2);
    // simulate --traces writes OTLP that imports again.
    const QString spans = dir.filePath(QStringLiteral("sim.json"));
    QCOMPARE(cli({QStringLiteral("simulate"), shop, QStringLiteral("--duration"),
                  QStringLiteral("5"), QStringLiteral("--traces"), spans,
                  QStringLiteral("--trace-requests"), QStringLiteral("50")})
                 .exitCode,
             0);
    traces::ImportOptions o;
    o.paths = {spans};
    const traces::ImportResult back = traces::importTraces(o);
    QVERIFY2(back.ok, qPrintable(back.error));
    QCOMPARE(back.calibration.report.value(QStringLiteral("traces")).toInt(), 50);
}

void TestTraces::asyncCalls() {
    // orders (0..10 ms) publishes at 2..3 ms (PRODUCER); mailer consumes 5..40 ms (CONSUMER),
    // after orders has answered. A FOLLOWS_FROM reference without producer span: orders ->
    // audit, 4..30 ms. Both are async; orders' own work is 10 - 1 (the send) = 9 ms.
    auto span = [](const char *id, const char *parent, const char *service, double from, double to,
                   traces::SpanKind kind = traces::SpanKind::Unspecified,
                   bool followsFrom = false) {
        traces::Span s;
        s.traceId = "t1";
        s.spanId = id;
        s.parentId = parent;
        s.service = QLatin1String(service);
        s.instance = s.service;
        s.operation = QStringLiteral("op");
        s.kind = kind;
        s.followsFrom = followsFrom;
        s.startNs = std::int64_t(from * 1e6);
        s.endNs = std::int64_t(to * 1e6);
        return s;
    };
    traces::Calibrator c;
    c.addTrace({span("1", "", "orders", 0, 10, traces::SpanKind::Server),
                span("2", "1", "orders", 2, 3, traces::SpanKind::Producer),
                span("3", "2", "mailer", 5, 40, traces::SpanKind::Consumer),
                span("4", "1", "audit", 4, 30, traces::SpanKind::Server, true)});
    const Variant v = c.finish().variant;
    QCOMPARE(findConnection(v, QStringLiteral("orders"), QStringLiteral("mailer"))->mode,
             CallMode::Async);
    QCOMPARE(findConnection(v, QStringLiteral("orders"), QStringLiteral("audit"))->mode,
             CallMode::Async);
    QCOMPARE(v.findComponent(QStringLiteral("orders"))->serviceTimeMs, 9.0);
    QCOMPARE(v.findComponent(QStringLiteral("mailer"))->serviceTimeMs, 35.0);
    QVERIFY(sim::compileVariant(v).model.has_value());
}

QTEST_GUILESS_MAIN(TestTraces)
#include "tst_traces.moc"
