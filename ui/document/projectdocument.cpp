// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/projectdocument.h"

#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace archsim::ui {

namespace {

QString keyOf(const Component &c) {
    return c.id;
}
QString keyOf(const Unit &u) {
    return u.id;
}
QString keyOf(const Layer &l) {
    return l.id;
}
QString keyOf(const Connection &c) {
    return connectionKey(c);
}

template <class T> int indexOf(const QList<T> &list, const QString &key) {
    for (int i = 0; i < list.size(); ++i)
        if (keyOf(list[i]) == key) return i;
    return -1;
}

template <class T> QStringList keysOf(const Indexed<T> &items) {
    QStringList keys;
    for (const auto &item : items)
        keys << keyOf(item.second);
    return keys;
}

template <class T> QStringList keysOf(const QList<T> &items) {
    QStringList keys;
    for (const T &item : items)
        keys << keyOf(item);
    return keys;
}

// Inserts in ascending index order so that restored elements land where they were.
template <class T> void insertAll(QList<T> &list, Indexed<T> items) {
    std::stable_sort(items.begin(), items.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[index, item] : items) {
        if (index < 0 || index > list.size())
            list.append(item);
        else
            list.insert(index, item);
    }
}

template <class T> Indexed<T> removeAll(QList<T> &list, const Indexed<T> &items) {
    const QStringList keys = keysOf(items);
    const QSet<QString> wanted(keys.begin(), keys.end());
    Indexed<T> removed;
    for (int i = 0; i < list.size(); ++i)
        if (wanted.contains(keyOf(list[i]))) removed.append({i, list[i]});
    for (int i = int(removed.size()) - 1; i >= 0; --i)
        list.removeAt(removed[i].first);
    return removed;
}

template <class T> void replaceAll(QList<T> &list, const QList<T> &before, const QList<T> &after) {
    Q_ASSERT(before.size() == after.size());
    for (int i = 0; i < before.size(); ++i) {
        const int index = indexOf(list, keyOf(before[i]));
        if (index >= 0) list[index] = after[i];
    }
}

QString uniqueId(const QString &base, const auto &taken) {
    const QString stem = base.isEmpty() ? QStringLiteral("item") : base;
    if (!taken(stem)) return stem;
    for (int n = 2;; ++n) {
        const QString id = QStringLiteral("%1-%2").arg(stem).arg(n);
        if (!taken(id)) return id;
    }
}

} // namespace

ProjectDocument::ProjectDocument(Project project, QString filePath, QObject *parent)
    : QObject(parent)
    , m_project(std::move(project))
    , m_filePath(std::move(filePath)) {
    normalise();
}

void ProjectDocument::resetProject(Project project, const QString &filePath,
                                   const QString &suggestedName) {
    m_project = std::move(project);
    m_suggestedName = suggestedName;
    m_current = 0;
    m_unsavedRuns = false;
    normalise();
    m_undoStack.clear();
    setFilePath(filePath);
    emit projectReset();
    emit currentVariantChanged(0);
    emit changed();
}

qint64 ProjectDocument::addRun(RunRecord run) {
    qint64 next = 1;
    for (const RunRecord &r : m_project.runs)
        next = std::max(next, r.id + 1);
    run.id = next;
    m_project.runs.append(std::move(run));
    m_unsavedRuns = true;
    emit runsChanged();
    return next;
}

void ProjectDocument::removeRun(qint64 id) {
    const auto removed = m_project.runs.removeIf([id](const RunRecord &r) { return r.id == id; });
    if (removed == 0) return;
    m_unsavedRuns = true;
    emit runsChanged();
}

void ProjectDocument::setRunsSaved() {
    m_unsavedRuns = false;
    emit runsChanged();
}

void ProjectDocument::normalise() {
    if (m_project.variants.isEmpty()) {
        Variant v;
        v.name = QStringLiteral("Main");
        m_project.variants.append(v);
    }
    // The editor names connections by connectionKey(); give duplicates of "from->to" an id.
    for (Variant &v : m_project.variants) {
        QSet<QString> seen;
        for (Connection &c : v.connections) {
            if (seen.contains(connectionKey(c)))
                c.id = uniqueId(connectionKey(c),
                                [&](const QString &id) { return seen.contains(id); });
            seen.insert(connectionKey(c));
        }
    }
}

void ProjectDocument::setCurrentVariantIndex(int index) {
    if (index == m_current || index < 0 || index >= variantCount()) return;
    m_current = index;
    emit currentVariantChanged(index);
}

void ProjectDocument::setFilePath(const QString &path) {
    if (path == m_filePath) return;
    m_filePath = path;
    emit filePathChanged(path);
}

