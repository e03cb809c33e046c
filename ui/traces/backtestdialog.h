// SPDX-License-Identifier: GPL-3.0-or-later
// File > Back-test Traces: calibrate on one window, predict another with both engines, and chart
// predicted against measured mean, p50, p95 and p99 per entry operation.
#pragma once

#include "simulator/study/calibrationbacktest.h"

#include <QDialog>

#include <memory>

class QChartView;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace archsim::ui {

class StudyRunner;

class BacktestDialog : public QDialog {
    Q_OBJECT
public:
    explicit BacktestDialog(QWidget *parent = nullptr);
    void setFiles(const QStringList &paths);
    void setWindows(double trainFrom, double trainTo, double testFrom, double testTo);
    QTableWidget *table() const { return m_table; }

public slots:
    void run();

signals:
    void done(bool ok);

private:
    void finish(bool cancelled);

    StudyRunner *m_runner;
    QListWidget *m_files;
    QDoubleSpinBox *m_trainFrom, *m_trainTo, *m_testFrom, *m_testTo;
    QPushButton *m_runButton, *m_cancelButton;
    QProgressBar *m_progress;
    QTimer *m_poll;
    QLabel *m_summary;
    QTableWidget *m_table;
    QChartView *m_chart;
    std::shared_ptr<sim::BacktestResult> m_pending;
};

} // namespace archsim::ui
