// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-bench: the simulator's speed figures: the command line's DES against the reference
// event loop (../shared/bench/baseline_des.cpp), the DES in process against our own minimal
// loop, the analytic solve.
// Run: build/bench/archsim-bench [--analytic]   (RelWithDebInfo build; about half a minute,
// or a second for the analytic figures alone)
#include "minimalloop.h"

#include "simulator/analytic/analyticengine.h"
#include "simulator/compiledmodel.h"
#include "simulator/des/desengine.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace archsim;
using namespace archsim::sim;

namespace {

constexpr std::uint64_t kRequests = 1'000'000;

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// CPU time of this thread: on a shared machine it moves far less than the wall clock.
double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

struct ProcessTime {
    double wall = 0, cpu = 0; // cpu: user + system of the process
    bool ok = false;
};

// Runs PROGRAM ARGS with stdout to /dev/null and measures it (wait4 gives its own rusage).
// maybe_unused: only the reference comparison uses it, built when ../shared/bench is present.
[[maybe_unused]] ProcessTime timeProcess(const QString &program, const QStringList &args) {
    QByteArrayList storage{program.toLocal8Bit()};
    for (const QString &a : args)
        storage << a.toLocal8Bit();
    std::vector<char *> argv;
    for (QByteArray &a : storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::fflush(stdout); // else the child's freopen writes our buffered lines a second time
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stdout)) _exit(127);
        execv(argv[0], argv.data());
        _exit(127);
    }
    ProcessTime t;
    int status = 0;
    rusage usage{};
    if (pid < 0 || wait4(pid, &status, 0, &usage) != pid) return t;
    t.wall = seconds(start);
    t.cpu = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
            double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
    t.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return t;
}

[[maybe_unused]] double median3(double a, double b, double c) {
    return std::max(std::min(a, b), std::min(std::max(a, b), c));
}

// The issue-14 figure: `archsim-cli simulate --json` of bench/tandem5.json (five M/M/2 in
// tandem at 0.8, 1,000,000 requests, percentiles and series on) against the reference loop on
// the same system, three runs each, alternating; the median of the three ratios.
void referenceFigures() {
#ifdef ARCHSIM_REFERENCE_DES
    const QString reference = QStringLiteral(ARCHSIM_REFERENCE_DES);
    const QString cli = QStringLiteral(ARCHSIM_CLI);
    const QStringList refArgs{"5", "2", "1.6", "1.0", "1000000", "1"};
    const QStringList cliArgs{"simulate",       QStringLiteral(ARCHSIM_TANDEM),
                              "--duration",     "625",
                              "--warmup",       "0",
                              "--replications", "1",
                              "--seed",         "1",
                              "--json"};
    double cpuRatio[3], wallRatio[3], loopRatio[3];
    for (int i = 0; i < 3; ++i) {
        const ProcessTime r = timeProcess(reference, refArgs);
        const ProcessTime c = timeProcess(cli, cliArgs);
        const double loopStart = threadCpuSeconds();
        const auto loop = bench::runMinimalTandem(5, 2, 1.6, 1.0, 1'000'000, 1);
        const double loopCpu = threadCpuSeconds() - loopStart;
        if (!r.ok || !c.ok) {
            std::printf("reference comparison: %s failed\n",
                        r.ok ? "archsim-cli" : "the reference");
            return;
        }
        cpuRatio[i] = c.cpu / r.cpu;
        wallRatio[i] = c.wall / r.wall;
        loopRatio[i] = loopCpu / r.cpu;
        std::printf("run %d: reference loop %.3f s CPU (%.3f s wall), archsim-cli simulate "
                    "%.3f s CPU (%.3f s wall), our minimal loop %.3f s CPU (mean %.3f ms)\n",
                    i + 1, r.cpu, r.wall, c.cpu, c.wall, loopCpu, loop.meanResponseMs);
    }
    std::printf("tandem 5 x M/M/2, 1M requests: archsim-cli simulate / reference loop = %.2f "
                "in CPU time (median of 3; %.2f in wall time; target <= 1.5)\n",
                median3(cpuRatio[0], cpuRatio[1], cpuRatio[2]),
                median3(wallRatio[0], wallRatio[1], wallRatio[2]));
    std::printf("our minimal loop / reference loop = %.2f in CPU time (median of 3; target "
                "within 10%%)\n\n",
                median3(loopRatio[0], loopRatio[1], loopRatio[2]));
#else
    std::printf("reference loop not built (../shared/bench/baseline_des.cpp absent): no "
                "comparison with it\n\n");
#endif
}

