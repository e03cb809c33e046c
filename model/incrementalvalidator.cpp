// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/incrementalvalidator.h"

#include "model/limits.h"
#include "model/validationrules.h"
#include "model/validator.h"

#include <QHash>
#include <QSet>

namespace archsim {

using namespace rules;

namespace {

using Lookup = std::pair<Names, QString>;

// One element as last checked: a copy to compare with, its problems, the names its check
// looked up (it is checked again when one of them appears or disappears) and its problems
// placed at the index they were last placed at.
struct SlotBase {
    bool dirty = true;
    ElementProblems local;
    QList<Lookup> lookups;
    ProblemList placed;
    int placedIndex = -1;
    ElementKind placedKind = ElementKind::None;
    quint64 placedStamp = 0;
};

template <class T> struct Slot : SlotBase { T value; };

template <class T> struct SlotList {
    std::vector<std::unique_ptr<Slot<T>>> entries;
    QHash<QString, int> keyCount; // uniqueKey -> elements holding it
    int repeatedKeys = 0;         // keys held by more than one element
};

// Records the names a check asks about.
class RecordingFacts final : public Facts {
public:
    RecordingFacts(const QHash<QString, int> *names, QList<Lookup> &lookups)
        : m_names(names)
        , m_lookups(lookups) {}
    bool has(Names space, const QString &name) const override {
        m_lookups.append({space, name});
        return m_names[int(space)].contains(name);
    }

private:
    const QHash<QString, int> *m_names;
    QList<Lookup> &m_lookups;
};

ElementProblems check(const Layer &l, const Facts &) {
    return checkLayer(l);
}
ElementProblems check(const Unit &u, const Facts &f) {
    return checkUnit(u, f);
}
ElementProblems check(const Component &c, const Facts &f) {
    return checkComponent(c, f);
}
ElementProblems check(const Connection &c, const Facts &f) {
    return checkConnection(c, f);
}
ElementProblems check(const Workload &w, const Facts &f) {
    return checkWorkload(w, f);
}
ElementProblems check(const Scenario &s, const Facts &f) {
    return checkScenario(s, f);
}

} // namespace

struct IncrementalValidator::VariantState {
    QString name;
    int index = -1;
    quint64 stamp = 1; // changes with name or index: placed problems carry both
    SlotList<Layer> layers;
    SlotList<Unit> units;
    SlotList<Component> components;
    SlotList<Connection> connections;
    SlotList<Workload> workloads;
    SlotList<Scenario> scenarios;
    QHash<QString, int> names[kNameSpaces]; // name -> elements defining it
    QHash<QString, QSet<SlotBase *>> dependents[kNameSpaces];
    long long replicas = 0;
    ProblemList problems;
    int rechecked = 0;

    // --- names -------------------------------------------------------------------------------
    void markDependents(Names space, const QString &name) {
        const auto it = dependents[int(space)].constFind(name);
        if (it == dependents[int(space)].constEnd()) return;
        for (SlotBase *slot : *it)
            slot->dirty = true;
    }
    void define(Names space, const QString &name) {
        if (++names[int(space)][name] == 1) markDependents(space, name);
    }
    void undefine(Names space, const QString &name) {
        auto it = names[int(space)].find(name);
        if (it == names[int(space)].end()) return;
        if (--*it == 0) {
            names[int(space)].erase(it);
            markDependents(space, name);
        }
    }
    void forget(SlotBase &slot) {
        for (const Lookup &l : std::as_const(slot.lookups)) {
            auto it = dependents[int(l.first)].find(l.second);
            if (it == dependents[int(l.first)].end()) continue;
            it->remove(&slot);
            if (it->isEmpty()) dependents[int(l.first)].erase(it);
        }
        slot.lookups.clear();
    }

    // --- what an element contributes ---------------------------------------------------------
    template <class T> void contribute(SlotList<T> &list, const T &value, int sign) {
        forEachName(value, [&](Names space, const QString &name) {
            if (sign > 0)
                define(space, name);
            else
                undefine(space, name);
        });
        if constexpr (std::is_same_v<T, Unit>) replicas += sign * replicaCount(value);
        if (const std::optional<QString> key = uniqueKey(value)) {
            int &count = list.keyCount[*key];
            count += sign;
            if (sign > 0 && count == 2) ++list.repeatedKeys;
            if (sign < 0 && count == 1) --list.repeatedKeys;
            if (count == 0) list.keyCount.remove(*key);
        }
    }

