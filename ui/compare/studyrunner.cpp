// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/compare/studyrunner.h"

namespace archsim::ui {

StudyRunner::StudyRunner(QObject *parent)
    : QObject(parent) {}

StudyRunner::~StudyRunner() {
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

void StudyRunner::start(std::function<void(const std::function<void(double)> &)> work) {
    if (m_thread) return;
    m_cancel = false;
    m_progress = 0;
    m_thread = QThread::create([this, work] { work([this](double f) { m_progress = f; }); });
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        emit finished(m_cancel.load());
    });
    m_thread->start();
}

} // namespace archsim::ui
