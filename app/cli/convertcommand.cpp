// SPDX-License-Identifier: GPL-3.0-or-later
#include "convertcommand.h"

#include "model/projectfile.h"
#include "model/validator.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace archsim::cli {

int ConvertCommand::run(CliContext &context) {
    const QString in = context.arguments.value(0);
    const QString out = context.arguments.value(1);
    if (formatForPath(out) == ProjectFormat::Unknown) {
        context.err << out << ": error: unknown file type: use .archsim or .json" << Qt::endl;
        return kExitUsage;
    }
    const ReadResult read = loadProject(in);
    if (!read.ok()) {
        // A file we could not read fully cannot be converted without losing something.
        context.err << formatProblems(read.problems, in) << Qt::endl;
        return kExitInputError;
    }
    // A design with model errors still converts (nothing is lost); say so.
    const ProblemList modelProblems = validateProject(read.project);
    if (hasErrors(modelProblems))
        context.err << in << ": warning: the model has " << countErrors(modelProblems)
                    << " error(s); converting it as it is (see archsim-cli validate)" << Qt::endl;
    const ProblemList saved = saveProject(out, read.project);
    if (!saved.isEmpty()) {
        context.err << formatProblems(saved, out) << Qt::endl;
        return kExitInputError;
    }
    if (context.json) {
        const QJsonObject doc{{QStringLiteral("input"), in},
                              {QStringLiteral("output"), out},
                              {QStringLiteral("variants"), int(read.project.variants.size())}};
        context.out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else {
        context.out << "wrote " << out << " (" << read.project.variants.size() << " variant"
                    << (read.project.variants.size() == 1 ? "" : "s") << ")" << Qt::endl;
    }
    return kExitOk;
}

} // namespace archsim::cli