    template <class T> std::unique_ptr<Slot<T>> makeSlot(SlotList<T> &list, const T &value) {
        auto slot = std::make_unique<Slot<T>>();
        slot->value = value;
        contribute(list, value, +1);
        return slot;
    }
    template <class T> void dropSlot(SlotList<T> &list, std::unique_ptr<Slot<T>> slot) {
        forget(*slot);
        contribute(list, slot->value, -1);
    }
    template <class T> void changeSlot(SlotList<T> &list, Slot<T> &slot, const T &value) {
        // The new names first, so that a name kept does not disappear for a moment.
        contribute(list, value, +1);
        contribute(list, slot.value, -1);
        slot.value = value;
        slot.dirty = true;
        slot.placedIndex = -1; // ids in the placed problems may have changed
    }

    // --- bringing a list in line -------------------------------------------------------------
    template <class T> void reconcile(SlotList<T> &list, const QList<T> &items) {
        auto &entries = list.entries;
        const int n = int(entries.size()), m = int(items.size());
        int p = 0;
        while (p < n && p < m && entries[p]->value == items[p])
            ++p;
        int s = 0;
        while (s < n - p && s < m - p && entries[n - 1 - s]->value == items[m - 1 - s])
            ++s;
        const int oldEnd = n - s, newEnd = m - s;
        if (oldEnd - p == newEnd - p) { // changed in place
            for (int i = p; i < oldEnd; ++i)
                if (!(entries[i]->value == items[i])) changeSlot(list, *entries[i], items[i]);
            return;
        }
        // Elements added or removed: match the middle by key; a key on both sides whose
        // element differs is taken as changed in place.
        QHash<QString, int> oldKeys, newKeys;
        for (int i = p; i < oldEnd; ++i)
            ++oldKeys[elementId(entries[i]->value)];
        for (int j = p; j < newEnd; ++j)
            ++newKeys[elementId(items[j])];
        std::vector<std::unique_ptr<Slot<T>>> middle;
        middle.reserve(std::size_t(newEnd - p));
        int i = p, j = p;
        while (i < oldEnd || j < newEnd) {
            if (i < oldEnd && j < newEnd && entries[i]->value == items[j]) {
                middle.push_back(std::move(entries[i++]));
                ++j;
            } else if (i < oldEnd &&
                       (j == newEnd || !newKeys.contains(elementId(entries[i]->value)))) {
                dropSlot(list, std::move(entries[i++]));
            } else if (j < newEnd && (i == oldEnd || !oldKeys.contains(elementId(items[j])))) {
                middle.push_back(makeSlot(list, items[j++]));
            } else {
                changeSlot(list, *entries[i], items[j++]);
                middle.push_back(std::move(entries[i++]));
            }
        }
        entries.erase(entries.begin() + p, entries.begin() + oldEnd);
        entries.insert(entries.begin() + p, std::make_move_iterator(middle.begin()),
                       std::make_move_iterator(middle.end()));
    }

    // Exact edits (see IncrementalValidator::inserted); an index out of step with the list
    // means the caller's account is wrong: the list is then compared whole at the next update.
    template <class T> bool insertAt(SlotList<T> &list, int index, const QList<T> &items) {
        if (index < 0 || index >= items.size() || index > int(list.entries.size())) return false;
        list.entries.insert(list.entries.begin() + index, makeSlot(list, items[index]));
        return true;
    }
    template <class T> bool changeAt(SlotList<T> &list, int index, const QList<T> &items) {
        if (index < 0 || index >= items.size() || index >= int(list.entries.size())) return false;
        if (!(list.entries[std::size_t(index)]->value == items[index]))
            changeSlot(list, *list.entries[std::size_t(index)], items[index]);
        return true;
    }
    template <class T> bool removeAt(SlotList<T> &list, int index) {
        if (index < 0 || index >= int(list.entries.size())) return false;
        dropSlot(list, std::move(list.entries[std::size_t(index)]));
        list.entries.erase(list.entries.begin() + index);
        return true;
    }
    template <class F> bool apply(int part, F &&f) {
        switch (part) {
        case Layers:
            return f(
                layers, [](const Variant &v) -> const auto & { return v.layers; });
        case Units:
            return f(
                units, [](const Variant &v) -> const auto & { return v.units; });
        case Components:
            return f(
                components, [](const Variant &v) -> const auto & { return v.components; });
        case Connections:
            return f(
                connections, [](const Variant &v) -> const auto & { return v.connections; });
        case Workloads:
            return f(
                workloads, [](const Variant &v) -> const auto & { return v.workloads; });
        case Scenarios:
            return f(
                scenarios, [](const Variant &v) -> const auto & { return v.scenarios; });
        default:
            return false;
        }
    }
    bool built = false;
    int edited = 0; // parts changed by exact edits since the last update

