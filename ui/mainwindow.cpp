// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "ui/aboutbox.h"
#include "ui/compare/compareactions.h"
#include "ui/document/autosaver.h"
#include "ui/editor/diagramexport.h"
#include "ui/editor/diagramscene.h"
#include "ui/editor/diagramstyle.h"
#include "ui/editor/diagramview.h"
#include "ui/editor/inspectorwidget.h"
#include "ui/editor/palettewidget.h"
#include "ui/editor/workloadspanel.h"
#include "ui/helpwindow.h"
#include "ui/problemspanel.h"
#include "ui/report/reportdialog.h"
#include "ui/savedialog.h"
#include "ui/traces/traceactions.h"
#include "ui/workspace/workspace.h"

#include "model/projectfile.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoView>

namespace archsim::ui {

namespace {
constexpr int kMaxRecentFiles = 8;
const char *kRecentKey = "recentFiles";
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent) {
    m_document = new ProjectDocument({}, {}, this);
    m_scene = new DiagramScene(m_document, this);
    m_view = new DiagramView(m_scene, this);
    setCentralWidget(m_view);
    m_autosaver = new Autosaver(
        m_document, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation), this);

    createDocks();
    createActions();
    createMenusAndToolbar();
    m_workspace = new Workspace(this, m_document, m_scene, m_view, m_problems);

    m_countLabel = new QLabel(this);
    m_problemLabel = new QLabel(this);
    m_zoomLabel = new QLabel(QStringLiteral("100%"), this);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_problemLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);

    QUndoStack *stack = m_document->undoStack();
    connect(stack, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::projectReset, this, [this] {
        updateTitle();
        updateVariants();
    });
    connect(m_document, &ProjectDocument::changed, this, &MainWindow::updateStatus);
    connect(m_document, &ProjectDocument::variantsChanged, this, &MainWindow::updateVariants);
    connect(m_document, &ProjectDocument::currentVariantChanged, this, [this](int index) {
        m_variantBox->setCurrentIndex(index);
        m_view->zoomToFit();
        updateStatus();
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::updateActions);
    connect(m_view, &DiagramView::zoomChanged, this, [this](double zoom) {
        m_zoomLabel->setText(QStringLiteral("%1%").arg(qRound(zoom * 100)));
    });
    connect(m_problems, &ProblemsPanel::problemActivated, this, &MainWindow::showProblem);
    connect(m_inspector, &InspectorWidget::refused, this, &MainWindow::reportRefusal);
    connect(m_problems, &ProblemsPanel::countsChanged, this, [this](int errors, int warnings) {
        m_problemLabel->setText(tr("%1 error(s), %2 warning(s)").arg(errors).arg(warnings));
    });
    connect(m_palette, &PaletteWidget::kindActivated, this, [this](ComponentKind kind) {
        const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center()) +
                               QPointF(20.0 * (m_pasteCount % 5), 20.0 * (m_pasteCount % 5));
        ++m_pasteCount;
        const QString id = m_scene->operations()->createComponent(kind, centre);
        m_scene->select(Selection{{id}, {}, {}, {}});
        m_view->setFocus();
    });

    resize(1400, 900);
    updateVariants();
    updateTitle();
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow() {
    // Children die in creation order: keep the scene and the document from signalling
    // widgets that are half gone.
    m_scene->blockSignals(true);
    m_document->blockSignals(true);
    m_document->undoStack()->blockSignals(true);
}

