// SPDX-License-Identifier: GPL-3.0-or-later
// The project's past runs, newest first: kind, engine, variant, summary and whether the design
// has changed since ("older revision"). Shows one run's charts, or overlays two of the same kind.
#pragma once

#include "model/runrecord.h"

#include <QWidget>

class QPushButton;
class QTreeWidget;

namespace archsim::ui {

class ProjectDocument;

class RunsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunsPanel(ProjectDocument *document, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    void refresh();
    // Whether RUN was made on another revision of its variant than the one open now.
    bool isOlderRevision(const RunRecord &run) const;
    void select(const QList<qint64> &ids);
    QPushButton *overlayButton() const { return m_overlay; }

signals:
    void showRun(const archsim::RunRecord &run);
    void overlayRuns(const archsim::RunRecord &run, const archsim::RunRecord &other);

private:
    QList<qint64> selectedIds() const;
    const RunRecord *run(qint64 id) const;

    ProjectDocument *m_document;
    QTreeWidget *m_list;
    QPushButton *m_show, *m_overlay, *m_delete;
};

} // namespace archsim::ui
