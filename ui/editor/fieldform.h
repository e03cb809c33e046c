// SPDX-License-Identifier: GPL-3.0-or-later
// A form of editors made from a model element's field descriptors (model/elementfields.h) and
// their human descriptions (model/fielddocs.h): labelled with units, explained in tooltips,
// grouped in foldable sections. It checks each value as it is typed and reports a value when
// editing of a field ends.
#pragma once

#include "model/fielddocs.h"
#include "model/fieldspec.h"

#include <QJsonObject>
#include <QMap>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QVBoxLayout;

namespace archsim::ui {

class FormSection;

struct FieldInfo {
    QString key;
    FieldType type = FieldType::Text;
    QStringList choices;
    bool optional = false;
    bool readOnly = false;
    QString label;       // "Service time (ms)"
    QString unit;        // "ms", empty when the field has none
    QString tooltip;     // meaning and default
    QString placeholder; // shown in an empty optional field ("unlimited")
    FieldSection section = FieldSection::Other;
    QJsonValue defaultValue;
    // A reference to another element (a component's layer or unit): a combo box of the options
    // given by setOptions, ending with NEWTEXT ("New layer…") when that is not empty.
    bool reference = false;
    QString newText;
};

template <class T> QList<FieldInfo> describeFields(const FieldList<T> &fields) {
    QList<FieldInfo> list;
    for (const FieldSpec<T> &f : fields) {
        const FieldDoc doc = fieldDoc<T>(f.key);
        FieldInfo info;
        info.key = f.key;
        info.type = f.type;
        info.choices = f.choices;
        info.optional = f.optional();
        info.label = fieldLabel(doc);
        info.unit = doc.unit;
        info.tooltip = fieldTooltip(doc, f.key, f.type, f.defaultValue);
        info.placeholder = doc.defaultText;
        info.section = doc.section;
        info.defaultValue = f.defaultValue;
        list.append(info);
    }
    return list;
}

template <class T> QJsonObject fieldValues(const FieldList<T> &fields, const T &item) {
    QJsonObject values;
    for (const FieldSpec<T> &f : fields)
        values.insert(f.key, f.get(item));
    return values;
}

// One choice of a reference field: the value committed and the text shown.
struct FieldOption {
    QString value;
    QString text;
    bool operator==(const FieldOption &) const = default;
};

class FieldForm : public QWidget {
    Q_OBJECT
public:
    // Returns why VALUE does not fit the model (beyond its type), or empty.
    using Check = std::function<QString(const QString &key, const QJsonValue &value)>;

    explicit FieldForm(const QString &title, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setFields(const QList<FieldInfo> &fields);
    const QList<FieldInfo> &fields() const { return m_fields; }
    // The choices of a reference field; kept until replaced, also across setFields.
    void setOptions(const QString &key, const QList<FieldOption> &options);
    // Shows VALUES in every editor the user is not typing in.
    void setValues(const QJsonObject &values);
    void setCheck(Check check) { m_check = std::move(check); }
    QWidget *editor(const QString &key) const { return m_editors.value(key); }
    QLabel *label(const QString &key) const { return m_labels.value(key); }
    FormSection *section(FieldSection section) const { return m_sections.value(section); }
    // Why the text now in KEY's editor is refused, or empty (for tests and tooltips).
    QString errorOf(const QString &key) const { return m_errors.value(key); }

signals:
    // For a reference field, a value that is none of the options is the name typed for a new
    // element (after "New layer…").
    void valueCommitted(const QString &key, const QJsonValue &value);

private:
    QWidget *makeEditor(const FieldInfo &field);
    void fillReference(const FieldInfo &field, QComboBox *combo);
    void referenceActivated(const FieldInfo &field, QComboBox *combo);
    QJsonValue parse(const FieldInfo &field, const QString &text) const;
    void checkText(const FieldInfo &field, const QString &text);
    void commitText(const FieldInfo &field);
    void showErrors();
    void updateHints();

    QList<FieldInfo> m_fields;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_labels;
    QMap<FieldSection, FormSection *> m_sections; // in display order
    QHash<QString, QList<FieldOption>> m_options;
    QHash<QString, QString> m_errors;
    QJsonObject m_values;
    QVBoxLayout *m_sectionsLayout;
    QLabel *m_title;
    QLabel *m_message;
    Check m_check;
};

} // namespace archsim::ui