void MainWindow::createDocks() {
    m_palette = new PaletteWidget(this);
    auto *paletteDock = new QDockWidget(tr("Components"), this);
    paletteDock->setObjectName(QStringLiteral("palette"));
    paletteDock->setWidget(m_palette);
    addDockWidget(Qt::LeftDockWidgetArea, paletteDock);

    m_inspector = new InspectorWidget(m_document, m_scene, this);
    auto *inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspector"));
    inspectorDock->setWidget(m_inspector);
    inspectorDock->setMinimumWidth(300);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);

    m_workloads = new WorkloadsPanel(m_document, this);
    auto *workloadsDock = new QDockWidget(tr("Workloads and Scenarios"), this);
    workloadsDock->setObjectName(QStringLiteral("workloads"));
    workloadsDock->setWidget(m_workloads);
    addDockWidget(Qt::RightDockWidgetArea, workloadsDock);
    tabifyDockWidget(inspectorDock, workloadsDock);
    inspectorDock->raise();

    m_problems = new ProblemsPanel(m_document, this);
    auto *problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(QStringLiteral("problems"));
    problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);

    m_history = new QUndoView(m_document->undoStack(), this);
    m_history->setEmptyLabel(tr("<opened>"));
    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("history"));
    historyDock->setWidget(m_history);
    addDockWidget(Qt::BottomDockWidgetArea, historyDock);
    tabifyDockWidget(problemsDock, historyDock);
    problemsDock->raise();
    resizeDocks({problemsDock}, {160}, Qt::Vertical);
    resizeDocks({paletteDock}, {170}, Qt::Horizontal);
}

QAction *MainWindow::addAction(const QString &name, const QString &text, const QKeySequence &key,
                               std::function<void()> slot, const QString &icon) {
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    if (!key.isEmpty()) action->setShortcut(key);
    if (!icon.isEmpty()) action->setIcon(QIcon::fromTheme(icon));
    connect(action, &QAction::triggered, this, std::move(slot));
    m_actions.insert(name, action);
    return action;
}

