// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/fieldform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace archsim::ui {

namespace {

QString textOf(const FieldInfo &field, const QJsonValue &value) {
    if (value.isNull() || value.isUndefined()) return {};
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Number:
        return QString::number(value.toDouble(), 'g', 12);
    case FieldType::TextList: {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts << v.toString();
        return parts.join(QStringLiteral(", "));
    }
    default:
        return value.toString();
    }
}

const char *kInvalidStyle = "QLineEdit { background: #fde8e8; border: 1px solid #d64545; }";

} // namespace

FieldForm::FieldForm(const QString &title, QWidget *parent)
    : QWidget(parent) {
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(QStringLiteral("<b>%1</b>").arg(title), this);
    outer->addWidget(m_title);
    m_layout = new QFormLayout;
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setRowWrapPolicy(QFormLayout::WrapLongRows); // narrow docks keep every editor
    outer->addLayout(m_layout);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b42318;"));
    m_message->hide();
    outer->addWidget(m_message);
}

void FieldForm::setFields(const QList<FieldInfo> &fields) {
    // Editors may be in the middle of emitting (a choice that changed the selection): they
    // leave the form now and are deleted when control is back in the event loop.
    while (m_layout->rowCount() > 0) {
        const QFormLayout::TakeRowResult row = m_layout->takeRow(0);
        for (QLayoutItem *item : {row.labelItem, row.fieldItem}) {
            if (!item) continue;
            if (QWidget *w = item->widget()) {
                w->hide();
                w->deleteLater();
            }
            delete item;
        }
    }
    m_editors.clear();
    m_errors.clear();
    m_fields = fields;
    for (const FieldInfo &field : m_fields) {
        QWidget *editor = nullptr;
        if (field.type == FieldType::Boolean) {
            auto *box = new QCheckBox(this);
            connect(box, &QCheckBox::toggled, this,
                    [this, field](bool on) { emit valueCommitted(field.key, QJsonValue(on)); });
            editor = box;
        } else if (field.type == FieldType::Choice) {
            auto *combo = new QComboBox(this);
            combo->addItems(field.choices);
            combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            combo->setMinimumContentsLength(6);
            connect(combo, &QComboBox::activated, this, [this, field, combo](int) {
                emit valueCommitted(field.key, QJsonValue(combo->currentText()));
            });
            editor = combo;
        } else {
            auto *line = new QLineEdit(this);
            if (field.optional) line->setPlaceholderText(tr("(unset)"));
            line->setReadOnly(field.readOnly);
            connect(line, &QLineEdit::textEdited, this,
                    [this, field](const QString &text) { checkText(field, text); });
            connect(line, &QLineEdit::editingFinished, this, [this, field] { commitText(field); });
            editor = line;
        }
        editor->setObjectName(field.key);
        m_editors.insert(field.key, editor);
        m_layout->addRow(field.key, editor);
    }
}

void FieldForm::setValues(const QJsonObject &values) {
    m_values = values;
    for (const FieldInfo &field : m_fields) {
        QWidget *editor = m_editors.value(field.key);
        const QJsonValue value = values.value(field.key);
        const QSignalBlocker blocker(editor);
        if (auto *box = qobject_cast<QCheckBox *>(editor)) {
            box->setChecked(value.toBool());
        } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            combo->setCurrentText(value.toString());
        } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            if (line->hasFocus() && m_errors.contains(field.key))
                continue; // keep what the user is typing
            line->setText(textOf(field, value));
            line->setStyleSheet({});
            line->setToolTip({});
            m_errors.remove(field.key);
        }
    }
    m_message->setVisible(!m_errors.isEmpty());
}

QJsonValue FieldForm::parse(const FieldInfo &field, const QString &raw) const {
    const QString text = raw.trimmed();
    if (text.isEmpty() && field.optional) return QJsonValue(QJsonValue::Null);
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Number: {
        bool ok = false;
        const double d = QLocale::c().toDouble(text, &ok);
        return ok ? QJsonValue(d) : QJsonValue(text);
    }
    case FieldType::TextList: {
        QJsonArray list;
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            list.append(part.trimmed());
        return list;
    }
    default:
        return QJsonValue(field.type == FieldType::Text ? raw : text);
    }
}

void FieldForm::checkText(const FieldInfo &field, const QString &text) {
    const QJsonValue value = parse(field, text);
    QString error = fieldValueError(field.type, field.choices, field.optional, value);
    if (error.isEmpty() && m_check) error = m_check(field.key, value);
    auto *line = qobject_cast<QLineEdit *>(m_editors.value(field.key));
    if (error.isEmpty()) {
        m_errors.remove(field.key);
        line->setStyleSheet({});
        line->setToolTip({});
    } else {
        m_errors.insert(field.key, error);
        line->setStyleSheet(QString::fromLatin1(kInvalidStyle));
        line->setToolTip(error);
    }
    QStringList messages;
    for (auto it = m_errors.begin(); it != m_errors.end(); ++it)
        messages << QStringLiteral("%1: %2").arg(it.key(), it.value());
    m_message->setText(messages.join(QLatin1Char('\n')));
    m_message->setVisible(!messages.isEmpty());
}

void FieldForm::commitText(const FieldInfo &field) {
    auto *line = qobject_cast<QLineEdit *>(m_editors.value(field.key));
    checkText(field, line->text());
    if (m_errors.contains(field.key))
        return; // a refused value stays visible and red until fixed or replaced
    const QJsonValue value = parse(field, line->text());
    if (value != m_values.value(field.key)) emit valueCommitted(field.key, value);
}

} // namespace archsim::ui
