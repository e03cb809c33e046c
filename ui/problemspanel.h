// SPDX-License-Identifier: GPL-3.0-or-later
// The problems panel: every validation problem of the project, refreshed shortly after each
// edit, plus the live analysis's (sync cycles, saturation); activating one shows its element.
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
    // Problems found by the live analysis (compile checks, load warnings) for the current
    // variant; listed with the validator's, each once.
    void setExtraProblems(const ProblemList &problems);

signals:
    void problemActivated(const Problem &problem);
    void countsChanged(int errors, int warnings);

private:
    ProjectDocument *m_document;
    ProblemList m_problems;
    ProblemList m_extra;
    QStringList m_shown; // what the rows show, to skip rebuilding them when nothing changed
    QTimer m_timer;
};

} // namespace archsim::ui
