// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-workspace-bench: the live analysis of the editor benchmark's design (2,000 components,
// 4,000 connections, open workloads at the top layer): how long the worker takes after an edit,
// how long the result takes to arrive, how long the GUI thread spends drawing it on the canvas,
// and the longest the GUI thread's event loop went unserved meanwhile (it must stay responsive).
#include "benchmodel.h"

#include "ui/document/projectdocument.h"
#include "ui/editor/diagramscene.h"
#include "ui/workspace/canvasoverlay.h"
#include "ui/workspace/liveanalysis.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace archsim;

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int components = argc > 1 ? std::max(10, atoi(argv[1])) : 2000;
    Project project = bench::generate(components, 2 * components, 8);
    Variant &v = project.variants[0];
    // Load enters at the top layer: a few open workloads, light enough to stay unsaturated.
    for (int w = 0; w < 5; ++w)
        v.workloads.append(Workload{});
    for (int w = 0; w < 5; ++w) {
        v.workloads[w].name = QStringLiteral("w%1").arg(w);
        v.workloads[w].entry = v.components[w * 7].id;
        v.workloads[w].ratePerSec = 0.2;
    }
    ui::ProjectDocument document(project, {});
    ui::DiagramScene scene(&document);
    ui::LiveAnalysis live(&document);
    ui::CanvasOverlay overlay(&scene, &document);
    live.setDebounceMs(0);

    // The worker's computation alone (checks, analysis, traffic, failure analysis).
    const int runs = 10;
    std::vector<double> compute;
    for (int i = 0; i < runs; ++i)
        compute.push_back(ui::computeLive(document.currentVariant(), 0, 1, false).elapsedMs);
    QElapsedTimer f;
    f.start();
    ui::computeLive(document.currentVariant(), 0, 1, true);
    const double complete = double(f.nsecsElapsed()) / 1e6;

    // Edit -> result delivered on the GUI thread, with a 1 ms heartbeat timer measuring the
    // longest gap in the GUI thread's event processing while the worker runs.
    std::vector<double> latency, drawing, gaps;
    bool numbers = false;
    for (int i = 0; i < runs; ++i) {
        Unit before = document.currentVariant().units[3];
        Unit after = before;
        after.threads = before.threads + 1;
        QElapsedTimer clock, beat;
        double longestGap = 0;
        QTimer heartbeat;
        heartbeat.setInterval(1);
        QObject::connect(&heartbeat, &QTimer::timeout, [&] {
            longestGap = std::max(longestGap, double(beat.nsecsElapsed()) / 1e6);
            beat.restart();
        });
        QEventLoop loop;
        double arrived = 0, drawn = 0;
        auto connection =
            QObject::connect(&live, &ui::LiveAnalysis::resultReady, [&](const ui::LiveResult &r) {
                arrived = double(clock.nsecsElapsed()) / 1e6;
                QElapsedTimer d;
                d.start();
                overlay.show(r);
                drawn = double(d.nsecsElapsed()) / 1e6;
                numbers = r.hasNumbers();
                loop.quit();
            });
        clock.start();
        beat.start();
        heartbeat.start();
        document.replaceUnits(0, {before}, {after}); // the edit (what an undo command calls)
        live.runNow();
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        heartbeat.stop();
        QObject::disconnect(connection);
        live.waitForIdle(); // the failure stage too, so each edit starts on a quiet app
        latency.push_back(arrived);
        drawing.push_back(drawn);
        gaps.push_back(longestGap);
    }
    auto mean = [](const std::vector<double> &x) {
        double s = 0;
        for (double v : x)
            s += v;
        return x.empty() ? 0.0 : s / double(x.size());
    };
    auto most = [](const std::vector<double> &x) { return *std::max_element(x.begin(), x.end()); };
    std::printf("components %d, connections %d, 5 open workloads (ArchSim workspace benchmark)\n",
                components, 2 * components);
    std::printf("analysis has numbers   %s\n", numbers ? "yes" : "NO (model refused)");
    std::printf("worker computation     %8.1f ms mean, %6.1f ms max  (checks + analysis + "
                "traffic at the current load, %d runs)\n",
                mean(compute), most(compute), runs);
    std::printf("second stage           %8.1f ms        (own thread: saturation search, failure "
                "analysis; SPOF badges, what-if)\n",
                complete);
    std::printf("edit -> result         %8.1f ms mean, %6.1f ms max  (no debounce; the app adds "
                "150 ms)\n",
                mean(latency), most(latency));
    std::printf("overlay on GUI thread  %8.1f ms mean, %6.1f ms max  (drawing the result on the "
                "canvas items)\n",
                mean(drawing), most(drawing));
    std::printf("longest GUI-thread gap %8.1f ms mean, %6.1f ms max  (1 ms heartbeat while the "
                "worker ran)\n",
                mean(gaps), most(gaps));
    return 0;
}
