// SPDX-License-Identifier: GPL-3.0-or-later
#include "infocommand.h"

#include "projectinput.h"
#include "texttable.h"

#include "model/projectfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace archsim::cli {

int InfoCommand::run(CliContext &context) {
    const QString path = context.arguments.value(0);
    const ReadResult read = loadProject(path);
    if (!read.ok()) {
        context.err << formatProblems(read.problems, path) << Qt::endl;
        return kExitInputError;
    }
    const Project &project = read.project;
    struct Counts {
        QString name;
        int layers, units, components, connections, workloads, scenarios;
    };
    QList<Counts> rows;
    for (const Variant &v : project.variants) {
        if (!context.variant.isEmpty() && v.name != context.variant) continue;
        rows << Counts{v.name,
                       int(v.layers.size()),
                       int(v.units.size()),
                       int(v.components.size()),
                       int(v.connections.size()),
                       int(v.workloads.size()),
                       int(v.scenarios.size())};
    }
    if (!context.variant.isEmpty() && rows.isEmpty()) {
        context.err << path << ": error: --variant: no variant \"" << context.variant << "\""
                    << Qt::endl;
        return kExitInputError;
    }
    const QString format = formatForPath(path) == ProjectFormat::Json ? QStringLiteral("json")
                                                                      : QStringLiteral("archsim");
    if (context.json) {
        QJsonArray variants;
        for (const Counts &c : rows)
            variants.append(QJsonObject{{QStringLiteral("name"), c.name},
                                        {QStringLiteral("layers"), c.layers},
                                        {QStringLiteral("units"), c.units},
                                        {QStringLiteral("components"), c.components},
                                        {QStringLiteral("connections"), c.connections},
                                        {QStringLiteral("workloads"), c.workloads},
                                        {QStringLiteral("scenarios"), c.scenarios}});
        const QJsonObject doc{{QStringLiteral("name"), project.name},
                              {QStringLiteral("format"), format},
                              {QStringLiteral("variants"), variants}};
        context.out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    context.out << "project: " << project.name << " (" << format << ")\n";
    TextTable table({QStringLiteral("variant"), QStringLiteral("layers"), QStringLiteral("units"),
                     QStringLiteral("components"), QStringLiteral("connections"),
                     QStringLiteral("workloads"), QStringLiteral("scenarios")});
    for (const Counts &c : rows)
        table.addRow({c.name, QString::number(c.layers), QString::number(c.units),
                      QString::number(c.components), QString::number(c.connections),
                      QString::number(c.workloads), QString::number(c.scenarios)});
    table.print(context.out);
    return kExitOk;
}

} // namespace archsim::cli