void MainWindow::createActions() {
    ProjectDocument *d = m_document;
    EditOperations *ops = m_scene->operations();
    addAction(
        QStringLiteral("new"), tr("&New"), QKeySequence::New, [this] { newProject(); },
        QStringLiteral("document-new"));
    addAction(
        QStringLiteral("open"), tr("&Open…"), QKeySequence::Open, [this] { chooseAndOpen(); },
        QStringLiteral("document-open"));
    addAction(
        QStringLiteral("save"), tr("&Save"), QKeySequence::Save, [this] { save(); },
        QStringLiteral("document-save"));
    addAction(
        QStringLiteral("saveAs"), tr("Save &As…"), QKeySequence::SaveAs, [this] { saveAs(); },
        QStringLiteral("document-save-as"));
    addAction(QStringLiteral("export"), tr("&Export Diagram…"), QKeySequence(tr("Ctrl+E")),
              [this] { exportDiagram(); });
    addAction(
        QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit, [this] { close(); },
        QStringLiteral("application-exit"));
    addAction(
        QStringLiteral("about"), tr("&About ArchSim"), {}, [this] { showAbout(this); },
        QStringLiteral("help-about"));
    addAction(
        QStringLiteral("help"), tr("ArchSim &Help"), QKeySequence::HelpContents,
        [this] { showHelp(this); }, QStringLiteral("help-contents"));
    addAction(QStringLiteral("helpModel"), tr("The &Model and Its Fields"), {},
              [this] { showHelp(this, QStringLiteral("model.md")); });
    addAction(QStringLiteral("helpSimulator"), tr("The &Simulator"), {},
              [this] { showHelp(this, QStringLiteral("simulator.md")); });

    // Short texts keep the toolbar steady; the command's name shows in the tooltip.
    QUndoStack *stack = d->undoStack();
    QAction *undo = addAction(
        QStringLiteral("undo"), tr("&Undo"), QKeySequence::Undo, [stack] { stack->undo(); },
        QStringLiteral("edit-undo"));
    QAction *redo = addAction(
        QStringLiteral("redo"), tr("&Redo"), QKeySequence::Redo, [stack] { stack->redo(); },
        QStringLiteral("edit-redo"));
    undo->setEnabled(false);
    redo->setEnabled(false);
    connect(stack, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, undo,
            [undo](const QString &text) { undo->setToolTip(tr("Undo %1").arg(text)); });
    connect(stack, &QUndoStack::redoTextChanged, redo,
            [redo](const QString &text) { redo->setToolTip(tr("Redo %1").arg(text)); });
    addAction(
        QStringLiteral("cut"), tr("Cu&t"), QKeySequence::Cut, [this] { cutSelection(); },
        QStringLiteral("edit-cut"));
    addAction(
        QStringLiteral("copy"), tr("&Copy"), QKeySequence::Copy, [this] { copySelection(); },
        QStringLiteral("edit-copy"));
    addAction(
        QStringLiteral("paste"), tr("&Paste"), QKeySequence::Paste, [this] { paste(); },
        QStringLiteral("edit-paste"));
    addAction(QStringLiteral("duplicate"), tr("D&uplicate"), QKeySequence(tr("Ctrl+D")),
              [this, ops] {
                  m_scene->select(Selection{ops->duplicate(m_scene->selection()), {}, {}, {}});
              });
    addAction(
        QStringLiteral("delete"), tr("&Delete"), QKeySequence::Delete,
        [this, ops] {
            const Selection s = m_scene->selection();
            if (confirmRemoval(s)) ops->remove(s);
        },
        QStringLiteral("edit-delete"));
    addAction(QStringLiteral("selectAll"), tr("Select &All"), QKeySequence::SelectAll, [this] {
        Selection s;
        s.components = QStringList();
        for (const Component &c : m_document->currentVariant().components)
            s.components << c.id;
        m_scene->select(s);
    });
    addAction(QStringLiteral("group"), tr("&Group into Unit"), QKeySequence(tr("Ctrl+G")),
              [this, ops] {
                  const QString unit = ops->groupIntoUnit(m_scene->selection().components);
                  if (!unit.isEmpty()) m_scene->select(Selection{{}, {}, {unit}, {}});
              });
    addAction(QStringLiteral("ungroup"), tr("U&ngroup"), QKeySequence(tr("Ctrl+Shift+G")),
              [this, ops] { ops->ungroup(m_scene->selection()); });
    addAction(QStringLiteral("addLayer"), tr("Add &Layer"), {}, [ops] { ops->addLayer(); });

    auto askName = [this](const QString &title, const QString &suggestion) {
        return QInputDialog::getText(this, title, tr("Variant name:"), QLineEdit::Normal,
                                     suggestion);
    };
    addAction(
        QStringLiteral("duplicateVariant"), tr("&Duplicate Variant…"), {}, [this, ops, askName] {
            const QString name =
                askName(tr("Duplicate variant"), m_document->currentVariant().name + tr(" copy"));
            if (!name.isEmpty()) reportRefusal(ops->duplicateVariant(name));
        });
    addAction(QStringLiteral("renameVariant"), tr("&Rename Variant…"), {}, [this, ops, askName] {
        const QString name = askName(tr("Rename variant"), m_document->currentVariant().name);
        if (!name.isEmpty()) reportRefusal(ops->renameVariant(name));
    });
    addAction(QStringLiteral("removeVariant"), tr("De&lete Variant"), {},
              [this, ops] { reportRefusal(ops->removeVariant()); });
    QAction *connectMode =
        addAction(QStringLiteral("connectMode"), tr("&Connect Mode"), QKeySequence(tr("C")), [] {});
    connectMode->setCheckable(true);
    connect(connectMode, &QAction::toggled, m_scene, &DiagramScene::setConnectMode);
    QAction *snap = addAction(QStringLiteral("snap"), tr("&Snap to Grid"), {}, [] {});
    snap->setCheckable(true);
    snap->setChecked(true);
    connect(snap, &QAction::toggled, m_scene, &DiagramScene::setSnapToGrid);
    addAction(
        QStringLiteral("zoomIn"), tr("Zoom &In"), QKeySequence::ZoomIn,
        [this] { m_view->zoomBy(1.25); }, QStringLiteral("zoom-in"));
    addAction(
        QStringLiteral("zoomOut"), tr("Zoom &Out"), QKeySequence::ZoomOut,
        [this] { m_view->zoomBy(0.8); }, QStringLiteral("zoom-out"));
    addAction(
        QStringLiteral("zoomFit"), tr("Zoom to &Fit"), QKeySequence(tr("Ctrl+0")),
        [this] { m_view->zoomToFit(); }, QStringLiteral("zoom-fit-best"));
    addAction(
        QStringLiteral("zoomReset"), tr("&Actual Size"), QKeySequence(tr("Ctrl+1")),
        [this] { m_view->resetZoom(); }, QStringLiteral("zoom-original"));
    addAction(QStringLiteral("layout"), tr("Auto-&Layout"), QKeySequence(tr("Ctrl+L")),
              [this, ops] { ops->autoLayout(m_scene->selection().components); });
    addAction(QStringLiteral("layoutAll"), tr("Auto-Layout &Whole Variant"),
              QKeySequence(tr("Ctrl+Shift+L")), [this, ops] {
                  ops->autoLayout({});
                  m_view->zoomToFit();
              });
    for (QAction *a : std::as_const(m_actions))
        a->setShortcutContext(Qt::WindowShortcut);
    // Delete and arrows belong to the canvas: inspector fields need them for text.
    m_actions[QStringLiteral("delete")]->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(m_actions[QStringLiteral("delete")]);
    m_actions[QStringLiteral("connectMode")]->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(m_actions[QStringLiteral("connectMode")]);
}

