#include "mainwindow.h"

#include "model/projectfile.h"
#include "model/validator.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTreeWidget>

namespace archsim::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent) {
    m_tree = new QTreeWidget(this);
    m_tree->setHeaderLabels({tr("Name"), tr("Kind"), tr("Unit"), tr("Layer")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setCentralWidget(m_tree);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::chooseAndOpen);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    resize(900, 600);
    setWindowTitle(tr("ArchSim"));
}

void MainWindow::chooseAndOpen() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                      tr("ArchSim projects (*.archsim *.json)"));
    if (!path.isEmpty()) openProject(path);
}

bool MainWindow::openProject(const QString &path) {
    const ReadResult read = loadProject(path);
    if (!read.ok()) {
        QMessageBox::warning(this, tr("Cannot open project"),
                             tr("%1 could not be opened:\n\n%2")
                                 .arg(QFileInfo(path).fileName(), formatProblems(read.problems)));
        return false;
    }
    m_project = read.project;
    m_path = path;
    showProject();
    const ProblemList problems = validateProject(m_project);
    statusBar()->showMessage(tr("%1 variant(s), %2 model error(s), %3 warning(s)")
                                 .arg(m_project.variants.size())
                                 .arg(countErrors(problems))
                                 .arg(problems.size() - countErrors(problems)));
    return true;
}

void MainWindow::showProject() {
    m_tree->clear();
    for (const Variant &v : m_project.variants) {
        auto *variantItem = new QTreeWidgetItem(m_tree, {v.name, tr("variant")});
        for (const Component &c : v.components)
            new QTreeWidgetItem(
                variantItem, {c.name.isEmpty() ? c.id : c.name, enumName(c.kind), c.unit, c.layer});
        variantItem->setExpanded(true);
    }
    const QString name = m_project.name.isEmpty() ? QFileInfo(m_path).fileName() : m_project.name;
    setWindowTitle(tr("%1 — ArchSim").arg(name));
}

} // namespace archsim::ui
