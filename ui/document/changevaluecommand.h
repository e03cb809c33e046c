// SPDX-License-Identifier: GPL-3.0-or-later
// The one generic "change value" command: swaps whole element values (components, connections,
// units or layers) between before and after; commands with the same merge key merge, and a
// merge that ends where it started is obsolete.
#pragma once

#include "ui/document/commandids.h"
#include "ui/document/projectdocument.h"

#include <QUndoCommand>

namespace archsim::ui {

template <class T> struct ChangeTraits;
template <> struct ChangeTraits<Component> {
    static constexpr int kId = kChangeComponentsId;
    static void apply(ProjectDocument *d, int v, const QList<Component> &a,
                      const QList<Component> &b) {
        d->replaceComponents(v, a, b);
    }
};
template <> struct ChangeTraits<Connection> {
    static constexpr int kId = kChangeConnectionsId;
    static void apply(ProjectDocument *d, int v, const QList<Connection> &a,
                      const QList<Connection> &b) {
        d->replaceConnections(v, a, b);
    }
};
template <> struct ChangeTraits<Unit> {
    static constexpr int kId = kChangeUnitsId;
    static void apply(ProjectDocument *d, int v, const QList<Unit> &a, const QList<Unit> &b) {
        d->replaceUnits(v, a, b);
    }
};
template <> struct ChangeTraits<Layer> {
    static constexpr int kId = kChangeLayersId;
    static void apply(ProjectDocument *d, int v, const QList<Layer> &a, const QList<Layer> &b) {
        d->replaceLayers(v, a, b);
    }
};

template <class T> class ChangeValueCommand : public QUndoCommand {
public:
    // MERGE_KEY: 0 never merges; equal non-zero keys merge (one drag, one text field).
    ChangeValueCommand(ProjectDocument *document, int variant, QList<T> before, QList<T> after,
                       const QString &text, int mergeKey = 0, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_document(document)
        , m_variant(variant)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeKey(mergeKey) {}

    void redo() override { ChangeTraits<T>::apply(m_document, m_variant, m_before, m_after); }
    void undo() override { ChangeTraits<T>::apply(m_document, m_variant, m_after, m_before); }
    int id() const override { return m_mergeKey == 0 ? -1 : ChangeTraits<T>::kId; }

    bool mergeWith(const QUndoCommand *other) override {
        const auto *o = static_cast<const ChangeValueCommand<T> *>(other);
        if (o->m_mergeKey != m_mergeKey || o->m_variant != m_variant || o->m_before != m_after)
            return false;
        m_after = o->m_after;
        setObsolete(m_before == m_after);
        return true;
    }

private:
    ProjectDocument *m_document;
    int m_variant;
    QList<T> m_before;
    QList<T> m_after;
    int m_mergeKey;
};

// A fresh merge key for one gesture (a drag, an edit session of one field).
int nextMergeKey();

} // namespace archsim::ui
