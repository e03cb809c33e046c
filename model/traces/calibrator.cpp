// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/traces/calibrator.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <deque>

namespace archsim::traces {

QString edgeKey(const QString &from, const QString &to) {
    return from + u'\n' + to;
}

void SampleStats::add(double v, std::mt19937_64 &rng, std::size_t cap) {
    ++count;
    sum += v;
    sumSq += v * v;
    if (sample.size() < cap) {
        sample.push_back(v);
    } else {
        const std::uint64_t j = std::uniform_int_distribution<std::uint64_t>(0, count - 1)(rng);
        if (j < cap) sample[std::size_t(j)] = v;
    }
}

double SampleStats::cv() const {
    if (count < 2 || mean() <= 0) return 0;
    const double var = std::max(0.0, (sumSq - sum * sum / double(count)) / double(count - 1));
    return std::sqrt(var) / mean();
}

double SampleStats::percentile(double q) const {
    if (sample.empty()) return 0;
    std::vector<double> s = sample;
    std::sort(s.begin(), s.end());
    const double pos = q * double(s.size() - 1);
    const std::size_t lo = std::size_t(std::floor(pos));
    const std::size_t hi = std::min(s.size() - 1, lo + 1);
    return s[lo] + (s[hi] - s[lo]) * (pos - double(lo));
}

ServiceFit Calibrator::fit(const SampleStats &s) {
    ServiceFit f;
    const double mean = s.mean();
    if (s.sample.size() < 2 || mean <= 0) return f;
    std::vector<double> x = s.sample;
    std::sort(x.begin(), x.end());
    const double cv = std::max(1e-3, s.cv());
    const double sigma2 = std::log(1 + cv * cv);
    const double mu = std::log(mean) - sigma2 / 2;
    const double n = double(x.size());
    auto ks = [&](auto cdf) {
        double d = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double F = cdf(x[i]);
            d = std::max({d, double(i + 1) / n - F, F - double(i) / n});
        }
        return d;
    };
    f.ksExponential = ks([&](double v) { return 1 - std::exp(-v / mean); });
    f.ksLognormal = ks([&](double v) {
        return v <= 0 ? 0.0 : 0.5 * std::erfc(-(std::log(v) - mu) / std::sqrt(2 * sigma2));
    });
    f.chosen =
        f.ksLognormal < f.ksExponential ? Distribution::Lognormal : Distribution::Exponential;
    return f;
}

Calibrator::Calibrator(CalibrationOptions options)
    : m_options(std::move(options)) {}

QString Calibrator::componentOf(const Span &s) const {
    return m_options.perOperation ? s.service + u':' + s.operation : s.service;
}

namespace {

double clippedUnion(std::vector<std::pair<std::int64_t, std::int64_t>> iv, std::int64_t lo,
                    std::int64_t hi) {
    for (auto &p : iv) {
        p.first = std::clamp(p.first, lo, hi);
        p.second = std::clamp(p.second, lo, hi);
    }
    std::sort(iv.begin(), iv.end());
    double total = 0;
    std::int64_t curLo = 0, curHi = 0;
    bool open = false;
    for (const auto &p : iv) {
        if (open && p.first <= curHi) {
            curHi = std::max(curHi, p.second);
            continue;
        }
        if (open) total += double(curHi - curLo);
        curLo = p.first;
        curHi = p.second;
        open = true;
    }
    if (open) total += double(curHi - curLo);
    return total / 1e6;
}

// Zipkin's B3 shared spans: a client and a server half with one id. The server keeps the id
// (its children point at it); the client half gets its own and becomes the server's parent.
void splitSharedIds(std::vector<Span> &t) {
    QHash<QByteArray, int> seen;
    for (int i = 0; i < int(t.size()); ++i) {
        auto it = seen.find(t[std::size_t(i)].spanId);
        if (it == seen.end()) {
            seen.insert(t[std::size_t(i)].spanId, i);
            continue;
        }
        Span &a = t[std::size_t(it.value())];
        Span &b = t[std::size_t(i)];
        Span &client = a.kind == SpanKind::Server ? b : a;
        Span &server = a.kind == SpanKind::Server ? a : b;
        client.spanId += "~c";
        server.parentId = client.spanId;
    }
}

} // namespace

