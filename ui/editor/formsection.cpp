// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/formsection.h"

#include <QFormLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace archsim::ui {

FormSection::FormSection(const QString &title, bool expanded, QWidget *parent)
    : QWidget(parent)
    , m_title(title) {
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(2);
    m_header = new QToolButton(this);
    m_header->setObjectName(QStringLiteral("section:") + title);
    m_header->setCheckable(true);
    m_header->setChecked(expanded);
    m_header->setAutoRaise(true);
    m_header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_header->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QFont bold = m_header->font();
    bold.setBold(true);
    m_header->setFont(bold);
    outer->addWidget(m_header);
    m_body = new QWidget(this);
    m_form = new QFormLayout(m_body);
    m_form->setContentsMargins(14, 0, 0, 6); // indented under the arrow
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows); // narrow docks keep every editor
    outer->addWidget(m_body);
    m_body->setVisible(expanded);
    connect(m_header, &QToolButton::toggled, this, [this](bool on) {
        m_body->setVisible(on);
        updateHeader();
        emit expandedChanged(on);
    });
    updateHeader();
}

bool FormSection::isExpanded() const {
    return m_header->isChecked();
}

void FormSection::setExpanded(bool expanded) {
    m_header->setChecked(expanded);
}

void FormSection::setHint(const QString &hint) {
    if (hint == m_hint) return;
    m_hint = hint;
    updateHeader();
}

void FormSection::updateHeader() {
    const bool open = isExpanded();
    m_header->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    m_header->setText(open || m_hint.isEmpty() ? m_title
                                               : QStringLiteral("%1  · %2").arg(m_title, m_hint));
}

} // namespace archsim::ui
