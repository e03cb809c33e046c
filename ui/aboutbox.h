// SPDX-License-Identifier: GPL-3.0-or-later
// Help → About: the version, the licence (GPL-3.0-or-later) and the libraries ArchSim uses.
#pragma once

#include <QString>

class QWidget;

namespace archsim::ui {

QString aboutText(); // rich text
// Opens the box (window-modal, not blocking) and returns at once; it deletes itself on close.
void showAbout(QWidget *parent);

} // namespace archsim::ui
