// SPDX-License-Identifier: GPL-3.0-or-later
// Undo commands that replace a whole list: a variant's workloads or scenarios (small lists,
// edited one field at a time), or the project's variants (with the variant to show).
#pragma once

#include "ui/document/projectdocument.h"

#include <QUndoCommand>

namespace archsim::ui {

template <class T> struct ListTraits;
template <> struct ListTraits<Workload> {
    static void apply(ProjectDocument *d, int v, const QList<Workload> &list) {
        d->setWorkloads(v, list);
    }
};
template <> struct ListTraits<Scenario> {
    static void apply(ProjectDocument *d, int v, const QList<Scenario> &list) {
        d->setScenarios(v, list);
    }
};

template <class T> class SetListCommand : public QUndoCommand {
public:
    SetListCommand(ProjectDocument *document, int variant, QList<T> before, QList<T> after,
                   const QString &text)
        : QUndoCommand(text)
        , m_document(document)
        , m_variant(variant)
        , m_before(std::move(before))
        , m_after(std::move(after)) {}
    void redo() override { ListTraits<T>::apply(m_document, m_variant, m_after); }
    void undo() override { ListTraits<T>::apply(m_document, m_variant, m_before); }

private:
    ProjectDocument *m_document;
    int m_variant;
    QList<T> m_before;
    QList<T> m_after;
};

class SetVariantsCommand : public QUndoCommand {
public:
    SetVariantsCommand(ProjectDocument *document, QList<Variant> after, int currentAfter,
                       const QString &text)
        : QUndoCommand(text)
        , m_document(document)
        , m_before(document->project().variants)
        , m_after(std::move(after))
        , m_currentBefore(document->currentVariantIndex())
        , m_currentAfter(currentAfter) {}
    void redo() override { m_document->setVariants(m_after, m_currentAfter); }
    void undo() override { m_document->setVariants(m_before, m_currentBefore); }

private:
    ProjectDocument *m_document;
    QList<Variant> m_before;
    QList<Variant> m_after;
    int m_currentBefore;
    int m_currentAfter;
};

} // namespace archsim::ui
