// SPDX-License-Identifier: GPL-3.0-or-later
// Undo commands that add or remove whole elements (create, connect, delete, paste) and that
// replace a whole variant (rename with references, auto-layout of many items).
#pragma once

#include "ui/document/projectdocument.h"

#include <QUndoCommand>

namespace archsim::ui {

class AddElementsCommand : public QUndoCommand {
public:
    AddElementsCommand(ProjectDocument *document, int variant, ElementSet set, const QString &text,
                       QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_document;
    int m_variant;
    ElementSet m_set;
};

class RemoveElementsCommand : public QUndoCommand {
public:
    // SET names the elements by key; their values and places are taken when the command runs.
    RemoveElementsCommand(ProjectDocument *document, int variant, ElementSet set,
                          const QString &text, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_document;
    int m_variant;
    ElementSet m_set;
};

class ReplaceVariantCommand : public QUndoCommand {
public:
    ReplaceVariantCommand(ProjectDocument *document, int variant, Variant after,
                          const QString &text, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_document;
    int m_variant;
    Variant m_before;
    Variant m_after;
};

} // namespace archsim::ui
