// The desktop app's main window: opens a project and shows its variants and components.
#pragma once

#include "model/project.h"

#include <QMainWindow>

class QTreeWidget;

namespace archsim::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Loads FILE (a .archsim, a .json or a resource path); on failure shows why and keeps the
    // current project. Returns whether the project was opened.
    bool openProject(const QString &path);
    const Project &project() const { return m_project; }

private:
    void chooseAndOpen();
    void showProject();

    Project m_project;
    QString m_path;
    QTreeWidget *m_tree = nullptr;
};

} // namespace archsim::ui
