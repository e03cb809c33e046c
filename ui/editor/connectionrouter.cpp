// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/connectionrouter.h"

#include <QElapsedTimer>
#include <QLineF>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <queue>
#include <tuple>

namespace archsim::ui {

namespace {

constexpr double kBucket = 256; // spatial buckets of cards, routes and labels (px)
constexpr int kGrow = 12;       // cells the search window reaches beyond the two ends
constexpr int kWideGrow = 60;   // a second, wider try when the first window has no way
constexpr float kBend = 4;      // a bend costs as much as 40 px of path
constexpr float kCrowd = 3;     // per route already running along a cell in the same direction
constexpr int kMaxPops = 20000; // beyond this a route falls back to a plain three-segment path
// The search is greedy by this factor (weighted A*): paths may be a little longer than the
// shortest, and far fewer cells are visited on long connections.
constexpr float kGreed = 1.5f;
constexpr qint64 kMaxWindow = 2'000'000; // cells

const int kDx[4] = {0, 1, 0, -1}; // Top, Right, Bottom, Left: the outward direction of a side
const int kDy[4] = {-1, 0, 1, 0};

quint64 bucketKey(int bx, int by) {
    return (quint64(quint32(bx)) << 32) | quint32(by);
}

template <typename F> void forBuckets(const QRectF &r, F &&f) {
    const int x0 = int(std::floor(r.left() / kBucket)), x1 = int(std::floor(r.right() / kBucket));
    const int y0 = int(std::floor(r.top() / kBucket)), y1 = int(std::floor(r.bottom() / kBucket));
    for (int x = x0; x <= x1; ++x)
        for (int y = y0; y <= y1; ++y)
            f(bucketKey(x, y));
}

quint64 usageKey(int i, int j, int horizontal) {
    return (quint64(quint32(i) & 0x7fffffffu) << 32) | (quint64(quint32(j) & 0x7fffffffu) << 1) |
           quint64(horizontal);
}

QRectF segmentRect(const QPointF &a, const QPointF &b) {
    return QRectF(a, b).normalized();
}

// Whether the axis-parallel segment A-B passes through the inside of R (touching is not).
bool crosses(const QPointF &a, const QPointF &b, const QRectF &r) {
    const double l = std::min(a.x(), b.x()), rt = std::max(a.x(), b.x());
    const double t = std::min(a.y(), b.y()), bt = std::max(a.y(), b.y());
    return l < r.right() && rt > r.left() && t < r.bottom() && bt > r.top();
}

} // namespace

struct ConnectionRouter::Scratch {
    std::vector<float> g;
    std::vector<int> parent;
    std::vector<quint32> seen, closed, known;
    std::vector<quint8> blocked;
    quint32 stamp = 0;
    void ensure(std::size_t cells) {
        if (g.size() < cells * 4) {
            g.resize(cells * 4);
            parent.resize(cells * 4);
            seen.assign(cells * 4, 0);
            closed.assign(cells * 4, 0);
            known.assign(cells, 0);
            blocked.resize(cells);
            stamp = 0;
        }
        ++stamp;
    }
};

ConnectionRouter::ConnectionRouter()
    : m_scratch(new Scratch) {}

ConnectionRouter::~ConnectionRouter() {
    delete m_scratch;
}

void ConnectionRouter::clear() {
    m_cards.clear();
    m_cardBuckets.clear();
    m_conns.clear();
    m_byCard.clear();
    m_routes.clear();
    m_routeBuckets.clear();
    m_labelBuckets.clear();
    m_usage.clear();
}

void ConnectionRouter::setCard(const QString &id, const QRectF &rect) {
    removeCard(id);
    m_cards.insert(id, rect);
    // Filed under every bucket its margin reaches: a grid cell asks only its own bucket.
    forBuckets(rect.adjusted(-kMargin, -kMargin, kMargin, kMargin), [&](quint64 b) {
        m_cardBuckets.insert(b, CardEntry{id, rect});
    });
}

void ConnectionRouter::removeCard(const QString &id) {
    const auto it = m_cards.find(id);
    if (it == m_cards.end()) return;
    forBuckets(it->adjusted(-kMargin, -kMargin, kMargin, kMargin), [&](quint64 b) {
        m_cardBuckets.remove(b, CardEntry{id, {}});
    });
    m_cards.erase(it);
}

void ConnectionRouter::setConnection(const QString &key, const QString &from, const QString &to,
                                     const QSizeF &label) {
    const auto it = m_conns.find(key);
    if (it != m_conns.end() && (it->from != from || it->to != to)) removeConnection(key);
    Conn &c = m_conns[key];
    if (c.from != from || c.to != to) {
        m_byCard.insert(from, key);
        if (to != from) m_byCard.insert(to, key);
    }
    c.from = from;
    c.to = to;
    c.label = label;
}

void ConnectionRouter::removeConnection(const QString &key) {
    const auto it = m_conns.find(key);
    if (it == m_conns.end()) return;
    m_byCard.remove(it->from, key);
    m_byCard.remove(it->to, key);
    forget(key);
    m_conns.erase(it);
}

const Route *ConnectionRouter::routeOf(const QString &key) const {
    const auto it = m_routes.find(key);
    return it == m_routes.end() ? nullptr : &it->route;
}

QStringList ConnectionRouter::routesThrough(const QRectF &rect) const {
    QSet<QString> candidates;
    forBuckets(rect, [&](quint64 b) {
        for (auto it = m_routeBuckets.find(b); it != m_routeBuckets.end() && it.key() == b; ++it)
            candidates.insert(*it);
    });
    QStringList result;
    for (const QString &key : candidates) {
        const Stored &stored = *m_routes.constFind(key);
        if (!stored.searched) continue;
        const QPolygonF &p = stored.route.points;
        for (int i = 0; i + 1 < p.size(); ++i)
            if (crosses(p[i], p[i + 1], rect)) {
                result << key;
                break;
            }
    }
    return result;
}

bool ConnectionRouter::cardAt(const QRectF &rect, const QString &except1,
                              const QString &except2) const {
    bool hit = false;
    forBuckets(rect, [&](quint64 b) {
        for (auto it = m_cardBuckets.find(b); !hit && it != m_cardBuckets.end() && it.key() == b;
             ++it)
            if (it->id != except1 && it->id != except2 && it->rect.intersects(rect)) hit = true;
    });
    return hit;
}

QPair<ConnectionRouter::Side, ConnectionRouter::Side> ConnectionRouter::sides(const QRectF &a,
                                                                              const QRectF &b) {
    // Rows first: a layered diagram reads top to bottom. Cards side by side with room for an
    // arrow connect sideways; cards too close for that connect by a U under both.
    if (b.top() - a.bottom() >= 24) return {Bottom, Top};
    if (a.top() - b.bottom() >= 24) return {Top, Bottom};
    if (b.left() - a.right() >= 40) return {Right, Left};
    if (a.left() - b.right() >= 40) return {Left, Right};
    return {Bottom, Bottom};
}

QPointF ConnectionRouter::port(const QString &card, Side side, const QString &key,
                               bool outgoing) const {
    const QRectF r = m_cards.value(card);
    struct End {
        double along;
        QString key;
        bool outgoing;
    };
    std::vector<End> ends;
    const bool horizontal = side == Top || side == Bottom;
    for (auto it = m_byCard.find(card); it != m_byCard.end() && it.key() == card; ++it) {
        const auto c = m_conns.find(*it);
        if (c == m_conns.end() || c->from == c->to) continue;
        const bool out = c->from == card;
        if ((out ? c->fromSide : c->toSide) != side) continue;
        const QRectF other = m_cards.value(out ? c->to : c->from);
        ends.push_back({horizontal ? other.center().x() : other.center().y(), *it, out});
    }
    std::sort(ends.begin(), ends.end(), [](const End &a, const End &b) {
        return a.along != b.along ? a.along < b.along
               : a.key != b.key   ? a.key < b.key
                                  : a.outgoing < b.outgoing;
    });
    int index = 0;
    for (std::size_t i = 0; i < ends.size(); ++i)
        if (ends[i].key == key && ends[i].outgoing == outgoing) index = int(i);
    const double t = double(index + 1) / double(ends.size() + 1);
    // On the grid, and at least one cell inside the side's ends.
    auto place = [](double lo, double hi, double t) {
        const double v = std::round((lo + (hi - lo) * t) / kCell) * kCell;
        const double first = std::ceil((lo + 1) / kCell) * kCell;
        const double last = std::floor((hi - 1) / kCell) * kCell;
        return first > last ? (lo + hi) / 2 : std::clamp(v, first, last);
    };
    switch (side) {
    case Top:
        return {place(r.left(), r.right(), t), r.top()};
    case Bottom:
        return {place(r.left(), r.right(), t), r.bottom()};
    case Left:
        return {r.left(), place(r.top(), r.bottom(), t)};
    case Right:
        return {r.right(), place(r.top(), r.bottom(), t)};
    }
    return r.center();
}

QHash<QString, Route> ConnectionRouter::route(const QStringList &keys, double budgetMs,
                                              QStringList *left, bool withNeighbours) {
    QStringList all;
    QSet<QString> seen;
    if (withNeighbours) {
        QSet<QString> cards;
        for (const QString &key : keys)
            if (const auto c = m_conns.constFind(key); c != m_conns.constEnd()) {
                cards.insert(c->from);
                cards.insert(c->to);
            }
        for (const QString &card : std::as_const(cards))
            for (auto it = m_byCard.find(card); it != m_byCard.end() && it.key() == card; ++it)
                if (!seen.contains(*it)) {
                    seen.insert(*it);
                    all << *it;
                }
    } else {
        for (const QString &key : keys)
            if (!seen.contains(key) && m_conns.contains(key)) {
                seen.insert(key);
                all << key;
            }
    }
    // Sides first (every port on a side depends on them), then free the old tracks.
    std::vector<std::pair<double, QString>> order;
    for (const QString &key : std::as_const(all)) {
        Conn &c = m_conns[key];
        forget(key);
        if (!m_cards.contains(c.from) || !m_cards.contains(c.to) || c.from == c.to) continue;
        const QRectF a = m_cards.value(c.from), b = m_cards.value(c.to);
        std::tie(c.fromSide, c.toSide) = sides(a, b);
        const QPointF d = b.center() - a.center();
        order.emplace_back(std::abs(d.x()) + std::abs(d.y()), key);
    }
    // Short routes first: they take the direct tracks, longer ones go around them.
    std::sort(order.begin(), order.end());
    QHash<QString, Route> result;
    m_lastRouted = 0;
    m_lastFallbacks = 0;
    QElapsedTimer clock;
    clock.start();
    for (const auto &[length, key] : order) {
        // Past the budget, the rest get a plain path now and a real route later.
        const bool late = budgetMs >= 0 && double(clock.nsecsElapsed()) / 1e6 > budgetMs;
        if (late && left) *left << key;
        result.insert(key, routeOne(key, m_conns.value(key), late));
        m_lastRouted += !late;
    }
    return result;
}

namespace {
QPoint stubCell(const QPointF &port, int side, const QRectF &card) {
    const double c = ConnectionRouter::kCell, m = ConnectionRouter::kMargin;
    switch (side) {
    case 0: // top
        return {int(std::lround(port.x() / c)), int(std::floor((card.top() - m) / c))};
    case 1: // right
        return {int(std::ceil((card.right() + m) / c)), int(std::lround(port.y() / c))};
    case 2: // bottom
        return {int(std::lround(port.x() / c)), int(std::ceil((card.bottom() + m) / c))};
    default: // left
        return {int(std::floor((card.left() - m) / c)), int(std::lround(port.y() / c))};
    }
}
} // namespace

Route ConnectionRouter::routeOne(const QString &key, const Conn &conn, bool provisional) {
    const QRectF a = m_cards.value(conn.from), b = m_cards.value(conn.to);
    const QPointF p1 = port(conn.from, conn.fromSide, key, true);
    const QPointF p2 = port(conn.to, conn.toSide, key, false);
    const QPoint s = stubCell(p1, conn.fromSide, a), t = stubCell(p2, conn.toSide, b);
    const int inward = (int(conn.toSide) + 2) % 4;
    std::vector<QPoint> cells;
    bool found = !provisional && search(s, conn.fromSide, t, inward, kGrow, cells);
    if (!provisional && !found && !m_capped) // the window was too tight, not the search too long
        found = search(s, conn.fromSide, t, inward, kWideGrow, cells);
    Route r;
    if (!found) { // no way within reach: a plain path through the middle, over whatever is there
        m_lastFallbacks += !provisional;
        cells.clear();
        const QPoint mid((s.x() + t.x()) / 2, (s.y() + t.y()) / 2);
        const bool vertical = conn.fromSide == Top || conn.fromSide == Bottom;
        const QPoint c1 = vertical ? QPoint(s.x(), mid.y()) : QPoint(mid.x(), s.y());
        const QPoint c2 = vertical ? QPoint(t.x(), mid.y()) : QPoint(mid.x(), t.y());
        for (const QPoint &p : {s, c1, c2, t})
            cells.push_back(p);
    }
    QPolygonF points{p1};
    auto add = [&](const QPointF &p) {
        // Drop points on a straight run, so that only the corners remain.
        if (points.size() >= 2) {
            const QPointF &q = points[points.size() - 1], &o = points[points.size() - 2];
            const bool straight =
                (std::abs(o.x() - q.x()) < 1e-6 && std::abs(q.x() - p.x()) < 1e-6) ||
                (std::abs(o.y() - q.y()) < 1e-6 && std::abs(q.y() - p.y()) < 1e-6);
            if (straight) points.removeLast();
        }
        if (points.isEmpty() || points.last() != p) points << p;
    };
    // The port may sit off the grid when the card is: the stub keeps the port's coordinate.
    const bool sVertical = conn.fromSide == Top || conn.fromSide == Bottom;
    const bool tVertical = conn.toSide == Top || conn.toSide == Bottom;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        QPointF p(cells[i].x() * kCell, cells[i].y() * kCell);
        if (i == 0) p = sVertical ? QPointF(p1.x(), p.y()) : QPointF(p.x(), p1.y());
        if (i + 1 == cells.size()) p = tVertical ? QPointF(p2.x(), p.y()) : QPointF(p.x(), p2.y());
        add(p);
    }
    add(p2);
    r.points = points;
    remember(key, r, found ? cells : std::vector<QPoint>{});
    return m_routes.value(key).route;
}

