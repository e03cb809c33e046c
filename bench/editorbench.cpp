// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-editor-bench: generates designs of N components and 2N connections (2,000 and 10,000
// by default, in one run) and prints how long the editor takes to open them (file, document,
// scene), to validate after each kind of edit, to draw a frame of the canvas, to apply one drag
// step, and to save and reopen; and the peak memory.
#include "ui/document/changevaluecommand.h"
#include "ui/document/projectdocument.h"
#include "ui/editor/diagramscene.h"
#include "ui/editor/diagramview.h"

#include "benchmodel.h"

#include "model/projectfile.h"
#include "model/validator.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace archsim;

namespace {

double ms(QElapsedTimer &t) {
    const double elapsed = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    return elapsed;
}

// Peak resident memory of this process so far (VmHWM), in MB.
double peakRssMb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024;
    return 0;
}

struct Frames {
    double mean = 0, max = 0;
};

// Each step changes the view, then the viewport is really drawn (QWidget::grab paints the whole
// viewport through QGraphicsView::paintEvent, as a full repaint on screen would).
Frames frames(ui::DiagramView &view, int count, const std::function<void(int)> &change) {
    view.viewport()->grab(); // caches settle
    Frames f;
    QElapsedTimer t;
    for (int i = 0; i < count; ++i) {
        change(i);
        t.start();
        view.viewport()->grab();
        const double elapsed = double(t.nsecsElapsed()) / 1e6;
        f.mean += elapsed / count;
        f.max = std::max(f.max, elapsed);
    }
    return f;
}

