// SPDX-License-Identifier: GPL-3.0-or-later
// The open project: owns the Project, its file path and its undo stack; every edit goes through
// commands that call the mutators below, which emit typed change signals the views follow.
#pragma once

#include "ui/document/elementset.h"

#include "model/project.h"

#include <QObject>
#include <QUndoStack>

namespace archsim::ui {

class ProjectDocument : public QObject {
    Q_OBJECT
public:
    explicit ProjectDocument(Project project = {}, QString filePath = {},
                             QObject *parent = nullptr);

    const Project &project() const { return m_project; }
    const Variant &variant(int index) const { return m_project.variants.at(index); }
    int variantCount() const { return int(m_project.variants.size()); }
    int currentVariantIndex() const { return m_current; }
    const Variant &currentVariant() const { return m_project.variants.at(m_current); }
    void setCurrentVariantIndex(int index);

    // Replaces the whole project (New, Open, Recover); the undo history starts afresh.
    // SUGGESTED_NAME names a project that has no file yet ("shop.archsim" for the example).
    void resetProject(Project project, const QString &filePath, const QString &suggestedName = {});

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    // "shop.archsim", or "untitled.archsim" for a new project.
    QString displayName() const;
    QUndoStack *undoStack() { return &m_undoStack; }
    bool isModified() const { return !m_undoStack.isClean() || m_unsavedRuns; }

    // Runs are results, not edits: adding one is not undoable; it marks the project unsaved
    // until the next save. The run gets the next free id.
    const RunList &runs() const { return m_project.runs; }
    qint64 addRun(RunRecord run);
    void removeRun(qint64 id);
    void setRunsSaved();

    // Mutators: only undo commands call these. Lists are matched by element key (id; for
    // connections connectionKey()). Each emits the matching signal, then changed().
    void insertElements(int variant, const ElementSet &set);
    // Removes the elements with the keys in SET and returns them with their former indices.
    ElementSet removeElements(int variant, const ElementSet &set);
    void replaceComponents(int variant, const QList<Component> &before,
                           const QList<Component> &after);
    void replaceConnections(int variant, const QList<Connection> &before,
                            const QList<Connection> &after);
    void replaceUnits(int variant, const QList<Unit> &before, const QList<Unit> &after);
    void replaceLayers(int variant, const QList<Layer> &before, const QList<Layer> &after);
    void replaceVariant(int variant, const Variant &value);
    void setWorkloads(int variant, const QList<Workload> &workloads);
    void setScenarios(int variant, const QList<Scenario> &scenarios);
    // Replaces the list of variants (add, duplicate, rename, delete) and shows CURRENT.
    void setVariants(const QList<Variant> &variants, int current);
    void setProjectName(const QString &name);

    // Unused ids for new elements, made from BASE ("service" → "service-2").
    // Component ids double as implicit unit ids, so both must be free in both lists.
    static QString uniqueComponentId(const Variant &variant, const QString &base);
    QString uniqueComponentId(int variant, const QString &base) const {
        return uniqueComponentId(m_project.variants.at(variant), base);
    }
    QString uniqueUnitId(int variant, const QString &base) const {
        return uniqueComponentId(m_project.variants.at(variant), base);
    }

signals:
    void componentsAdded(int variant, const QStringList &ids);
    void componentsRemoved(int variant, const QStringList &ids);
    void componentsChanged(int variant, const QStringList &ids);
    void connectionsAdded(int variant, const QStringList &keys);
    void connectionsRemoved(int variant, const QStringList &keys);
    void connectionsChanged(int variant, const QStringList &keys);
    void unitsChanged(int variant, const QStringList &ids); // added, removed or changed
    void layersChanged(int variant);
    void variantReset(int variant); // everything in the variant may have changed
    void workloadsChanged(int variant);
    void scenariosChanged(int variant);
    void variantsChanged(); // variants added, removed or renamed
    void projectNameChanged(const QString &name);
    void currentVariantChanged(int variant);
    void filePathChanged(const QString &path);
    void changed(); // after any of the above that changes the model
    void projectReset();
    void runsChanged();

private:
    Variant &mutableVariant(int index) { return m_project.variants[index]; }
    void normalise();

    Project m_project;
    QString m_filePath;
    QString m_suggestedName;
    int m_current = 0;
    bool m_unsavedRuns = false;
    QUndoStack m_undoStack;
};

} // namespace archsim::ui
