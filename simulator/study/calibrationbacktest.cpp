// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/study/calibrationbacktest.h"

#include "simulator/analytic/analyticengine.h"
#include "simulator/compiledmodel.h"

#include <QJsonArray>

#include <cmath>

namespace archsim::sim {

namespace {

QJsonObject figuresJson(const Figures &f, const Figures *measured) {
    QJsonObject o{{QStringLiteral("meanMs"), f.mean},
                  {QStringLiteral("p50Ms"), f.p50},
                  {QStringLiteral("p95Ms"), f.p95},
                  {QStringLiteral("p99Ms"), f.p99}};
    if (measured) {
        auto err = [](double p, double m) { return m > 0 ? (p - m) / m : 0.0; };
        o.insert(QStringLiteral("errors"),
                 QJsonObject{{QStringLiteral("mean"), err(f.mean, measured->mean)},
                             {QStringLiteral("p50"), err(f.p50, measured->p50)},
                             {QStringLiteral("p95"), err(f.p95, measured->p95)},
                             {QStringLiteral("p99"), err(f.p99, measured->p99)}});
    }
    return o;
}

std::optional<Figures> figuresOf(const LoadResult &r, const QString &workload) {
    for (const WorkloadResult &w : r.workloads)
        if (w.name == workload) {
            if (!std::isfinite(w.meanResponseMs)) return std::nullopt;
            return Figures{w.meanResponseMs, w.p50Ms.value_or(0), w.p95Ms.value_or(0),
                           w.p99Ms.value_or(0)};
        }
    return std::nullopt;
}

} // namespace

QJsonObject BacktestResult::toJson() const {
    QJsonArray a;
    for (const BacktestRow &r : rows) {
        QJsonObject o{{QStringLiteral("operation"), r.operation},
                      {QStringLiteral("entry"), r.entry},
                      {QStringLiteral("testRatePerSec"), r.testRatePerSec},
                      {QStringLiteral("testRequests"), double(r.testRequests)},
                      {QStringLiteral("measured"), figuresJson(r.measured, nullptr)}};
        if (r.analytic) o.insert(QStringLiteral("analytic"), figuresJson(*r.analytic, &r.measured));
        if (r.des) o.insert(QStringLiteral("des"), figuresJson(*r.des, &r.measured));
        a.append(o);
    }
    return {{QStringLiteral("operations"), a}, {QStringLiteral("train"), trainReport}};
}

BacktestResult runBacktest(const BacktestOptions &o) {
    BacktestResult result;
    QString error;
    const auto origin = traces::earliestSpanNs(o.paths, o.format, &error);
    if (!origin) {
        result.error = error;
        return result;
    }
    auto window = [&](double from, double to, double p0, double p1) {
        traces::ImportOptions io;
        io.paths = o.paths;
        io.format = o.format;
        io.cancel = o.cancel;
        io.calibration.sampling = o.sampling;
        io.calibration.threads = o.threads;
        io.calibration.perOperation = o.perOperation;
        io.calibration.originNs = *origin;
        io.calibration.fromSec = from;
        io.calibration.toSec = to;
        io.calibration.variantName = QStringLiteral("Calibrated %1..%2 s").arg(from).arg(to);
        if (o.progress) io.progress = [&, p0, p1](double f) { o.progress(p0 + (p1 - p0) * f); };
        return traces::importTraces(io);
    };
    const traces::ImportResult train = window(o.trainFrom, o.trainTo, 0, 0.25);
    if (!train.ok) {
        result.error = QStringLiteral("train window: ") + train.error;
        return result;
    }
    const traces::ImportResult test = window(o.testFrom, o.testTo, 0.25, 0.5);
    if (!test.ok) {
        result.error = QStringLiteral("test window: ") + test.error;
        return result;
    }
    result.trained = train.calibration.variant;
    result.trainReport = train.calibration.report;
    // The trained design at the test window's measured rates.
    Variant predicted = result.trained;
    for (const QJsonValue &v : test.calibration.report.value(QStringLiteral("entries")).toArray()) {
        const QJsonObject e = v.toObject();
        BacktestRow row;
        row.operation = e.value(QStringLiteral("operation")).toString();
        row.entry = e.value(QStringLiteral("component")).toString();
        row.testRatePerSec = e.value(QStringLiteral("ratePerSec")).toDouble();
        row.testRequests = std::uint64_t(e.value(QStringLiteral("count")).toDouble());
        row.measured = {e.value(QStringLiteral("meanMs")).toDouble(),
                        e.value(QStringLiteral("p50Ms")).toDouble(),
                        e.value(QStringLiteral("p95Ms")).toDouble(),
                        e.value(QStringLiteral("p99Ms")).toDouble()};
        for (Workload &w : predicted.workloads)
            if (w.name == row.operation && w.entry == row.entry) w.ratePerSec = row.testRatePerSec;
        result.rows.push_back(row);
    }
    const CompileResult compiled = compileVariant(predicted);
    if (!compiled.model) {
        result.error =
            QStringLiteral("the calibrated variant does not compile: ") +
            (compiled.problems.isEmpty() ? QString() : compiled.problems.first().message);
        return result;
    }
    const LoadResult analytic = analyze(*compiled.model);
    DesOptions des;
    des.durationSec = o.durationSec;
    des.warmupSec = std::min(30.0, o.durationSec / 5);
    des.replications = o.replications;
    des.cancel = o.cancel;
    if (o.progress) des.progress = [&](double f) { o.progress(0.5 + 0.5 * f); };
    const LoadResult simulated = simulate(*compiled.model, des);
    for (BacktestRow &row : result.rows) {
        row.analytic = figuresOf(analytic, row.operation);
        row.des = figuresOf(simulated, row.operation);
    }
    if (o.cancel && o.cancel->load()) {
        result.error = QStringLiteral("cancelled");
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace archsim::sim
