// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a study (compare, plan) on a worker thread with progress and cancel for the app's dialogs.
#pragma once

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>

namespace archsim::ui {

class StudyRunner : public QObject {
    Q_OBJECT
public:
    explicit StudyRunner(QObject *parent = nullptr);
    ~StudyRunner() override;
    // WORK runs on a worker thread; it reports 0..1 through the callback it gets and checks
    // cancelFlag(). finished() follows on the GUI thread.
    void start(std::function<void(const std::function<void(double)> &)> work);
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_thread != nullptr; }
    const std::atomic<bool> *cancelFlag() const { return &m_cancel; }
    double progress() const { return m_progress.load(); }

signals:
    void finished(bool cancelled);

private:
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
    std::atomic<double> m_progress{0};
};

} // namespace archsim::ui