bool ConnectionRouter::search(QPoint start, int startDir, QPoint goal, int goalDir, int grow,
                              std::vector<QPoint> &cells) {
    const int x0 = std::min(start.x(), goal.x()) - grow, y0 = std::min(start.y(), goal.y()) - grow;
    const int w = std::abs(start.x() - goal.x()) + 2 * grow + 1;
    const int h = std::abs(start.y() - goal.y()) + 2 * grow + 1;
    m_capped = false;
    if (qint64(w) * h > kMaxWindow) return false;
    Scratch &s = *m_scratch;
    s.ensure(std::size_t(w) * std::size_t(h));
    const quint32 stamp = s.stamp;
    auto cellIndex = [&](int x, int y) { return (y - y0) * w + (x - x0); };
    // Whether a cell is inside a card's margin: asked of the card buckets only for cells the
    // search reaches, and remembered for this search.
    auto isBlocked = [&](int x, int y) {
        const int ci = cellIndex(x, y);
        if (s.known[ci] == stamp) return s.blocked[ci] != 0;
        const double px = x * kCell, py = y * kCell;
        bool hit = false;
        const quint64 b = bucketKey(int(std::floor(px / kBucket)), int(std::floor(py / kBucket)));
        for (auto it = m_cardBuckets.find(b); !hit && it != m_cardBuckets.end() && it.key() == b;
             ++it) {
            const QRectF &r = it->rect;
            hit = px > r.left() - kMargin && px < r.right() + kMargin && py > r.top() - kMargin &&
                  py < r.bottom() + kMargin;
        }
        s.known[ci] = stamp;
        s.blocked[ci] = hit;
        return hit;
    };
    struct Node {
        float f, g;
        int state;
        bool operator<(const Node &o) const { return f != o.f ? f > o.f : g < o.g; }
    };
    std::priority_queue<Node> open;
    auto heuristic = [&](int x, int y) {
        return kGreed * float(std::abs(x - goal.x()) + std::abs(y - goal.y()));
    };
    const int startState = cellIndex(start.x(), start.y()) * 4 + startDir;
    s.g[startState] = 0;
    s.seen[startState] = stamp;
    s.parent[startState] = -1;
    open.push({heuristic(start.x(), start.y()), 0, startState});
    int pops = 0, found = -1;
    while (!open.empty() && pops < kMaxPops) {
        const Node n = open.top();
        open.pop();
        if (s.closed[n.state] == stamp) continue;
        s.closed[n.state] = stamp;
        ++pops;
        const int ci = n.state / 4, dir = n.state % 4;
        const int x = ci % w + x0, y = ci / w + y0;
        if (x == goal.x() && y == goal.y()) {
            found = n.state;
            break;
        }
        for (int nd = 0; nd < 4; ++nd) {
            if (nd == (dir + 2) % 4) continue; // no turning back on itself
            const int nx = x + kDx[nd], ny = y + kDy[nd];
            if (nx < x0 || ny < y0 || nx >= x0 + w || ny >= y0 + h) continue;
            const bool atGoal = nx == goal.x() && ny == goal.y();
            if (atGoal && nd == (goalDir + 2) % 4) continue; // would arrive moving away
            if (!atGoal && isBlocked(nx, ny)) continue;
            const auto used = m_usage.find(usageKey(nx, ny, kDy[nd] == 0));
            float g = n.g + 1 + (nd != dir ? kBend : 0) +
                      (used != m_usage.end() ? kCrowd * float(used->second) : 0);
            if (atGoal && nd != goalDir) g += kBend;
            const int ns = cellIndex(nx, ny) * 4 + nd;
            if (s.seen[ns] == stamp && s.g[ns] <= g) continue;
            s.seen[ns] = stamp;
            s.g[ns] = g;
            s.parent[ns] = n.state;
            open.push({g + heuristic(nx, ny), g, ns});
        }
    }
    m_capped = pops >= kMaxPops;
    if (found < 0) return false;
    cells.clear();
    for (int st = found; st >= 0; st = s.parent[st]) {
        const int ci = st / 4;
        cells.push_back({ci % w + x0, ci / w + y0});
        if (st == startState) break;
    }
    std::reverse(cells.begin(), cells.end());
    return true;
}

