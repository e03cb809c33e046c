// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's main window: palette, canvas, inspector, problems and history around one
// ProjectDocument; menus and toolbar with the standard shortcuts; files, recent files, autosave.
#pragma once

#include "ui/document/projectdocument.h"
#include "ui/editor/editoperations.h"

#include "model/problem.h"

#include <QMainWindow>

class QComboBox;
class QLabel;
class QMenu;
class QUndoView;

namespace archsim::ui {

class Autosaver;
class DiagramScene;
class DiagramView;
class InspectorWidget;
class PaletteWidget;
class ProblemsPanel;
class WorkloadsPanel;
class Workspace;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads PATH (.archsim, .json or a resource path); on failure shows why and keeps the
    // current project. Returns whether the project was opened.
    bool openProject(const QString &path);
    // Saves to PATH and makes it the document's file; shows and returns whether it worked.
    bool saveProjectAs(const QString &path);
    // After a crash: offers the autosaved copy; returns whether it was taken.
    bool offerRecovery();
    // Opens the autosaved copy (marked unsaved); returns whether it could be read.
    bool recoverAutosave();
    Autosaver *autosaver() { return m_autosaver; }
    // Suppresses message boxes (tests, headless runs): problems go to the status bar only.
    void setQuiet(bool quiet) { m_quiet = quiet; }

    ProjectDocument *document() { return m_document; }
    DiagramScene *scene() { return m_scene; }
    DiagramView *view() { return m_view; }
    InspectorWidget *inspector() { return m_inspector; }
    ProblemsPanel *problemsPanel() { return m_problems; }
    WorkloadsPanel *workloadsPanel() { return m_workloads; }
    PaletteWidget *palette() { return m_palette; }
    Workspace *workspace() { return m_workspace; }
    QAction *action(const QString &name) const { return m_actions.value(name); }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createActions();
    void createMenusAndToolbar();
    QAction *addAction(const QString &name, const QString &text, const QKeySequence &key,
                       std::function<void()> slot, const QString &icon = {});
    void updateTitle();
    void updateActions();
    void updateStatus();
    void updateVariants();
    void showProblem(const Problem &problem);

    void newProject();
    void chooseAndOpen();
    bool save();
    bool saveAs();
    bool maybeSave();
    // Before deleting what workloads or scenarios name: lists what breaks and asks.
    bool confirmRemoval(const Selection &selection);
    void exportDiagram();
    void addRecentFile(const QString &path);
    void fillRecentMenu();
    void warn(const QString &title, const QString &text);
    void reportRefusal(const QString &message);

    void copySelection();
    void cutSelection();
    void paste();

    ProjectDocument *m_document;
    DiagramScene *m_scene;
    DiagramView *m_view;
    PaletteWidget *m_palette = nullptr;
    InspectorWidget *m_inspector = nullptr;
    ProblemsPanel *m_problems = nullptr;
    WorkloadsPanel *m_workloads = nullptr;
    QUndoView *m_history = nullptr;
    Workspace *m_workspace = nullptr;
    Autosaver *m_autosaver;
    QHash<QString, QAction *> m_actions;
    QMenu *m_recentMenu = nullptr;
    QComboBox *m_variantBox = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_problemLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
    int m_pasteCount = 0;
    bool m_quiet = false;
};

} // namespace archsim::ui
