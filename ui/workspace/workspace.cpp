// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/workspace/workspace.h"

#include "ui/charts/chartbuilder.h"
#include "ui/charts/runcharts.h"
#include "ui/document/projectdocument.h"
#include "ui/editor/componentitem.h"
#include "ui/editor/diagramscene.h"
#include "ui/editor/diagramview.h"
#include "ui/editor/unititem.h"
#include "ui/problemspanel.h"
#include "ui/workspace/canvasoverlay.h"
#include "ui/workspace/chartspanel.h"
#include "ui/workspace/liveanalysis.h"
#include "ui/workspace/runspanel.h"
#include "ui/workspace/simulationpanel.h"
#include "ui/workspace/summarystrip.h"
#include "ui/workspace/whatifdialog.h"

#include <QCheckBox>
#include <QContextMenuEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

namespace archsim::ui {

Workspace::Workspace(QMainWindow *window, ProjectDocument *document, DiagramScene *scene,
                     DiagramView *view, ProblemsPanel *problems)
    : QObject(window)
    , m_window(window)
    , m_document(document)
    , m_scene(scene)
    , m_view(view)
    , m_problems(problems) {
    m_live = new LiveAnalysis(document, this);
    m_overlay = new CanvasOverlay(scene, document, this);
    m_summary = new SummaryStrip(window);
    window->addToolBarBreak(Qt::TopToolBarArea);
    window->addToolBar(Qt::TopToolBarArea, m_summary);
    m_status = new QLabel(window);
    window->statusBar()->insertPermanentWidget(0, m_status);

    m_simulation = new SimulationPanel(document, window);
    m_charts = new ChartsPanel(window);
    m_runs = new RunsPanel(document, window);
    QDockWidget *simDock = dock(m_simulation, tr("Simulation"), "simulation");
    window->addDockWidget(Qt::RightDockWidgetArea, simDock);
    if (auto *inspector = window->findChild<QDockWidget *>(QStringLiteral("inspector")))
        window->tabifyDockWidget(inspector, simDock);
    m_chartsDock = dock(m_charts, tr("Charts"), "charts");
    window->addDockWidget(Qt::BottomDockWidgetArea, m_chartsDock);
    QDockWidget *runsDock = dock(m_runs, tr("Runs"), "runs");
    window->addDockWidget(Qt::BottomDockWidgetArea, runsDock);
    if (auto *problemsDock = window->findChild<QDockWidget *>(QStringLiteral("problems"))) {
        window->tabifyDockWidget(problemsDock, runsDock);
        window->splitDockWidget(problemsDock, m_chartsDock, Qt::Horizontal);
        problemsDock->raise();
    }

    // The Simulate menu, after Variant.
    QMenu *menu = new QMenu(tr("&Simulate"), window);
    QAction *before = nullptr;
    for (QAction *a : window->menuBar()->actions())
        if (a->text().remove(QLatin1Char('&')) == QLatin1String("Arrange")) before = a;
    window->menuBar()->insertMenu(before, menu);
    auto raiseSim = [simDock] {
        simDock->show();
        simDock->raise();
    };
    QAction *run = menu->addAction(tr("&Run"), this, [this, raiseSim] {
        raiseSim();
        m_simulation->start(m_simulation->request(RunRequest::Kind::Simulate));
    });
    run->setShortcut(QKeySequence(tr("Ctrl+R")));
    menu->addAction(tr("Load &Sweep"), this, [this, raiseSim] {
        raiseSim();
        m_simulation->start(m_simulation->request(RunRequest::Kind::Sweep));
    });
    menu->addAction(tr("&Failure Analysis"), this, [this, raiseSim] {
        raiseSim();
        m_simulation->start(m_simulation->request(RunRequest::Kind::Failures));
    });
    QAction *cancel = menu->addAction(tr("&Cancel Run"), m_simulation, &SimulationPanel::cancel);
    cancel->setShortcut(QKeySequence(tr("Ctrl+.")));
    menu->addSeparator();
    QAction *toggle = menu->addAction(tr("Show &Analysis on Canvas"));
    toggle->setObjectName(QStringLiteral("toggleOverlay"));
    toggle->setCheckable(true);
    toggle->setChecked(true);
    toggle->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    connect(toggle, &QAction::toggled, m_summary->overlaySwitch(), &QCheckBox::setChecked);
    connect(m_summary, &SummaryStrip::overlayToggled, toggle, &QAction::setChecked);
    connect(m_summary, &SummaryStrip::overlayToggled, m_overlay, &CanvasOverlay::setEnabled);
    menu->addSeparator();
    menu->addAction(simDock->toggleViewAction());
    menu->addAction(m_chartsDock->toggleViewAction());
    menu->addAction(runsDock->toggleViewAction());

    connect(m_live, &LiveAnalysis::resultReady, this, &Workspace::analysed);
    connect(m_live, &LiveAnalysis::invalidated, m_summary, &SummaryStrip::showPending);
    connect(m_simulation, &SimulationPanel::runFinished, this, [this](qint64 id) {
        for (const RunRecord &r : m_document->runs())
            if (r.id == id) showRun(r);
        m_runs->select({id});
    });
    connect(m_simulation, &SimulationPanel::runFailed, this, [this](const QString &message) {
        m_window->statusBar()->showMessage(tr("Run refused: %1").arg(message), 10000);
    });
    connect(m_simulation, &SimulationPanel::runCancelled, this, [this](double seconds) {
        m_window->statusBar()->showMessage(
            tr("Run cancelled; it stopped %1 s after Cancel").arg(seconds, 0, 'f', 2), 8000);
    });
    connect(m_runs, &RunsPanel::showRun, this, &Workspace::showRun);
    connect(m_runs, &RunsPanel::overlayRuns, this, &Workspace::overlayRuns);
    connect(m_document, &ProjectDocument::runsChanged, this,
            [this] { m_window->setWindowModified(m_document->isModified()); });
    view->viewport()->installEventFilter(this);
}

QDockWidget *Workspace::dock(QWidget *widget, const QString &title, const char *name) {
    auto *d = new QDockWidget(title, m_window);
    d->setObjectName(QLatin1String(name));
    d->setWidget(widget);
    return d;
}

void Workspace::analysed(const LiveResult &result) {
    m_overlay->show(result);
    m_summary->show(result);
    m_status->setText(statusText(result));
    m_problems->setExtraProblems(result.check.problems);
}

void Workspace::showRun(const RunRecord &run) {
    QString heading =
        tr("Run %1: %2 (%3 engine) of %4, %5")
            .arg(run.id)
            .arg(run.kind, run.engine, run.variant,
                 run.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (m_runs->isOlderRevision(run)) heading += tr(" — made on an older revision of the design");
    heading += QStringLiteral("\n") + run.summary;
    m_charts->showCharts(charts::chartsForRun(run), heading);
    raiseCharts();
}

void Workspace::raiseCharts() {
    m_chartsDock->show();
    m_chartsDock->raise();
    // Charts need room: about half the window's height, once.
    if (m_chartsDock->height() < m_window->height() * 0.4)
        m_window->resizeDocks({m_chartsDock}, {int(m_window->height() * 0.48)}, Qt::Vertical);
}

void Workspace::overlayRuns(const RunRecord &run, const RunRecord &other) {
    const QList<charts::ChartSpec> a = charts::chartsForRun(run), b = charts::chartsForRun(other);
    QList<charts::ChartSpec> merged;
    for (const charts::ChartSpec &spec : a) {
        const auto match = std::find_if(b.begin(), b.end(), [&](const charts::ChartSpec &s) {
            return s.id == spec.id && !s.bars;
        });
        merged << (match != b.end() && !spec.bars
                       ? charts::overlay(spec, *match, tr("run %1").arg(other.id))
                       : spec);
    }
    m_charts->showCharts(merged, tr("Run %1 (solid) overlaid with run %2 (dashed)\n%3\n%4")
                                     .arg(run.id)
                                     .arg(other.id)
                                     .arg(run.summary, other.summary));
    raiseCharts();
}

QString Workspace::unitAt(const QPoint &viewPos) const {
    for (QGraphicsItem *item = m_view->itemAt(viewPos); item; item = item->parentItem()) {
        if (auto *unit = qgraphicsitem_cast<UnitItem *>(item)) return unit->id();
        if (auto *card = qgraphicsitem_cast<ComponentItem *>(item)) {
            for (const Component &c : m_document->currentVariant().components)
                if (c.id == card->id()) return c.unit.isEmpty() ? c.id : c.unit;
        }
    }
    return {};
}

bool Workspace::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::ContextMenu) return QObject::eventFilter(watched, event);
    auto *e = static_cast<QContextMenuEvent *>(event);
    const QString unit = unitAt(e->pos());
    if (unit.isEmpty()) return false;
    QMenu menu;
    menu.addAction(tr("What if %1 fails?").arg(unit), this, [this, unit] { whatIf(unit); });
    menu.exec(e->globalPos());
    return true;
}

void Workspace::whatIf(const QString &unit) {
    m_live->waitForIdle();
    const LiveResult *r = m_live->latest();
    if (!r || !r->failures) {
        m_window->statusBar()->showMessage(
            tr("No failure analysis: the model has errors (see Problems)"), 8000);
        return;
    }
    auto *dialog = new WhatIfDialog(unit, *r->failures, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &WhatIfDialog::runCrash, this, [this](const QString &u) {
        RunRequest q = m_simulation->request(RunRequest::Kind::Simulate);
        q.des = true;
        q.scenario.clear();
        q.crashUnit = u;
        m_simulation->start(q);
    });
    dialog->open();
}

} // namespace archsim::ui
