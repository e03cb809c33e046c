// SPDX-License-Identifier: GPL-3.0-or-later
// The canvas widget: zoom (Ctrl+wheel, fit), pan (middle button or Space+drag), rubber-band
// selection, and drops of component kinds from the palette.
#pragma once

#include <QGraphicsView>
#include <QImage>

namespace archsim::ui {

class DiagramScene;

class DiagramView : public QGraphicsView {
    Q_OBJECT
public:
    static constexpr const char *kKindMimeType = "application/x-archsim-kind";
    // Below this zoom cards are drawn directly, not from their cached pictures.
    static constexpr double kCardCacheZoom = 0.5;
    // Below this zoom the canvas is drawn from an overview image of the whole diagram, kept up
    // to date where the scene changes: a frame then costs the same for any size of design.
    static constexpr double kOverviewZoom = 0.2;
    bool showsOverview() const;

    explicit DiagramView(DiagramScene *scene, QWidget *parent = nullptr);

    void zoomBy(double factor);
    void zoomToFit();
    void resetZoom();
    double zoom() const { return transform().m11(); }

signals:
    void zoomChanged(double zoom);
    void mouseMovedTo(const QPointF &scenePos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void zoomed();
    void updateOverview();

    DiagramScene *m_scene;
    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_panFrom;
    int m_nudgeKey = 0;            // one undo step per arrow key held down
    QImage m_overview;             // the diagram at m_overviewScale, covering m_overviewArea
    QRectF m_overviewArea;         // in scene coordinates
    double m_overviewScale = 0;    // image pixels per scene unit
    QList<QRectF> m_overviewDirty; // scene rectangles changed since it was drawn
};

} // namespace archsim::ui
