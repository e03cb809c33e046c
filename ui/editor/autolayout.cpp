// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/autolayout.h"

#include "ui/editor/diagramstyle.h"

#include <boost/graph/adjacency_list.hpp>

#include <QMap>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace archsim::ui {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

constexpr double kGapX = 50;
constexpr double kRowHeight = 140; // a card, lane padding and room for labels; on the grid
constexpr int kMaxPerRow = 10;
constexpr int kSweeps = 8;

} // namespace

QHash<QString, QPointF> layeredLayout(const Variant &variant, const QStringList &ids) {
    const bool whole = ids.isEmpty();
    QList<const Component *> nodes;
    QHash<QString, int> index;
    for (const Component &c : variant.components)
        if (whole || ids.contains(c.id)) {
            index.insert(c.id, int(nodes.size()));
            nodes.append(&c);
        }
    const int n = int(nodes.size());
    if (n == 0) return {};

    Graph graph(n);
    for (const Connection &c : variant.connections) {
        const auto from = index.find(c.from), to = index.find(c.to);
        if (from != index.end() && to != index.end() && *from != *to)
            boost::add_edge(*from, *to, graph);
    }

    // Rank: the layer's place; components without a known layer go below the last one.
    std::vector<int> rank(n);
    for (int i = 0; i < n; ++i) {
        rank[i] = int(variant.layers.size());
        for (int l = 0; l < variant.layers.size(); ++l)
            if (variant.layers[l].id == nodes[i]->layer) rank[i] = l;
    }
    QMap<int, std::vector<int>> rows; // rank → vertices in order
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return nodes[a]->x < nodes[b]->x; });
    for (int v : order)
        rows[rank[v]].push_back(v);

    std::vector<double> position(n); // place within its row
    auto number = [&] {
        for (const auto &row : rows)
            for (std::size_t i = 0; i < row.size(); ++i)
                position[row[i]] = double(i);
    };
    number();
    // Barycenter sweeps, down then up: each vertex moves to the mean place of its neighbours
    // in the rows already fixed by this sweep.
    for (int sweep = 0; sweep < kSweeps; ++sweep) {
        const bool down = sweep % 2 == 0;
        QList<int> ranks = rows.keys();
        if (!down) std::reverse(ranks.begin(), ranks.end());
        for (int r : ranks) {
            std::vector<int> &row = rows[r];
            std::vector<double> key(n);
            for (int v : row) {
                double sum = 0;
                int count = 0;
                for (auto [it, end] = boost::adjacent_vertices(v, graph); it != end; ++it) {
                    const int u = int(*it);
                    if (down ? rank[u] < r : rank[u] > r) {
                        sum += position[u];
                        ++count;
                    }
                }
                key[v] = count ? sum / count : position[v];
            }
            std::stable_sort(row.begin(), row.end(), [&](int a, int b) { return key[a] < key[b]; });
            for (std::size_t i = 0; i < row.size(); ++i)
                position[row[i]] = double(i);
        }
    }

    // Geometry: rows centred on the widest one; long rows wrap.
    double left = 1e300, top = 1e300;
    for (const Component *c : nodes) {
        left = std::min(left, c->x);
        top = std::min(top, c->y);
    }
    if (whole) {
        left = style::kLaneLabelWidth + 60;
        top = 2 * style::kGrid;
    }
    std::size_t widest = 1;
    for (const auto &row : rows)
        widest = std::max(widest, std::min<std::size_t>(row.size(), kMaxPerRow));
    const double step = style::kComponentWidth + kGapX;

    QHash<QString, QPointF> result;
    double y = top;
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        const std::vector<int> &row = it.value();
        if (!whole) { // a selection stays in its rows: their mean height, on the grid
            double sum = 0;
            for (int v : row)
                sum += nodes[v]->y;
            y = std::round(sum / double(row.size()) / style::kGrid) * style::kGrid;
        }
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::size_t line = i / kMaxPerRow, col = i % kMaxPerRow;
            const std::size_t inLine =
                std::min<std::size_t>(row.size() - line * kMaxPerRow, kMaxPerRow);
            const double indent = (double(widest) - double(inLine)) * step / 2;
            const double x =
                std::round((left + indent + double(col) * step) / style::kGrid) * style::kGrid;
            result.insert(nodes[row[i]]->id,
                          QPointF(x, y + double(line) * (style::kComponentHeight + 28)));
        }
        const std::size_t lines = (row.size() + kMaxPerRow - 1) / kMaxPerRow;
        y += kRowHeight + double(lines - 1) * (style::kComponentHeight + 28);
    }
    return result;
}

} // namespace archsim::ui
