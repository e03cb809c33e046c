// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/compare/compareactions.h"

#include "ui/compare/comparewindow.h"
#include "ui/compare/plandialog.h"
#include "ui/editor/editoperations.h"

#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>

namespace archsim::ui {

void addCompareActions(QMenu *menu, QWidget *window, ProjectDocument *document,
                       EditOperations *operations) {
    menu->addSeparator();
    auto derive = [=](EditOperations::DeriveAs as, const QString &suffix) {
        const QString name = QInputDialog::getText(
            window, QObject::tr("Derive variant"), QObject::tr("Name of the new variant:"),
            QLineEdit::Normal, document->currentVariant().name + suffix);
        if (name.isEmpty()) return;
        const QString error = operations->deriveVariant(as, name);
        if (!error.isEmpty()) QMessageBox::warning(window, QObject::tr("Derive variant"), error);
    };
    QAction *mono = menu->addAction(QObject::tr("Derive &Monolith…"));
    mono->setObjectName(QStringLiteral("deriveMonolith"));
    QObject::connect(mono, &QAction::triggered, window,
                     [=] { derive(EditOperations::DeriveAs::Monolith, QObject::tr(" monolith")); });
    QAction *micro = menu->addAction(QObject::tr("Derive Micro&services…"));
    micro->setObjectName(QStringLiteral("deriveMicroservices"));
    QObject::connect(micro, &QAction::triggered, window, [=] {
        derive(EditOperations::DeriveAs::Microservices, QObject::tr(" microservices"));
    });
    menu->addSeparator();
    auto compareWindow = std::make_shared<QPointer<CompareWindow>>();
    QAction *compare = menu->addAction(QObject::tr("&Compare Variants…"));
    compare->setObjectName(QStringLiteral("compareVariants"));
    compare->setShortcut(QKeySequence(QObject::tr("Ctrl+Shift+K")));
    QObject::connect(compare, &QAction::triggered, window, [=] {
        if (!*compareWindow) *compareWindow = new CompareWindow(document, window);
        (*compareWindow)->show();
        (*compareWindow)->raise();
    });
    QAction *plan = menu->addAction(QObject::tr("&Plan Capacity…"));
    plan->setObjectName(QStringLiteral("planCapacity"));
    QObject::connect(plan, &QAction::triggered, window, [=] {
        auto *dialog = new PlanDialog(document, window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
}

} // namespace archsim::ui
