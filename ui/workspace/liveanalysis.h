// SPDX-License-Identifier: GPL-3.0-or-later
// The analytical engine rerun after every edit, off the GUI thread: the edit bumps a revision,
// a short debounce batches a gesture, a worker checks and analyses a copy of the variant, and a
// result for an older revision than the document's is dropped.
#pragma once

#include "simulator/failures/failureanalysis.h"
#include "simulator/modelchecks.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace archsim::ui {

class ProjectDocument;

struct LiveResult {
    quint64 revision = 0;
    int variantIndex = 0;
    QString variantName;
    sim::VariantCheck check;                 // problems; model and analysis when it compiles
    QHash<QString, double> callsPerSec;      // per connection key: calls per second at this load
    QHash<QString, QString> unitOfComponent; // component id -> unit id
    // Second stage: the failure analysis (slower on large designs).
    std::optional<sim::FailureReport> failures;
    // The unit that saturates first as the load grows (the analysis's bottleneck).
    QString bottleneck() const;
    bool complete = false; // second stage: saturation searched, failures analysed
    double elapsedMs = 0;  // time the worker took for the load analysis

    bool hasNumbers() const { return check.analysis.has_value(); }
    const sim::UnitResult *unit(const QString &id) const;
};

// The computation itself, for the worker and for the benchmark.
// COMPLETE: the saturation search and the failure analysis too (the second stage); without it,
// the fast first stage (the solve at the current load).
LiveResult computeLive(const Variant &variant, int variantIndex, quint64 revision,
                       bool complete = true);

class LiveAnalysis : public QObject {
    Q_OBJECT
public:
    explicit LiveAnalysis(ProjectDocument *document, QObject *parent = nullptr);
    ~LiveAnalysis() override;

    // The newest result for the current revision; null before the first one, or when it is stale.
    // resultReady comes twice per revision: with the load analysis, then with failures too.
    const LiveResult *latest() const {
        return m_latest && m_latest->revision == m_revision ? m_latest.get() : nullptr;
    }
    quint64 revision() const { return m_revision; }
    void setDebounceMs(int ms) { m_timer.setInterval(ms); }
    // Starts the analysis now (tests; the benchmark).
    void runNow();
    // Waits for the worker (tests).
    bool waitForIdle(int msecs = 5000);

signals:
    void resultReady(const archsim::ui::LiveResult &result);
    // The model changed and no result for it exists yet.
    void invalidated();

private:
    void edited();
    void deliver(std::shared_ptr<LiveResult> result);

    ProjectDocument *m_document;
    QTimer m_timer;
    QThreadPool m_pool;
    QThreadPool m_failurePool;
    quint64 m_revision = 1;
    std::atomic<quint64> m_wanted{0}; // the revision the worker should still finish
    std::shared_ptr<LiveResult> m_latest;
};

} // namespace archsim::ui
