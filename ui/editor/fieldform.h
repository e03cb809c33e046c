// SPDX-License-Identifier: GPL-3.0-or-later
// A form of editors made from a model element's field descriptors (model/elementfields.h):
// it checks each value as it is typed and reports a value when editing of a field ends.
#pragma once

#include "model/fieldspec.h"

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;

namespace archsim::ui {

struct FieldInfo {
    QString key;
    FieldType type = FieldType::Text;
    QStringList choices;
    bool optional = false;
    bool readOnly = false;
};

template <class T> QList<FieldInfo> describeFields(const FieldList<T> &fields) {
    QList<FieldInfo> list;
    for (const FieldSpec<T> &f : fields)
        list.append({f.key, f.type, f.choices, f.optional(), false});
    return list;
}

template <class T> QJsonObject fieldValues(const FieldList<T> &fields, const T &item) {
    QJsonObject values;
    for (const FieldSpec<T> &f : fields)
        values.insert(f.key, f.get(item));
    return values;
}

class FieldForm : public QWidget {
    Q_OBJECT
public:
    // Returns why VALUE does not fit the model (beyond its type), or empty.
    using Check = std::function<QString(const QString &key, const QJsonValue &value)>;

    explicit FieldForm(const QString &title, QWidget *parent = nullptr);

    void setFields(const QList<FieldInfo> &fields);
    // Shows VALUES in every editor the user is not typing in.
    void setValues(const QJsonObject &values);
    void setCheck(Check check) { m_check = std::move(check); }
    QWidget *editor(const QString &key) const { return m_editors.value(key); }
    // Why the text now in KEY's editor is refused, or empty (for tests and tooltips).
    QString errorOf(const QString &key) const { return m_errors.value(key); }

signals:
    void valueCommitted(const QString &key, const QJsonValue &value);

private:
    QJsonValue parse(const FieldInfo &field, const QString &text) const;
    void checkText(const FieldInfo &field, const QString &text);
    void commitText(const FieldInfo &field);

    QList<FieldInfo> m_fields;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QString> m_errors;
    QJsonObject m_values;
    QFormLayout *m_layout;
    QLabel *m_title;
    QLabel *m_message;
    Check m_check;
};

} // namespace archsim::ui
