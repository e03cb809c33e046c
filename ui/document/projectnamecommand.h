// SPDX-License-Identifier: GPL-3.0-or-later
// Undo command for the project's name (the interchange file's top-level "name").
#pragma once

#include "ui/document/projectdocument.h"

#include <QUndoCommand>

namespace archsim::ui {

class SetProjectNameCommand : public QUndoCommand {
public:
    SetProjectNameCommand(ProjectDocument *document, QString after)
        : QUndoCommand(QObject::tr("Rename project to %1").arg(after))
        , m_document(document)
        , m_before(document->project().name)
        , m_after(std::move(after)) {}
    void redo() override { m_document->setProjectName(m_after); }
    void undo() override { m_document->setProjectName(m_before); }

private:
    ProjectDocument *m_document;
    QString m_before;
    QString m_after;
};

} // namespace archsim::ui
