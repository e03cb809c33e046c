// SPDX-License-Identifier: GPL-3.0-or-later
// The simulation panel: engine, variant, scale, scenario, duration, warm-up, seed, replications;
// Run, Sweep and Failure analysis; a worker thread with progress, elapsed and remaining time,
// and Cancel. A finished run goes into the project's runs.
#pragma once

#include "ui/workspace/runexecutor.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QThread;

namespace archsim::ui {

class ProjectDocument;

class SimulationPanel : public QWidget {
    Q_OBJECT
public:
    explicit SimulationPanel(ProjectDocument *document, QWidget *parent = nullptr);
    ~SimulationPanel() override;

    // The request the form describes (KIND: run, sweep or failures).
    RunRequest request(RunRequest::Kind kind) const;
    // Starts REQUEST on the worker; false (and runFailed) when one is running already.
    bool start(const RunRequest &request);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    // Waits for the worker while processing events (tests).
    bool waitForIdle(int msecs);

    // The form's fields, for tests and the what-if dialog.
    QComboBox *engineBox() const { return m_engine; }
    QComboBox *scenarioBox() const { return m_scenario; }
    QDoubleSpinBox *durationBox() const { return m_duration; }
    QDoubleSpinBox *warmupBox() const { return m_warmup; }
    QSpinBox *seedBox() const { return m_seed; }
    QSpinBox *replicationsBox() const { return m_replications; }
    QDoubleSpinBox *fromBox() const { return m_from; }
    QDoubleSpinBox *toBox() const { return m_to; }
    QSpinBox *stepsBox() const { return m_steps; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *sweepButton() const { return m_sweep; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QProgressBar *progressBar() const { return m_progress; }

signals:
    void runStarted();
    void runFinished(qint64 runId);
    void runFailed(const QString &message);
    void runCancelled(double secondsToStop);

private:
    void refreshChoices();
    void tick();
    void finished();
    void setRunning(bool running);

    ProjectDocument *m_document;
    QComboBox *m_engine, *m_variant, *m_scenario;
    QDoubleSpinBox *m_scale, *m_duration, *m_warmup, *m_from, *m_to;
    QSpinBox *m_seed, *m_replications, *m_steps;
    QCheckBox *m_randomFailures;
    QPushButton *m_run, *m_sweep, *m_failures, *m_cancelButton;
    QProgressBar *m_progress;
    QLabel *m_status;

    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<double>> m_fraction;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<RunOutcome> m_outcome;
    QElapsedTimer m_clock;
    QElapsedTimer m_cancelClock;
    QTimer m_ticker;
};

} // namespace archsim::ui
