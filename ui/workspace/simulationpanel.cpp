// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/workspace/simulationpanel.h"

#include "ui/document/projectdocument.h"

#include "simulator/analytic/analyticengine.h"
#include "simulator/study/sweep.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>

namespace archsim::ui {

namespace {
QDoubleSpinBox *number(double min, double max, double value, int decimals, const QString &suffix) {
    auto *box = new QDoubleSpinBox;
    box->setRange(min, max);
    box->setDecimals(decimals);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}
} // namespace

SimulationPanel::SimulationPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document) {
    m_engine = new QComboBox;
    m_engine->addItem(tr("Discrete-event"), QStringLiteral("des"));
    m_engine->addItem(tr("Analytic"), QStringLiteral("analytic"));
    m_variant = new QComboBox;
    m_scenario = new QComboBox;
    m_scale = number(0.001, 1000, 1, 3, tr(" ×"));
    m_scale->setToolTip(tr("Multiplies every open workload's rate"));
    m_duration = number(0.1, 1e6, 60, 1, tr(" s"));
    m_warmup = number(0, 1e6, 10, 1, tr(" s"));
    m_seed = new QSpinBox;
    m_seed->setRange(0, 2'000'000'000);
    m_seed->setValue(1);
    m_replications = new QSpinBox;
    m_replications->setRange(1, 1000);
    m_replications->setValue(4);
    m_randomFailures = new QCheckBox(tr("Random failures (MTBF/MTTR)"));
    m_from = number(0, 1e9, 0, 1, tr(" /s"));
    m_to = number(0, 1e9, 0, 1, tr(" /s"));
    m_steps = new QSpinBox;
    m_steps->setRange(2, 1000);
    m_steps->setValue(10);

    auto *form = new QFormLayout;
    form->addRow(tr("Engine"), m_engine);
    form->addRow(tr("Variant"), m_variant);
    form->addRow(tr("Workload scale"), m_scale);
    form->addRow(tr("Scenario"), m_scenario);
    form->addRow(tr("Duration"), m_duration);
    form->addRow(tr("Warm-up"), m_warmup);
    form->addRow(tr("Seed"), m_seed);
    form->addRow(tr("Replications"), m_replications);
    form->addRow(QString(), m_randomFailures);
    auto *sweepBox = new QGroupBox(tr("Load sweep (total open rate)"));
    auto *sweepForm = new QFormLayout(sweepBox);
    sweepForm->addRow(tr("From"), m_from);
    sweepForm->addRow(tr("To"), m_to);
    sweepForm->addRow(tr("Steps"), m_steps);

    m_run = new QPushButton(tr("Run"));
    m_run->setToolTip(tr("Run the chosen engine once (Ctrl+R)"));
    m_sweep = new QPushButton(tr("Sweep"));
    m_failures = new QPushButton(tr("Failure analysis"));
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_sweep);
    buttons->addWidget(m_failures);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_status = new QLabel(tr("Ready"));
    m_status->setWordWrap(true);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(sweepBox);
    layout->addLayout(buttons);
    layout->addLayout(progressRow);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(m_run, &QPushButton::clicked, this,
            [this] { start(request(RunRequest::Kind::Simulate)); });
    connect(m_sweep, &QPushButton::clicked, this,
            [this] { start(request(RunRequest::Kind::Sweep)); });
    connect(m_failures, &QPushButton::clicked, this,
            [this] { start(request(RunRequest::Kind::Failures)); });
    connect(m_cancelButton, &QPushButton::clicked, this, &SimulationPanel::cancel);
    connect(m_engine, &QComboBox::currentIndexChanged, this, [this] {
        const bool des = m_engine->currentData().toString() == QLatin1String("des");
        for (QWidget *w :
             {static_cast<QWidget *>(m_scenario), static_cast<QWidget *>(m_duration),
              static_cast<QWidget *>(m_warmup), static_cast<QWidget *>(m_seed),
              static_cast<QWidget *>(m_replications), static_cast<QWidget *>(m_randomFailures)})
            w->setEnabled(des);
    });
    connect(m_variant, &QComboBox::currentIndexChanged, this, &SimulationPanel::refreshChoices);
    connect(document, &ProjectDocument::projectReset, this, &SimulationPanel::refreshChoices);
    connect(document, &ProjectDocument::variantsChanged, this, &SimulationPanel::refreshChoices);
    connect(document, &ProjectDocument::scenariosChanged, this, &SimulationPanel::refreshChoices);
    connect(document, &ProjectDocument::currentVariantChanged, this,
            [this](int index) { m_variant->setCurrentIndex(index); });
    m_ticker.setInterval(100);
    connect(&m_ticker, &QTimer::timeout, this, &SimulationPanel::tick);
    refreshChoices();
}

SimulationPanel::~SimulationPanel() {
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
    }
}

