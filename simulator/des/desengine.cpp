// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/des/desengine.h"

#include "simulator/analytic/analyticengine.h"
#include "simulator/des/desrun.h"
#include "simulator/des/replicationmerge.h"
#include "simulator/des/replications.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

namespace archsim::sim {

std::uint64_t replicationSeed(std::uint64_t seed, int r) {
    // Each replication has its own stream: seed, replication index.
    std::seed_seq seq{std::uint32_t(seed), std::uint32_t(seed >> 32), std::uint32_t(r)};
    std::uint32_t words[2];
    seq.generate(words, words + 2);
    return (std::uint64_t(words[0]) << 32) | words[1];
}

namespace {

// Runs replications FIRST .. FIRST+COUNT-1 in parallel threads and hands each to `done` in
// replication order (index from 0, its output), as soon as it and all before it have finished.
void runInOrder(const CompiledModel &m, const DesOptions &options, int first, int count,
                const std::function<void(int, RunOutput &&)> &done) {
    const int k = std::max(0, count);
    std::vector<std::atomic<double>> progress(static_cast<std::size_t>(k));
    for (auto &p : progress)
        p.store(0);
    int workers = options.workerThreads > 0
                      ? options.workerThreads
                      : int(std::max(1u, std::thread::hardware_concurrency()));
    workers = std::max(1, std::min(workers, k));
    std::mutex lock;
    std::map<int, RunOutput> finished; // done but waiting for an earlier replication
    int next = 0;
    std::atomic<int> nextRun{0};
    std::atomic<int> doneWorkers{0};
    auto worker = [&] {
        for (int r = nextRun++; r < k; r = nextRun++) {
            // A cancelled run still returns (quickly) so results keep their shape.
            RunOutput out = runReplication(m, options, replicationSeed(options.seed, first + r),
                                           progress[std::size_t(r)]);
            const std::lock_guard<std::mutex> guard(lock);
            finished.emplace(r, std::move(out));
            for (auto it = finished.find(next); it != finished.end(); it = finished.find(next)) {
                done(next, std::move(it->second));
                finished.erase(it);
                ++next;
            }
        }
        ++doneWorkers;
    };
    std::vector<std::thread> threads;
    for (int i = 1; i < workers; ++i)
        threads.emplace_back(worker);
    if (options.progress) {
        // Workers report through atomics; the callback runs on this thread only.
        threads.emplace_back(worker);
        while (doneWorkers.load() < workers) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            double sum = 0;
            for (auto &p : progress)
                sum += p.load();
            options.progress(k > 0 ? sum / k : 1.0);
        }
    } else {
        worker();
    }
    for (auto &t : threads)
        t.join();
}

} // namespace

std::vector<RunOutput> runReplications(const CompiledModel &m, const DesOptions &options, int first,
                                       int count) {
    std::vector<RunOutput> runs(static_cast<std::size_t>(std::max(0, count)));
    runInOrder(m, options, first, count,
               [&](int r, RunOutput &&out) { runs[std::size_t(r)] = std::move(out); });
    return runs;
}

LoadResult simulate(const CompiledModel &m, const DesOptions &options) {
    // Merged as they finish: memory is that of the runs in flight, not of all replications.
    // The first replication's sampled request trees go to traceOut when asked.
    const int k = std::max(1, options.replications);
    MergedRuns merged(m, k);
    runInOrder(m, options, 0, k, [&](int r, RunOutput &&out) {
        if (r == 0 && options.traceOut) *options.traceOut = std::move(out.spans);
        merged.add(std::move(out), options);
    });
    return mergedResult(m, options, merged);
}

LoadResult mergeReplications(const CompiledModel &m, const DesOptions &options,
                             const std::vector<RunOutput> &runs) {
    const int k = int(runs.size());
    if (k == 0) {
        LoadResult empty;
        empty.variant = m.variant;
        empty.engine = QStringLiteral("des");
        empty.cancelled = true;
        return empty;
    }
    MergedRuns merged(m, k);
    for (const RunOutput &r : runs)
        merged.add(RunOutput(r), options);
    return mergedResult(m, options, merged);
}

double estimatedEventsPerReplication(const CompiledModel &m, const DesOptions &options) {
    double events = 0;
    for (std::size_t w = 0; w < m.workloads.size(); ++w) {
        const CompiledWorkload &cw = m.workloads[w];
        if (cw.closed) continue;
        // A visit is an arrival and a completion; a call adds its sending and its return.
        double perRequest = 1;
        for (std::size_t c = 0; c < m.components.size(); ++c)
            perRequest += 4 * m.visits[w][c];
        events +=
            cw.peakRate() * options.scale * (options.warmupSec + options.durationSec) * perRequest;
    }
    return events;
}

} // namespace archsim::sim
