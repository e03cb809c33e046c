// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-route-bench: how long routing the connections of the editor benchmark's design takes:
// a full re-route (what opening a project does), the same after an auto-layout of the whole
// variant (the generated rows of neighbouring layers overlap before it), one drag step, and
// the auto-layout itself with its score.
#include "ui/document/projectdocument.h"
#include "ui/editor/autolayout.h"
#include "ui/editor/diagramscene.h"

#include "benchmodel.h"

#include <QApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace archsim;
using namespace archsim::ui;

namespace {

double ms(QElapsedTimer &t) {
    const double elapsed = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    return elapsed;
}

void dragSteps(DiagramScene &scene, const Variant &v, int components) {
    // One drag step of one card: its routes, its neighbours' and those it now lies on.
    QElapsedTimer t;
    const Component &c = v.components[components / 2];
    const int steps = 20;
    int routed = 0;
    t.start();
    for (int i = 0; i < steps; ++i) {
        scene.operations()->moveComponents({c.id}, {QPointF(c.x + 20 * (i + 1), c.y)}, 777);
        routed += scene.router().lastRouted();
    }
    std::printf("drag step                 %8.2f ms  (mean of %d, %d routes searched in it)\n",
                ms(t) / steps, steps, routed / steps);
}

void run(int components, bool dragOnly) {
    ui::ProjectDocument document(bench::generate(components, 2 * components, 8));
    QElapsedTimer t;
    t.start();
    DiagramScene scene(&document);
    const double open = ms(t);
    scene.rerouteAll();
    const double full = ms(t);
    const int fallbacks = scene.router().lastFallbacks();
    const Variant &v = document.currentVariant();
    std::printf("components %d, connections %lld (ArchSim routing benchmark)\n", components,
                static_cast<long long>(v.connections.size()));
    if (dragOnly) {
        std::printf("scene build               %8.1f ms  (routes 10 ms at once, the rest when "
                    "idle)\n",
                    open);
        dragSteps(scene, v, components);
        return;
    }
    std::printf("scene build               %8.1f ms  (routes 10 ms at once, the rest when idle)\n",
                open);
    std::printf("full re-route             %8.1f ms  (%d routes, %d over cards: no way found)\n",
                full, scene.router().lastRouted(), fallbacks);

    const AutoLayoutPlan plan = planAutoLayout(v, {});
    const double layout = ms(t);
    std::printf("auto-layout + score       %8.1f ms  (before: %s; after: %s)\n", layout,
                qPrintable(plan.before.summary()), qPrintable(plan.after.summary()));
    scene.operations()->autoLayout({});
    scene.finishRouting();
    const double applied = ms(t);
    std::printf("apply auto-layout         %8.1f ms  (moves, lanes and routes of all cards)\n",
                applied);
    scene.rerouteAll();
    std::printf("full re-route, laid out   %8.1f ms  (%d routes, %d over cards)\n", ms(t),
                scene.router().lastRouted(), scene.router().lastFallbacks());

    dragSteps(scene, v, components);
}

} // namespace

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QList<int> sizes;
    bool dragOnly = false; // --drag: only the scene build and the drag steps
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]) == "--drag")
            dragOnly = true;
        else
            sizes << std::max(10, atoi(argv[i]));
    }
    if (sizes.isEmpty()) sizes = {2000, 10000};
    for (int n : sizes)
        run(n, dragOnly);
    return 0;
}
