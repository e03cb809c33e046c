// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/compare/plandialog.h"

#include "ui/compare/studyrunner.h"
#include "ui/document/elementscommands.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace archsim::ui {

PlanDialog::PlanDialog(ProjectDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_variant(document->currentVariantIndex())
    , m_runner(new StudyRunner(this)) {
    setWindowTitle(tr("Plan capacity — %1").arg(document->currentVariant().name));
    resize(720, 520);
    double today = 0;
    for (const Workload &w : document->currentVariant().workloads)
        if (!w.isClosed()) today += w.ratePerSec.value_or(0);
    m_rate = new QDoubleSpinBox;
    m_rate->setRange(0.001, 1e7);
    m_rate->setValue(today > 0 ? today : 100);
    m_p99 = new QDoubleSpinBox;
    m_p99->setRange(0.1, 1e6);
    m_p99->setValue(400);
    m_errorRate = new QDoubleSpinBox;
    m_errorRate->setRange(0, 1);
    m_errorRate->setDecimals(4);
    m_errorRate->setValue(0.01);
    m_errorRate->setSpecialValueText(tr("none"));
    auto *form = new QFormLayout;
    form->addRow(tr("Total open rate (/s):"), m_rate);
    form->addRow(tr("p99 at most (ms):"), m_p99);
    form->addRow(tr("Error rate at most:"), m_errorRate);
    m_planButton = new QPushButton(tr("&Plan"));
    m_cancelButton = new QPushButton(tr("Cancel run"));
    m_cancelButton->setEnabled(false);
    m_applyButton = new QPushButton(tr("&Apply to variant"));
    m_applyButton->setEnabled(false);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0);
    m_progress->hide();
    m_poll = new QTimer(this);
    m_summary = new QLabel(tr("The planner searches with the analytical engine, then confirms "
                              "and corrects with discrete-event runs."));
    m_summary->setWordWrap(true);
    m_table = new QTableWidget;
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_planButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_applyButton);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_planButton, &QPushButton::clicked, this, &PlanDialog::plan);
    connect(m_applyButton, &QPushButton::clicked, this, &PlanDialog::apply);
    connect(m_cancelButton, &QPushButton::clicked, m_runner, &StudyRunner::cancel);
    connect(m_runner, &StudyRunner::finished, this, [this](bool cancelled) {
        m_planButton->setEnabled(true);
        m_cancelButton->setEnabled(false);
        m_progress->hide();
        if (cancelled || !m_pending) {
            m_summary->setText(tr("Cancelled."));
        } else {
            m_result = m_pending;
            showPlan(*m_result);
        }
        emit planned();
    });
}

void PlanDialog::plan() {
    if (m_runner->isRunning()) return;
    sim::PlanOptions options;
    options.ratePerSec = m_rate->value();
    options.slo.p99Ms = m_p99->value();
    if (m_errorRate->value() > 0) options.slo.errorRate = m_errorRate->value();
    options.des.durationSec = 20;
    options.des.warmupSec = 5;
    options.des.replications = 3;
    options.des.cancel = m_runner->cancelFlag();
    const Variant variant = m_document->variant(m_variant);
    auto out = std::make_shared<sim::PlanResult>();
    m_pending = out;
    m_applyButton->setEnabled(false);
    m_planButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->show();
    m_summary->setText(tr("Planning…"));
    m_runner->start([out, variant, options](const std::function<void(double)> &) {
        *out = sim::planCapacity(variant, options);
    });
}

void PlanDialog::showPlan(const sim::PlanResult &plan) {
    QString text = plan.feasible ? tr("<b>Meets the SLO</b>") : tr("<b>Does not meet the SLO</b>");
    if (!plan.reason.isEmpty()) text += QStringLiteral(": ") + plan.reason.toHtmlEscaped();
    text += tr("<br>Cost $%1/month (now $%2).")
                .arg(plan.costPerMonth, 0, 'f', 0)
                .arg(plan.costPerMonthBefore, 0, 'f', 0);
    if (plan.p99Ms) text += tr(" p99 %1 ms.").arg(*plan.p99Ms, 0, 'f', 1);
    if (plan.desChecked)
        text += plan.confirmed ? tr(" The discrete-event run confirmed the analytical plan.")
                               : tr(" Discrete-event runs corrected the analytical plan (%1 runs).")
                                     .arg(plan.desRuns);
    m_summary->setText(text);
    m_table->clear();
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("unit"), tr("replicas now"), tr("planned"), tr("$/month"), tr("utilisation")});
    m_table->setRowCount(int(plan.units.size()));
    for (int i = 0; i < int(plan.units.size()); ++i) {
        const sim::PlanUnit &u = plan.units[std::size_t(i)];
        m_table->setItem(i, 0, new QTableWidgetItem(u.id));
        m_table->setItem(i, 1, new QTableWidgetItem(QString::number(u.before)));
        m_table->setItem(i, 2, new QTableWidgetItem(QString::number(u.replicas)));
        m_table->setItem(
            i, 3,
            new QTableWidgetItem(QString::number(u.costPerReplicaMonth * u.replicas, 'f', 0)));
        m_table->setItem(i, 4, new QTableWidgetItem(QString::number(u.utilization, 'f', 3)));
    }
    m_table->resizeColumnsToContents();
    m_applyButton->setEnabled(plan.feasible);
}

void PlanDialog::apply() {
    if (!m_result || !m_result->feasible || m_variant >= m_document->variantCount()) return;
    // Only the replica counts change; the rest of the variant stays as it is now.
    Variant after = m_document->variant(m_variant);
    for (const sim::PlanUnit &u : m_result->units) {
        const int i = after.unitIndex(u.id);
        if (i >= 0) after.units[i].replicas = u.replicas;
    }
    if (after == m_document->variant(m_variant)) return;
    m_document->undoStack()->push(new ReplaceVariantCommand(
        m_document, m_variant, after,
        tr("Plan capacity at %1/s").arg(m_result->ratePerSec, 0, 'f', 0)));
    m_applyButton->setEnabled(false);
}

} // namespace archsim::ui
