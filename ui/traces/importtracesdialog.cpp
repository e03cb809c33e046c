// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/traces/importtracesdialog.h"

#include "ui/compare/studyrunner.h"
#include "ui/document/elementset.h"
#include "ui/document/listcommand.h"
#include "ui/document/projectdocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace archsim::ui {

ImportTracesDialog::ImportTracesDialog(ProjectDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_runner(new StudyRunner(this)) {
    setWindowTitle(tr("Import Traces"));
    resize(760, 560);
    m_files = new QListWidget;
    auto *add = new QPushButton(tr("&Add Files…"));
    auto *clear = new QPushButton(tr("C&lear"));
    m_format = new QComboBox;
    m_format->addItems({tr("detect"), QStringLiteral("jaeger"), QStringLiteral("otlp"),
                        QStringLiteral("zipkin"), QStringLiteral("csv")});
    m_sampling = new QDoubleSpinBox;
    m_sampling->setRange(0.0001, 1);
    m_sampling->setDecimals(4);
    m_sampling->setValue(1);
    m_compare = new QCheckBox(tr("Compare with the designed variant"));
    m_designed = new QComboBox;
    m_designed->addItems(document->project().variantNames());
    m_designed->setCurrentIndex(document->currentVariantIndex());
    m_designed->setEnabled(false);
    m_threshold = new QDoubleSpinBox;
    m_threshold->setRange(0, 100);
    m_threshold->setValue(25);
    m_threshold->setSuffix(QStringLiteral(" %"));
    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(add);
    fileButtons->addWidget(clear);
    fileButtons->addStretch();
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_files, 1);
    fileRow->addLayout(fileButtons);
    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Sampling ratio:"), m_sampling);
    form->addRow(m_compare, m_designed);
    form->addRow(tr("List changes above:"), m_threshold);
    m_importButton = new QPushButton(tr("&Import"));
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_cancelButton = new QPushButton(tr("Cancel import"));
    m_cancelButton->setEnabled(false);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_progress->hide();
    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    m_summary = new QLabel(tr("Jaeger JSON, OTLP JSON, Zipkin v2 JSON or span CSV (.csv, .csv.gz). "
                              "See docs/calibration.md for the rules."));
    m_summary->setWordWrap(true);
    m_table = new QTableWidget;
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_importButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_progress, 1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Trace files:")));
    layout->addLayout(fileRow);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Trace files"), {}, tr("Traces (*.json *.csv *.gz);;All files (*)"));
        if (!paths.isEmpty()) setFiles(paths);
    });
    connect(clear, &QPushButton::clicked, m_files, &QListWidget::clear);
    connect(m_compare, &QCheckBox::toggled, m_designed, &QWidget::setEnabled);
    connect(m_importButton, &QPushButton::clicked, this, &ImportTracesDialog::import);
    connect(m_cancelButton, &QPushButton::clicked, m_runner, &StudyRunner::cancel);
    connect(m_poll, &QTimer::timeout, this,
            [this] { m_progress->setValue(int(1000 * m_runner->progress())); });
    connect(m_runner, &StudyRunner::finished, this, &ImportTracesDialog::finish);
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (row >= 0 && row < m_rowElements.size())
            emit highlight(m_rowElements.at(row).first, m_rowElements.at(row).second);
    });
}

void ImportTracesDialog::setFiles(const QStringList &paths) {
    for (const QString &p : paths)
        m_files->addItem(p);
}

void ImportTracesDialog::setDesigned(const QString &variantName) {
    m_compare->setChecked(!variantName.isEmpty());
    if (!variantName.isEmpty()) m_designed->setCurrentText(variantName);
}

void ImportTracesDialog::import() {
    if (m_runner->isRunning()) return;
    traces::ImportOptions options;
    for (int i = 0; i < m_files->count(); ++i)
        options.paths << m_files->item(i)->text();
    if (options.paths.isEmpty()) {
        m_summary->setText(tr("Add one or more trace files first."));
        return;
    }
    options.format =
        traces::traceFormatFromName(m_format->currentIndex() == 0 ? QStringLiteral("auto")
                                                                  : m_format->currentText())
            .value_or(traces::TraceFormat::Auto);
    options.calibration.sampling = m_sampling->value();
    QString name = tr("Observed");
    for (int n = 2; m_document->project().findVariant(name); ++n)
        name = tr("Observed %1").arg(n);
    options.calibration.variantName = name;
    options.cancel = m_runner->cancelFlag();
    auto out = std::make_shared<traces::ImportResult>();
    m_pending = out;
    m_importButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->setValue(0);
    m_progress->show();
    m_poll->start();
    m_summary->setText(tr("Reading traces…"));
    m_runner->start([out, options](const std::function<void(double)> &report) mutable {
        options.progress = report;
        *out = traces::importTraces(options);
    });
}

