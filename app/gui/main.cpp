// archsim: the desktop app. Opens the project given on the command line, or the bundled example.
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[]) {
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
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A .archsim project or .json file to open."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);

    archsim::ui::MainWindow window;
    const QStringList files = parser.positionalArguments();
    window.openProject(files.isEmpty() ? QStringLiteral(":/examples/shop.json") : files.first());
    window.show();
    return app.exec();
}
