// SPDX-License-Identifier: GPL-3.0-or-later
// A problem found in a model or a file: what is wrong and exactly where.
#pragma once

#include <QList>
#include <QString>

namespace archsim {

enum class Severity { Error, Warning };

struct Problem {
    Severity severity = Severity::Error;
    // Where, as a JSON path into the interchange format: "variants[0].connections[3].to".
    QString path;
    // Where, in the model's words: variant name, element kind and id, field.
    QString variant;
    QString elementKind;
    QString elementId;
    QString field;
    QString message;

    // "variants[0].connections[3].to: unknown component "paymnt" (variant "Shop", connection
    // web->paymnt)"
    QString toString() const;
};

using ProblemList = QList<Problem>;

bool hasErrors(const ProblemList &problems);
int countErrors(const ProblemList &problems);
// One problem per line, errors first, each prefixed with "error: " or "warning: ".
QString formatProblems(const ProblemList &problems, const QString &fileName = {});

} // namespace archsim
