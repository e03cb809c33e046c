// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/problemspanel.h"

#include "ui/document/projectdocument.h"

#include <QHeaderView>
#include <QSet>
#include <QStyle>

namespace archsim::ui {

ProblemsPanel::ProblemsPanel(ProjectDocument *document, QWidget *parent)
    : QTreeWidget(parent)
    , m_document(document) {
    setHeaderLabels({tr("Problem"), tr("Variant"), tr("Element"), tr("Field")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    // Validation follows the edits incrementally (a few ms on 10,000 components); the delay
    // batches the steps of one gesture so that the list is not rebuilt on every drag step.
    m_timer.setSingleShot(true);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &ProblemsPanel::refreshNow);
    connect(document, &ProjectDocument::changed, &m_timer, qOverload<>(&QTimer::start));
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const int i = indexOfTopLevelItem(item);
        if (i >= 0 && i < m_problems.size()) emit problemActivated(m_problems[i]);
    });
    connect(this, &QTreeWidget::itemClicked, this, &QTreeWidget::itemActivated);
    refreshNow();
}

void ProblemsPanel::setExtraProblems(const ProblemList &problems) {
    // The live analysis reports twice per edit (load, then failures) with the same problems.
    auto text = [](const ProblemList &list) {
        QStringList lines;
        for (const Problem &p : list)
            lines << p.toString();
        return lines;
    };
    if (text(problems) == text(m_extra)) return;
    m_extra = problems;
    refreshNow();
}

void ProblemsPanel::refreshNow() {
    m_timer.stop();
    m_problems = m_document->problems(); // only what the edits touched is checked again
    QSet<QString> seen;
    for (const Problem &p : std::as_const(m_problems))
        seen.insert(p.path + QLatin1Char('\n') + p.message);
    for (const Problem &p : std::as_const(m_extra))
        if (!seen.contains(p.path + QLatin1Char('\n') + p.message)) m_problems << p;
    std::stable_sort(m_problems.begin(), m_problems.end(), [](const Problem &a, const Problem &b) {
        return a.severity == Severity::Error && b.severity != Severity::Error;
    });
    // A drag or a rename usually leaves the list as it was: keep the rows (and the selection).
    QStringList shown;
    shown.reserve(m_problems.size());
    for (const Problem &p : std::as_const(m_problems))
        shown << p.toString() + QLatin1Char('\n') + QString::number(int(p.severity));
    if (shown == m_shown && topLevelItemCount() == m_problems.size()) return;
    m_shown = shown;
    clear();
    const QIcon error = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    QList<QTreeWidgetItem *> items;
    for (const Problem &p : m_problems) {
        auto *item = new QTreeWidgetItem(
            {p.message, p.variant,
             p.elementKind.isEmpty() ? QString() : p.elementKind + QLatin1Char(' ') + p.elementId,
             p.field});
        item->setIcon(0, p.severity == Severity::Error ? error : warning);
        item->setToolTip(0, p.toString());
        items << item;
    }
    addTopLevelItems(items);
    const int errors = countErrors(m_problems);
    emit countsChanged(errors, int(m_problems.size()) - errors);
}

} // namespace archsim::ui
