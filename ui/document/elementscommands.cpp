// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/elementscommands.h"

#include "ui/document/changevaluecommand.h"

namespace archsim::ui {

int nextMergeKey() {
    static int key = 0;
    return ++key;
}

AddElementsCommand::AddElementsCommand(ProjectDocument *document, int variant, ElementSet set,
                                       const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_variant(variant)
    , m_set(std::move(set)) {}

void AddElementsCommand::redo() {
    m_document->insertElements(m_variant, m_set);
}
void AddElementsCommand::undo() {
    m_set = m_document->removeElements(m_variant, m_set);
}

RemoveElementsCommand::RemoveElementsCommand(ProjectDocument *document, int variant, ElementSet set,
                                             const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_variant(variant)
    , m_set(std::move(set)) {}

void RemoveElementsCommand::redo() {
    m_set = m_document->removeElements(m_variant, m_set);
}
void RemoveElementsCommand::undo() {
    m_document->insertElements(m_variant, m_set);
}

ReplaceVariantCommand::ReplaceVariantCommand(ProjectDocument *document, int variant, Variant after,
                                             const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_variant(variant)
    , m_before(document->variant(variant))
    , m_after(std::move(after)) {}

void ReplaceVariantCommand::redo() {
    m_document->replaceVariant(m_variant, m_after);
}
void ReplaceVariantCommand::undo() {
    m_document->replaceVariant(m_variant, m_before);
}

} // namespace archsim::ui
