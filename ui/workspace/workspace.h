// SPDX-License-Identifier: GPL-3.0-or-later
// The simulation workspace inside the main window: live analysis on the canvas and in the
// problems panel, the Simulate menu, the simulation, charts and runs panels, and the failure
// view (right-click a unit: "What if it fails?"). The main window creates one and forgets it.
#pragma once

#include "model/runrecord.h"

#include <QObject>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;

namespace archsim::ui {

class CanvasOverlay;
class ChartsPanel;
class DiagramScene;
class DiagramView;
class LiveAnalysis;
class ProblemsPanel;
class ProjectDocument;
class RunsPanel;
class SimulationPanel;
class SummaryStrip;
struct LiveResult;

class Workspace : public QObject {
    Q_OBJECT
public:
    Workspace(QMainWindow *window, ProjectDocument *document, DiagramScene *scene,
              DiagramView *view, ProblemsPanel *problems);

    LiveAnalysis *liveAnalysis() const { return m_live; }
    CanvasOverlay *overlay() const { return m_overlay; }
    SummaryStrip *summary() const { return m_summary; }
    SimulationPanel *simulationPanel() const { return m_simulation; }
    ChartsPanel *chartsPanel() const { return m_charts; }
    RunsPanel *runsPanel() const { return m_runs; }
    QLabel *statusLabel() const { return m_status; }
    // Shows the "What if it fails?" dialog for UNIT (the canvas's context menu calls this).
    void whatIf(const QString &unit);
    void showRun(const RunRecord &run);
    void overlayRuns(const RunRecord &run, const RunRecord &other);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QDockWidget *dock(QWidget *widget, const QString &title, const char *name);
    void analysed(const LiveResult &result);
    void raiseCharts();
    QString unitAt(const QPoint &viewPos) const;

    QMainWindow *m_window;
    ProjectDocument *m_document;
    DiagramScene *m_scene;
    DiagramView *m_view;
    ProblemsPanel *m_problems;
    LiveAnalysis *m_live;
    CanvasOverlay *m_overlay;
    SummaryStrip *m_summary;
    SimulationPanel *m_simulation;
    ChartsPanel *m_charts;
    RunsPanel *m_runs;
    QLabel *m_status;
    QDockWidget *m_chartsDock = nullptr;
};

} // namespace archsim::ui
