// SPDX-License-Identifier: GPL-3.0-or-later
// Puts the live analysis on the canvas: cards and unit boxes framed in their unit's utilisation
// colour with the figure, the bottleneck and single points of failure badged, connections as
// wide as their traffic with calls/s. Re-applied after every rebuild of the scene; cleared when
// the model has no valid numbers (never stale figures).
#pragma once

#include "ui/workspace/liveanalysis.h"

#include <QObject>

namespace archsim::ui {

class DiagramScene;

class CanvasOverlay : public QObject {
    Q_OBJECT
public:
    CanvasOverlay(DiagramScene *scene, ProjectDocument *document, QObject *parent = nullptr);

    void show(const LiveResult &result);
    void clear();
    void setEnabled(bool on);
    bool isEnabled() const { return m_enabled; }
    // Re-draws the last result on the current items (after the scene moved or rebuilt them).
    void reapply();

private:
    DiagramScene *m_scene;
    ProjectDocument *m_document;
    std::optional<LiveResult> m_result;
    bool m_enabled = true;
};

} // namespace archsim::ui
