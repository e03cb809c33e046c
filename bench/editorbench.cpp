// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-editor-bench: generates a design of N components and 2N connections and prints how
// long the editor takes to open it (file, document, scene), draw it, and apply one drag step.
#include "ui/document/changevaluecommand.h"
#include "ui/document/projectdocument.h"
#include "ui/editor/diagramscene.h"
#include "ui/editor/diagramview.h"

#include "benchmodel.h"

#include "model/projectfile.h"
#include "model/validator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <cstdio>

using namespace archsim;

namespace {

double ms(QElapsedTimer &t) {
    const double elapsed = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    return elapsed;
}

} // namespace

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int components = argc > 1 ? std::max(10, atoi(argv[1])) : 2000;
    const int connections = 2 * components;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.archsim"));
    if (!saveProject(path, bench::generate(components, connections, 8)).isEmpty()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }

    QElapsedTimer t;
    t.start();
    const ReadResult read = loadProject(path);
    const double load = ms(t);
    ui::ProjectDocument document(read.project, path);
    const double doc = ms(t);
    ui::DiagramScene scene(&document);
    const double build = ms(t);
    const double validate = (validateProject(document.project()), ms(t));

    // Drawing: the whole diagram fitted into a window, then a window's worth at 100 %.
    QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    ms(t);
    scene.render(&painter, image.rect(), scene.diagramRect());
    const double renderAll = ms(t);
    const int frames = 10;
    for (int i = 0; i < frames; ++i) { // a pan across the top of the design
        image.fill(Qt::white);
        scene.render(&painter, image.rect(), QRectF(200 + i * 300, 0, 1600, 1000));
    }
    const double renderView = ms(t) / frames;
    painter.end();

    // The same through the canvas widget, as a user sees it (item caches take part here).
    ui::DiagramView view(&scene);
    view.resize(1600, 1000);
    view.zoomToFit();
    view.viewport()->grab();
    ms(t);
    for (int i = 0; i < frames; ++i) { // zoom steps around the fitted view
        view.zoomBy(i % 2 ? 1.1 : 1 / 1.1);
        view.viewport()->grab();
    }
    const double viewZoom = ms(t) / frames;
    view.resetZoom();
    view.centerOn(QPointF(1000, 500));
    view.viewport()->grab();
    ms(t);
    for (int i = 0; i < frames; ++i) {
        view.centerOn(QPointF(1000 + i * 150, 500));
        view.viewport()->grab();
    }
    const double viewPan = ms(t) / frames;

    // One step of a drag: a merged move command, the scene following the document.
    const int steps = 50;
    const int key = ui::nextMergeKey();
    const Component first = document.currentVariant().components.first();
    for (int i = 0; i < steps; ++i)
        scene.operations()->moveComponents({first.id}, {QPointF(first.x + i * 20, first.y)}, key);
    const double dragStep = ms(t) / steps;

    std::printf("components %d, connections %d (ArchSim editor benchmark)\n", components,
                connections);
    std::printf("load .archsim file     %8.1f ms\n", load);
    std::printf("document               %8.1f ms\n", doc);
    std::printf("scene build            %8.1f ms\n", build);
    std::printf("open total             %8.1f ms  (file + document + scene)\n", load + doc + build);
    std::printf("validation             %8.1f ms  (problems panel, after each edit)\n", validate);
    std::printf("render whole diagram   %8.1f ms  (1600x1000, zoomed to fit)\n", renderAll);
    std::printf("render one view        %8.1f ms  (1600x1000 at 100%%, mean of %d pans)\n",
                renderView, frames);
    std::printf("canvas zoom frame      %8.1f ms  (1600x1000 widget near fit, mean of %d)\n",
                viewZoom, frames);
    std::printf("canvas pan frame       %8.1f ms  (1600x1000 widget at 100%%, mean of %d)\n",
                viewPan, frames);
    std::printf("drag step              %8.2f ms  (merged move command, mean of %d)\n", dragStep,
                steps);
    return 0;
}
