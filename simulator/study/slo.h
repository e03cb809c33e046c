// SPDX-License-Identifier: GPL-3.0-or-later
// A service-level objective over the open workloads, like a load-test tool's thresholds.
#pragma once

#include <QStringList>

#include <optional>

namespace archsim::sim {

struct Slo {
    std::optional<double> p99Ms;        // each open workload's p99 latency at most this
    std::optional<double> errorRate;    // each workload's failed share at most this
    std::optional<double> availability; // each workload's steady-state availability at least
    bool isEmpty() const { return !p99Ms && !errorRate && !availability; }
};

struct SloVerdict {
    bool pass = true;
    QStringList failed; // "p99Ms shop 412.3 > 250", one line per broken threshold
};

} // namespace archsim::sim
