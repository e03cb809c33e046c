#include "ui/editor/diagramexport.h"

#include "ui/editor/diagramscene.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace archsim::ui {

QString exportScene(DiagramScene *scene, const QString &out) {
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return QObject::tr("%1: the diagram is written as .png or .svg").arg(out);
    const QRectF source = scene->diagramRect();
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
        // Twice the scene's scale keeps labels readable, within a sane pixel budget.
        double scale = 2.0;
        while (source.width() * scale * source.height() * scale > 12e7 && scale > 0.1)
            scale /= 1.5;
        QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
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
