// SPDX-License-Identifier: GPL-3.0-or-later
// The validator's rules, one function per kind of element, shared by the full validation
// (validator.cpp) and the incremental one (incrementalvalidator.cpp), so both find the same
// problems. A rule sees its element and, through Facts, only whether names exist elsewhere.
#pragma once

#include "model/problem.h"
#include "model/variant.h"

#include <optional>

namespace archsim::rules {

// The name spaces an element can refer to.
enum class Names {
    Layer,        // layer ids
    Unit,         // unit ids (explicit and implicit)
    Component,    // component ids
    ConnectionId, // connection ids that are set
    Workload,     // workload names
    Zone,         // zones listed by any unit
    UsedUnit,     // unit ids named by some component
};
inline constexpr int kNameSpaces = 7;

// Whether a name exists in the variant; the only thing a rule may know beyond its element.
class Facts {
public:
    virtual bool has(Names space, const QString &name) const = 0;

protected:
    ~Facts() = default;
};

// A problem of one element, before it is given its place (path, variant, id).
struct ElementProblem {
    Severity severity = Severity::Error;
    QString field;
    QString message;
    int event = -1; // a scenario's event

    bool operator==(const ElementProblem &) const = default;
};
using ElementProblems = QList<ElementProblem>;

// Everything but uniqueness, which depends on the order of the whole list (see uniqueKey).
ElementProblems checkLayer(const Layer &layer);
ElementProblems checkUnit(const Unit &unit, const Facts &facts);
ElementProblems checkComponent(const Component &component, const Facts &facts);
ElementProblems checkConnection(const Connection &connection, const Facts &facts);
ElementProblems checkWorkload(const Workload &workload, const Facts &facts);
ElementProblems checkScenario(const Scenario &scenario, const Facts &facts);

// The key an element must hold alone in its list, or nothing when it takes no part (an empty
// id is the element's own problem; a connection without id is named by its ends).
std::optional<QString> uniqueKey(const Layer &l);
std::optional<QString> uniqueKey(const Unit &u);
std::optional<QString> uniqueKey(const Component &c);
std::optional<QString> uniqueKey(const Connection &c);
std::optional<QString> uniqueKey(const Workload &w);
std::optional<QString> uniqueKey(const Scenario &s);

// The problem of a later element with the key of an earlier one at FIRST_PATH.
ElementProblem duplicateProblem(const Layer &, const QString &key, const QString &firstPath);
ElementProblem duplicateProblem(const Unit &u, const QString &key, const QString &firstPath);
ElementProblem duplicateProblem(const Component &, const QString &key, const QString &firstPath);
ElementProblem duplicateProblem(const Connection &, const QString &key, const QString &firstPath);
ElementProblem duplicateProblem(const Workload &, const QString &key, const QString &firstPath);
ElementProblem duplicateProblem(const Scenario &, const QString &key, const QString &firstPath);

// The names an element defines, for Facts.
template <class F> void forEachName(const Layer &l, F &&f) {
    f(Names::Layer, l.id);
}
template <class F> void forEachName(const Unit &u, F &&f) {
    f(Names::Unit, u.id);
    for (const QString &z : u.zones)
        f(Names::Zone, z);
}
template <class F> void forEachName(const Component &c, F &&f) {
    f(Names::Component, c.id);
    f(Names::UsedUnit, c.unit);
}
template <class F> void forEachName(const Connection &c, F &&f) {
    if (!c.id.isEmpty()) f(Names::ConnectionId, c.id);
}
template <class F> void forEachName(const Workload &w, F &&f) {
    f(Names::Workload, w.name);
}
template <class F> void forEachName(const Scenario &, F &&) {}

// What a problem's place says about an element: its list in the interchange format, its kind
// and the id shown.
const char *listName(const Layer &);
const char *listName(const Unit &);
const char *listName(const Component &);
const char *listName(const Connection &);
const char *listName(const Workload &);
const char *listName(const Scenario &);
QString elementId(const Layer &l);
QString elementId(const Unit &u);
QString elementId(const Component &c);
QString elementId(const Connection &c);
QString elementId(const Workload &w);
QString elementId(const Scenario &s);
ElementKind elementKind(const Layer &);
ElementKind elementKind(const Unit &);
ElementKind elementKind(const Component &);
ElementKind elementKind(const Connection &);
ElementKind elementKind(const Workload &);
ElementKind elementKind(const Scenario &);

// The replicas a unit adds to the variant's total (each is a server in the simulator).
long long replicaCount(const Unit &u);

// Turns element problems into placed problems.
class Placer {
public:
    Placer(const QString &variantName, int variantIndex);

    QString elementPath(const char *list, int index) const;
    QString rootPath() const { return m_root; }
    // ELEMENT_KIND/LOCATION_INDEX: where the user edits it (a unit written on its component is
    // placed on the component).
    void place(ProblemList &out, const QString &path, const QString &kindName, const QString &id,
               ElementKind locationKind, int locationIndex, const ElementProblem &p) const;
    template <class T>
    void placeAll(ProblemList &out, const T &element, const QString &path, ElementKind kind,
                  int index, const ElementProblems &problems) const {
        const QString kindName = kindNameOf(elementKind(element));
        const QString id = elementId(element);
        for (const ElementProblem &p : problems)
            place(out, path, kindName, id, kind, index, p);
    }
    // A problem of the variant as a whole; NAMED: shown as "variant NAME".
    void placeVariant(ProblemList &out, const ElementProblem &p, bool named) const;
    static QString kindNameOf(ElementKind kind);

private:
    QString m_name;
    int m_index;
    QString m_root;
};

} // namespace archsim::rules
