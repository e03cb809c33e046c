// SPDX-License-Identifier: GPL-3.0-or-later
// The problems panel: every validation problem of the project, refreshed shortly after each
// edit; activating one asks for its element to be shown.
#pragma once

#include "model/problem.h"

#include <QTimer>
#include <QTreeWidget>

namespace archsim::ui {

class ProjectDocument;

class ProblemsPanel : public QTreeWidget {
    Q_OBJECT
public:
    explicit ProblemsPanel(ProjectDocument *document, QWidget *parent = nullptr);

    const ProblemList &problems() const { return m_problems; }
    void refreshNow();

signals:
    void problemActivated(const Problem &problem);
    void countsChanged(int errors, int warnings);

private:
    ProjectDocument *m_document;
    ProblemList m_problems;
    QTimer m_timer;
};

} // namespace archsim::ui
