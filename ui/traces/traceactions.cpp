// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/traces/traceactions.h"

#include "ui/editor/diagramscene.h"
#include "ui/editor/editoperations.h"
#include "ui/traces/backtestdialog.h"
#include "ui/traces/importtracesdialog.h"

#include <QAction>
#include <QMenu>

namespace archsim::ui {

void addTraceActions(QMenu *menu, QWidget *window, ProjectDocument *document) {
    QAction *import = menu->addAction(QObject::tr("Import &Traces…"));
    import->setObjectName(QStringLiteral("importTraces"));
    QObject::connect(import, &QAction::triggered, window, [=] {
        auto *dialog = new ImportTracesDialog(document, window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        // Differences are shown selected on the canvas (the whole set, or a clicked row's).
        QObject::connect(dialog, &ImportTracesDialog::highlight, window,
                         [window](const QStringList &components, const QStringList &connections) {
                             if (auto *scene = window->findChild<DiagramScene *>()) {
                                 Selection s;
                                 s.components = components;
                                 s.connections = connections;
                                 scene->select(s);
                             }
                         });
        dialog->show();
    });
    QAction *backtest = menu->addAction(QObject::tr("&Back-test Traces…"));
    backtest->setObjectName(QStringLiteral("backtestTraces"));
    QObject::connect(backtest, &QAction::triggered, window, [=] {
        auto *dialog = new BacktestDialog(window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
}

} // namespace archsim::ui
