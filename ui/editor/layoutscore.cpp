// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/layoutscore.h"

#include "ui/editor/lanegeometry.h"

#include <QLineF>
#include <QObject>
#include <QRectF>

#include <algorithm>
#include <cmath>

namespace archsim::ui {

namespace {

constexpr double kBucket = 400;
// Past this many connections, crossings are counted on an even sample and scaled up, so that
// scoring a design of 20,000 connections stays well under a second.
constexpr int kMaxCrossingLines = 3000;

quint64 bucketKey(int bx, int by) {
    return (quint64(quint32(bx)) << 32) | quint32(by);
}

// Liang–Barsky: whether segment L passes through the inside of R.
bool lineThroughRect(const QLineF &l, const QRectF &r) {
    double t0 = 0, t1 = 1;
    const double dx = l.dx(), dy = l.dy();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {l.x1() - r.left(), r.right() - l.x1(), l.y1() - r.top(),
                         r.bottom() - l.y1()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] <= 0) return false;
        } else {
            const double t = q[i] / p[i];
            if (p[i] < 0)
                t0 = std::max(t0, t);
            else
                t1 = std::min(t1, t);
        }
    }
    return t1 - t0 > 1e-9;
}

bool properCross(const QLineF &a, const QLineF &b) {
    QPointF at;
    if (a.intersects(b, &at) != QLineF::BoundedIntersection) return false;
    // Lines that share an end (calls of the same component) do not count.
    const auto near = [](const QPointF &p, const QPointF &q) {
        return std::abs(p.x() - q.x()) < 0.5 && std::abs(p.y() - q.y()) < 0.5;
    };
    return !(near(at, a.p1()) || near(at, a.p2()) || near(at, b.p1()) || near(at, b.p2()));
}

} // namespace

QString LayoutScore::summary() const {
    return QObject::tr("%1 overlaps, %2 lines through cards, %3 crossings, length %4")
        .arg(overlaps)
        .arg(throughCards)
        .arg(crossings)
        .arg(qRound(length));
}

LayoutScore scoreLayout(const Variant &variant, const QHash<QString, QPointF> &moved) {
    LayoutScore s;
    QHash<QString, QRectF> rects;
    QMultiHash<quint64, QString> buckets;
    for (const Component &c : variant.components) {
        const QPointF at = moved.value(c.id, QPointF(c.x, c.y));
        const QRectF r(at, componentSize(c));
        rects.insert(c.id, r);
        for (int x = int(std::floor(r.left() / kBucket)); x <= int(std::floor(r.right() / kBucket));
             ++x)
            for (int y = int(std::floor(r.top() / kBucket));
                 y <= int(std::floor(r.bottom() / kBucket)); ++y)
                buckets.insert(bucketKey(x, y), c.id);
    }
    // Overlaps: each pair once, found through the buckets.
    QSet<QPair<QString, QString>> overlapping;
    for (auto it = buckets.begin(); it != buckets.end(); ++it)
        for (auto jt = buckets.find(it.key()); jt != buckets.end() && jt.key() == it.key(); ++jt)
            if (*it < *jt && rects.value(*it).intersects(rects.value(*jt)))
                overlapping.insert({*it, *jt});
    s.overlaps = int(overlapping.size());

    std::vector<QLineF> lines;
    for (const Connection &k : variant.connections) {
        const auto a = rects.constFind(k.from), b = rects.constFind(k.to);
        if (a == rects.constEnd() || b == rects.constEnd() || k.from == k.to) continue;
        const QLineF line(a->center(), b->center());
        lines.push_back(line);
        s.length += line.length();
        // Cards the line passes over, looked up in the buckets its box covers.
        const QRectF box = QRectF(line.p1(), line.p2()).normalized();
        QSet<QString> hit;
        for (int x = int(std::floor(box.left() / kBucket));
             x <= int(std::floor(box.right() / kBucket)); ++x)
            for (int y = int(std::floor(box.top() / kBucket));
                 y <= int(std::floor(box.bottom() / kBucket)); ++y) {
                const quint64 key = bucketKey(x, y);
                for (auto it = buckets.find(key); it != buckets.end() && it.key() == key; ++it)
                    if (*it != k.from && *it != k.to && !hit.contains(*it) &&
                        lineThroughRect(line, rects.value(*it)))
                        hit.insert(*it);
            }
        s.throughCards += int(hit.size());
    }
    const std::size_t step = std::max<std::size_t>(1, lines.size() / kMaxCrossingLines);
    std::size_t count = 0;
    for (std::size_t i = 0; i < lines.size(); i += step)
        for (std::size_t j = i + step; j < lines.size(); j += step)
            count += properCross(lines[i], lines[j]);
    s.crossings = int(count * step * step);
    return s;
}

} // namespace archsim::ui
