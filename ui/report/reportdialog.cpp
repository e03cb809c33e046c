// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportdialog.h"

#include "ui/compare/studyrunner.h"
#include "ui/document/projectdocument.h"
#include "ui/report/reportwriter.h"

#include "model/jsonwriter.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace archsim::ui {

namespace {

QDoubleSpinBox *spin(double max, int decimals, double value, const QString &special = {}) {
    auto *s = new QDoubleSpinBox;
    s->setRange(0, max);
    s->setDecimals(decimals);
    s->setValue(value);
    if (!special.isEmpty()) s->setSpecialValueText(special);
    return s;
}

} // namespace

ReportDialog::ReportDialog(ProjectDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_runner(new StudyRunner(this)) {
    setWindowTitle(tr("Export report — %1").arg(document->displayName()));
    m_variants = new QListWidget;
    m_variants->setMaximumHeight(90);
    for (const Variant &v : document->project().variants) {
        auto *item = new QListWidgetItem(v.name, m_variants);
        item->setCheckState(m_variants->count() <= 2 ? Qt::Checked : Qt::Unchecked);
    }
    double today = 0;
    for (const Workload &w : document->currentVariant().workloads)
        if (!w.isClosed()) today += w.ratePerSec.value_or(0);
    m_rate = spin(1e7, 1, today);
    m_p99 = spin(1e6, 1, 400, tr("none"));
    m_errorRate = spin(1, 4, 0.01, tr("none"));
    m_availability = spin(1, 5, 0.999, tr("none"));
    m_replications = new QSpinBox;
    m_replications->setRange(2, 50);
    m_replications->setValue(4);
    m_from = spin(1e7, 1, std::max(1.0, today * 0.4));
    m_to = spin(1e7, 1, std::max(2.0, today * 8));
    m_steps = new QSpinBox;
    m_steps->setRange(2, 200);
    m_steps->setValue(12);
    m_desPlans = new QCheckBox(tr("confirm break-even plans with the DES (slower)"));
    m_output = new QLineEdit;
    const QFileInfo info(document->filePath());
    m_output->setText(
        QFileInfo(info.absolutePath().isEmpty() ? QDir::homePath() : info.absolutePath(),
                  (info.completeBaseName().isEmpty() ? QStringLiteral("report")
                                                     : info.completeBaseName()) +
                      QStringLiteral("-report.pdf"))
            .absoluteFilePath());
    auto *browse = new QPushButton(tr("Browse…"));
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_status = new QLabel(tr("The studies behind a report take from seconds to a minute."));
    m_status->setWordWrap(true);
    m_exportButton = new QPushButton(tr("&Export"));
    m_exportButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("Cancel run"));
    m_cancelButton->setEnabled(false);
    m_closeButton = new QPushButton(tr("Close"));
    m_poll = new QTimer(this);
    m_poll->setInterval(100);

    auto *form = new QFormLayout;
    form->addRow(tr("Variants:"), m_variants);
    form->addRow(tr("Target load, total open rate (/s):"), m_rate);
    auto *slo = new QHBoxLayout;
    for (auto [label, box] :
         {std::pair{tr("p99 ≤ ms"), m_p99}, std::pair{tr("error rate ≤"), m_errorRate},
          std::pair{tr("availability ≥"), m_availability}}) {
        slo->addWidget(new QLabel(label));
        slo->addWidget(box);
    }
    form->addRow(tr("SLO:"), slo);
    form->addRow(tr("DES replications:"), m_replications);
    auto *be = new QHBoxLayout;
    be->addWidget(m_from);
    be->addWidget(new QLabel(tr("to")));
    be->addWidget(m_to);
    be->addWidget(new QLabel(tr("steps")));
    be->addWidget(m_steps);
    form->addRow(tr("Break-even from (/s):"), be);
    form->addRow(QString(), m_desPlans);
    auto *file = new QHBoxLayout;
    file->addWidget(m_output, 1);
    file->addWidget(browse);
    form->addRow(tr("File (.pdf, .html, .csv):"), file);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_exportButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_closeButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    resize(720, sizeHint().height());

    connect(browse, &QPushButton::clicked, this, &ReportDialog::browse);
    connect(m_exportButton, &QPushButton::clicked, this, &ReportDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, m_runner, &StudyRunner::cancel);
    connect(m_closeButton, &QPushButton::clicked, this, [this] {
        m_runner->cancel();
        close();
    });
    connect(m_poll, &QTimer::timeout, this,
            [this] { m_progress->setValue(int(1000 * m_runner->progress())); });
    connect(m_runner, &StudyRunner::finished, this, &ReportDialog::finish);
}

void ReportDialog::setOutputPath(const QString &path) {
    m_output->setText(path);
}
QString ReportDialog::outputPath() const {
    return m_output->text();
}
bool ReportDialog::isRunning() const {
    return m_runner->isRunning();
}

