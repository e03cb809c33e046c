// SPDX-License-Identifier: GPL-3.0-or-later
// The inspector: edits every field of the selected component (and its unit), connection, unit
// or layer, or the project's name when nothing is selected; each accepted value is one
// undoable change, refused values are explained. Fields carry human labels, units and
// tooltips (model/fielddocs.h) and are grouped in foldable sections.
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
    FieldForm *projectForm() const { return m_project; }
    // The header above the forms: the element's name, kind and id.
    QString summary() const;

signals:
    // An edit the model refused (a name already taken): the main window shows it.
    void refused(const QString &message);

private:
    enum class Shown { Nothing, Component, Connection, Unit, Layer };
    void selectionChanged();
    void refresh();
    void refreshOptions(const Component &component);
    void commitMain(const QString &key, const QJsonValue &value);
    void commitUnit(const QString &key, const QJsonValue &value);
    void commitProject(const QString &key, const QJsonValue &value);
    QString check(bool unitForm, const QString &key, const QJsonValue &value) const;
    QString checkProject(const QString &key, const QJsonValue &value) const;

    ProjectDocument *m_document;
    DiagramScene *m_scene;
    QLabel *m_summary;
    FieldForm *m_main;
    FieldForm *m_unit;
    FieldForm *m_project;
    Shown m_shown = Shown::Nothing;
    qsizetype m_selected = 0; // items selected on the canvas
    QString m_id;             // of the element in the main form
    QString m_unitId;         // of the unit in the second form
    QString m_optionsFor;     // the component whose layer and unit choices are filled in
};

} // namespace archsim::ui
