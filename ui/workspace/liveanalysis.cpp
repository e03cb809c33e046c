// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/workspace/liveanalysis.h"

#include "ui/document/elementset.h"
#include "ui/document/projectdocument.h"

#include <QCoreApplication>

namespace archsim::ui {

const sim::UnitResult *LiveResult::unit(const QString &id) const {
    if (!check.analysis) return nullptr;
    for (const sim::UnitResult &u : check.analysis->units)
        if (u.id == id) return &u;
    return nullptr;
}

QString LiveResult::bottleneck() const {
    return check.analysis ? check.analysis->bottleneck : QString();
}

LiveResult computeLive(const Variant &variant, int variantIndex, quint64 revision, bool complete) {
    QElapsedTimer clock;
    clock.start();
    LiveResult r;
    r.revision = revision;
    r.variantIndex = variantIndex;
    r.variantName = variant.name;
    r.check = sim::checkVariant(variant, variantIndex, complete);
    r.complete = complete;
    if (r.check.model && r.check.analysis) {
        const sim::CompiledModel &m = *r.check.model;
        const sim::LoadResult &a = *r.check.analysis;
        for (const sim::CompiledComponent &c : m.components)
            r.unitOfComponent.insert(c.id, m.units[std::size_t(c.unit)].id);
        // Calls per second on a connection: each workload's throughput times the caller's visits
        // per request times the calls per visit (a cache's misses only).
        std::vector<double> perCall(m.calls.size(), 0.0);
        for (std::size_t w = 0; w < m.workloads.size() && w < a.workloads.size(); ++w) {
            const double rate = a.workloads[w].throughputPerSec;
            for (std::size_t k = 0; k < m.calls.size(); ++k)
                perCall[k] +=
                    rate * m.visits[w][std::size_t(m.calls[k].from)] * m.calls[k].multiplier;
        }
        for (std::size_t k = 0; k < m.calls.size(); ++k) {
            const int index = m.calls[k].connection;
            if (index < 0 || index >= variant.connections.size()) continue;
            r.callsPerSec[connectionKey(variant.connections[index])] += perCall[k];
        }
        if (complete) r.failures = sim::analyzeFailures(variant, m);
    }
    r.elapsedMs = double(clock.nsecsElapsed()) / 1e6;
    return r;
}

LiveAnalysis::LiveAnalysis(ProjectDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document) {
    m_pool.setMaxThreadCount(1);
    m_failurePool.setMaxThreadCount(1);
    m_timer.setSingleShot(true);
    m_timer.setInterval(150);
    connect(&m_timer, &QTimer::timeout, this, &LiveAnalysis::runNow);
    connect(document, &ProjectDocument::changed, this, &LiveAnalysis::edited);
    connect(document, &ProjectDocument::projectReset, this, &LiveAnalysis::edited);
    connect(document, &ProjectDocument::currentVariantChanged, this, &LiveAnalysis::edited);
    edited();
}

LiveAnalysis::~LiveAnalysis() {
    m_pool.clear();
    m_pool.waitForDone(); // no worker outlives the object it reports to
    m_failurePool.clear();
    m_failurePool.waitForDone();
}

void LiveAnalysis::edited() {
    ++m_revision;
    emit invalidated();
    m_timer.start();
}

void LiveAnalysis::runNow() {
    m_timer.stop();
    if (m_document->variantCount() == 0) return;
    const int index = m_document->currentVariantIndex();
    const Variant variant = m_document->currentVariant(); // a copy for the worker
    const quint64 revision = m_revision;
    // Only the newest request matters: drop any still waiting for the worker.
    m_pool.clear();
    m_wanted.store(revision);
    m_pool.start([this, variant, index, revision] {
        // Two stages: utilisation first (fast), then the failure analysis (slower on large
        // designs: SPOF badges and what-if follow a moment later), skipped once stale.
        auto result = std::make_shared<LiveResult>(computeLive(variant, index, revision, false));
        QMetaObject::invokeMethod(
            this, [this, result] { deliver(result); }, Qt::QueuedConnection);
        if (!result->check.model || m_wanted.load() != revision) return;
        // Its own thread, so a long failure analysis never delays the next edit's figures;
        // only the newest waits there.
        m_failurePool.clear();
        m_failurePool.start([this, variant, index, revision] {
            if (m_wanted.load() != revision) return;
            auto full = std::make_shared<LiveResult>(computeLive(variant, index, revision, true));
            QMetaObject::invokeMethod(
                this, [this, full] { deliver(full); }, Qt::QueuedConnection);
        });
    });
}

bool LiveAnalysis::waitForIdle(int msecs) {
    if (m_timer.isActive()) runNow();
    bool done = m_pool.waitForDone(msecs);
    QCoreApplication::sendPostedEvents(this);
    done = m_failurePool.waitForDone(msecs) && done;
    QCoreApplication::sendPostedEvents(this);
    return done;
}

void LiveAnalysis::deliver(std::shared_ptr<LiveResult> result) {
    if (result->revision != m_revision) return; // the model changed since: a newer one comes
    m_latest = std::move(result);
    emit resultReady(*m_latest);
}

} // namespace archsim::ui