void MainWindow::createMenusAndToolbar() {
    auto a = [this](const char *name) { return m_actions.value(QLatin1String(name)); };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({a("new"), a("open")});
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addActions({a("save"), a("saveAs")});
    file->addSeparator();
    file->addAction(a("export"));
    addReportAction(file, this, m_document);
    file->addSeparator();
    addTraceActions(file, this, m_document);
    file->addSeparator();
    file->addAction(a("quit"));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({a("undo"), a("redo")});
    edit->addSeparator();
    edit->addActions({a("cut"), a("copy"), a("paste"), a("duplicate"), a("delete")});
    edit->addSeparator();
    edit->addActions({a("selectAll"), a("connectMode")});
    edit->addSeparator();
    edit->addActions({a("group"), a("ungroup"), a("addLayer")});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({a("zoomIn"), a("zoomOut"), a("zoomFit"), a("zoomReset")});
    view->addSeparator();
    view->addAction(a("snap"));
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    QMenu *variant = menuBar()->addMenu(tr("Va&riant"));
    variant->addActions({a("duplicateVariant"), a("renameVariant"), a("removeVariant")});
    addCompareActions(variant, this, m_document, m_scene->operations());

    QMenu *arrange = menuBar()->addMenu(tr("&Arrange"));
    arrange->addActions({a("layout"), a("layoutAll")});

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addActions({a("help"), a("helpModel"), a("helpSimulator")});
    help->addSeparator();
    help->addAction(a("about"));

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolbar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addActions({a("new"), a("open"), a("save")});
    bar->addSeparator();
    bar->addActions({a("undo"), a("redo")});
    bar->addSeparator();
    bar->addActions({a("delete"), a("connectMode"), a("group")});
    bar->addSeparator();
    bar->addActions({a("zoomFit"), a("layout")});
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Variant: "), bar));
    m_variantBox = new QComboBox(bar);
    m_variantBox->setMinimumWidth(160);
    bar->addWidget(m_variantBox);
    connect(m_variantBox, &QComboBox::activated, m_document,
            &ProjectDocument::setCurrentVariantIndex);
}

