// SPDX-License-Identifier: GPL-3.0-or-later
// archsim: the desktop app. Opens the project given on the command line, or the bundled example;
// with --export-diagram it draws a variant's diagram into a PNG or SVG file without a window.
#include "ui/editor/diagramexport.h"
#include "ui/editor/diagramview.h"
#include "ui/mainwindow.h"

#include "model/projectfile.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {

int exportAndExit(const QString &out, const QString &file, const QString &variantName) {
    using namespace archsim;
    const ReadResult read = loadProject(file);
    if (!read.ok()) {
        std::fprintf(stderr, "%s", qPrintable(formatProblems(read.problems, file)));
        return 1;
    }
    const int variant = variantName.isEmpty() ? 0 : read.project.variantIndex(variantName);
    if (variant < 0) {
        std::fprintf(stderr, "%s: no variant named \"%s\"\n", qPrintable(file),
                     qPrintable(variantName));
        return 1;
    }
    if (read.project.variants.isEmpty()) {
        std::fprintf(stderr, "%s: the project has no variant\n", qPrintable(file));
        return 1;
    }
    const QString error = ui::exportDiagram(read.project, variant, out);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[]) {
    // Exporting needs no display: use the offscreen platform unless one was chosen.
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--export-diagram") == 0 &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ArchSim"));
    QApplication::setOrganizationName(QStringLiteral("ArchSim"));
    QApplication::setApplicationVersion(QStringLiteral(ARCHSIM_VERSION));
    // Lets Wayland compositors and docks match the window to the installed desktop entry.
    QApplication::setDesktopFileName(QStringLiteral(ARCHSIM_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/archsim.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Draw and simulate software architectures."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption exportOption(
        QStringLiteral("export-diagram"),
        QStringLiteral("Write the diagram of FILE to OUT (.png or .svg) and exit."),
        QStringLiteral("OUT"));
    const QCommandLineOption variantOption(
        QStringLiteral("variant"), QStringLiteral("The variant to show (default: the first)."),
        QStringLiteral("NAME"));
    parser.addOption(exportOption);
    parser.addOption(variantOption);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A .archsim project or .json file to open."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);
    const QStringList files = parser.positionalArguments();

    if (parser.isSet(exportOption)) {
        if (files.size() != 1) {
            std::fprintf(stderr, "usage: archsim --export-diagram OUT.png|OUT.svg FILE "
                                 "[--variant NAME]\n");
            return 2;
        }
        return exportAndExit(parser.value(exportOption), files.first(),
                             parser.value(variantOption));
    }

    archsim::ui::MainWindow window;
    window.show();
    if (!window.offerRecovery())
        window.openProject(files.isEmpty() ? QStringLiteral(":/examples/shop.json")
                                           : files.first());
    if (parser.isSet(variantOption)) {
        const int variant = window.document()->project().variantIndex(parser.value(variantOption));
        if (variant >= 0) window.document()->setCurrentVariantIndex(variant);
    }
    QTimer::singleShot(0, &window, [&window] { window.view()->zoomToFit(); });
    return app.exec();
}