void ReportDialog::browse() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export report"), m_output->text(),
                                     tr("PDF (*.pdf);;HTML, one file (*.html);;CSV (*.csv)"));
    if (!path.isEmpty()) m_output->setText(path);
}

report::ReportOptions ReportDialog::readOptions(QString *error) const {
    report::ReportOptions options;
    for (int i = 0; i < m_variants->count(); ++i)
        if (m_variants->item(i)->checkState() == Qt::Checked)
            options.variants << m_variants->item(i)->text();
    if (options.variants.size() < 2) *error = tr("Check two or more variants.");
    const QString suffix = QFileInfo(m_output->text()).suffix().toLower();
    if (!QStringList{"pdf", "html", "htm", "csv"}.contains(suffix))
        *error = tr("The file name must end in .pdf, .html or .csv.");
    if (m_rate->value() > 0) options.compare.ratePerSec = m_rate->value();
    if (m_p99->value() > 0) options.compare.slo.p99Ms = m_p99->value();
    if (m_errorRate->value() > 0) options.compare.slo.errorRate = m_errorRate->value();
    if (m_availability->value() > 0) options.compare.slo.availability = m_availability->value();
    // The CLI's defaults (compare and report): 20 s after 5 s warm-up, seed 1.
    options.compare.des.durationSec = 20;
    options.compare.des.warmupSec = 5;
    options.compare.des.replications = m_replications->value();
    options.from = m_from->value();
    options.to = std::max(m_to->value(), m_from->value() + 1);
    options.steps = m_steps->value();
    options.desPlans = m_desPlans->isChecked();
    if (suffix == QLatin1String("csv")) options.sweepSteps = 0; // the CSV has no latency chart
    // The provenance hashes the file as saved; unsaved edits are hashed as the JSON they are.
    const QString path = m_document->filePath();
    QFile file(path);
    if (!path.isEmpty() && !m_document->isModified() && file.open(QIODevice::ReadOnly)) {
        options.modelFile = QFileInfo(path).fileName();
        options.modelContent = file.readAll();
    } else {
        options.modelFile = tr("%1 (unsaved; hash of its JSON)").arg(m_document->displayName());
        options.modelContent = writeProjectJson(m_document->project());
    }
    return options;
}

void ReportDialog::start() {
    if (m_runner->isRunning()) return;
    QString error;
    const report::ReportOptions options = readOptions(&error);
    if (!error.isEmpty()) {
        m_status->setText(error);
        emit failed(error);
        return;
    }
    m_writing = m_output->text();
    m_exportButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_status->setText(tr("Running the comparison, plans, sweeps and sensitivity…"));
    m_progress->setValue(0);
    m_poll->start();
    auto out = std::make_shared<report::ReportData>();
    m_pending = out;
    const Project project = m_document->project();
    const std::atomic<bool> *cancel = m_runner->cancelFlag();
    m_runner->start([out, project, options, cancel](const std::function<void(double)> &progress) {
        *out = report::runReportStudy(
            project, options, [&progress](double f, const QString &) { progress(0.95 * f); },
            cancel);
    });
}

void ReportDialog::finish(bool cancelled) {
    m_poll->stop();
    m_cancelButton->setEnabled(false);
    m_exportButton->setEnabled(true);
    const std::shared_ptr<report::ReportData> data = m_pending;
    if (cancelled || !data || data->cancelled) {
        m_progress->setValue(0);
        m_status->setText(tr("Cancelled; no file written."));
        return;
    }
    if (!data->error.isEmpty()) {
        m_progress->setValue(0);
        m_status->setText(tr("Cannot report: %1").arg(data->error));
        emit failed(data->error);
        return;
    }
    // Charts and the PDF are drawn here, on the GUI thread (Qt Charts are graphics items).
    m_status->setText(tr("Writing %1…").arg(QFileInfo(m_writing).fileName()));
    const QString error = report::writeReport(*data, m_writing);
    m_progress->setValue(error.isEmpty() ? 1000 : 0);
    if (!error.isEmpty()) {
        m_status->setText(error);
        emit failed(error);
        return;
    }
    const QStringList verdict = report::verdictSentences(*data);
    m_status->setText(tr("Wrote %1. %2").arg(m_writing, verdict.value(0)));
    emit exported(m_writing);
}

void addReportAction(QMenu *menu, QWidget *window, ProjectDocument *document) {
    QAction *action = menu->addAction(QObject::tr("Export &Report…"));
    action->setObjectName(QStringLiteral("exportReport"));
    action->setShortcut(QKeySequence(QObject::tr("Ctrl+Shift+R")));
    QObject::connect(action, &QAction::triggered, window, [=] {
        auto *dialog = new ReportDialog(document, window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
}

} // namespace archsim::ui
