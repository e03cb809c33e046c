// SPDX-License-Identifier: GPL-3.0-or-later
// Every undo command id in one place; commands with the same id may merge (QUndoCommand::id).
#pragma once

namespace archsim::ui {

enum CommandId {
    kChangeComponentsId = 1,
    kChangeConnectionsId,
    kChangeUnitsId,
    kChangeLayersId,
};

} // namespace archsim::ui
