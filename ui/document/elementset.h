// SPDX-License-Identifier: GPL-3.0-or-later
// A set of model elements of one variant, as added, removed, copied or pasted together.
#pragma once

#include "model/variant.h"

#include <QPair>

namespace archsim::ui {

// Each element keeps the index it had (or should get) in its variant's list; -1 appends.
template <class T> using Indexed = QList<QPair<int, T>>;

struct ElementSet {
    Indexed<Layer> layers;
    Indexed<Unit> units;
    Indexed<Component> components;
    Indexed<Connection> connections;

    bool isEmpty() const {
        return layers.isEmpty() && units.isEmpty() && components.isEmpty() && connections.isEmpty();
    }
};

// A connection's identity in the editor: its id, or "from->to" like the validator names it.
inline QString connectionKey(const Connection &c) {
    return c.id.isEmpty() ? c.from + QStringLiteral("->") + c.to : c.id;
}

} // namespace archsim::ui
