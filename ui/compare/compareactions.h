// SPDX-License-Identifier: GPL-3.0-or-later
// The Variant menu's study actions: derive monolith / microservices, compare, plan capacity.
#pragma once

#include <QObject>

class QMenu;
class QWidget;

namespace archsim::ui {

class EditOperations;
class ProjectDocument;

// Adds the actions to MENU; dialogs and the Compare window are children of WINDOW.
void addCompareActions(QMenu *menu, QWidget *window, ProjectDocument *document,
                       EditOperations *operations);

} // namespace archsim::ui