int run(int components) {
    const int connections = 2 * components;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.archsim"));
    if (!saveProject(path, bench::generate(components, connections, 8)).isEmpty()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }
    std::printf("\ncomponents %d, connections %d (ArchSim editor benchmark)\n", components,
                connections);

    QElapsedTimer t;
    t.start();
    const ReadResult read = loadProject(path);
    const double load = ms(t);
    ui::ProjectDocument document(read.project, path);
    const double doc = ms(t);
    ui::DiagramScene scene(&document);
    const double build = ms(t);
    const double rssOpen = peakRssMb();
    std::printf("load .archsim file     %8.1f ms\n", load);
    std::printf("document               %8.1f ms\n", doc);
    std::printf("scene build            %8.1f ms\n", build);
    std::printf("open total             %8.1f ms  (file + document + scene; target < 1000)\n",
                load + doc + build);

    // Validation: the whole project once (open), then after each kind of edit only what it
    // touched, as the problems panel asks for it.
    ms(t);
    const int firstProblems = int(document.problems().size());
    const double firstValidation = ms(t);
    (void)validateProject(document.project());
    const double fullValidation = ms(t);
    std::printf("validation, first      %8.1f ms  (incremental validator built, %d problems)\n",
                firstValidation, firstProblems);
    std::printf("validation, full       %8.1f ms  (validateProject, as the CLI runs it)\n",
                fullValidation);
    ui::EditOperations *ops = scene.operations();
    const QString firstId = document.currentVariant().components.first().id;
    const QString middleId = document.currentVariant().components[components / 2].id;
    const QList<std::pair<const char *, std::function<void()>>> edits{
        {"move a component",
         [&] {
             const Component &c = *document.currentVariant().findComponent(middleId);
             ops->moveComponents({middleId}, {QPointF(c.x + 20, c.y)}, ui::nextMergeKey());
         }},
        {"change a field",
         [&] {
             const Component before = *document.currentVariant().findComponent(middleId);
             Component after = before;
             after.serviceTimeMs = -1; // a problem appears
             document.undoStack()->push(new ui::ChangeValueCommand<Component>(
                 &document, 0, {before}, {after}, QStringLiteral("Change serviceTimeMs")));
         }},
        {"undo it", [&] { document.undoStack()->undo(); }},
        {"add a component",
         [&] { ops->createComponent(ComponentKind::Service, QPointF(400, 300)); }},
        {"connect two",
         [&] { ops->connect(firstId, document.currentVariant().components.last().id); }},
        {"rename a component",
         [&] { ops->renameComponent(middleId, middleId + QLatin1Char('x')); }},
        {"delete a component",
         [&] {
             ops->remove({{document.currentVariant().components[3].id}, {}, {}, {}});
         }},
    };
    double worst = 0;
    for (const auto &[name, edit] : edits) {
        ms(t);
        edit();
        const double editMs = ms(t);
        const int problems = int(document.problems().size());
        const double validation = ms(t);
        worst = std::max(worst, validation);
        std::printf("validation after edit  %8.2f ms  (%s: %d rechecked, %d problems; the edit "
                    "itself %.1f ms)\n",
                    validation, name, document.lastRechecked(), problems, editMs);
    }
    std::printf("validation after edit  %8.2f ms  (worst of the above; target < 20)\n", worst);
    const double rssValidated = peakRssMb();

    // Drawing. Off screen, software rendering: what a window's repaint costs without a GPU.
    QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        ms(t);
        scene.setExporting(true);
        scene.render(&painter, image.rect(), scene.diagramRect());
        scene.setExporting(false);
    }
    std::printf("render whole diagram   %8.1f ms  (as export draws it, 1600x1000)\n", ms(t));
    const double rssExported = peakRssMb();

    ui::DiagramView view(&scene);
    view.resize(1600, 1000);
    view.show();
    const int count = 12;
    view.resetZoom();
    view.centerOn(QPointF(1000, 500));
    const Frames pan100 = frames(
        view, count, [&](int i) { view.centerOn(QPointF(1000 + i * 150, 500 + (i % 3) * 40)); });
    view.resetZoom();
    view.centerOn(QPointF(1000, 500));
    const Frames zoom100 =
        frames(view, count, [&](int i) { view.zoomBy(i % 2 ? 1.15 : 1 / 1.15); });
    view.zoomToFit();
    const double fit = view.zoom();
    ms(t);
    view.viewport()->grab(); // far out: the first frame draws the overview image
    const double firstFar = ms(t);
    Frames dragFar; // a drag step far out, then its frame: the overview is redrawn where it changed
    {
        const Component c = document.currentVariant().components[components / 3];
        const int key = ui::nextMergeKey();
        for (int i = 0; i < count; ++i) {
            ops->moveComponents({c.id}, {QPointF(c.x + (i % 2) * 200, c.y)}, key);
            QElapsedTimer f;
            f.start();
            QCoreApplication::processEvents(); // the scene reports what changed
            view.viewport()->grab();
            const double elapsed = double(f.nsecsElapsed()) / 1e6;
            dragFar.mean += elapsed / count;
            dragFar.max = std::max(dragFar.max, elapsed);
        }
    }
    const Frames zoomFit =
        frames(view, count, [&](int i) { view.zoomBy(i % 2 ? 1.15 : 1 / 1.15); });
    view.zoomToFit();
    view.zoomBy(3); // zoomed out, but not the whole design
    const QPointF centre = scene.diagramRect().center();
    const Frames panOut = frames(view, count, [&](int i) {
        view.centerOn(centre + QPointF((i - count / 2) * 300, (i % 3) * 200));
    });
    auto line = [](const char *what, const Frames &f, const QString &where) {
        std::printf("%-22s %8.1f ms  (max %.1f; %s, 1600x1000 viewport; target <= 16)\n", what,
                    f.mean, f.max, qPrintable(where));
    };
    const double rssDrawn = peakRssMb();
    line("canvas pan frame", pan100, QStringLiteral("100 %"));
    line("canvas zoom frame", zoom100, QStringLiteral("around 100 %"));
    line("canvas zoom frame", zoomFit,
         QStringLiteral("around the fit, %1 %").arg(fit * 100, 0, 'f', 1));
    line("canvas pan frame", panOut, QStringLiteral("zoomed out, %1 %").arg(fit * 300, 0, 'f', 1));
    std::printf("first frame far out    %8.1f ms  (%s)\n", firstFar,
                fit < ui::DiagramView::kOverviewZoom ? "draws the overview image once"
                                                     : "drawn directly");
    line("frame after drag step", dragFar, QStringLiteral("at the fit, the changed part redrawn"));

    // One step of a drag: a merged move command, the scene following the document.
    const int steps = 50;
    const int key = ui::nextMergeKey();
    const Component first = document.currentVariant().components.first();
    ms(t);
    for (int i = 0; i < steps; ++i)
        ops->moveComponents({first.id}, {QPointF(first.x + i * 20, first.y)}, key);
    const double dragStep = ms(t) / steps;
    std::printf("drag step              %8.2f ms  (merged move command + scene, mean of %d; "
                "target < 5)\n",
                dragStep, steps);

    // Save (a new file, then over it, as Save does) and reopen.
    const QString saved = dir.filePath(QStringLiteral("saved.archsim"));
    ms(t);
    const bool savedOk = saveProject(saved, document.project()).isEmpty();
    const double saveNew = ms(t);
    const bool savedAgain = saveProject(saved, document.project()).isEmpty();
    const double saveOver = ms(t);
    const ReadResult reopened = loadProject(saved);
    const double reopen = ms(t);
    const bool same = reopened.ok() && reopened.project.variants == document.project().variants;
    std::printf("save, new file         %8.1f ms  (target < 300)%s\n", saveNew,
                savedOk ? "" : "  FAILED");
    std::printf("save, over it          %8.1f ms  (target < 300)%s\n", saveOver,
                savedAgain ? "" : "  FAILED");
    std::printf("reopen                 %8.1f ms  (target < 300)%s\n", reopen,
                same ? "" : "  DIFFERENT");
    std::printf("peak RSS so far        %8.1f MB  (target < 300 at 10,000; %.0f MB after opening, "
                "%.0f MB after the edits and validation, %.0f MB after the export render, %.0f MB "
                "after the canvas frames)\n",
                peakRssMb(), rssOpen, rssValidated, rssExported, rssDrawn);
    return savedOk && savedAgain && same ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QList<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes << std::max(10, atoi(argv[i]));
    if (sizes.isEmpty()) sizes = {2000, 10000};
    int failed = 0;
    for (const int n : sizes)
        failed += run(n);
    return failed == 0 ? 0 : 1;
}
