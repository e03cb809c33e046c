// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/diagramview.h"

#include "ui/document/changevaluecommand.h"
#include "ui/editor/diagramscene.h"
#include "ui/editor/diagramstyle.h"

#include <QMimeData>
#include <QPaintEvent>
#include <QPainter>
#include <QRubberBand>
#include <QScrollBar>
#include <QStyleOptionRubberBand>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace archsim::ui {

DiagramView::DiagramView(DiagramScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setViewportUpdateMode(SmartViewportUpdate);
    // The white page and grid dots are drawn once per zoom and scrolled with the view.
    setCacheMode(CacheBackground);
    // Items' bounding rectangles already hold their pen and knob: no extra pixel margins.
    setOptimizationFlag(DontAdjustForAntialiasing);
    setTransformationAnchor(AnchorUnderMouse);
    setAcceptDrops(true);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    // Where the scene changes, the overview is drawn again (only there).
    connect(scene, &QGraphicsScene::changed, this,
            [this](const QList<QRectF> &rects) { m_overviewDirty << rects; });
}

bool DiagramView::showsOverview() const {
    return zoom() < kOverviewZoom && !m_scene->isExporting();
}

void DiagramView::updateOverview() {
    // At most 4 million pixels (16 MB), and never finer than the zoom it stands in for.
    constexpr double kMaxPixels = 4e6;
    const QRectF wanted = m_scene->diagramRect();
    if (m_overview.isNull() || !m_overviewArea.contains(wanted)) {
        m_overviewArea = wanted.adjusted(-wanted.width() * 0.05, -wanted.height() * 0.05,
                                         wanted.width() * 0.05, wanted.height() * 0.05);
        const double area = std::max(1.0, m_overviewArea.width() * m_overviewArea.height());
        m_overviewScale = std::min(kOverviewZoom, std::sqrt(kMaxPixels / area));
        m_overview = QImage(QSize(int(std::ceil(m_overviewArea.width() * m_overviewScale)),
                                  int(std::ceil(m_overviewArea.height() * m_overviewScale))),
                            QImage::Format_RGB32);
        m_overviewDirty = {m_overviewArea};
    }
    if (m_overviewDirty.isEmpty()) return;
    QPainter painter(&m_overview);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    const QRect bounds = m_overview.rect();
    for (const QRectF &changed : std::as_const(m_overviewDirty)) {
        // The changed area in image pixels, widened to whole pixels, and the scene area that
        // maps exactly onto them.
        const QRect pixels =
            QRectF((changed.topLeft() - m_overviewArea.topLeft()) * m_overviewScale,
                   changed.size() * m_overviewScale)
                .toAlignedRect()
                .adjusted(-1, -1, 1, 1)
                .intersected(bounds);
        if (pixels.isEmpty()) continue;
        const QRectF source(m_overviewArea.topLeft() + QPointF(pixels.topLeft()) / m_overviewScale,
                            QSizeF(pixels.size()) / m_overviewScale);
        painter.setClipRect(pixels);
        m_scene->render(&painter, QRectF(pixels), source, Qt::IgnoreAspectRatio);
    }
    m_overviewDirty.clear();
}

void DiagramView::paintEvent(QPaintEvent *event) {
    if (!showsOverview()) {
        QGraphicsView::paintEvent(event);
        return;
    }
    updateOverview();
    QPainter painter(viewport());
    painter.fillRect(event->rect(), Qt::white);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF target = mapFromScene(m_overviewArea).boundingRect();
    painter.drawImage(target, m_overview);
    if (!rubberBandRect().isEmpty()) { // as QGraphicsView draws it
        QStyleOptionRubberBand option;
        option.initFrom(viewport());
        option.rect = rubberBandRect();
        option.shape = QRubberBand::Rectangle;
        style()->drawControl(QStyle::CE_RubberBand, &option, &painter, viewport());
    }
}

void DiagramView::zoomBy(double factor) {
    const double next = std::clamp(zoom() * factor, 0.01, 4.0);
    setTransform(QTransform::fromScale(next, next));
    zoomed();
}

void DiagramView::zoomToFit() {
    fitInView(m_scene->diagramRect(), Qt::KeepAspectRatio);
    if (zoom() > 1.5) setTransform(QTransform::fromScale(1.5, 1.5));
    centerOn(m_scene->diagramRect().center());
    zoomed();
}

void DiagramView::resetZoom() {
    setTransform(QTransform());
    zoomed();
}

void DiagramView::zoomed() {
    // Far out a card is a few pixels: a cached picture of each would cost more than it saves.
    m_scene->setCardCaching(zoom() >= kCardCacheZoom);
    emit zoomChanged(zoom());
}

void DiagramView::wheelEvent(QWheelEvent *event) {
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(std::pow(1.0015, event->angleDelta().y()));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void DiagramView::mousePressEvent(QMouseEvent *event) {
    if (event->button() == Qt::MiddleButton || (m_spaceHeld && event->button() == Qt::LeftButton)) {
        m_panning = true;
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DiagramView::mouseMoveEvent(QMouseEvent *event) {
    emit mouseMovedTo(mapToScene(event->position().toPoint()));
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panFrom;
        m_panFrom = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DiagramView::mouseReleaseEvent(QMouseEvent *event) {
    if (m_panning) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DiagramView::keyPressEvent(QKeyEvent *event) {
    // Arrow keys nudge the selected cards by one grid step (Shift: one pixel).
    const QHash<int, QPointF> arrows{{Qt::Key_Left, {-1, 0}},
                                     {Qt::Key_Right, {1, 0}},
                                     {Qt::Key_Up, {0, -1}},
                                     {Qt::Key_Down, {0, 1}}};
    const QStringList ids = m_scene->selection().components;
    if (arrows.contains(event->key()) && !ids.isEmpty()) {
        if (!event->isAutoRepeat() || m_nudgeKey == 0) m_nudgeKey = nextMergeKey();
        const double step = event->modifiers() & Qt::ShiftModifier ? 1 : style::kGrid;
        const Variant &v = m_scene->document()->currentVariant();
        QList<QPointF> positions;
        for (const QString &id : ids) {
            const Component *c = v.findComponent(id);
            positions << QPointF(c->x, c->y) + arrows[event->key()] * step;
        }
        m_scene->operations()->moveComponents(ids, positions, m_nudgeKey);
        event->accept();
        return;
    }

    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DiagramView::keyReleaseEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->unsetCursor();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DiagramView::dragEnterEvent(QDragEnterEvent *event) {
    if (event->mimeData()->hasFormat(QString::fromLatin1(kKindMimeType)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void DiagramView::dragMoveEvent(QDragMoveEvent *event) {
    if (event->mimeData()->hasFormat(QString::fromLatin1(kKindMimeType)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void DiagramView::dropEvent(QDropEvent *event) {
    const QByteArray kind = event->mimeData()->data(QString::fromLatin1(kKindMimeType));
    const auto parsed = enumFromString<ComponentKind>(QString::fromLatin1(kind));
    if (!parsed) {
        QGraphicsView::dropEvent(event);
        return;
    }
    const QPointF at = mapToScene(event->position().toPoint());
    const QString id = m_scene->operations()->createComponent(*parsed, at);
    m_scene->select(Selection{{id}, {}, {}, {}});
    event->acceptProposedAction();
    setFocus();
}

} // namespace archsim::ui
