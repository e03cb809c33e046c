// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/workspace/whatifdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace archsim::ui {

WhatIfDialog::WhatIfDialog(const QString &unit, const sim::FailureReport &report, QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(tr("What if %1 fails?").arg(unit));
    const sim::UnitBlastRadius *blast = nullptr;
    for (const sim::UnitBlastRadius &b : report.blastRadius)
        if (b.unit == unit) blast = &b;
    const sim::SinglePointOfFailure *spof = nullptr;
    for (const sim::SinglePointOfFailure &s : report.singlePointsOfFailure)
        if (s.unit == unit) spof = &s;

    QString intro = tr("While every replica of <b>%1</b> is down, from the static analysis "
                       "(sync dependencies; optional calls degrade instead of failing):")
                        .arg(unit.toHtmlEscaped());
    if (spof)
        intro += tr("<br><b>Single point of failure:</b> %1").arg(spof->reason.toHtmlEscaped());
    auto *label = new QLabel(intro);
    label->setWordWrap(true);
    auto *table = new QTableWidget(int(report.workloads.size()), 2);
    table->setHorizontalHeaderLabels({tr("Workload"), tr("Requests lost")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    for (std::size_t w = 0; w < report.workloads.size(); ++w) {
        const double lost = blast && w < blast->lostShare.size() ? blast->lostShare[w] : 0.0;
        table->setItem(int(w), 0, new QTableWidgetItem(report.workloads[w].name));
        table->setItem(int(w), 1,
                       new QTableWidgetItem(QStringLiteral("%1%").arg(100 * lost, 0, 'f', 1)));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *run = buttons->addButton(tr("Run as Crash Scenario (discrete-event)"),
                                          QDialogButtonBox::ActionRole);
    run->setObjectName(QStringLiteral("runCrash"));
    connect(run, &QPushButton::clicked, this, [this, unit] {
        emit runCrash(unit);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(460, 300);
}

} // namespace archsim::ui
