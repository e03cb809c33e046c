// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/layoutscore.h"

#include "ui/editor/connectionitem.h"
#include "ui/editor/connectionrouter.h"
#include "ui/editor/lanegeometry.h"

#include <QLineF>
#include <QObject>
#include <QRectF>

#include <algorithm>
#include <cmath>

namespace archsim::ui {

namespace {

constexpr double kBucket = 400;
constexpr double kRouteBudgetMs = 2000;

quint64 bucketKey(int bx, int by) {
    return (quint64(quint32(bx)) << 32) | quint32(by);
}

quint64 bucketOf(const QPointF &p) {
    return bucketKey(int(std::floor(p.x() / kBucket)), int(std::floor(p.y() / kBucket)));
}

template <typename F> void forBuckets(const QRectF &r, F &&f) {
    for (int x = int(std::floor(r.left() / kBucket)); x <= int(std::floor(r.right() / kBucket));
         ++x)
        for (int y = int(std::floor(r.top() / kBucket)); y <= int(std::floor(r.bottom() / kBucket));
             ++y)
            f(bucketKey(x, y));
}

// Whether the axis-parallel segment A-B passes through the inside of R.
bool crossesInside(const QPointF &a, const QPointF &b, const QRectF &r) {
    return std::min(a.x(), b.x()) < r.right() && std::max(a.x(), b.x()) > r.left() &&
           std::min(a.y(), b.y()) < r.bottom() && std::max(a.y(), b.y()) > r.top();
}

struct Segment {
    QPointF a, b;
    int route;
};

} // namespace

QString LayoutScore::summary() const {
    return QObject::tr("%1 overlaps, %2 paths through cards, %3 crossings, %4 hidden labels, "
                       "%5 bends, length %6")
        .arg(overlaps)
        .arg(throughCards)
        .arg(crossings)
        .arg(hiddenLabels)
        .arg(bends)
        .arg(qRound(length));
}

LayoutScore scoreLayout(const Variant &variant, const QHash<QString, QPointF> &moved) {
    LayoutScore s;
    QHash<QString, QRectF> rects;
    QMultiHash<quint64, QString> buckets;
    ConnectionRouter router;
    for (const Component &c : variant.components) {
        const QPointF at = moved.value(c.id, QPointF(c.x, c.y));
        const QRectF r(at, componentSize(c));
        rects.insert(c.id, r);
        router.setCard(c.id, r);
        forBuckets(r, [&](quint64 b) { buckets.insert(b, c.id); });
    }
    // Overlaps: each pair once, found through the buckets.
    QSet<QPair<QString, QString>> overlapping;
    for (auto it = buckets.begin(); it != buckets.end(); ++it)
        for (auto jt = buckets.find(it.key()); jt != buckets.end() && jt.key() == it.key(); ++jt)
            if (*it < *jt && rects.value(*it).intersects(rects.value(*jt)))
                overlapping.insert({*it, *jt});
    s.overlaps = int(overlapping.size());

    QStringList keys;
    for (int i = 0; i < variant.connections.size(); ++i) {
        const Connection &k = variant.connections[i];
        if (k.from == k.to || !rects.contains(k.from) || !rects.contains(k.to)) continue;
        keys << QString::number(i);
        router.setConnection(keys.last(), k.from, k.to, ConnectionItem::labelSize(k));
    }
    // A huge design is scored within a time budget: the connections not routed by then count
    // as plain three-segment paths, for both layouts alike.
    router.route(keys, kRouteBudgetMs);

    std::vector<Segment> horizontal, vertical;
    for (int r = 0; r < keys.size(); ++r) {
        const Route *route = router.routeOf(keys[r]);
        if (!route) continue;
        const QPolygonF &p = route->points;
        s.hiddenLabels += route->label.isEmpty();
        s.bends += std::max<int>(0, int(p.size()) - 2);
        QSet<QString> hit;
        for (int i = 0; i + 1 < p.size(); ++i) {
            s.length += QLineF(p[i], p[i + 1]).length();
            const bool isHorizontal = std::abs(p[i].y() - p[i + 1].y()) < 1e-6;
            (isHorizontal ? horizontal : vertical).push_back({p[i], p[i + 1], r});
            forBuckets(QRectF(p[i], p[i + 1]).normalized(), [&](quint64 b) {
                for (auto it = buckets.find(b); it != buckets.end() && it.key() == b; ++it)
                    if (!hit.contains(*it) && crossesInside(p[i], p[i + 1], rects.value(*it)))
                        hit.insert(*it);
            });
        }
        s.throughCards += int(hit.size());
    }
    // Crossings: each vertical segment against the horizontal ones filed in its buckets,
    // counted in the bucket that holds the crossing point so that each pair counts once.
    QMultiHash<quint64, int> byBucket;
    for (int i = 0; i < int(horizontal.size()); ++i)
        forBuckets(QRectF(horizontal[i].a, horizontal[i].b).normalized(),
                   [&](quint64 b) { byBucket.insert(b, i); });
    for (const Segment &v : vertical) {
        const double x = v.a.x(), top = std::min(v.a.y(), v.b.y()),
                     bottom = std::max(v.a.y(), v.b.y());
        forBuckets(QRectF(v.a, v.b).normalized(), [&](quint64 b) {
            for (auto it = byBucket.find(b); it != byBucket.end() && it.key() == b; ++it) {
                const Segment &h = horizontal[*it];
                if (h.route == v.route) continue;
                const double y = h.a.y(), left = std::min(h.a.x(), h.b.x()),
                             right = std::max(h.a.x(), h.b.x());
                if (!(x > left && x < right && y > top && y < bottom)) continue;
                if (bucketOf(QPointF(x, y)) == b) ++s.crossings;
            }
        });
    }
    return s;
}

} // namespace archsim::ui
