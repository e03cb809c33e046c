// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/problem.h"

#include <algorithm>

namespace archsim {

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
