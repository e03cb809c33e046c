// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchmodel.h"

#include <random>

namespace archsim::bench {

Project generate(int components, int connections, int layers) {
    Project p;
    p.name = QStringLiteral("bench");
    Variant v;
    v.name = QStringLiteral("Large");
    for (int l = 0; l < layers; ++l)
        v.layers.append(Layer{QStringLiteral("l%1").arg(l), QStringLiteral("Layer %1").arg(l), {}});
    const int perLayer = (components + layers - 1) / layers;
    const int perRow = 25;
    // Each layer as tall as its rows of cards, so that lanes do not overlap.
    const double layerHeight = ((perLayer + perRow - 1) / perRow) * 80 + 120;
    std::mt19937 rng(42);
    for (int i = 0; i < components; ++i) {
        const int layer = i / perLayer, inLayer = i % perLayer;
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.name = QStringLiteral("Component %1").arg(i);
        c.kind = static_cast<ComponentKind>(i % 9);
        c.layer = v.layers[layer].id;
        c.unit = c.id;
        c.serviceTimeMs = 1 + i % 7;
        c.x = 200 + (inLayer % perRow) * 180;
        c.y = 40 + layer * layerHeight + (inLayer / perRow) * 80;
        v.components.append(c);
        Unit u;
        u.id = c.id;
        u.implicit = true;
        v.units.append(u);
    }
    // Calls go from each layer to the next one, to random callees.
    std::uniform_int_distribution<int> pick(0, perLayer - 1);
    for (int k = 0; k < connections; ++k) {
        const int from = k % (components - perLayer);
        const int layer = from / perLayer;
        const int to = std::min(components - 1, (layer + 1) * perLayer + pick(rng));
        Connection c;
        c.id = QStringLiteral("k%1").arg(k);
        c.from = v.components[from].id;
        c.to = v.components[to].id;
        c.mode = k % 5 == 0 ? CallMode::Async : CallMode::Sync;
        c.latencyMs = 0.5;
        v.connections.append(c);
    }
    p.variants.append(v);
    return p;
}

} // namespace archsim::bench