void ConnectionRouter::forget(const QString &key) {
    const auto it = m_routes.find(key);
    if (it == m_routes.end()) return;
    for (quint64 u : it->usage) {
        const auto used = m_usage.find(u);
        if (used != m_usage.end() && --used->second <= 0) m_usage.erase(used);
    }
    for (quint64 b : std::as_const(it->buckets))
        m_routeBuckets.remove(b, key);
    for (quint64 b : std::as_const(it->labelBuckets))
        m_labelBuckets.remove(b, key);
    m_routes.erase(it);
}

void ConnectionRouter::remember(const QString &key, Route route, const std::vector<QPoint> &cells) {
    forget(key);
    Stored stored;
    for (std::size_t i = 1; i < cells.size(); ++i) {
        const bool horizontal = cells[i].y() == cells[i - 1].y();
        const quint64 u = usageKey(cells[i].x(), cells[i].y(), horizontal);
        stored.usage.push_back(u);
        ++m_usage[u];
    }
    QSet<quint64> buckets;
    for (int i = 0; i + 1 < route.points.size(); ++i)
        forBuckets(segmentRect(route.points[i], route.points[i + 1]),
                   [&](quint64 b) { buckets.insert(b); });
    for (quint64 b : std::as_const(buckets)) {
        stored.buckets << b;
        m_routeBuckets.insert(b, key);
    }
    const Conn conn = m_conns.value(key);
    route.label = placeLabel(route.points, conn.label);
    if (!route.label.isEmpty())
        forBuckets(route.label, [&](quint64 b) {
            stored.labelBuckets << b;
            m_labelBuckets.insert(b, key);
        });
    stored.route = route;
    stored.searched = !cells.empty();
    m_routes.insert(key, stored);
}