    template <class T> void recheck(SlotList<T> &list) {
        for (auto &slot : list.entries) {
            if (!slot->dirty) continue;
            forget(*slot);
            RecordingFacts facts(names, slot->lookups);
            ElementProblems local = check(slot->value, facts);
            for (const Lookup &l : std::as_const(slot->lookups))
                dependents[int(l.first)][l.second].insert(slot.get());
            if (local != slot->local) slot->placedIndex = -1;
            slot->local = std::move(local);
            slot->dirty = false;
            ++rechecked;
        }
    }

    // --- placing the problems ----------------------------------------------------------------
    struct Place {
        const char *list;
        int index;
        ElementKind kind;
    };

    template <class T, class PlaceOf>
    void place(ProblemList &out, const Placer &placer, const SlotList<T> &list, PlaceOf placeOf) {
        QHash<QString, Place> seen; // only with repeated keys
        for (int i = 0; i < int(list.entries.size()); ++i) {
            Slot<T> &slot = *list.entries[std::size_t(i)];
            const bool repeated = list.repeatedKeys > 0;
            if (slot.local.isEmpty() && !repeated) continue;
            const Place where = placeOf(i, slot.value);
            if (repeated) {
                const std::optional<QString> key = uniqueKey(slot.value);
                if (key && list.keyCount.value(*key) > 1) {
                    const auto it = seen.constFind(*key);
                    if (it == seen.constEnd()) {
                        seen.insert(*key, where);
                    } else {
                        const QString path = placer.elementPath(where.list, where.index);
                        placer.placeAll(
                            out, slot.value, path, where.kind, where.index,
                            {duplicateProblem(slot.value, *key,
                                              placer.elementPath(it->list, it->index))});
                    }
                }
            }
            if (slot.local.isEmpty()) continue;
            if (slot.placedIndex != where.index || slot.placedKind != where.kind ||
                slot.placedStamp != stamp) {
                slot.placed.clear();
                placer.placeAll(slot.placed, slot.value,
                                placer.elementPath(where.list, where.index), where.kind,
                                where.index, slot.local);
                slot.placedIndex = where.index;
                slot.placedKind = where.kind;
                slot.placedStamp = stamp;
            }
            out << slot.placed;
        }
    }

    void assemble() {
        problems.clear();
        const Placer placer(name, index);
        if (name.trimmed().isEmpty())
            placer.placeVariant(
                problems,
                {Severity::Error, QStringLiteral("name"), QStringLiteral("a variant needs a name")},
                false);
        place(problems, placer, layers, [](int i, const Layer &) {
            return Place{"layers", i, ElementKind::Layer};
        });
        // A unit written on its component is placed on that component (the first of its id).
        QHash<QString, int> firstComponent;
        bool componentsIndexed = false;
        int explicitUnits = 0, lastUnit = -1;
        place(problems, placer, units, [&](int i, const Unit &u) {
            // Called in ascending order, but only for units with problems: count the explicit
            // units skipped since the last call.
            for (int k = lastUnit + 1; k < i; ++k)
                explicitUnits += units.entries[std::size_t(k)]->value.implicit ? 0 : 1;
            lastUnit = i;
            const int explicitIndex = explicitUnits;
            explicitUnits += u.implicit ? 0 : 1;
            if (u.implicit) {
                if (!componentsIndexed) {
                    for (int c = int(components.entries.size()) - 1; c >= 0; --c)
                        firstComponent.insert(components.entries[std::size_t(c)]->value.id, c);
                    componentsIndexed = true;
                }
                const int c = firstComponent.value(u.id, -1);
                if (c >= 0) return Place{"components", c, ElementKind::Component};
            }
            return Place{"units", explicitIndex, ElementKind::Unit};
        });
        if (replicas > kMaxTotalReplicas)
            placer.placeVariant(problems,
                                {Severity::Error, QStringLiteral("units"),
                                 QStringLiteral("the units have %1 replicas in all; at most %2 "
                                                "are supported")
                                     .arg(replicas)
                                     .arg(kMaxTotalReplicas)},
                                true);
        place(problems, placer, components, [](int i, const Component &) {
            return Place{"components", i, ElementKind::Component};
        });
        place(problems, placer, connections, [](int i, const Connection &) {
            return Place{"connections", i, ElementKind::Connection};
        });
        place(problems, placer, workloads, [](int i, const Workload &) {
            return Place{"workloads", i, ElementKind::Workload};
        });
        place(problems, placer, scenarios, [](int i, const Scenario &) {
            return Place{"scenarios", i, ElementKind::Scenario};
        });
    }