// A client calling `stations` units of `servers` threads in turn: a tandem queue.
Variant tandem(int stations, int servers, double ratePerSec, double serviceMs) {
    Variant v;
    v.name = QStringLiteral("tandem");
    Component client;
    client.id = QStringLiteral("client");
    client.kind = ComponentKind::Client;
    client.unit = client.id;
    Unit clientUnit;
    clientUnit.id = client.id;
    clientUnit.implicit = true;
    v.units << clientUnit;
    v.components << client;
    for (int i = 0; i < stations; ++i) {
        Unit u;
        u.id = QStringLiteral("s%1").arg(i + 1);
        u.threads = servers;
        v.units << u;
        Component c;
        c.id = u.id;
        c.unit = u.id;
        c.serviceTimeMs = serviceMs;
        v.components << c;
        Connection call;
        call.from = client.id;
        call.to = c.id;
        v.connections << call;
    }
    Workload w;
    w.name = QStringLiteral("load");
    w.entry = client.id;
    w.ratePerSec = ratePerSec;
    v.workloads << w;
    return v;
}

// 1,000 components in 10 layers of 100, four components a unit, each calling two components
// of the next layer (sync, 0.5 calls each; one in ten async), entered from one client.
Variant generated(int layers, int perLayer) {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> uni(0, 1);
    Variant v;
    v.name = QStringLiteral("generated");
    Unit clientUnit;
    clientUnit.id = QStringLiteral("client");
    clientUnit.implicit = true;
    v.units << clientUnit;
    Component client;
    client.id = QStringLiteral("client");
    client.unit = client.id;
    client.kind = ComponentKind::Client;
    v.components << client;
    auto id = [](int layer, int i) { return QStringLiteral("c%1_%2").arg(layer).arg(i); };
    for (int l = 0; l < layers; ++l)
        for (int i = 0; i < perLayer; ++i) {
            if (i % 4 == 0) {
                Unit u;
                u.id = QStringLiteral("u%1_%2").arg(l).arg(i / 4);
                u.threads = 32;
                u.cores = 4;
                u.replicas = 2;
                v.units << u;
            }
            Component c;
            c.id = id(l, i);
            c.unit = QStringLiteral("u%1_%2").arg(l).arg(i / 4);
            c.serviceTimeMs = 0.5 + 2 * uni(rng);
            c.distribution = i % 3 == 0 ? Distribution::Lognormal : Distribution::Exponential;
            c.cv = 1.5;
            v.components << c;
            if (l + 1 < layers)
                for (int k = 0; k < 2; ++k) {
                    Connection call;
                    call.from = c.id;
                    call.to = id(l + 1, int(uni(rng) * perLayer));
                    call.calls = 0.5;
                    call.latencyMs = 0.5;
                    call.mode = uni(rng) < 0.1 ? CallMode::Async : CallMode::Sync;
                    v.connections << call;
                }
        }
    for (int i = 0; i < perLayer; ++i) {
        Connection call;
        call.from = client.id;
        call.to = id(0, i);
        call.calls = 0.01;
        v.connections << call;
    }
    Workload w;
    w.name = QStringLiteral("load");
    w.entry = client.id;
    w.ratePerSec = 500;
    v.workloads << w;
    return v;
}

