// SPDX-License-Identifier: GPL-3.0-or-later
// The discrete-event engine's replications merged into one LoadResult: sums and per-replication
// means as each finishes, then the result's assembly (confidence intervals, units, notes,
// time series). A new metric: its raw count in RunOutput, its sum here, its figure in
// mergedResult.
#pragma once

#include "simulator/compiledmodel.h"
#include "simulator/des/desrun.h"
#include "simulator/loadresult.h"

#include <algorithm>
#include <vector>

namespace archsim::sim {

// The replications' raw figures, summed as each one finishes (in replication order, so the
// result does not depend on thread timing): memory stays that of one run however many there are.
class MergedRuns {
    const CompiledModel &m_model;
    int m_k;

public:
    MergedRuns(const CompiledModel &m, int k)
        : m_model(m)
        , m_k(k)
        , means(m.workloads.size())
        , rates(m.workloads.size())
        , thread(m.units.size(), 0.0)
        , core(m.units.size(), 0.0)
        , queue(m.units.size(), 0.0)
        , utils(m.units.size())
        , replicas(m.units.size(), 0.0)
        , paidHours(m.units.size(), 0.0) {}

    void add(RunOutput &&r, const DesOptions &options);

    RunOutput total; // sums over the replications; replication 0's batches when k is 1
    int count = 0;
    double measuredSec = 0;
    bool stalled = false, backlog = false, eventCap = false;
    std::vector<std::vector<double>> means, rates; // [w], one value per replication
    std::vector<double> thread, core, queue;       // [u], means over the replications
    std::vector<std::vector<double>> utils;        // [u], one value per replication
    // [u], means over the replications: replicas taking traffic, replica-hours paid for.
    std::vector<double> replicas, paidHours;

private:
    template <class T> static void addAll(std::vector<T> &to, const std::vector<T> &from) {
        for (std::size_t i = 0; i < std::min(to.size(), from.size()); ++i)
            to[i] += from[i];
    }
};

// The LoadResult of the merged replications.
LoadResult mergedResult(const CompiledModel &model, const DesOptions &options, MergedRuns &merged);

} // namespace archsim::sim
