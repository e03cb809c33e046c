// SPDX-License-Identifier: GPL-3.0-or-later
// The inspector: edits every field of the selected component (and its unit), connection, unit
// or layer; each accepted value is one undoable change, refused values are explained.
#pragma once

#include "ui/editor/editoperations.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace archsim::ui {

class DiagramScene;
class FieldForm;

class InspectorWidget : public QWidget {
    Q_OBJECT
public:
    InspectorWidget(ProjectDocument *document, DiagramScene *scene, QWidget *parent = nullptr);

    FieldForm *mainForm() const { return m_main; }
    FieldForm *unitForm() const { return m_unit; }

private:
    enum class Shown { Nothing, Component, Connection, Unit, Layer };
    void selectionChanged();
    void refresh();
    void commitMain(const QString &key, const QJsonValue &value);
    void commitUnit(const QString &key, const QJsonValue &value);
    QString check(bool unitForm, const QString &key, const QJsonValue &value) const;

    ProjectDocument *m_document;
    DiagramScene *m_scene;
    QLabel *m_summary;
    FieldForm *m_main;
    FieldForm *m_unit;
    Shown m_shown = Shown::Nothing;
    QString m_id;     // of the element in the main form
    QString m_unitId; // of the unit in the second form
};

} // namespace archsim::ui
