// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzecommand.h"

#include "loadreport.h"

#include "simulator/analytic/analyticengine.h"

#include <QJsonDocument>

namespace archsim::cli {

int AnalyzeCommand::run(CliContext &context) {
    const auto input = compileForCommand(context, context.arguments.value(0));
    if (!input) return kExitInputError;
    const sim::LoadResult result = sim::analyze(input->model);
    if (context.json)
        context.out << QJsonDocument(sim::toJson(result)).toJson(QJsonDocument::Indented);
    else
        printLoadResult(context.out, result);
    return kExitOk;
}

} // namespace archsim::cli
