// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-model-bench: the model code's speed on large files (issue 15): reading, validating,
// analysing and converting a project of N components, with peak memory against the file's size.
// Run: build/bench/archsim-model-bench [N ...]   (default: 50000 1000000; RelWithDebInfo build)
// ARCHSIM_CLI=/path/to/archsim-cli measures that program instead of this build's.
// For each N it writes a generated .json project to a temporary folder, then runs archsim-cli's
// validate, analyze and convert on it, each in its own process: wall time and peak memory.
#include "model/jsonwriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace archsim;

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

// N components in N/10 explicit units (ten to a unit) and one implicit client: a binary tree of
// sync calls from the client down, every 50th call async, ten open workloads entering at the
// first ten components.
Project generate(int n) {
    Project p;
    p.name = QStringLiteral("Generated %1").arg(n);
    Variant v;
    v.name = QStringLiteral("Large");
    Layer layer;
    layer.id = QStringLiteral("all");
    v.layers << layer;
    Unit client;
    client.id = QStringLiteral("client");
    client.implicit = true;
    v.units << client;
    Component c0;
    c0.id = client.id;
    c0.kind = ComponentKind::Client;
    c0.unit = client.id;
    v.components << c0;
    for (int u = 0; u < (n + 9) / 10; ++u) {
        Unit unit;
        unit.id = QStringLiteral("u%1").arg(u);
        unit.threads = 8;
        unit.replicas = 2;
        unit.mtbfHours = 1000;
        unit.mttrMinutes = 10;
        v.units << unit;
    }
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.unit = QStringLiteral("u%1").arg(i / 10);
        c.serviceTimeMs = 0.001;
        if (n <= 100000) { // positions and a layer, as drawn; left out of the largest files
            c.layer = layer.id;
            c.x = 200 * (i % 100);
            c.y = 120 * (i / 100);
        }
        v.components << c;
        Connection call;
        call.from = i == 0 ? client.id : QStringLiteral("c%1").arg((i - 1) / 2);
        call.to = c.id;
        call.calls = 0.5;
        if (i % 50 == 49) call.mode = CallMode::Async;
        v.connections << call;
    }
    for (int w = 0; w < 10 && w < n; ++w) {
        Workload load;
        load.name = QStringLiteral("w%1").arg(w);
        load.entry = w == 0 ? client.id : QStringLiteral("c%1").arg(w);
        load.ratePerSec = 1;
        v.workloads << load;
    }
    p.variants << v;
    return p;
}

struct Measured {
    int exitCode = -1;
    double seconds = 0;
    double peakMb = 0;
};

// Runs archsim-cli with args; wall time and the child's own peak resident memory (wait4).
Measured cli(const QStringList &args) {
    // ARCHSIM_CLI in the environment measures another build (e.g. an older one, to compare).
    const QByteArray program =
        qEnvironmentVariableIsSet("ARCHSIM_CLI") ? qgetenv("ARCHSIM_CLI") : QByteArray(ARCHSIM_CLI);
    QList<QByteArray> storage{program};
    for (const QString &a : args)
        storage << a.toLocal8Bit();
    std::vector<char *> argv;
    for (QByteArray &a : storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    Measured m;
    const auto t = Clock::now();
    const pid_t child = fork();
    if (child == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        dup2(null, 1);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    m.seconds = seconds(t);
    m.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m.peakMb = double(usage.ru_maxrss) / 1024;
    return m;
}

void report(const char *what, const Measured &m, double fileMb) {
    std::printf("  %-28s %6.2f s  peak %6.0f MB (%4.1f x the file)%s\n", what, m.seconds, m.peakMb,
                m.peakMb / fileMb, m.exitCode == 0 ? "" : "  (exit code not 0)");
}

void run(int n, bool full) {
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("large.json"));
    const QString archsim = dir.filePath(QStringLiteral("large.archsim"));
    // Generated in a child process: the commands' children would otherwise start with this
    // process's peak memory in their own figure.
    const pid_t writer = fork();
    if (writer == 0) {
        const QByteArray bytes = writeProjectJson(generate(n));
        QFile f(json);
        _exit(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() ? 0 : 1);
    }
    int status = 0;
    waitpid(writer, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(json));
        return;
    }
    const double fileMb = double(QFileInfo(json).size()) / (1024 * 1024);
    std::printf("%d components, %.1f MB of JSON\n", n, fileMb);
    report("validate FILE.json", cli({QStringLiteral("validate"), json}), fileMb);
    if (!full) return;
    report("analyze FILE.json", cli({QStringLiteral("analyze"), json}), fileMb);
    report("convert FILE.json FILE.archsim", cli({QStringLiteral("convert"), json, archsim}),
           fileMb);
    report("validate FILE.archsim", cli({QStringLiteral("validate"), archsim}), fileMb);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes << QByteArray(argv[i]).toInt();
    if (sizes.isEmpty()) sizes = {50000, 1000000};
    // Past 100,000 components only validation is timed (the target for 10^6).
    for (int n : sizes)
        run(n, n <= 100000);
    return 0;
}
