// SPDX-License-Identifier: GPL-3.0-or-later
// The editor's operations on the current variant (create, connect, move, delete, clipboard,
// units, rename): each builds undo commands and pushes them on the document's stack.
#pragma once

#include "ui/document/projectdocument.h"

#include <QMimeData>
#include <QPointF>

#include <memory>

namespace archsim::ui {

// What is selected on the canvas, in model terms.
struct Selection {
    QStringList components;
    QStringList connections; // connection keys
    QStringList units;
    QStringList layers;
    bool isEmpty() const {
        return components.isEmpty() && connections.isEmpty() && units.isEmpty() && layers.isEmpty();
    }
};

class EditOperations {
public:
    explicit EditOperations(ProjectDocument *document)
        : m_document(document) {}

    // Creates a component of KIND centred at SCENEPOS in the lane there; returns its id.
    QString createComponent(ComponentKind kind, const QPointF &scenePos);
    // Returns the new connection's key, or empty when FROM → TO is not allowed or exists.
    QString connect(const QString &from, const QString &to);
    // Moves to absolute positions (top-left corners); drags pass one merge key per gesture.
    void moveComponents(const QStringList &ids, const QList<QPointF> &positions, int mergeKey,
                        const QStringList &layers = {});
    void remove(const Selection &selection);

    static constexpr const char *kMimeType = "application/x-archsim-elements";
    std::unique_ptr<QMimeData> copy(const Selection &selection) const;
    // Pastes at an offset from where the copies were; returns the new component ids.
    QStringList paste(const QMimeData *data, const QPointF &offset);
    QStringList duplicate(const Selection &selection);

    // Puts the components into one new unit; returns its id.
    QString groupIntoUnit(const QStringList &componentIds);
    // Gives every component of the units (or the components themselves) a unit of its own.
    void ungroup(const Selection &selection);

    // Changes an element's id and every reference to it; returns a message when refused.
    QString renameComponent(const QString &from, const QString &to);
    QString renameUnit(const QString &from, const QString &to);
    QString renameLayer(const QString &from, const QString &to);
    void addLayer();

    // Puts the component into layer LAYER (an id, or the name of a layer to create), moving
    // its card into that lane; one undo step. Returns a message when refused.
    QString setComponentLayer(const QString &id, const QString &layer);
    // Moves the component into unit UNIT: an existing unit's id, the component's own id (a
    // unit of its own again) or the name of a new unit, which starts with the settings of the
    // component's unit. Units left empty disappear. Returns a message when refused.
    QString setComponentUnit(const QString &id, const QString &unit);
    void renameProject(const QString &name);

    // What deleting SELECTION would leave dangling: workloads entering at a deleted
    // component and scenario events naming a deleted unit or connection, one line each.
    QStringList brokenReferences(const Selection &selection) const;

    void autoLayout(const QStringList &componentIds); // empty: the whole variant

    // Variants of the project; each returns a message when refused, empty on success.
    QString duplicateVariant(const QString &newName); // the copy becomes the current one
    QString renameVariant(const QString &newName);
    // A new variant derived from the current one (model/variantedits.h), shown next.
    enum class DeriveAs { Monolith, Microservices };
    QString deriveVariant(DeriveAs as, const QString &newName);
    QString removeVariant();

private:
    int variant() const { return m_document->currentVariantIndex(); }
    const Variant &current() const { return m_document->currentVariant(); }
    void pushVariant(const Variant &after, const QString &text);
    // What removing SELECTION takes with it: the components, units and connections.
    ElementSet removalOf(const Selection &selection) const;

    ProjectDocument *m_document;
};

} // namespace archsim::ui
