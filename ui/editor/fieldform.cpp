// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/fieldform.h"

#include "ui/editor/formsection.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

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

// Whether a value differs from what an absent key means (a folded section counts these).
bool isSet(const FieldInfo &field, const QJsonValue &value) {
    if (value.isNull() || value.isUndefined()) return false;
    if (field.type == FieldType::TextList) return !value.toArray().isEmpty();
    if (field.defaultValue.isUndefined() || field.defaultValue.isNull()) return true;
    return value != field.defaultValue;
}

const char *kInvalidStyle = "QLineEdit { background: #fde8e8; border: 1px solid #d64545; }";
constexpr int kMissingRole = Qt::UserRole + 1;
constexpr int kMaxLabelWidth = 150;

// Sections the user opened or closed stay so for every element shown afterwards.
QMap<FieldSection, bool> &expandedSections() {
    static QMap<FieldSection, bool> expanded;
    return expanded;
}

} // namespace

FieldForm::FieldForm(const QString &title, QWidget *parent)
    : QWidget(parent) {
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setWordWrap(true); // a long unit name must not widen the dock
    outer->addWidget(m_title);
    setTitle(title);
    m_sectionsLayout = new QVBoxLayout;
    m_sectionsLayout->setSpacing(4);
    outer->addLayout(m_sectionsLayout);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b42318;"));
    m_message->hide();
    outer->addWidget(m_message);
}

