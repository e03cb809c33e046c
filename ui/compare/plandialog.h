// SPDX-License-Identifier: GPL-3.0-or-later
// "Plan capacity": the cheapest replicas meeting an SLO at a load for the current variant,
// applied to it as one undoable edit.
#pragma once

#include "simulator/study/plan.h"
#include "ui/document/projectdocument.h"

#include <QDialog>

#include <memory>

class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace archsim::ui {

class StudyRunner;

class PlanDialog : public QDialog {
    Q_OBJECT
public:
    explicit PlanDialog(ProjectDocument *document, QWidget *parent = nullptr);
    void plan();  // runs the planner with the form's settings
    void apply(); // pushes the plan as one undo step
    const sim::PlanResult *result() const { return m_result.get(); }

signals:
    void planned();

private:
    void showPlan(const sim::PlanResult &plan);

    ProjectDocument *m_document;
    int m_variant;
    StudyRunner *m_runner;
    QDoubleSpinBox *m_rate, *m_p99, *m_errorRate;
    QPushButton *m_planButton, *m_applyButton, *m_cancelButton;
    QProgressBar *m_progress;
    QTimer *m_poll;
    QLabel *m_summary;
    QTableWidget *m_table;
    std::shared_ptr<sim::PlanResult> m_pending, m_result;
};

} // namespace archsim::ui