    void update(const Variant &v, int variantIndex, int parts) {
        built = true;
        edited = 0;
        if (v.name != name || variantIndex != index) {
            name = v.name;
            index = variantIndex;
            ++stamp;
        }
        rechecked = 0;
        if (parts & Layers) reconcile(layers, v.layers);
        if (parts & Units) reconcile(units, v.units);
        if (parts & Components) reconcile(components, v.components);
        if (parts & Connections) reconcile(connections, v.connections);
        if (parts & Workloads) reconcile(workloads, v.workloads);
        if (parts & Scenarios) reconcile(scenarios, v.scenarios);
        // Every list: a change of names in one makes elements of others dirty.
        recheck(layers);
        recheck(units);
        recheck(components);
        recheck(connections);
        recheck(workloads);
        recheck(scenarios);
        assemble();
    }
};

IncrementalValidator::IncrementalValidator() = default;
IncrementalValidator::~IncrementalValidator() = default;

void IncrementalValidator::touch(int variant, int parts) {
    if (variant < 0) return;
    if (std::size_t(variant) >= m_touched.size()) m_touched.resize(std::size_t(variant) + 1, 0);
    m_touched[std::size_t(variant)] |= parts;
}

void IncrementalValidator::touchAll() {
    m_allTouched = true;
}

// An exact edit is applied at once (its names counted, its element marked); the checks wait
// for update(). Before the first update, or after touchAll, the whole list is compared anyway.
void IncrementalValidator::inserted(int variant, Part part, int index, const Variant &v) {
    exactEdit(variant, part, [&](auto &state) {
        return state.apply(
            part, [&](auto &list, auto items) { return state.insertAt(list, index, items(v)); });
    });
}

void IncrementalValidator::changed(int variant, Part part, int index, const Variant &v) {
    exactEdit(variant, part, [&](auto &state) {
        return state.apply(
            part, [&](auto &list, auto items) { return state.changeAt(list, index, items(v)); });
    });
}

void IncrementalValidator::removed(int variant, Part part, int index) {
    exactEdit(variant, part, [&](auto &state) {
        return state.apply(part, [&](auto &list, auto) { return state.removeAt(list, index); });
    });
}

template <class F> void IncrementalValidator::exactEdit(int variant, Part part, F &&f) {
    if (m_allTouched || variant < 0 || std::size_t(variant) >= m_variants.size()) return;
    VariantState &state = *m_variants[std::size_t(variant)];
    if (!state.built) return;
    state.edited |= part;
    if (!f(state)) touch(variant, part); // out of step: compare the list whole
}

const ProblemList &IncrementalValidator::update(const Project &project) {
    const int count = int(project.variants.size());
    if (int(m_variants.size()) != count) m_allTouched = true;
    while (int(m_variants.size()) < count)
        m_variants.push_back(std::make_unique<VariantState>());
    m_variants.resize(std::size_t(count));
    m_rechecked = 0;
    for (int i = 0; i < count; ++i) {
        int parts = m_allTouched                        ? int(Everything)
                    : std::size_t(i) < m_touched.size() ? m_touched[std::size_t(i)]
                                                        : 0;
        VariantState &state = *m_variants[std::size_t(i)];
        if (state.name != project.variants[i].name || state.index != i) parts |= Name;
        if (state.edited) parts |= Name; // rechecks and placing, without comparing lists
        if (parts == 0) continue;
        state.update(project.variants[i], i, parts);
        m_rechecked += state.rechecked;
    }
    m_allTouched = false;
    m_touched.assign(std::size_t(count), 0);

    // The project's own problems, as validateProject places them.
    m_problems =
        projectProblems(project, [this](int i) { return m_variants[std::size_t(i)]->problems; });
    return m_problems;
}

} // namespace archsim
