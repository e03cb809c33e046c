// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/workspace/runspanel.h"

#include "ui/document/projectdocument.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace archsim::ui {

RunsPanel::RunsPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document) {
    m_list = new QTreeWidget;
    m_list->setHeaderLabels(
        {tr("#"), tr("When"), tr("Run"), tr("Variant"), tr("Revision"), tr("Summary")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->header()->setStretchLastSection(true);
    m_show = new QPushButton(tr("Show"));
    m_overlay = new QPushButton(tr("Overlay Two"));
    m_overlay->setToolTip(tr("Select two runs of the same kind to draw them on the same charts"));
    m_delete = new QPushButton(tr("Delete"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_show);
    buttons->addWidget(m_overlay);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    auto update = [this] {
        const QList<qint64> ids = selectedIds();
        m_show->setEnabled(ids.size() == 1);
        m_delete->setEnabled(!ids.isEmpty());
        bool sameKind = ids.size() == 2;
        if (sameKind) {
            const RunRecord *a = run(ids[0]), *b = run(ids[1]);
            sameKind = a && b && a->kind == b->kind && a->kind != QLatin1String("failures");
        }
        m_overlay->setEnabled(sameKind);
    };
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, update);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (const RunRecord *r = run(item->data(0, Qt::UserRole).toLongLong())) emit showRun(*r);
    });
    connect(m_show, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedIds();
        if (ids.size() == 1)
            if (const RunRecord *r = run(ids[0])) emit showRun(*r);
    });
    connect(m_overlay, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedIds();
        if (ids.size() != 2) return;
        const RunRecord *a = run(ids[0]), *b = run(ids[1]);
        if (a && b) emit overlayRuns(*a, *b);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        for (qint64 id : selectedIds())
            m_document->removeRun(id);
    });
    connect(document, &ProjectDocument::runsChanged, this, &RunsPanel::refresh);
    connect(document, &ProjectDocument::projectReset, this, &RunsPanel::refresh);
    // An edit can make a run older than the design (or an undo make it current again).
    connect(document, &ProjectDocument::changed, this, &RunsPanel::refresh);
    refresh();
    update();
}

const RunRecord *RunsPanel::run(qint64 id) const {
    for (const RunRecord &r : m_document->runs())
        if (r.id == id) return &r;
    return nullptr;
}

QList<qint64> RunsPanel::selectedIds() const {
    QList<qint64> ids;
    for (QTreeWidgetItem *item : m_list->selectedItems())
        ids << item->data(0, Qt::UserRole).toLongLong();
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool RunsPanel::isOlderRevision(const RunRecord &run) const {
    const Variant *v = m_document->project().findVariant(run.variant);
    return !v || modelRevision(*v) != run.modelRevision;
}

void RunsPanel::select(const QList<qint64> &ids) {
    m_list->clearSelection();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (ids.contains(item->data(0, Qt::UserRole).toLongLong())) item->setSelected(true);
    }
}

void RunsPanel::refresh() {
    const QList<qint64> keep = selectedIds();
    m_list->clear();
    QHash<QString, QString> revisions; // variant name -> its current revision
    for (const Variant &v : m_document->project().variants)
        revisions.insert(v.name, modelRevision(v));
    const RunList &runs = m_document->runs();
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        const RunRecord &r = *it;
        const bool older = revisions.value(r.variant) != r.modelRevision;
        const QString what = QStringLiteral("%1 (%2)").arg(r.kind, r.engine);
        auto *item = new QTreeWidgetItem(
            {QString::number(r.id),
             r.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), what,
             r.variant,
             !revisions.contains(r.variant) ? tr("variant gone")
             : older                        ? tr("older revision")
                                            : tr("current"),
             r.summary});
        item->setData(0, Qt::UserRole, r.id);
        item->setToolTip(5, r.summary);
        if (older) {
            item->setForeground(4, QColor(213, 94, 0));
            item->setToolTip(4, tr("The design has changed since this run (revision %1, now %2)")
                                    .arg(r.modelRevision, revisions.value(r.variant)));
        }
        m_list->addTopLevelItem(item);
    }
    for (int c = 0; c < 5; ++c)
        m_list->resizeColumnToContents(c);
    select(keep);
}

} // namespace archsim::ui
