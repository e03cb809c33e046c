// SPDX-License-Identifier: GPL-3.0-or-later
// Turns traces into a calibrated variant: components per service, connections per caller ->
// callee with calls per visit, parallel groups, service-time distributions, network latency,
// workloads per entry operation and replicas. Every rule is in docs/calibration.md.
#pragma once

#include "model/traces/span.h"
#include "model/variant.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <random>
#include <vector>

namespace archsim::traces {

struct CalibrationOptions {
    double sampling = 1; // share of requests the tracer kept: rates are divided by it
    int threads = 16;    // threads per replica (traces do not show thread pools)
    // Only traces whose root starts in [fromSec, toSec) seconds after originNs count.
    std::optional<double> fromSec, toSec;
    std::int64_t originNs = 0;
    QString variantName = QStringLiteral("Calibrated");
    // One component per service and operation of the visit's first span ("service:operation"),
    // all of a service's components in the service's unit.
    bool perOperation = false;
};

// A bounded uniform sample (reservoir) of a stream of values, with its exact mean and moments.
struct SampleStats {
    std::uint64_t count = 0;
    double sum = 0, sumSq = 0;
    std::vector<double> sample;
    void add(double v, std::mt19937_64 &rng, std::size_t cap = 4000);
    double mean() const { return count ? sum / double(count) : 0; }
    double cv() const;
    double percentile(double q) const; // of the sample
};

struct ServiceFit {
    double ksExponential = 1, ksLognormal = 1; // Kolmogorov-Smirnov distance of each fit
    Distribution chosen = Distribution::Exponential;
};

struct CalibrationResult {
    Variant variant;
    QJsonObject report; // what was observed, per service, connection and entry (docs)
};

class Calibrator {
public:
    explicit Calibrator(CalibrationOptions options = {});
    void addTrace(std::vector<Span> &&trace);
    CalibrationResult finish() const;

    std::uint64_t traces() const { return m_traces; }
    std::uint64_t spans() const { return m_spans; }

    static ServiceFit fit(const SampleStats &s);

private:
    struct Service {
        SampleStats self; // own work per visit, ms
        QSet<QString> instances;
        QString unit; // the service
        bool uninstrumented = false;
        bool database = false;
        int depth = 1 << 20; // calls from an entry, for the layout
    };
    struct Edge {
        std::uint64_t calls = 0, async = 0;
        SampleStats network;  // client minus server duration, ms (round trip)
        double offsetSum = 0; // where in the caller's visit it starts, ms, summed
        std::uint64_t offsetCount = 0;
    };
    struct Entry {
        QString service, operation, component;
        SampleStats response;
        std::int64_t firstNs = 0, lastNs = 0;
        QMap<qint64, int> perTenSeconds; // arrivals per 10 s bucket since the origin
    };
    struct Call {
        QString edge;
        std::int64_t startNs, endNs;
    };
    QString componentOf(const Span &s) const;
    void visit(const std::vector<Span> &t, int v, const std::vector<std::vector<int>> &children,
               int depth);

    CalibrationOptions m_options;
    std::mt19937_64 m_rng{20240601};
    std::uint64_t m_traces = 0, m_spans = 0, m_orphans = 0, m_outside = 0;
    QMap<QString, Service> m_services;
    QMap<QString, Edge> m_edges; // "from\ncallee"
    QMap<QString, Entry> m_entries;
    QHash<QString, std::pair<std::uint64_t, std::uint64_t>> m_pairs; // both seen, overlapped
    QHash<QString, std::uint64_t> m_visits;
};

QString edgeKey(const QString &from, const QString &to);

} // namespace archsim::traces