void Calibrator::addTrace(std::vector<Span> &&t) {
    if (t.empty()) return;
    splitSharedIds(t);
    std::int64_t rootStart = t.front().startNs;
    bool hasRoot = false;
    for (const Span &s : t) {
        if (s.parentId.isEmpty() && (!hasRoot || s.startNs < rootStart)) {
            rootStart = s.startNs;
            hasRoot = true;
        }
        if (!hasRoot) rootStart = std::min(rootStart, s.startNs);
    }
    if (m_options.fromSec || m_options.toSec) {
        const double at = double(rootStart - m_options.originNs) / 1e9;
        if ((m_options.fromSec && at < *m_options.fromSec) ||
            (m_options.toSec && at >= *m_options.toSec)) {
            ++m_outside;
            return;
        }
    }
    ++m_traces;
    m_spans += t.size();
    QHash<QByteArray, int> index;
    for (int i = 0; i < int(t.size()); ++i)
        index.insert(t[std::size_t(i)].spanId, i);
    std::vector<int> parent(t.size(), -1);
    std::vector<std::vector<int>> children(t.size());
    std::deque<int> queue;
    for (int i = 0; i < int(t.size()); ++i) {
        const Span &s = t[std::size_t(i)];
        if (!s.parentId.isEmpty()) {
            const auto it = index.constFind(s.parentId);
            if (it != index.cend()) {
                parent[std::size_t(i)] = it.value();
                children[std::size_t(it.value())].push_back(i);
                continue;
            }
            ++m_orphans; // its parent is missing: its subtree is analysed on its own
        }
        queue.push_back(i);
    }
    // Breadth first from the parentless spans: a parent before its children, cycles never
    // reached. depth counts the services crossed from the root (for the layout).
    std::vector<int> depth(t.size(), 0);
    while (!queue.empty()) {
        const int i = queue.front();
        queue.pop_front();
        const Span &s = t[std::size_t(i)];
        const int p = parent[std::size_t(i)];
        if (p >= 0)
            depth[std::size_t(i)] =
                depth[std::size_t(p)] + (t[std::size_t(p)].service != s.service ? 1 : 0);
        if (p < 0 || t[std::size_t(p)].service != s.service)
            visit(t, i, children, depth[std::size_t(i)]);
        if (s.parentId.isEmpty()) {
            Entry &e = m_entries[s.service + u'\n' + s.operation];
            e.service = s.service;
            e.component = componentOf(s);
            e.operation = s.operation;
            e.response.add(s.durationMs(), m_rng, 200000);
            if (e.response.count == 1 || s.startNs < e.firstNs) e.firstNs = s.startNs;
            e.lastNs = std::max(e.lastNs, s.startNs);
            ++e.perTenSeconds[(s.startNs - m_options.originNs) / 10'000'000'000LL];
        }
        for (int c : children[std::size_t(i)])
            queue.push_back(c);
    }
}

void Calibrator::visit(const std::vector<Span> &t, int v,
                       const std::vector<std::vector<int>> &children, int depth) {
    const Span &V = t[std::size_t(v)];
    const QString S = componentOf(V);
    Service &service = m_services[S];
    service.unit = V.service;
    service.depth = std::min(service.depth, depth);
    service.instances.insert(V.instance);
    std::vector<int> spans{v};
    std::vector<std::pair<std::int64_t, std::int64_t>> blocking;
    std::vector<Call> calls;
    for (std::size_t k = 0; k < spans.size(); ++k) {
        const int x = spans[k];
        const Span &X = t[std::size_t(x)];
        std::vector<int> remote;
        for (int c : children[std::size_t(x)]) {
            if (t[std::size_t(c)].service == V.service)
                spans.push_back(c);
            else
                remote.push_back(c);
        }
        for (int c : remote) {
            const Span &C = t[std::size_t(c)];
            const bool async =
                C.followsFrom || C.kind == SpanKind::Consumer || X.kind == SpanKind::Producer;
            const QString callee = componentOf(C);
            Edge &e = m_edges[edgeKey(S, callee)];
            ++e.calls;
            if (async) ++e.async;
            // A client span in the caller (x != v) times the call on the caller's own clock,
            // so clock skew between hosts does not matter; without one, the callee's span is
            // clipped to the caller's.
            const Span &timing = x != v ? X : C;
            if (x != v && remote.size() == 1 && !async)
                e.network.add(std::max(0.0, X.durationMs() - C.durationMs()), m_rng);
            calls.push_back({edgeKey(S, callee), timing.startNs, timing.endNs});
            if (!async || x != v) blocking.emplace_back(timing.startNs, timing.endNs);
        }
        const bool leafCall =
            x != v && children[std::size_t(x)].empty() &&
            (!X.peer.isEmpty() || X.kind == SpanKind::Client || X.kind == SpanKind::Producer);
        if (leafCall) {
            // An uninstrumented dependency: a database (db.system) or an external API.
            const QString peer = X.peer.isEmpty() ? X.operation : X.peer;
            Service &d = m_services[peer];
            d.unit = peer;
            d.uninstrumented = true;
            d.database = d.database || X.peerIsDatabase;
            d.instances.insert(peer);
            d.depth = std::min(d.depth, depth + 1);
            d.self.add(X.durationMs(), m_rng);
            ++m_visits[peer];
            Edge &e = m_edges[edgeKey(S, peer)];
            ++e.calls;
            if (X.kind == SpanKind::Producer) ++e.async;
            calls.push_back({edgeKey(S, peer), X.startNs, X.endNs});
            blocking.emplace_back(X.startNs, X.endNs);
        }
    }
    m_services[S].self.add(
        std::max(0.0, V.durationMs() - clippedUnion(blocking, V.startNs, V.endNs)), m_rng);
    ++m_visits[S];
    // Order of the calls (mean start offset of each connection's first call) and overlap of
    // sibling calls to different callees (parallel groups).
    QHash<QString, std::int64_t> first;
    for (const Call &c : calls)
        if (!first.contains(c.edge) || c.startNs < first.value(c.edge))
            first.insert(c.edge, c.startNs);
    for (auto it = first.cbegin(); it != first.cend(); ++it) {
        Edge &e = m_edges[it.key()];
        e.offsetSum += double(it.value() - V.startNs) / 1e6;
        ++e.offsetCount;
    }
    QHash<QString, bool> pairs;
    for (std::size_t i = 0; i < calls.size(); ++i)
        for (std::size_t j = i + 1; j < calls.size(); ++j) {
            if (calls[i].edge == calls[j].edge) continue;
            const QString key = calls[i].edge < calls[j].edge
                                    ? calls[i].edge + u'\t' + calls[j].edge
                                    : calls[j].edge + u'\t' + calls[i].edge;
            const std::int64_t overlap = std::min(calls[i].endNs, calls[j].endNs) -
                                         std::max(calls[i].startNs, calls[j].startNs);
            const std::int64_t shorter =
                std::min(calls[i].endNs - calls[i].startNs, calls[j].endNs - calls[j].startNs);
            const bool overlapped = overlap > 0 && double(overlap) > 0.5 * double(shorter);
            pairs[key] = pairs.value(key) || overlapped;
        }
    for (auto it = pairs.cbegin(); it != pairs.cend(); ++it) {
        auto &p = m_pairs[it.key()];
        ++p.first;
        if (it.value()) ++p.second;
    }
}

} // namespace archsim::traces
