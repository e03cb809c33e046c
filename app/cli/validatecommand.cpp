// SPDX-License-Identifier: GPL-3.0-or-later
#include "validatecommand.h"

#include "simulator/modelchecks.h"

#include "model/projectfile.h"
#include "model/validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace archsim::cli {

namespace {
QJsonObject problemJson(const Problem &p) {
    QJsonObject o{{QStringLiteral("severity"), p.severity == Severity::Error
                                                   ? QStringLiteral("error")
                                                   : QStringLiteral("warning")},
                  {QStringLiteral("path"), p.path},
                  {QStringLiteral("message"), p.message}};
    if (!p.variant.isEmpty()) o.insert(QStringLiteral("variant"), p.variant);
    if (!p.elementKind.isEmpty()) o.insert(QStringLiteral("element"), p.elementKind);
    if (!p.elementId.isEmpty()) o.insert(QStringLiteral("id"), p.elementId);
    if (!p.field.isEmpty()) o.insert(QStringLiteral("field"), p.field);
    return o;
}
} // namespace

int ValidateCommand::run(CliContext &context) {
    const QString path = context.arguments.value(0);
    ReadResult read = loadProject(path);
    ProblemList problems = read.problems;
    // A field of the wrong type leaves the rest readable: check it too, so one run lists all.
    if (!read.project.variants.isEmpty()) {
        if (context.variant.isEmpty()) {
            problems << sim::checkProject(read.project);
        } else {
            const int index = read.project.variantIndex(context.variant);
            if (index < 0) {
                context.err << path << ": error: --variant: no variant \"" << context.variant
                            << "\" (the project has: "
                            << read.project.variantNames().join(QStringLiteral(", ")) << ")"
                            << Qt::endl;
                return kExitInputError;
            }
            problems << sim::checkVariant(read.project.variants[index], index).problems;
        }
    }
    const int errors = countErrors(problems);
    const int warnings = int(problems.size()) - errors;
    if (context.json) {
        QJsonArray list;
        for (const Problem &p : problems)
            list.append(problemJson(p));
        const QJsonObject doc{{QStringLiteral("file"), path},
                              {QStringLiteral("valid"), errors == 0},
                              {QStringLiteral("errors"), errors},
                              {QStringLiteral("warnings"), warnings},
                              {QStringLiteral("problems"), list}};
        context.out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else {
        if (!problems.isEmpty()) context.err << formatProblems(problems, path) << Qt::endl;
        if (errors == 0)
            context.out << path << ": valid (" << read.project.variants.size() << " variant"
                        << (read.project.variants.size() == 1 ? "" : "s") << ", " << warnings
                        << " warning" << (warnings == 1 ? "" : "s") << ")" << Qt::endl;
        else
            context.err << path << ": " << errors << " error" << (errors == 1 ? "" : "s") << ", "
                        << warnings << " warning" << (warnings == 1 ? "" : "s") << Qt::endl;
    }
    return errors == 0 ? kExitOk : kExitInputError;
}

} // namespace archsim::cli