void FieldForm::setTitle(const QString &title) {
    m_title->setText(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    m_title->setVisible(!title.isEmpty());
}

void FieldForm::setFields(const QList<FieldInfo> &fields) {
    // Editors may be in the middle of emitting (a choice that changed the selection): they
    // leave the form now and are deleted when control is back in the event loop.
    for (FormSection *section : std::as_const(m_sections)) {
        m_sectionsLayout->removeWidget(section);
        section->hide();
        section->deleteLater();
    }
    m_sections.clear();
    m_editors.clear();
    m_labels.clear();
    m_errors.clear();
    m_fields = fields;
    std::stable_sort(m_fields.begin(), m_fields.end(),
                     [](const FieldInfo &a, const FieldInfo &b) { return a.section < b.section; });
    for (const FieldInfo &field : std::as_const(m_fields)) {
        FormSection *&section = m_sections[field.section];
        if (!section) {
            const FieldSection which = field.section;
            section = new FormSection(
                sectionTitle(which),
                expandedSections().value(which, !sectionCollapsedByDefault(which)), this);
            connect(section, &FormSection::expandedChanged, this,
                    [which](bool on) { expandedSections()[which] = on; });
            m_sectionsLayout->addWidget(section);
        }
        QWidget *editor = makeEditor(field);
        editor->setObjectName(field.key);
        editor->setToolTip(field.tooltip);
        editor->setAccessibleName(field.label);
        auto *label = new QLabel(field.label, section);
        label->setToolTip(field.tooltip);
        label->setBuddy(editor);
        m_editors.insert(field.key, editor);
        m_labels.insert(field.key, label);
        section->form()->addRow(label, editor);
    }
    // One label column for all sections (each has its own form layout), no wider than a
    // narrow dock allows: longer labels wrap onto a second line.
    int widest = 0;
    for (QLabel *label : std::as_const(m_labels))
        widest = std::max(widest, label->fontMetrics().horizontalAdvance(label->text()) + 4);
    const int column = std::min(widest, kMaxLabelWidth);
    for (QLabel *label : std::as_const(m_labels)) {
        label->setWordWrap(true);
        label->setFixedWidth(column);
    }
    m_message->hide();
}

QWidget *FieldForm::makeEditor(const FieldInfo &field) {
    if (field.type == FieldType::Boolean) {
        auto *box = new QCheckBox(this);
        connect(box, &QCheckBox::toggled, this,
                [this, field](bool on) { emit valueCommitted(field.key, QJsonValue(on)); });
        return box;
    }
    if (field.type == FieldType::Choice || field.reference) {
        auto *combo = new QComboBox(this);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(6);
        if (field.reference) {
            fillReference(field, combo);
            connect(combo, &QComboBox::activated, this,
                    [this, field, combo](int) { referenceActivated(field, combo); });
        } else {
            for (const QString &choice : field.choices) // shown for people, kept as in files
                combo->addItem(choiceLabel(choice), choice);
            connect(combo, &QComboBox::activated, this, [this, field, combo](int) {
                emit valueCommitted(field.key, QJsonValue(combo->currentData().toString()));
            });
        }
        return combo;
    }
    auto *line = new QLineEdit(this);
    if (field.optional)
        line->setPlaceholderText(field.placeholder.isEmpty() ? tr("(unset)") : field.placeholder);
    line->setReadOnly(field.readOnly);
    connect(line, &QLineEdit::textEdited, this,
            [this, field](const QString &text) { checkText(field, text); });
    connect(line, &QLineEdit::editingFinished, this, [this, field] { commitText(field); });
    return line;
}

void FieldForm::setOptions(const QString &key, const QList<FieldOption> &options) {
    if (m_options.contains(key) && m_options.value(key) == options) return;
    m_options.insert(key, options);
    for (const FieldInfo &field : std::as_const(m_fields))
        if (field.key == key && field.reference)
            if (auto *combo = qobject_cast<QComboBox *>(m_editors.value(key))) {
                fillReference(field, combo);
                const int i = combo->findData(m_values.value(key).toString());
                if (i >= 0) combo->setCurrentIndex(i);
            }
}

void FieldForm::fillReference(const FieldInfo &field, QComboBox *combo) {
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (const FieldOption &option : m_options.value(field.key))
        combo->addItem(option.text, option.value);
    if (!field.newText.isEmpty()) {
        combo->insertSeparator(combo->count());
        combo->addItem(field.newText);
    }
}

void FieldForm::referenceActivated(const FieldInfo &field, QComboBox *combo) {
    const QString current = m_values.value(field.key).toString();
    const bool isNew = !field.newText.isEmpty() && combo->currentIndex() == combo->count() - 1;
    QString value = combo->currentData().toString();
    if (isNew) {
        QString title = field.newText;
        title.remove(QChar(0x2026)); // "New layer…" → "New layer"
        bool ok = false;
        value =
            QInputDialog::getText(this, title, tr("Name:"), QLineEdit::Normal, {}, &ok).trimmed();
        if (!ok || value.isEmpty()) value = current;
    }
    // Show the current value again; the committed one arrives through setValues.
    const QSignalBlocker blocker(combo);
    const int i = combo->findData(current);
    if (i >= 0) combo->setCurrentIndex(i);
    if (value != current) emit valueCommitted(field.key, QJsonValue(value));
}

void FieldForm::setValues(const QJsonObject &values) {
    m_values = values;
    for (const FieldInfo &field : std::as_const(m_fields)) {
        QWidget *editor = m_editors.value(field.key);
        const QJsonValue value = values.value(field.key);
        const QSignalBlocker blocker(editor);
        if (auto *box = qobject_cast<QCheckBox *>(editor)) {
            box->setChecked(value.toBool());
        } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            if (!field.reference) {
                combo->setCurrentIndex(combo->findData(value.toString()));
                continue;
            }
            // A reference the options do not hold (a broken file) is shown as it is.
            int i = combo->findData(value.toString());
            if (i < 0) {
                const int old = combo->findData(true, kMissingRole);
                if (old >= 0) combo->removeItem(old);
                combo->insertItem(0, tr("%1 (missing)").arg(value.toString()), value.toString());
                combo->setItemData(0, true, kMissingRole);
                i = 0;
            }
            combo->setCurrentIndex(i);
        } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            if (line->hasFocus() && m_errors.contains(field.key))
                continue; // keep what the user is typing
            line->setText(textOf(field, value));
            line->setStyleSheet({});
            line->setToolTip(field.tooltip);
            m_errors.remove(field.key);
        }
    }
    showErrors();
    updateHints();
}

void FieldForm::updateHints() {
    QMap<FieldSection, int> set;
    for (const FieldInfo &field : std::as_const(m_fields))
        if (isSet(field, m_values.value(field.key))) ++set[field.section];
    for (auto it = m_sections.begin(); it != m_sections.end(); ++it) {
        const int n = set.value(it.key());
        it.value()->setHint(n > 0 ? tr("%n set", nullptr, n) : QString());
    }
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
        line->setToolTip(field.tooltip);
    } else {
        m_errors.insert(field.key, error);
        line->setStyleSheet(QString::fromLatin1(kInvalidStyle));
        line->setToolTip(error);
    }
    showErrors();
}

void FieldForm::showErrors() {
    QStringList messages;
    for (const FieldInfo &field : std::as_const(m_fields))
        if (m_errors.contains(field.key))
            messages << QStringLiteral("%1: %2").arg(field.label, m_errors.value(field.key));
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