QRectF ConnectionRouter::placeLabel(const QPolygonF &points, const QSizeF &size) const {
    if (size.isEmpty() || points.size() < 2) return {};
    std::vector<std::pair<double, int>> segments;
    for (int i = 0; i + 1 < points.size(); ++i)
        segments.emplace_back(-QLineF(points[i], points[i + 1]).length(), i);
    std::sort(segments.begin(), segments.end());
    for (const auto &[negLength, i] : segments) {
        const QPointF a = points[i], b = points[i + 1];
        const bool horizontal = std::abs(a.y() - b.y()) < 1e-6;
        if (-negLength < (horizontal ? size.width() : size.height()) + 16) continue;
        for (double t : {0.5, 0.3, 0.7, 0.15, 0.85}) {
            const QPointF c = a + (b - a) * t;
            const QRectF rect(c - QPointF(size.width() / 2, size.height() / 2), size);
            if (cardAt(rect.adjusted(-2, -2, 2, 2))) continue;
            bool clash = false;
            forBuckets(rect, [&](quint64 bk) {
                for (auto it = m_labelBuckets.find(bk);
                     !clash && it != m_labelBuckets.end() && it.key() == bk; ++it)
                    clash = m_routes.constFind(*it)->route.label.intersects(
                        rect.adjusted(-2, -2, 2, 2));
            });
            if (!clash) return rect;
        }
    }
    return {};
}

} // namespace archsim::ui
