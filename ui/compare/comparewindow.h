// SPDX-License-Identifier: GPL-3.0-or-later
// The Compare view: variants side by side (table with significance and SLO verdicts), both
// diagrams, overlaid load sweeps and the break-even chart. Runs on a worker thread.
#pragma once

#include "simulator/study/compare.h"
#include "ui/document/projectdocument.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>

class QChartView;
class QDoubleSpinBox;
class QHBoxLayout;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;
class QCheckBox;
class QTimer;

namespace archsim::ui {

class StudyRunner;

class CompareWindow : public QWidget {
    Q_OBJECT
public:
    explicit CompareWindow(ProjectDocument *document, QWidget *parent = nullptr);

    // Runs the comparison with the form's settings (tests call it, then wait for finished()).
    void run();
    QTableWidget *table() const { return m_table; }
    QLabel *verdict() const { return m_verdict; }
    QTabWidget *tabs() const { return m_tabs; }
    QListWidget *variantList() const { return m_variants; }
    const QJsonObject &result() const { return m_result; }

signals:
    void finished();

private:
    void fillVariants();
    void showResult();
    void showDiagrams(const QStringList &names);
    void showSweeps();
    void showBreakEven();

    ProjectDocument *m_document;
    StudyRunner *m_runner;
    QListWidget *m_variants;
    QDoubleSpinBox *m_rate, *m_p99, *m_errorRate, *m_availability, *m_from, *m_to;
    QSpinBox *m_steps, *m_replications;
    QCheckBox *m_desPlans;
    QPushButton *m_runButton, *m_cancelButton;
    QProgressBar *m_progress;
    QTimer *m_poll;
    QLabel *m_verdict;
    QTabWidget *m_tabs;
    QTableWidget *m_table;
    QHBoxLayout *m_diagrams;
    QChartView *m_sweepChart, *m_breakEvenChart;
    QJsonObject m_result; // the compare JSON, with breakEven
    QJsonObject m_sweeps; // variant name -> [[rate, mean ms, p99 estimate]...]
    QList<Variant> m_running;
    std::shared_ptr<QJsonObject> m_pending; // filled by the worker thread
};

} // namespace archsim::ui
