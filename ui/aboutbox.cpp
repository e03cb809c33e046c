// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/aboutbox.h"

#include <QApplication>
#include <QMessageBox>

namespace archsim::ui {

QString aboutText() {
    return QObject::tr(
               "<h3>ArchSim %1</h3>"
               "<p>Draws software architectures and simulates their load and failures.</p>"
               "<p>Copyright © 2026 the ArchSim authors.</p>"
               "<p>ArchSim is free software: you can redistribute it and/or modify it under the "
               "terms of the GNU General Public License as published by the Free Software "
               "Foundation, either version 3 of the License, or (at your option) any later "
               "version (<b>GPL-3.0-or-later</b>). It comes with ABSOLUTELY NO WARRANTY; see "
               "the <a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU General Public "
               "License</a>.</p>"
               "<p>Built with Qt %2 (Qt Charts under the GPL-3.0), Boost and SQLite.</p>")
        .arg(QStringLiteral(ARCHSIM_VERSION), QString::fromLatin1(qVersion()));
}

void showAbout(QWidget *parent) {
    auto *box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(QObject::tr("About ArchSim"));
    box->setTextFormat(Qt::RichText);
    box->setTextInteractionFlags(Qt::TextBrowserInteraction); // the licence link opens
    box->setText(aboutText());
    if (!QApplication::windowIcon().isNull())
        box->setIconPixmap(QApplication::windowIcon().pixmap(64, 64));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
}

} // namespace archsim::ui