void ImportTracesDialog::finish(bool cancelled) {
    m_poll->stop();
    m_progress->hide();
    m_importButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    const std::shared_ptr<traces::ImportResult> r = m_pending;
    m_pending.reset();
    if (cancelled || !r || !r->ok) {
        m_summary->setText(cancelled || !r ? tr("Cancelled; nothing was added.")
                                           : tr("Import failed: %1").arg(r->error.toHtmlEscaped()));
        emit imported(false);
        return;
    }
    Variant variant = r->calibration.variant;
    QList<Variant> variants = m_document->project().variants;
    int at = int(variants.size());
    traces::DesignDiff diff;
    const bool compare = m_compare->isChecked() && m_designed->currentIndex() >= 0;
    if (compare) {
        const Variant &designed = variants.at(m_designed->currentIndex());
        traces::DiffOptions o;
        o.threshold = m_threshold->value() / 100;
        QString name = designed.name + tr(" (observed)");
        for (int n = 2; m_document->project().findVariant(name); ++n)
            name = designed.name + tr(" (observed %1)").arg(n);
        o.mergedName = name;
        diff = traces::diffDesign(designed, variant, o);
        variant = diff.merged;
        at = m_designed->currentIndex() + 1;
    }
    // Into a new project: its one empty variant gives way to the observed one.
    const bool replaceEmpty =
        !compare && variants.size() == 1 && variants.first().components.isEmpty();
    if (replaceEmpty) {
        variants[0] = variant;
        at = 0;
    } else {
        variants.insert(at, variant);
    }
    m_document->undoStack()->push(new SetVariantsCommand(
        m_document, variants, at, tr("Import traces as %1").arg(variant.name)));
    const QJsonObject &rep = r->calibration.report;
    m_summary->setText(tr("Added variant <b>%1</b> from %2 traces, %3 spans (%4 malformed spans "
                          "skipped, %5 spans without their parent).")
                           .arg(variant.name.toHtmlEscaped())
                           .arg(rep.value(QStringLiteral("traces")).toInteger())
                           .arg(rep.value(QStringLiteral("spans")).toInteger())
                           .arg(r->stats.skipped)
                           .arg(rep.value(QStringLiteral("spansWithoutParent")).toInteger()));
    m_table->clear();
    m_rowElements.clear();
    if (compare) {
        for (const traces::DiffRow &row : diff.rows) {
            QStringList components, connections;
            if (row.to.isEmpty()) {
                if (variant.findComponent(row.from)) components << row.from;
            } else {
                for (const Connection &c : variant.connections)
                    if (c.from == row.from && c.to == row.to) connections << connectionKey(c);
            }
            m_rowElements.append({components, connections});
        }
        m_table->setColumnCount(4);
        m_table->setHorizontalHeaderLabels(
            {tr("difference"), tr("where"), tr("designed"), tr("observed")});
        m_table->setRowCount(int(diff.rows.size()));
        for (int i = 0; i < diff.rows.size(); ++i) {
            const traces::DiffRow &row = diff.rows.at(i);
            m_table->setItem(i, 0, new QTableWidgetItem(row.what));
            m_table->setItem(i, 1,
                             new QTableWidgetItem(row.to.isEmpty()
                                                      ? row.from
                                                      : row.from + QStringLiteral(" → ") + row.to));
            m_table->setItem(i, 2, new QTableWidgetItem(QString::number(row.designed, 'g', 4)));
            m_table->setItem(i, 3, new QTableWidgetItem(QString::number(row.observed, 'g', 4)));
        }
    } else {
        const QJsonArray services = rep.value(QStringLiteral("services")).toArray();
        m_table->setColumnCount(6);
        m_table->setHorizontalHeaderLabels({tr("service"), tr("visits"), tr("own work ms"),
                                            tr("cv"), tr("fit"), tr("KS distance")});
        m_table->setRowCount(int(services.size()));
        for (int i = 0; i < services.size(); ++i) {
            const QJsonObject s = services.at(i).toObject();
            const QString dist = s.value(QStringLiteral("distribution")).toString();
            m_table->setItem(i, 0,
                             new QTableWidgetItem(s.value(QStringLiteral("service")).toString()));
            m_table->setItem(i, 1,
                             new QTableWidgetItem(
                                 QString::number(s.value(QStringLiteral("visits")).toInteger())));
            m_table->setItem(i, 2,
                             new QTableWidgetItem(QString::number(
                                 s.value(QStringLiteral("meanMs")).toDouble(), 'f', 3)));
            m_table->setItem(i, 3,
                             new QTableWidgetItem(QString::number(
                                 s.value(QStringLiteral("cv")).toDouble(), 'f', 2)));
            m_table->setItem(i, 4, new QTableWidgetItem(dist));
            const double ks =
                s.value(dist == QLatin1String("lognormal") ? QStringLiteral("ksLognormal")
                                                           : QStringLiteral("ksExponential"))
                    .toDouble();
            m_table->setItem(i, 5, new QTableWidgetItem(QString::number(ks, 'f', 3)));
        }
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    emit imported(true);
    if (compare) {
        QStringList components, connections;
        for (const auto &[c, k] : m_rowElements) {
            components << c;
            connections << k;
        }
        emit highlight(components, connections);
    }
}

} // namespace archsim::ui
