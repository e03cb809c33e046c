// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/autolayout.h"

#include "ui/editor/diagramstyle.h"
#include "ui/editor/lanegeometry.h"

#include <boost/graph/adjacency_list.hpp>

#include <QMap>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace archsim::ui {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

constexpr double kGapX = 60;      // between cards of a line: room for an arrow and its label
constexpr double kLineGap = 70;   // between the lines of one layer
constexpr double kLayerGap = 110; // between layers: two lane paddings and room for routes
constexpr int kSweeps = 12;
constexpr int kPlacementPasses = 6;
constexpr int kLinesPerLayer = 100; // row key = layer * this + line

// Cards per line: about the square root of the design, so that the drawing is neither a
// ribbon nor a tower; at least four, at most twelve.
int maxPerLine(int components) {
    return std::clamp(int(std::lround(1.2 * std::sqrt(double(components)))), 4, 12);
}

double snap(double v) {
    return std::round(v / style::kGrid) * style::kGrid;
}

} // namespace

QHash<QString, QPointF> layeredLayout(const Variant &variant, const QStringList &ids) {
    const bool whole = ids.isEmpty();
    QList<const Component *> nodes;
    QHash<QString, int> index;
    const QSet<QString> wanted(ids.begin(), ids.end());
    for (const Component &c : variant.components)
        if (whole || wanted.contains(c.id)) {
            index.insert(c.id, int(nodes.size()));
            nodes.append(&c);
        }
    const int n = int(nodes.size());
    if (n == 0) return {};

    Graph graph(n);
    std::vector<std::pair<int, int>> calls; // directed, for the lines inside a layer
    for (const Connection &c : variant.connections) {
        const auto from = index.find(c.from), to = index.find(c.to);
        if (from != index.end() && to != index.end() && *from != *to) {
            boost::add_edge(*from, *to, graph);
            calls.emplace_back(*from, *to);
        }
    }

    // Layer: the layer's place; components without a known layer go below the last one.
    QHash<QString, int> layerIndex;
    for (int l = 0; l < variant.layers.size(); ++l)
        layerIndex.insert(variant.layers[l].id, l);
    std::vector<int> layer(n);
    QMap<int, std::vector<int>> members;
    for (int i = 0; i < n; ++i) {
        layer[i] = layerIndex.value(nodes[i]->layer, int(variant.layers.size()));
        members[layer[i]].push_back(i);
    }

    // Lines: a layer wider than a line wraps. A component called from its own layer goes at
    // least one line below its caller (longest path over those calls, cut at the last line),
    // so that the call runs downwards between the lines instead of along a row. A full line
    // passes its surplus down: first the components with most calls to layers below and fewest
    // from above; callers of their own layer stay above their callees.
    const int perLine = maxPerLine(int(variant.components.size()));
    std::vector<int> line(n, 0), downward(n, 0);
    std::vector<bool> callsOwnLayer(n, false);
    for (const auto &[a, b] : calls) {
        downward[a] += layer[b] > layer[a] ? 1 : layer[b] < layer[a] ? -1 : 0;
        downward[b] += layer[a] > layer[b] ? 1 : layer[a] < layer[b] ? -1 : 0;
        if (layer[a] == layer[b]) callsOwnLayer[a] = true;
    }
    for (auto it = members.begin(); it != members.end(); ++it) {
        const std::vector<int> &m = it.value();
        const int count = int(m.size());
        if (count <= perLine) continue;
        const int lines = (count + perLine - 1) / perLine;
        for (int round = 0; round < lines; ++round) { // each round lengthens paths by one
            bool changed = false;
            for (const auto &[a, b] : calls)
                if (layer[a] == it.key() && layer[b] == it.key() && line[b] < line[a] + 1 &&
                    line[a] + 1 < lines) {
                    line[b] = line[a] + 1;
                    changed = true;
                }
            if (!changed) break;
        }
        for (int l = 0; l + 1 < lines; ++l) {
            std::vector<int> here;
            for (int v : m)
                if (line[v] == l) here.push_back(v);
            if (int(here.size()) <= perLine) continue;
            std::stable_sort(here.begin(), here.end(), [&](int a, int b) {
                if (callsOwnLayer[a] != callsOwnLayer[b]) return bool(callsOwnLayer[a]);
                if (downward[a] != downward[b]) return downward[a] < downward[b];
                return nodes[a]->x < nodes[b]->x;
            });
            for (std::size_t i = std::size_t(perLine); i < here.size(); ++i)
                line[here[i]] = l + 1;
        }
    }

    QMap<int, std::vector<int>> rows; // row key → vertices in order
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return nodes[a]->x < nodes[b]->x; });
    std::vector<int> rowOf(n);
    for (int v : order) {
        rowOf[v] = layer[v] * kLinesPerLayer + line[v];
        rows[rowOf[v]].push_back(v);
    }

    std::vector<double> position(n); // centre of the card along its row, in card widths
    auto number = [&](const std::vector<int> &row) {
        for (std::size_t i = 0; i < row.size(); ++i)
            position[row[i]] = double(i) - double(row.size() - 1) / 2;
    };
    for (const auto &row : rows)
        number(row);
    // Barycenter sweeps, down then up: each vertex moves to the mean place of its neighbours
    // in the rows already fixed by this sweep (rows are centred, so places compare across rows
    // of different lengths).
    for (int sweep = 0; sweep < kSweeps; ++sweep) {
        const bool down = sweep % 2 == 0;
        QList<int> keys = rows.keys();
        if (!down) std::reverse(keys.begin(), keys.end());
        for (int r : keys) {
            std::vector<int> &row = rows[r];
            std::vector<double> key(n);
            for (int v : row) {
                double sum = 0;
                int count = 0;
                for (auto [it, end] = boost::adjacent_vertices(v, graph); it != end; ++it) {
                    const int u = int(*it);
                    if (down ? rowOf[u] < r : rowOf[u] > r) {
                        sum += position[u];
                        ++count;
                    }
                }
                key[v] = count ? sum / count : position[v];
            }
            std::stable_sort(row.begin(), row.end(), [&](int a, int b) { return key[a] < key[b]; });
            number(row);
        }
    }

    // Geometry, x: each line starts centred on the widest; then, alternately down and up,
    // each card is pulled towards the mean centre of its neighbours in other lines, keeping
    // the order and the gaps of its line (a forward and a backward packing, averaged).
    std::vector<double> width(n), centre(n);
    for (int v = 0; v < n; ++v)
        width[v] = componentSize(*nodes[v]).width();
    auto rowWidth = [&](const std::vector<int> &row) {
        double w = 0;
        for (int v : row)
            w += width[v];
        return w + kGapX * double(row.size() - 1);
    };
    double widest = 0;
    for (const auto &row : rows)
        widest = std::max(widest, rowWidth(row));
    for (const auto &row : rows) {
        double x = (widest - rowWidth(row)) / 2;
        for (int v : row) {
            centre[v] = x + width[v] / 2;
            x += width[v] + kGapX;
        }
    }
    for (int pass = 0; pass < kPlacementPasses; ++pass) {
        QList<int> keys = rows.keys();
        if (pass % 2) std::reverse(keys.begin(), keys.end());
        for (int r : keys) {
            const std::vector<int> &row = rows[r];
            const std::size_t m = row.size();
            std::vector<double> want(m), forward(m), backward(m);
            for (std::size_t i = 0; i < m; ++i) {
                double sum = 0;
                int count = 0;
                for (auto [it, end] = boost::adjacent_vertices(row[i], graph); it != end; ++it)
                    if (rowOf[int(*it)] != r) {
                        sum += centre[int(*it)];
                        ++count;
                    }
                want[i] = count ? sum / count : centre[row[i]];
            }
            for (std::size_t i = 0; i < m; ++i) // as far left as wanted, pushed by the left one
                forward[i] =
                    i == 0 ? want[i]
                           : std::max(want[i], forward[i - 1] +
                                                   (width[row[i - 1]] + width[row[i]]) / 2 + kGapX);
            for (std::size_t k = m; k-- > 0;) // as far right as wanted, pushed by the right one
                backward[k] =
                    k + 1 == m
                        ? want[k]
                        : std::min(want[k], backward[k + 1] -
                                                (width[row[k + 1]] + width[row[k]]) / 2 - kGapX);
            for (std::size_t i = 0; i < m; ++i)
                centre[row[i]] = (forward[i] + backward[i]) / 2;
            // The average of two valid packings keeps the gaps; it is valid too.
        }
    }
    double minLeft = 1e300;
    for (int v = 0; v < n; ++v)
        minLeft = std::min(minLeft, centre[v] - width[v] / 2);

    double left = 1e300, top = 1e300;
    for (const Component *c : nodes) {
        left = std::min(left, c->x);
        top = std::min(top, c->y);
    }
    if (whole) {
        left = style::kLaneLabelWidth + 60;
        top = 2 * style::kGrid;
    }
    // Geometry, y: lines of a layer close together, layers apart.
    QHash<QString, QPointF> result;
    double y = top;
    int previousLayer = -1;
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        const std::vector<int> &row = it.value();
        const int rowLayer = it.key() / kLinesPerLayer;
        if (previousLayer >= 0 && rowLayer != previousLayer) y += kLayerGap - kLineGap;
        if (!whole && rowLayer != previousLayer) { // a selection stays in its layer's place
            double sum = 0;
            int count = 0;
            for (int v : members.value(rowLayer)) {
                sum += nodes[v]->y;
                ++count;
            }
            y = std::max(previousLayer >= 0 ? y : -1e300, snap(sum / count));
        }
        previousLayer = rowLayer;
        double tallest = 0;
        double previousRight = -1e300;
        for (int v : row) {
            // On the grid, never closer than the gap to the card before.
            double x = snap(left + centre[v] - width[v] / 2 - minLeft);
            while (x < previousRight + kGapX - 1e-6)
                x += style::kGrid;
            result.insert(nodes[v]->id, QPointF(x, snap(y)));
            previousRight = x + width[v];
            tallest = std::max(tallest, componentSize(*nodes[v]).height());
        }
        y += tallest + kLineGap;
    }
    return result;
}

AutoLayoutPlan planAutoLayout(const Variant &variant, const QStringList &ids) {
    AutoLayoutPlan plan;
    plan.positions = layeredLayout(variant, ids);
    plan.before = scoreLayout(variant);
    plan.after = scoreLayout(variant, plan.positions);
    return plan;
}

} // namespace archsim::ui
