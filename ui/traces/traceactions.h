// SPDX-License-Identifier: GPL-3.0-or-later
// The File menu's trace actions: Import Traces and Back-test Traces.
#pragma once

class QMenu;
class QWidget;

namespace archsim::ui {

class ProjectDocument;

void addTraceActions(QMenu *menu, QWidget *window, ProjectDocument *document);

} // namespace archsim::ui
