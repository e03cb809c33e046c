// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-cli: ArchSim's engines without a display, for scripts and CI.
#include "commandregistry.h"
#include "plotwriter.h"
#include "reportcommand.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

using namespace archsim::cli;

namespace {

QString generalHelp(const std::vector<std::unique_ptr<CliCommand>> &commands) {
    QString text = QStringLiteral(
        "Usage: archsim-cli COMMAND [options] FILE...\n\n"
        "ArchSim's model checks and simulators for scripts and CI. FILE is a .archsim project\n"
        "or a .json interchange file.\n\nCommands:\n");
    for (const auto &c : commands)
        text += QStringLiteral("  %1 %2\n      %3\n").arg(c->name(), c->synopsis(), c->summary());
    text += QStringLiteral(
        "\nCommon options:\n"
        "  --variant NAME  the variant to use (default: the first)\n"
        "  --json          print one JSON document on stdout and nothing else there\n"
        "  -h, --help      this help, or a command's help after its name\n"
        "  -v, --version   the version\n\n"
        "Exit codes: 0 success, 1 model or input error, 2 usage error.\n");
    return text;
}

} // namespace

int main(int argc, char *argv[]) {
    // Charts need a GUI application; a plot or a report is always drawn offscreen, never in a
    // window.
    std::unique_ptr<QCoreApplication> app;
    if (wantsPlot(argc, argv) || wantsReport(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("archsim-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ARCHSIM_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    const auto commands = createCommands();
    const QStringList args = QCoreApplication::arguments();

    // The command is the first argument that is not an option; its options join the parser.
    CliCommand *command = nullptr;
    for (int i = 1; i < args.size() && !command; ++i) {
        if (args[i].startsWith(QLatin1Char('-'))) continue;
        for (const auto &c : commands)
            if (c->name() == args[i]) command = c.get();
        if (!command) {
            err << "archsim-cli: unknown command \"" << args[i] << "\" (see archsim-cli --help)"
                << Qt::endl;
            return kExitUsage;
        }
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print one JSON document on stdout."));
    const QCommandLineOption variant(QStringLiteral("variant"),
                                     QStringLiteral("The variant to use (default: the first)."),
                                     QStringLiteral("NAME"));
    parser.addOptions({help, version, json, variant});
    if (command) {
        parser.addOptions(command->options());
        parser.addPositionalArgument(command->name(), command->summary(), command->name());
        parser.addPositionalArgument(command->synopsis(), QString(), command->synopsis());
    }
    if (!parser.parse(args)) {
        err << "archsim-cli: " << parser.errorText() << " (see archsim-cli --help)" << Qt::endl;
        return kExitUsage;
    }
    if (parser.isSet(version)) {
        out << "archsim-cli " << ARCHSIM_VERSION << Qt::endl;
        return kExitOk;
    }
    if (parser.isSet(help) || !command) {
        if (command)
            out << parser.helpText()
                       .replace(args.first(), QStringLiteral("archsim-cli"))
                       .replace(QStringLiteral("[options] ") + command->name(),
                                QStringLiteral("%1 [options]").arg(command->name()));
        else
            out << generalHelp(commands);
        out.flush();
        return command || parser.isSet(help) ? kExitOk : kExitUsage;
    }

    QStringList positional = parser.positionalArguments();
    positional.removeFirst();                      // the command's name
    const int wanted = command->positionalCount(); // -1: one or more
    if (wanted < 0 ? positional.isEmpty() : positional.size() != wanted) {
        err << "archsim-cli " << command->name() << ": expected " << command->synopsis() << ", got "
            << positional.size() << " argument(s) (see archsim-cli " << command->name()
            << " --help)" << Qt::endl;
        return kExitUsage;
    }
    CliContext context{parser, positional, out, err, parser.isSet(json), parser.value(variant)};
    const int code = command->run(context);
    out.flush();
    err.flush();
    return code;
}
