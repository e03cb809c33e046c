// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/validator.h"

#include "model/limits.h"
#include "model/validationrules.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace archsim {

using namespace rules;

namespace {

// Whether a name exists, from one pass over the variant.
class SetFacts final : public Facts {
public:
    explicit SetFacts(const Variant &v) {
        auto add = [this](Names space, const QString &name) { m_sets[int(space)].insert(name); };
        for (const Layer &l : v.layers)
            forEachName(l, add);
        for (const Unit &u : v.units)
            forEachName(u, add);
        for (const Component &c : v.components)
            forEachName(c, add);
        for (const Connection &c : v.connections)
            forEachName(c, add);
        for (const Workload &w : v.workloads)
            forEachName(w, add);
    }
    bool has(Names space, const QString &name) const override {
        return m_sets[int(space)].contains(name);
    }

private:
    QSet<QString> m_sets[kNameSpaces];
};

// Where an element's problems are placed: its list and index in the interchange format.
struct Place {
    const char *list;
    int index;
    ElementKind kind;
};

class VariantValidator {
public:
    VariantValidator(const Variant &v, int index, ProblemList &out)
        : m_v(v)
        , m_facts(v)
        , m_placer(v.name, index)
        , m_out(out) {}

    void run() {
        if (m_v.name.trimmed().isEmpty())
            m_placer.placeVariant(
                m_out,
                {Severity::Error, QStringLiteral("name"), QStringLiteral("a variant needs a name")},
                false);
        each(
            m_v.layers, [](const Layer &l, const Facts &) { return checkLayer(l); },
            [](int i, const Layer &) {
                return Place{"layers", i, ElementKind::Layer};
            });
        QHash<QString, int> firstComponent;
        for (int i = int(m_v.components.size()) - 1; i >= 0; --i)
            firstComponent.insert(m_v.components[i].id, i);
        int explicitUnits = 0;
        long long replicas = 0;
        each(m_v.units, checkUnit, [&](int, const Unit &u) {
            replicas += replicaCount(u);
            const int explicitIndex = explicitUnits;
            explicitUnits += u.implicit ? 0 : 1;
            const int c = u.implicit ? firstComponent.value(u.id, -1) : -1;
            return c >= 0 ? Place{"components", c, ElementKind::Component}
                          : Place{"units", explicitIndex, ElementKind::Unit};
        });
        // Each replica is a server in the discrete-event engine.
        if (replicas > kMaxTotalReplicas)
            m_placer.placeVariant(m_out,
                                  {Severity::Error, QStringLiteral("units"),
                                   QStringLiteral("the units have %1 replicas in all; at most %2 "
                                                  "are supported")
                                       .arg(replicas)
                                       .arg(kMaxTotalReplicas)},
                                  true);
        each(m_v.components, checkComponent, [](int i, const Component &) {
            return Place{"components", i, ElementKind::Component};
        });
        each(m_v.connections, checkConnection, [](int i, const Connection &) {
            return Place{"connections", i, ElementKind::Connection};
        });
        each(m_v.workloads, checkWorkload, [](int i, const Workload &) {
            return Place{"workloads", i, ElementKind::Workload};
        });
        each(m_v.scenarios, checkScenario, [](int i, const Scenario &) {
            return Place{"scenarios", i, ElementKind::Scenario};
        });
    }

private:
    // Checks every element of a list in order; a repeated key is reported on the later element,
    // first, naming where the first one is.
    template <class T, class Check, class PlaceOf>
    void each(const QList<T> &items, Check check, PlaceOf placeOf) {
        QHash<QString, Place> seen;
        for (int i = 0; i < items.size(); ++i) {
            const T &item = items[i];
            const Place place = placeOf(i, item);
            const ElementProblems problems = check(item, m_facts);
            const std::optional<QString> key = uniqueKey(item);
            std::optional<ElementProblem> duplicate;
            if (key) {
                const auto it = seen.constFind(*key);
                if (it != seen.constEnd())
                    duplicate =
                        duplicateProblem(item, *key, m_placer.elementPath(it->list, it->index));
                else
                    seen.insert(*key, place);
            }
            if (!duplicate && problems.isEmpty()) continue;
            const QString path = m_placer.elementPath(place.list, place.index);
            if (duplicate)
                m_placer.placeAll(m_out, item, path, place.kind, place.index, {*duplicate});
            m_placer.placeAll(m_out, item, path, place.kind, place.index, problems);
        }
    }

    const Variant &m_v;
    const SetFacts m_facts;
    const Placer m_placer;
    ProblemList &m_out;
};

} // namespace

ProblemList validateVariant(const Variant &variant, int variantIndex) {
    ProblemList problems;
    VariantValidator(variant, variantIndex, problems).run();
    return problems;
}

ProblemList projectProblems(const Project &project,
                            const std::function<ProblemList(int)> &variantProblems) {
    ProblemList problems;
    if (project.variants.isEmpty()) {
        Problem p;
        p.path = QStringLiteral("variants");
        p.field = QStringLiteral("variants");
        p.message = QStringLiteral("a project needs at least one variant");
        problems << p;
    }
    QHash<QString, int> names;
    for (int i = 0; i < project.variants.size(); ++i) {
        const Variant &v = project.variants[i];
        if (names.contains(v.name) && !v.name.isEmpty()) {
            Problem p;
            p.path = QStringLiteral("variants[%1].name").arg(i);
            p.variant = v.name;
            p.field = QStringLiteral("name");
            p.message = QStringLiteral("duplicate variant name \"%1\" (first at variants[%2])")
                            .arg(v.name)
                            .arg(names.value(v.name));
            problems << p;
        }
        names.insert(v.name, i);
        problems << variantProblems(i);
    }
    return problems;
}

ProblemList validateProject(const Project &project) {
    return projectProblems(project, [&](int i) { return validateVariant(project.variants[i], i); });
}

} // namespace archsim
