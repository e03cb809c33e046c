// SPDX-License-Identifier: GPL-3.0-or-later
// The workloads and scenarios of the current variant: a tree to pick one (or a scenario's
// event), buttons to add and remove, and a field form that edits it as one undo step a field.
#pragma once

#include "ui/document/projectdocument.h"

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace archsim::ui {

class FieldForm;

class WorkloadsPanel : public QWidget {
    Q_OBJECT
public:
    explicit WorkloadsPanel(ProjectDocument *document, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    FieldForm *form() const { return m_form; }
    void addWorkload();
    void addScenario();
    void addEvent(); // to the selected scenario (or the scenario of the selected event)
    void removeSelected();
    // Selects workload I, scenario I or event J of scenario I (kind as in the tree).
    void select(int kind, int i, int j = -1);

    enum Kind { kWorkload = 1, kScenario, kEvent };

private:
    struct Place {
        int kind = 0, i = -1, j = -1;
    };
    Place selected() const;
    void rebuild();
    void showSelected();
    void commit(const QString &key, const QJsonValue &value);
    QString check(const QString &key, const QJsonValue &value) const;

    ProjectDocument *m_document;
    QTreeWidget *m_tree;
    FieldForm *m_form;
    int m_formKind = 0;
    bool m_rebuilding = false;
};

} // namespace archsim::ui