QString ProjectDocument::displayName() const {
    if (!m_filePath.isEmpty()) return QFileInfo(m_filePath).fileName();
    return m_suggestedName.isEmpty() ? tr("untitled.archsim") : m_suggestedName;
}

void ProjectDocument::insertElements(int variant, const ElementSet &set) {
    Variant &v = mutableVariant(variant);
    insertAll(v.layers, set.layers);
    insertAll(v.units, set.units);
    insertAll(v.components, set.components);
    insertAll(v.connections, set.connections);
    if (!set.layers.isEmpty()) emit layersChanged(variant);
    if (!set.units.isEmpty()) emit unitsChanged(variant, keysOf(set.units));
    if (!set.components.isEmpty()) emit componentsAdded(variant, keysOf(set.components));
    if (!set.connections.isEmpty()) emit connectionsAdded(variant, keysOf(set.connections));
    emit changed();
}

ElementSet ProjectDocument::removeElements(int variant, const ElementSet &set) {
    Variant &v = mutableVariant(variant);
    ElementSet removed;
    removed.connections = removeAll(v.connections, set.connections);
    if (!removed.connections.isEmpty())
        emit connectionsRemoved(variant, keysOf(removed.connections));
    removed.components = removeAll(v.components, set.components);
    if (!removed.components.isEmpty()) emit componentsRemoved(variant, keysOf(removed.components));
    removed.units = removeAll(v.units, set.units);
    if (!removed.units.isEmpty()) emit unitsChanged(variant, keysOf(removed.units));
    removed.layers = removeAll(v.layers, set.layers);
    if (!removed.layers.isEmpty()) emit layersChanged(variant);
    emit changed();
    return removed;
}

void ProjectDocument::replaceComponents(int variant, const QList<Component> &before,
                                        const QList<Component> &after) {
    replaceAll(mutableVariant(variant).components, before, after);
    emit componentsChanged(variant, keysOf(after));
    emit changed();
}

void ProjectDocument::replaceConnections(int variant, const QList<Connection> &before,
                                         const QList<Connection> &after) {
    replaceAll(mutableVariant(variant).connections, before, after);
    // A connection without an id is named by its ends: moving an end renames it.
    QStringList removed, added, changedKeys;
    for (int i = 0; i < before.size(); ++i) {
        if (keyOf(before[i]) == keyOf(after[i])) {
            changedKeys << keyOf(after[i]);
        } else {
            removed << keyOf(before[i]);
            added << keyOf(after[i]);
        }
    }
    if (!removed.isEmpty()) emit connectionsRemoved(variant, removed);
    if (!added.isEmpty()) emit connectionsAdded(variant, added);
    if (!changedKeys.isEmpty()) emit connectionsChanged(variant, changedKeys);
    emit changed();
}

void ProjectDocument::replaceUnits(int variant, const QList<Unit> &before,
                                   const QList<Unit> &after) {
    replaceAll(mutableVariant(variant).units, before, after);
    emit unitsChanged(variant, keysOf(after));
    emit changed();
}

void ProjectDocument::replaceLayers(int variant, const QList<Layer> &before,
                                    const QList<Layer> &after) {
    replaceAll(mutableVariant(variant).layers, before, after);
    emit layersChanged(variant);
    emit changed();
}

void ProjectDocument::replaceVariant(int variant, const Variant &value) {
    mutableVariant(variant) = value;
    emit variantReset(variant);
    emit changed();
}

void ProjectDocument::setWorkloads(int variant, const QList<Workload> &workloads) {
    mutableVariant(variant).workloads = workloads;
    emit workloadsChanged(variant);
    emit changed();
}

void ProjectDocument::setScenarios(int variant, const QList<Scenario> &scenarios) {
    mutableVariant(variant).scenarios = scenarios;
    emit scenariosChanged(variant);
    emit changed();
}

void ProjectDocument::setVariants(const QList<Variant> &variants, int current) {
    m_project.variants = variants;
    m_current = std::clamp(current, 0, int(variants.size()) - 1);
    emit variantsChanged();
    emit currentVariantChanged(m_current);
    emit changed();
}

void ProjectDocument::setProjectName(const QString &name) {
    m_project.name = name;
    emit projectNameChanged(name);
    emit changed();
}

QString ProjectDocument::uniqueComponentId(const Variant &v, const QString &base) {
    return uniqueId(
        base, [&](const QString &id) { return v.componentIndex(id) >= 0 || v.unitIndex(id) >= 0; });
}

} // namespace archsim::ui
