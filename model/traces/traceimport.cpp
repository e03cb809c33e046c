// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/traces/traceimport.h"

#include "model/traces/tracegrouper.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace archsim::traces {

ImportResult importTraces(const ImportOptions &options) {
    ImportResult result;
    Calibrator calibrator(options.calibration);
    TraceGrouper grouper([&](std::vector<Span> &&t) { calibrator.addTrace(std::move(t)); },
                         options.window);
    double total = 0;
    for (const QString &p : options.paths)
        total += double(QFileInfo(p).size());
    double done = 0;
    for (const QString &path : options.paths) {
        ReadOptions ro;
        ro.format = options.format;
        ro.cancel = options.cancel;
        if (options.progress && total > 0)
            ro.progress = [&](std::uint64_t bytes) {
                options.progress((done + double(bytes)) / total);
            };
        QString error;
        if (!readSpans(
                path, ro, [&](Span &&s) { grouper.add(std::move(s)); }, result.stats, &error)) {
            result.error = error;
            return result;
        }
        done += double(QFileInfo(path).size());
        if (options.progress && total > 0) options.progress(done / total);
    }
    grouper.flushAll();
    result.peakOpenSpans = grouper.peakOpenSpans();
    result.lateSpans = grouper.lateSpans();
    if (calibrator.traces() == 0) {
        result.error = QStringLiteral("no traces in the input") +
                       (result.stats.problems.isEmpty()
                            ? QString()
                            : QStringLiteral(" (") + result.stats.problems.first() + u')');
        return result;
    }
    result.calibration = calibrator.finish();
    QJsonObject &rep = result.calibration.report;
    rep.insert(QStringLiteral("skippedSpans"), double(result.stats.skipped));
    rep.insert(QStringLiteral("splitTraces"), double(result.lateSpans));
    rep.insert(QStringLiteral("peakOpenSpans"), double(result.peakOpenSpans));
    QJsonArray problems;
    for (const QString &p : result.stats.problems)
        problems.append(p);
    rep.insert(QStringLiteral("problems"), problems);
    result.ok = true;
    return result;
}

std::optional<std::int64_t> earliestSpanNs(const QStringList &paths, TraceFormat format,
                                           QString *error) {
    std::optional<std::int64_t> earliest;
    ReadStats stats;
    for (const QString &path : paths) {
        ReadOptions ro;
        ro.format = format;
        if (!readSpans(
                path, ro,
                [&](Span &&s) {
                    if (!earliest || s.startNs < *earliest) earliest = s.startNs;
                },
                stats, error))
            return std::nullopt;
    }
    if (!earliest) *error = QStringLiteral("no spans in the input");
    return earliest;
}

} // namespace archsim::traces
