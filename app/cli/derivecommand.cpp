// SPDX-License-Identifier: GPL-3.0-or-later
#include "derivecommand.h"

#include "projectinput.h"

#include "model/projectfile.h"
#include "model/variantedits.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace archsim::cli {

QList<QCommandLineOption> DeriveCommand::options() const {
    return {
        {QStringLiteral("as"), QStringLiteral("monolith or microservices."),
         QStringLiteral("KIND")},
        {QStringLiteral("name"), QStringLiteral("Name of the new variant."), QStringLiteral("NEW")},
        {QStringLiteral("o"), QStringLiteral("Write the project here (default: FILE)."),
         QStringLiteral("OUT")},
    };
}

int DeriveCommand::run(CliContext &context) {
    const QCommandLineParser &parser = context.parser;
    const QString as = parser.value(QStringLiteral("as"));
    const QString newName = parser.value(QStringLiteral("name")).trimmed();
    if (as != QLatin1String("monolith") && as != QLatin1String("microservices")) {
        context.err << "archsim-cli derive: --as: \"" << as << "\" is not monolith or microservices"
                    << Qt::endl;
        return kExitUsage;
    }
    if (newName.isEmpty()) {
        context.err << "archsim-cli derive: --name NEW is required" << Qt::endl;
        return kExitUsage;
    }
    const QString path = context.arguments.value(0);
    const QString out =
        parser.isSet(QStringLiteral("o")) ? parser.value(QStringLiteral("o")) : path;
    if (formatForPath(out) == ProjectFormat::Unknown) {
        context.err << out << ": error: unknown file type: use .archsim or .json" << Qt::endl;
        return kExitUsage;
    }
    auto loaded = loadForCommand(context, path, false);
    if (!loaded) return kExitInputError;
    if (loaded->project.findVariant(newName)) {
        context.err << path << ": error: --name: a variant \"" << newName << "\" exists already"
                    << Qt::endl;
        return kExitInputError;
    }
    const VariantEdit edit = as == QLatin1String("monolith")
                                 ? deriveMonolith(*loaded->variant, newName)
                                 : deriveMicroservices(*loaded->variant, newName);
    if (!edit.ok()) {
        context.err << path << ": error: " << edit.error << Qt::endl;
        return kExitInputError;
    }
    Project project = loaded->project;
    project.variants.insert(loaded->variantIndex + 1, edit.variant);
    const ProblemList saved = saveProject(out, project);
    if (!saved.isEmpty()) {
        context.err << formatProblems(saved, out) << Qt::endl;
        return kExitInputError;
    }
    int replicas = 0;
    double costPerHour = 0;
    for (const Unit &u : edit.variant.units) {
        replicas += u.replicas;
        costPerHour += u.costPerHour * u.replicas;
    }
    if (context.json) {
        QJsonArray units;
        for (const Unit &u : edit.variant.units)
            units.append(u.id);
        const QJsonObject doc{{QStringLiteral("output"), out},
                              {QStringLiteral("variant"), newName},
                              {QStringLiteral("from"), loaded->variant->name},
                              {QStringLiteral("as"), as},
                              {QStringLiteral("units"), units},
                              {QStringLiteral("replicas"), replicas},
                              {QStringLiteral("costPerMonth"), costPerHour * 730}};
        context.out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else {
        context.out << "derived \"" << newName << "\" from \"" << loaded->variant->name << "\" as "
                    << as << ": " << edit.variant.units.size() << " units, " << replicas
                    << " replicas; wrote " << out << Qt::endl;
    }
    return kExitOk;
}

} // namespace archsim::cli
