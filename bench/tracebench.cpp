// SPDX-License-Identifier: GPL-3.0-or-later
// Trace import and calibration on the shared Online Boutique export (../shared/data/traces):
//  1. streaming: peak resident memory of importing minute 12_00 once and ten times over (ten
//     copies with their own trace ids, one after the other in time), each in a child process;
//  2. the calibrated call graph against the authors' dependency.csv;
//  3. the back-test: calibrate on 12_00, predict 12_07/12_08.
// Usage: archsim-trace-bench [SHARED_TRACES_DIR]; `archsim-trace-bench import FILE` is the child.
#include "model/traces/traceimport.h"
#include "simulator/study/calibrationbacktest.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <zlib.h>

#include <cstdio>

using namespace archsim;

namespace {

long peakRssKb() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:")) return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

int importChild(const QString &path) {
    QElapsedTimer timer;
    timer.start();
    traces::ImportOptions o;
    o.paths = {path};
    const traces::ImportResult r = traces::importTraces(o);
    if (!r.ok) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error));
        return 1;
    }
    std::printf("%lld %lld %llu %ld %lld\n",
                r.calibration.report.value(QStringLiteral("spans")).toInteger(),
                r.calibration.report.value(QStringLiteral("traces")).toInteger(),
                static_cast<unsigned long long>(r.peakOpenSpans), peakRssKb(), timer.elapsed());
    return 0;
}

// Ten copies of a span CSV: copy k gets trace ids starting with k and times k minutes later.
bool writeTenfold(const QString &from, const QString &to) {
    gzFile in = gzopen(QFile::encodeName(from).constData(), "rb");
    gzFile out = gzopen(QFile::encodeName(to).constData(), "wb1");
    if (!in || !out) return false;
    QList<QByteArray> lines;
    char buf[1 << 16];
    while (gzgets(in, buf, sizeof buf))
        lines << QByteArray(buf);
    gzclose(in);
    gzputs(out, lines.first().constData());
    for (int k = 0; k < 10; ++k)
        for (qsizetype i = 1; i < lines.size(); ++i) {
            QList<QByteArray> f = lines[i].split(',');
            if (f.size() < 8) continue;
            f[0] = QByteArray::number(k) + f[0].mid(1);
            f[5] = QByteArray::number(f[5].toLongLong() + k * 60'000'000'000LL);
            f[6] = QByteArray::number(f[6].toLongLong() + k * 60'000'000'000LL);
            gzputs(out, f.join(',').constData());
        }
    gzclose(out);
    return true;
}

struct ChildFigures {
    long long spans = 0, traces = 0, peakOpen = 0, rssKb = 0, ms = 0;
};

ChildFigures runChild(const QString &file) {
    QProcess p;
    p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("import"), file});
    p.waitForFinished(-1);
    const QList<QByteArray> f = p.readAllStandardOutput().trimmed().split(' ');
    if (f.size() < 5) return {};
    return {f[0].toLongLong(), f[1].toLongLong(), f[2].toLongLong(), f[3].toLongLong(),
            f[4].toLongLong()};
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.value(0) == QLatin1String("import")) return importChild(args.value(1));
    const QString dir = (args.isEmpty() ? QStringLiteral(ARCHSIM_SHARED_TRACES) : args.first()) +
                        QStringLiteral("/online-boutique");
    const QString minute = dir + QStringLiteral("/12_00_trace.csv.gz");
    if (!QFile::exists(minute)) {
        std::printf(
            "%s is absent: the shared traces exist only beside the clone; nothing to measure\n",
            qPrintable(minute));
        return 0;
    }
    QTemporaryDir tmp;
    const QString tenfold = tmp.filePath(QStringLiteral("12_00_x10.csv.gz"));
    if (!writeTenfold(minute, tenfold)) return 1;
    const ChildFigures once = runChild(minute), ten = runChild(tenfold);
    std::printf("streaming import (each in its own process)\n");
    std::printf("  %-6s %9s %7s %16s %13s %8s\n", "input", "spans", "traces", "peak open spans",
                "peak RSS kB", "ms");
    for (const auto &[name, f] : {std::pair{"1x", once}, std::pair{"10x", ten}})
        std::printf("  %-6s %9lld %7lld %16lld %13lld %8lld\n", name, f.spans, f.traces, f.peakOpen,
                    f.rssKb, f.ms);
    std::printf("  peak memory 10x / 1x = %.2f (target <= 2)\n\n",
                once.rssKb > 0 ? double(ten.rssKb) / double(once.rssKb) : 0.0);

    sim::BacktestOptions o;
    o.paths = {minute, dir + QStringLiteral("/12_07_trace.csv.gz"),
               dir + QStringLiteral("/12_08_trace.csv.gz")};
    o.trainFrom = 0;
    o.trainTo = 60;
    o.testFrom = 420;
    o.testTo = 540;
    o.durationSec = 600;
    const sim::BacktestResult r = sim::runBacktest(o);
    if (!r.ok) {
        std::printf("back-test failed: %s\n", qPrintable(r.error));
        return 1;
    }
    std::printf("back-test: calibrated on 12_00 (0..60 s), predicted 12_07/12_08 (420..540 s)\n");
    for (const sim::BacktestRow &row : r.rows) {
        std::printf("  %s %s: %llu requests at %.2f/s\n", qPrintable(row.entry),
                    qPrintable(row.operation), static_cast<unsigned long long>(row.testRequests),
                    row.testRatePerSec);
        std::printf("  %-9s %9s %9s %9s %9s\n", "", "mean ms", "p50 ms", "p95 ms", "p99 ms");
        auto line = [&](const char *name, const std::optional<sim::Figures> &f) {
            if (!f) {
                std::printf("  %-9s saturated\n", name);
                return;
            }
            std::printf("  %-9s %9.1f %9.1f %9.1f %9.1f\n", name, f->mean, f->p50, f->p95, f->p99);
            if (f->mean != row.measured.mean)
                std::printf(
                    "  %-9s %8.0f%% %8.0f%% %8.0f%% %8.0f%%\n", "  error",
                    100 * (f->mean / row.measured.mean - 1), 100 * (f->p50 / row.measured.p50 - 1),
                    100 * (f->p95 / row.measured.p95 - 1), 100 * (f->p99 / row.measured.p99 - 1));
        };
        line("measured", row.measured);
        line("analytic", row.analytic);
        line("des", row.des);
    }
    return 0;
}
