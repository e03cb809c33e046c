// SPDX-License-Identifier: GPL-3.0-or-later
// Orthogonal routing of connections around cards. Each connection leaves its caller from a side
// facing the callee and enters the callee the same way; the ports on a side are spread in the
// order of the other ends, so calls between the same pair (A→B and B→A) start and end apart.
// The path between the ports is an A* search on a 10 px grid in a window around the two ends:
// cards (with a margin) are walls, bends cost extra, and a track already used by another route
// in the same direction costs extra, so parallel routes run side by side instead of on top of
// each other. A label goes on the longest segment where it overlaps no card and no other label.
// Only what changed is routed again: the connections of moved cards, of their neighbours (their
// ports shift) and routes a moved card now lies on.
#pragma once

#include <QHash>
#include <QMultiHash>
#include <QPolygonF>
#include <QRectF>
#include <QSet>
#include <QString>

#include <unordered_map>
#include <vector>

namespace archsim::ui {

struct Route {
    QPolygonF points; // from the caller's port to the callee's port, orthogonal segments
    QRectF label;     // where the label goes; empty when no free place was found
};

class ConnectionRouter {
public:
    ConnectionRouter();
    ~ConnectionRouter();

    void clear();
    void setCard(const QString &id, const QRectF &rect);
    void removeCard(const QString &id);
    // A connection to route; LABEL is the size of its label (empty: none).
    void setConnection(const QString &key, const QString &from, const QString &to,
                       const QSizeF &label);
    void removeConnection(const QString &key);

    // Keys of routes that pass through RECT: they must go around a card that now lies there.
    // Plain paths (no way found, or not routed yet) are left out: they are not clear anyway.
    QStringList routesThrough(const QRectF &rect) const;
    // Routes KEYS and (WITH_NEIGHBOURS) the other connections at their ends' cards, whose
    // ports move with them; returns every route that was computed. Connections with an unknown
    // end are left out. Past BUDGET_MS (when not negative) the remaining connections get a
    // plain three-segment path at once and their keys go to LEFT, to be routed later.
    QHash<QString, Route> route(const QStringList &keys, double budgetMs = -1,
                                QStringList *left = nullptr, bool withNeighbours = true);
    const Route *routeOf(const QString &key) const;

    // Statistics of the last route() call, for the benchmark: routes searched (not left for
    // later), and of those how many found no way.
    int lastRouted() const { return m_lastRouted; }
    int lastFallbacks() const { return m_lastFallbacks; }

    static constexpr double kCell = 10;  // grid step of the paths
    static constexpr double kMargin = 6; // paths keep at least this far from cards

private:
    enum Side { Top, Right, Bottom, Left };
    struct Conn {
        QString from, to;
        QSizeF label;
        Side fromSide = Bottom, toSide = Top;
    };
    struct Stored {
        Route route;
        std::vector<quint64> usage; // grid cells (with orientation) this path occupies
        QList<quint64> buckets;     // spatial buckets of the path
        QList<quint64> labelBuckets;
        bool searched = false; // found around the cards (not a plain path)
    };

    static QPair<Side, Side> sides(const QRectF &from, const QRectF &to);
    QPointF port(const QString &card, Side side, const QString &key, bool outgoing) const;
    Route routeOne(const QString &key, const Conn &conn, bool provisional = false);
    bool search(QPoint start, int startDir, QPoint goal, int goalDir, int grow,
                std::vector<QPoint> &cells);
    void forget(const QString &key);
    void remember(const QString &key, Route route, const std::vector<QPoint> &cells);
    QRectF placeLabel(const QPolygonF &points, const QSizeF &size) const;
    bool cardAt(const QRectF &rect, const QString &except1 = {}, const QString &except2 = {}) const;

    struct CardEntry { // a card filed in a bucket, with its rectangle at hand for the search
        QString id;
        QRectF rect;
        bool operator==(const CardEntry &o) const { return id == o.id; }
    };
    QHash<QString, QRectF> m_cards;
    QMultiHash<quint64, CardEntry> m_cardBuckets;
    QHash<QString, Conn> m_conns;
    QMultiHash<QString, QString> m_byCard; // card → keys of its connections
    QHash<QString, Stored> m_routes;
    QMultiHash<quint64, QString> m_routeBuckets;
    QMultiHash<quint64, QString> m_labelBuckets;
    std::unordered_map<quint64, int> m_usage;

    // A* scratch space, reused between searches (stamped instead of cleared).
    struct Scratch;
    Scratch *m_scratch;
    bool m_capped = false; // the last search stopped at its limit of visited cells
    int m_lastRouted = 0;
    int m_lastFallbacks = 0;
};

} // namespace archsim::ui