void MainWindow::updateTitle() {
    setWindowTitle(tr("%1[*] — ArchSim").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateActions() {
    const Selection s = m_scene->selection();
    const bool any = !s.isEmpty();
    for (const char *name : {"cut", "copy", "duplicate"})
        m_actions[QLatin1String(name)]->setEnabled(!s.components.isEmpty());
    m_actions[QStringLiteral("delete")]->setEnabled(any);
    m_actions[QStringLiteral("group")]->setEnabled(!s.components.isEmpty());
    m_actions[QStringLiteral("ungroup")]->setEnabled(!s.components.isEmpty() || !s.units.isEmpty());
}

void MainWindow::updateStatus() {
    const Variant &v = m_document->currentVariant();
    m_countLabel->setText(tr("%1: %2 components, %3 connections, %4 units")
                              .arg(v.name)
                              .arg(v.components.size())
                              .arg(v.connections.size())
                              .arg(v.units.size()));
}

void MainWindow::updateVariants() {
    m_variantBox->clear();
    for (const Variant &v : m_document->project().variants)
        m_variantBox->addItem(v.name);
    m_variantBox->setCurrentIndex(m_document->currentVariantIndex());
}

void MainWindow::showProblem(const Problem &problem) {
    const int variant = m_document->project().variantIndex(problem.variant);
    if (variant >= 0) m_document->setCurrentVariantIndex(variant);
    const Variant &v = m_document->currentVariant();
    Selection s;
    const QString &kind = problem.elementKind, &id = problem.elementId;
    if (kind == QLatin1String("component"))
        s.components << id;
    else if (kind == QLatin1String("connection"))
        s.connections << id;
    else if (kind == QLatin1String("layer"))
        s.layers << id;
    else if (kind == QLatin1String("unit")) {
        if (m_scene->unitItem(id)) {
            s.units << id;
        } else { // a unit without a box is drawn as its component(s)
            for (const Component &c : v.components)
                if (c.unit == id) s.components << c.id;
        }
    } else if (kind == QLatin1String("workload") || kind == QLatin1String("scenario")) {
        // Shown in their own panel; the canvas selects a workload's entry component.
        const bool workload = kind == QLatin1String("workload");
        const ProblemLocation &at = problem.location;
        const bool event = at.kind == ElementKind::ScenarioEvent;
        if (at.index >= 0)
            m_workloads->select(workload ? WorkloadsPanel::kWorkload
                                : event  ? WorkloadsPanel::kEvent
                                         : WorkloadsPanel::kScenario,
                                at.index, event ? at.event : -1);
        if (auto *dock = qobject_cast<QDockWidget *>(m_workloads->parentWidget())) dock->raise();
        for (const Workload &w : v.workloads)
            if (workload && w.name == id) s.components << w.entry;
    }
    m_scene->select(s);
    const QList<QGraphicsItem *> items = m_scene->selectedItems();
    if (!items.isEmpty()) m_view->ensureVisible(items.first());
    statusBar()->showMessage(problem.toString(), 8000);
}

void MainWindow::reportRefusal(const QString &message) {
    if (!message.isEmpty()) warn(tr("Not possible"), message);
}

void MainWindow::warn(const QString &title, const QString &text) {
    statusBar()->showMessage(text, 10000);
    if (!m_quiet) QMessageBox::warning(this, title, text);
}

bool MainWindow::openProject(const QString &path) {
    const ReadResult read = loadProject(path);
    if (!read.ok()) {
        warn(tr("Cannot open project"),
             tr("%1 could not be opened:\n\n%2")
                 .arg(QFileInfo(path).fileName(), formatProblems(read.problems)));
        return false;
    }
    const bool resource = path.startsWith(QLatin1Char(':'));
    m_document->resetProject(
        read.project, resource ? QString() : path,
        resource ? QFileInfo(path).completeBaseName() + QStringLiteral(".archsim") : QString());
    if (!resource) addRecentFile(path);
    m_view->zoomToFit();
    statusBar()->showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

void MainWindow::newProject() {
    if (!maybeSave()) return;
    Project p;
    p.name = tr("Untitled");
    Variant v;
    v.name = tr("Main");
    for (const auto &[id, name] :
         {std::pair{"edge", "Edge"}, {"api", "API"}, {"domain", "Domain"}, {"data", "Data"}})
        v.layers.append(Layer{QString::fromLatin1(id), QString::fromLatin1(name), {}});
    p.variants.append(v);
    m_document->resetProject(p, {});
    m_view->resetZoom();
    m_view->centerOn(m_scene->diagramRect().center());
}

void MainWindow::chooseAndOpen() {
    if (!maybeSave()) return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                      tr("ArchSim projects (*.archsim *.json)"));
    if (!path.isEmpty()) openProject(path);
}

bool MainWindow::saveProjectAs(const QString &path) {
    const ProblemList problems = saveProject(path, m_document->project());
    if (!problems.isEmpty()) {
        warn(tr("Cannot save project"),
             tr("%1 could not be saved:\n\n%2")
                 .arg(QFileInfo(path).fileName(), formatProblems(problems)));
        return false;
    }
    m_document->setFilePath(path);
    m_document->undoStack()->setClean();
    m_document->setRunsSaved();
    addRecentFile(path);
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

bool MainWindow::save() {
    if (m_document->filePath().isEmpty()) return saveAs();
    return saveProjectAs(m_document->filePath());
}

bool MainWindow::saveAs() {
    const QString suggested =
        m_document->filePath().isEmpty() ? m_document->displayName() : m_document->filePath();
    const QString path =
        askSavePath(this, tr("Save project"), suggested,
                    {tr("ArchSim project (*.archsim)"), tr("JSON interchange (*.json)")});
    return !path.isEmpty() && saveProjectAs(path);
}

bool MainWindow::confirmRemoval(const Selection &selection) {
    const QStringList broken = m_scene->operations()->brokenReferences(selection);
    if (broken.isEmpty() || m_quiet) return true;
    QMessageBox box(QMessageBox::Warning, tr("Delete"),
                    tr("Deleting this leaves references to it behind:"), QMessageBox::NoButton,
                    this);
    box.setObjectName(QStringLiteral("confirmDelete"));
    box.setInformativeText(
        QStringLiteral("• ") + broken.join(QStringLiteral("\n• ")) +
        tr("\n\nThey will be errors in the Problems panel until you change them. "
           "Edit ▸ Undo brings everything back."));
    QPushButton *remove = box.addButton(tr("Delete Anyway"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == remove;
}

bool MainWindow::maybeSave() {
    if (!m_document->isModified() || m_quiet) return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_autosaver->discard();
    event->accept();
}

bool MainWindow::offerRecovery() {
    if (!m_autosaver->hasRecovery()) return false;
    const auto answer = QMessageBox::question(
        this, tr("Recover unsaved work?"),
        tr("ArchSim did not close properly last time. Recover the unsaved changes?"),
        QMessageBox::Yes | QMessageBox::No);
    if (answer != QMessageBox::Yes) {
        m_autosaver->discard();
        return false;
    }
    return recoverAutosave();
}

bool MainWindow::recoverAutosave() {
    const ReadResult read = loadProject(m_autosaver->recoveryPath());
    if (!read.ok()) {
        warn(tr("Cannot recover"), formatProblems(read.problems));
        return false;
    }
    const QString path = m_autosaver->recoveredFilePath();
    m_document->resetProject(read.project, path,
                             path.isEmpty() ? m_autosaver->recoveredName() : QString());
    m_document->undoStack()->resetClean(); // recovered work is not saved yet
    m_view->zoomToFit();
    return true;
}

void MainWindow::exportDiagram() {
    const QString base = QFileInfo(m_document->displayName()).completeBaseName();
    const QString path = askSavePath(this, tr("Export diagram"), base + QStringLiteral(".png"),
                                     {tr("PNG image (*.png)"), tr("SVG drawing (*.svg)")});
    if (path.isEmpty()) return;
    const QString error = exportScene(m_scene, path);
    if (!error.isEmpty())
        warn(tr("Cannot export"), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 5000);
}

void MainWindow::addRecentFile(const QString &path) {
    QSettings settings;
    QStringList files = settings.value(QLatin1String(kRecentKey)).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings.setValue(QLatin1String(kRecentKey), files);
}

void MainWindow::fillRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString &file : files)
        m_recentMenu
            ->addAction(QFileInfo(file).fileName(), this,
                        [this, file] {
                            if (maybeSave()) openProject(file);
                        })
            ->setToolTip(file);
    if (files.isEmpty()) m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::copySelection() {
    auto data = m_scene->operations()->copy(m_scene->selection());
    QGuiApplication::clipboard()->setMimeData(data.release());
    m_pasteCount = 0;
}

void MainWindow::cutSelection() {
    if (!confirmRemoval(m_scene->selection())) return;
    copySelection();
    m_document->undoStack()->beginMacro(tr("Cut"));
    m_scene->operations()->remove(m_scene->selection());
    m_document->undoStack()->endMacro();
}

void MainWindow::paste() {
    ++m_pasteCount;
    const double offset = 2 * style::kGrid * m_pasteCount;
    const QStringList ids = m_scene->operations()->paste(QGuiApplication::clipboard()->mimeData(),
                                                         QPointF(offset, offset));
    if (!ids.isEmpty()) m_scene->select(Selection{ids, {}, {}, {}});
}

} // namespace archsim::ui