void SimulationPanel::refreshChoices() {
    const QSignalBlocker block(m_variant);
    const int keep = m_variant->currentIndex() >= 0 ? m_variant->currentIndex()
                                                    : m_document->currentVariantIndex();
    m_variant->clear();
    for (const Variant &v : m_document->project().variants)
        m_variant->addItem(v.name);
    m_variant->setCurrentIndex(std::clamp(keep, 0, m_variant->count() - 1));
    const int index = m_variant->currentIndex();
    if (index < 0) return;
    const Variant &v = m_document->variant(index);
    const QString scenario = m_scenario->currentData().toString();
    m_scenario->clear();
    m_scenario->addItem(tr("(none)"), QString());
    for (const Scenario &s : v.scenarios)
        m_scenario->addItem(s.name, s.name);
    m_scenario->setCurrentIndex(std::max(0, m_scenario->findData(scenario)));
    // A sweep range around where the design saturates, when the analysis knows it.
    if (m_to->value() <= 0) {
        const sim::CompileResult compiled = sim::compileVariant(v, index);
        if (compiled.model) {
            const sim::LoadResult a = sim::analyze(*compiled.model);
            const double base = sim::openBaseRate(*compiled.model);
            const double top = a.saturationRatePerSec ? *a.saturationRatePerSec * 1.2 : 2 * base;
            if (top > 0) {
                m_from->setValue(std::round(top / 12));
                m_to->setValue(std::round(top));
            }
        }
    }
}

RunRequest SimulationPanel::request(RunRequest::Kind kind) const {
    RunRequest q;
    q.kind = kind;
    q.des = m_engine->currentData().toString() == QLatin1String("des");
    q.variantIndex = std::max(0, m_variant->currentIndex());
    q.variant = m_document->variant(q.variantIndex);
    q.scale = m_scale->value();
    q.durationSec = m_duration->value();
    q.warmupSec = m_warmup->value();
    q.seed = quint64(m_seed->value());
    q.replications = m_replications->value();
    q.scenario = m_scenario->currentData().toString();
    q.randomFailures = m_randomFailures->isChecked();
    q.fromRate = m_from->value();
    q.toRate = m_to->value();
    q.steps = m_steps->value();
    return q;
}

bool SimulationPanel::start(const RunRequest &request) {
    if (m_thread) {
        emit runFailed(tr("A run is in progress; cancel it first."));
        return false;
    }
    m_fraction = std::make_shared<std::atomic<double>>(0.0);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_outcome = std::make_shared<RunOutcome>();
    auto fraction = m_fraction;
    auto cancelFlag = m_cancel;
    auto outcome = m_outcome;
    m_thread = QThread::create([request, fraction, cancelFlag, outcome] {
        *outcome = executeRun(
            request, [fraction](double f) { fraction->store(f); }, cancelFlag.get());
    });
    connect(m_thread, &QThread::finished, this, &SimulationPanel::finished);
    m_clock.start();
    setRunning(true);
    m_status->setText(tr("Running…"));
    m_thread->start();
    emit runStarted();
    return true;
}

void SimulationPanel::cancel() {
    if (!m_thread) return;
    m_cancel->store(true);
    m_cancelClock.start();
    m_status->setText(tr("Cancelling…"));
}

bool SimulationPanel::waitForIdle(int msecs) {
    QElapsedTimer t;
    t.start();
    while (m_thread && t.elapsed() < msecs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_thread;
}

void SimulationPanel::setRunning(bool running) {
    for (QPushButton *b : {m_run, m_sweep, m_failures})
        b->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    if (running) {
        m_progress->setValue(0);
        m_ticker.start();
    } else {
        m_ticker.stop();
    }
}

void SimulationPanel::tick() {
    if (!m_fraction) return;
    const double f = std::clamp(m_fraction->load(), 0.0, 1.0);
    m_progress->setValue(int(f * 1000));
    const double elapsed = m_clock.elapsed() / 1000.0;
    QString text = tr("Running: %1 s elapsed").arg(elapsed, 0, 'f', 1);
    if (f > 0.02) text += tr(", about %1 s left").arg(elapsed * (1 - f) / f, 0, 'f', 1);
    if (m_cancel && m_cancel->load()) text = tr("Cancelling…");
    m_status->setText(text);
}

void SimulationPanel::finished() {
    m_thread->deleteLater();
    m_thread = nullptr;
    setRunning(false);
    const double elapsed = m_clock.elapsed() / 1000.0;
    RunOutcome outcome = std::move(*m_outcome);
    if (m_cancel->load()) {
        const double stop = m_cancelClock.isValid() ? m_cancelClock.elapsed() / 1000.0 : 0.0;
        m_status->setText(tr("Cancelled (stopped %1 s after Cancel)").arg(stop, 0, 'f', 2));
        m_progress->setValue(0);
        m_cancelClock.invalidate();
        emit runCancelled(stop);
        return;
    }
    if (!outcome.record) {
        m_status->setText(tr("Not run: %1").arg(outcome.error));
        emit runFailed(outcome.error);
        return;
    }
    m_progress->setValue(1000);
    const qint64 id = m_document->addRun(*outcome.record);
    m_status->setText(tr("Done in %1 s: %2").arg(elapsed, 0, 'f', 1).arg(outcome.record->summary));
    emit runFinished(id);
}

} // namespace archsim::ui
