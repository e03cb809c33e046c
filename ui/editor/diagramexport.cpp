// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/diagramexport.h"

#include "ui/editor/diagramscene.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace archsim::ui {

namespace {
// A PNG is at most this large (120 MB while drawing, within what Qt reads back by default);
// larger diagrams are scaled down.
constexpr double kMaxPixels = 30e6;
constexpr double kMaxSide = 16384;
// Beyond this many scene units a side the diagram is refused: no picture could show it.
constexpr double kMaxDiagramSide = 1e7;
} // namespace

QString exportScene(DiagramScene *scene, const QString &out) {
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return QObject::tr("%1: the diagram is written as .png or .svg").arg(out);
    const QRectF source = scene->diagramRect();
    if (!(source.width() <= kMaxDiagramSide && source.height() <= kMaxDiagramSide))
        return QObject::tr("%1: the diagram spans %2 x %3 units, more than the %4 a side that "
                           "can be exported; move the components closer together")
            .arg(out)
            .arg(source.width(), 0, 'g', 3)
            .arg(source.height(), 0, 'g', 3)
            .arg(kMaxDiagramSide, 0, 'g', 3);
    scene->finishRouting(); // every connection routed, none left as a plain path
    scene->setExporting(true);
    QString error;
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(out);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(QStringLiteral("ArchSim diagram"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            error = QObject::tr("%1: cannot write the file").arg(out);
        } else {
            scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
            painter.end();
        }
    } else {
        // Twice the scene's scale keeps labels readable; a large diagram is scaled down to fit
        // the pixel budget.
        const double w = std::max(1.0, source.width()), h = std::max(1.0, source.height());
        const double scale =
            std::min({2.0, std::sqrt(kMaxPixels / (w * h)), kMaxSide / w, kMaxSide / h});
        const QSize size(std::max(1, qRound(w * scale)), std::max(1, qRound(h * scale)));
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        if (image.isNull()) {
            error = QObject::tr("%1: the diagram is too large for a picture").arg(out);
        } else {
            image.fill(Qt::white);
            QPainter painter(&image);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                                   QPainter::SmoothPixmapTransform);
            scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
            painter.end();
            if (!image.save(out, "PNG")) error = QObject::tr("%1: cannot write the file").arg(out);
        }
    }
    scene->setExporting(false);
    return error;
}

QString exportDiagram(const Project &project, int variant, const QString &out) {
    ProjectDocument document(project);
    if (variant < 0 || variant >= document.variantCount())
        return QObject::tr("no variant number %1").arg(variant);
    document.setCurrentVariantIndex(variant);
    DiagramScene scene(&document);
    return exportScene(&scene, out);
}

} // namespace archsim::ui
