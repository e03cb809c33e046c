// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/problem.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace archsim {

ProblemLocation locationFromPath(const QString &path) {
    ProblemLocation loc;
    if (path.isEmpty()) return loc;
    static const QRegularExpression step(QStringLiteral("^([A-Za-z]+)(?:\\[(\\d+)\\])?$"));
    const QStringList parts = path.split(QLatin1Char('.'));
    loc.kind = ElementKind::Project;
    for (const QString &part : parts) {
        const QRegularExpressionMatch m = step.match(part);
        if (!m.hasMatch()) break;
        const QString name = m.captured(1);
        const bool indexed = m.hasCaptured(2) && !m.captured(2).isEmpty();
        const int index = indexed ? m.captured(2).toInt() : -1;
        if (!indexed) {
            loc.field = name; // the last plain step is the field
            continue;
        }
        if (name == QLatin1String("variants")) {
            loc.kind = ElementKind::Variant;
            loc.variant = index;
        } else if (name == QLatin1String("events")) {
            loc.kind = ElementKind::ScenarioEvent;
            loc.event = index;
        } else {
            static const QHash<QString, ElementKind> kinds{
                {QStringLiteral("layers"), ElementKind::Layer},
                {QStringLiteral("units"), ElementKind::Unit},
                {QStringLiteral("components"), ElementKind::Component},
                {QStringLiteral("connections"), ElementKind::Connection},
                {QStringLiteral("workloads"), ElementKind::Workload},
                {QStringLiteral("scenarios"), ElementKind::Scenario}};
            const auto it = kinds.find(name);
            if (it == kinds.end()) { // an indexed field such as zones[1]
                loc.field = name;
                continue;
            }
            loc.kind = *it;
            loc.index = index;
        }
    }
    return loc;
}

void locateProblems(ProblemList &problems) {
    for (Problem &p : problems)
        if (p.location.kind == ElementKind::None && !p.path.isEmpty())
            p.location = locationFromPath(p.path);
}

QString Problem::toString() const {
    QString text = path.isEmpty() ? message : path + QStringLiteral(": ") + message;
    QStringList context;
    if (!variant.isEmpty()) context << QStringLiteral("variant \"%1\"").arg(variant);
    if (!elementKind.isEmpty())
        context << (elementId.isEmpty() ? elementKind
                                        : QStringLiteral("%1 %2").arg(elementKind, elementId));
    if (!context.isEmpty()) text += QStringLiteral(" (%1)").arg(context.join(QStringLiteral(", ")));
    return text;
}

bool hasErrors(const ProblemList &problems) {
    return countErrors(problems) > 0;
}

int countErrors(const ProblemList &problems) {
    return int(std::count_if(problems.begin(), problems.end(),
                             [](const Problem &p) { return p.severity == Severity::Error; }));
}

QString formatProblems(const ProblemList &problems, const QString &fileName) {
    ProblemList sorted = problems;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Problem &a, const Problem &b) {
        return a.severity == Severity::Error && b.severity != Severity::Error;
    });
    QStringList lines;
    const QString prefix = fileName.isEmpty() ? QString() : fileName + QStringLiteral(": ");
    for (const Problem &p : sorted)
        lines << prefix +
                     (p.severity == Severity::Error ? QStringLiteral("error: ")
                                                    : QStringLiteral("warning: ")) +
                     p.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace archsim
