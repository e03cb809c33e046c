// SPDX-License-Identifier: GPL-3.0-or-later
// One foldable group of the inspector's fields ("Resilience"): a header button that opens and
// closes it, and a form of labelled editors below.
#pragma once

#include <QWidget>

class QFormLayout;
class QToolButton;

namespace archsim::ui {

class FormSection : public QWidget {
    Q_OBJECT
public:
    FormSection(const QString &title, bool expanded, QWidget *parent = nullptr);

    QFormLayout *form() const { return m_form; }
    QToolButton *header() const { return m_header; }
    bool isExpanded() const;
    void setExpanded(bool expanded);
    // A hint after the title while folded ("2 set"), so hidden values are not forgotten.
    void setHint(const QString &hint);

signals:
    void expandedChanged(bool expanded);

private:
    void updateHeader();

    QString m_title;
    QString m_hint;
    QToolButton *m_header;
    QWidget *m_body;
    QFormLayout *m_form;
};

} // namespace archsim::ui