void desFigures(const char *name, const Variant &variant, int stations, int servers,
                double ratePerSec, double serviceMs) {
    CompileResult compiled = compileVariant(variant);
    if (!compiled.model) {
        std::printf("%s: %s\n", name, qPrintable(formatProblems(compiled.problems)));
        return;
    }
    DesOptions o;
    o.replications = 1;
    o.workerThreads = 1;
    o.warmupSec = 0;
    o.durationSec = double(kRequests) / ratePerSec;
    o.seed = 3;
    auto start = std::chrono::steady_clock::now();
    const double desCpuStart = threadCpuSeconds();
    const LoadResult des = simulate(*compiled.model, o);
    const double desCpu = threadCpuSeconds() - desCpuStart;
    const double desTime = seconds(start);
    const double desRequests = des.workloads[0].throughputPerSec * o.durationSec;

    const double loopCpuStart = threadCpuSeconds();
    const auto loop =
        bench::runMinimalTandem(stations, servers, ratePerSec / 1000, serviceMs, kRequests, 3);
    const double loopCpu = threadCpuSeconds() - loopCpuStart;
    std::printf("%-26s %8.0f req  %6.3f s  %9.0f req/s  %9.0f events/s  mean %7.2f ms  "
                "p99 %7.2f ms\n",
                qPrintable(QStringLiteral("%1 DES").arg(QLatin1String(name))), desRequests, desTime,
                desRequests / desTime, double(des.events) / desTime,
                des.workloads[0].meanResponseMs, des.workloads[0].p99Ms.value_or(0));
    std::printf("%-26s %8llu req  %6.3f s  %9.0f req/s  %9.0f events/s  mean %7.2f ms\n",
                qPrintable(QStringLiteral("%1 minimal loop").arg(QLatin1String(name))),
                static_cast<unsigned long long>(loop.requests), loop.seconds,
                double(loop.requests) / loop.seconds, double(loop.events) / loop.seconds,
                loop.meanResponseMs);
    std::printf("%-26s DES time / minimal loop time = %.2f wall, %.2f CPU\n\n", "",
                desTime / loop.seconds, desCpu / loopCpu);
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    std::printf("archsim-bench: one core, %llu requests per DES run, utilisation 0.8\n\n",
                static_cast<unsigned long long>(kRequests));
    // --analytic: only the analytic solve (the DES figures take about a minute).
    if (!app.arguments().contains(QStringLiteral("--analytic"))) {
        referenceFigures();
        desFigures("M/M/1", tandem(1, 1, 80, 10), 1, 1, 80, 10);
        desFigures("tandem 5 x M/M/2", tandem(5, 2, 160, 10), 5, 2, 160, 10);
    }

    const auto compileStart = std::chrono::steady_clock::now();
    CompileResult compiled = compileVariant(generated(10, 100));
    const double compileTime = seconds(compileStart);
    if (!compiled.model) {
        std::printf("generated model: %s\n", qPrintable(formatProblems(compiled.problems)));
        return 1;
    }
    const int rounds = 50;
    LoadResult result;
    AnalyticOptions atLoad;
    atLoad.searchSaturation = false;
    const auto solveStart = std::chrono::steady_clock::now();
    for (int i = 0; i < rounds; ++i)
        result = analyze(*compiled.model, atLoad);
    const double solveTime = seconds(solveStart) / rounds;
    const auto searchStart = std::chrono::steady_clock::now();
    for (int i = 0; i < rounds; ++i)
        result = analyze(*compiled.model);
    const double searchTime = seconds(searchStart) / rounds;
    std::printf("analytic, %zu components, %zu units, %zu calls: solve at the load %.3f ms, with "
                "the saturation search %.3f ms (means of %d), compile %.1f ms; bottleneck %s, "
                "saturation %.0f/s%s\n",
                compiled.model->components.size(), compiled.model->units.size(),
                compiled.model->calls.size(), solveTime * 1000, searchTime * 1000, rounds,
                compileTime * 1000, qPrintable(result.bottleneck),
                result.saturationRatePerSec.value_or(0), result.saturated ? " (saturated)" : "");

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak memory (max RSS): %.1f MB\n", double(usage.ru_maxrss) / 1024);
    return 0;
}
