// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/analytic/analyticengine.h"

#include "simulator/queueing.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace archsim::sim {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kMaxFixedPointIterations = 500;

double serviceScv(const CompiledComponent &c) {
    switch (c.distribution) {
    case Distribution::Exponential:
        return 1;
    case Distribution::Constant:
        return 0;
    case Distribution::Lognormal:
        return c.cv * c.cv;
    case Distribution::Uniform:
        return 1.0 / 3.0; // uniform on [0, 2 x mean]
    }
    return 1;
}

// One solve of the open (or open-equivalent) load: everything derived from per-workload rates.
class OpenSolver {
public:
    OpenSolver(const CompiledModel &m, const std::vector<double> &ratesPerSec,
               const std::vector<double> &fixedWaitMs)
        : m(m)
        , n(m.components.size())
        , u(m.units.size())
        , fixedWait(fixedWaitMs) {
        visitRate.assign(n, 0);
        entryRate.assign(n, 0);
        for (std::size_t w = 0; w < m.workloads.size(); ++w) {
            const double r = ratesPerSec[w] / 1000.0; // per ms
            if (r <= 0) continue;
            for (std::size_t c = 0; c < n; ++c)
                visitRate[c] += r * m.visits[w][c];
            if (m.components[m.workloads[w].entry].holdsThread)
                entryRate[m.workloads[w].entry] += r;
        }
        for (const CompiledCall &call : m.calls)
            if (!call.inProcess && m.components[call.to].holdsThread)
                entryRate[call.to] += visitRate[call.from] * call.multiplier;
        T.assign(n, 0);
        varT.assign(n, 0);
        threadWait.assign(u, 0);
        threadWaitVar.assign(u, 0);
        coreWait.assign(u, 0);
        coreWaitVar.assign(u, 0);
        arrivals.assign(u, 0);
        busy.assign(u, 0);
        coreBusy.assign(u, 0);
        for (std::size_t c = 0; c < n; ++c) {
            const auto &cc = m.components[c];
            if (!cc.holdsThread) continue;
            coreBusy[cc.unit] += visitRate[c] * cc.serviceMs;
        }
    }

    // Holding times for the current waits (callees first).
    void holdingTimes() {
        for (int c : m.syncReverseTopo) {
            const auto &cc = m.components[c];
            const double s = cc.serviceMs;
            double mean = s, var = std::pow(s, 2) * serviceScv(cc);
            if (cc.holdsThread) {
                mean += coreWait[cc.unit];
                var += coreWaitVar[cc.unit];
            }
            for (int st = cc.stepBegin; st < cc.stepEnd; ++st) {
                double stepMean = 0, stepVar = 0;
                groupMeans.clear();
                groupScvs.clear();
                for (int k = m.steps[st].callBegin; k < m.steps[st].callEnd; ++k) {
                    const CompiledCall &call = m.calls[k];
                    if (!call.sync) continue;
                    const auto &callee = m.components[call.to];
                    double r = T[call.to], rv = varT[call.to];
                    if (!call.inProcess) {
                        r += 2 * call.latencyMs;
                        if (callee.holdsThread) {
                            r += threadWait[callee.unit];
                            rv += threadWaitVar[callee.unit];
                        }
                    }
                    // N calls with mean k and the variance of "floor or floor + 1".
                    const double kMean = call.multiplier;
                    const double frac = kMean - std::floor(kMean);
                    const double callMean = kMean * r;
                    const double callVar = kMean * rv + frac * (1 - frac) * r * r;
                    if (callMean > stepMean) { // parallel group: the slowest call dominates
                        stepMean = callMean;
                        stepVar = callVar;
                    }
                    if (callMean > 0) {
                        groupMeans.push_back(callMean);
                        groupScvs.push_back(std::clamp(callVar / (callMean * callMean), 0.0, 1.0));
                    }
                }
                if (groupMeans.size() > 1) stepMean = expectedMaximum(groupMeans, groupScvs);
                mean += stepMean;
                var += stepVar;
            }
            T[c] = mean;
            varT[c] = var;
        }
    }

    // E[max] of a parallel group's calls: between the largest mean (no variability) and the
    // exact E[max] of independent exponentials (inclusion–exclusion), weighted by the calls'
    // mean squared coefficient of variation (capped at 1).
    static double expectedMaximum(const std::vector<double> &means,
                                  const std::vector<double> &scvs) {
        const double largest = *std::max_element(means.begin(), means.end());
        const std::size_t n = means.size();
        if (n > 12) return largest;
        double exponential = 0;
        for (std::uint32_t subset = 1; subset < (1u << n); ++subset) {
            double rate = 0;
            int size = 0;
            for (std::size_t i = 0; i < n; ++i)
                if (subset & (1u << i)) {
                    rate += 1 / means[i];
                    ++size;
                }
            exponential += (size % 2 ? 1.0 : -1.0) / rate;
        }
        double scv = 0;
        for (double v : scvs)
            scv += v / double(n);
        return largest + scv * (exponential - largest);
    }

    // Queue waits per unit from the current holding times; false when a station saturates.
    bool waits() {
        bool stable = true;
        std::fill(arrivals.begin(), arrivals.end(), 0);
        std::fill(busy.begin(), busy.end(), 0);
        std::vector<double> second(u, 0), coreVisits(u, 0), coreSecond(u, 0);
        for (std::size_t c = 0; c < n; ++c) {
            const auto &cc = m.components[c];
            if (!cc.holdsThread) continue;
            arrivals[cc.unit] += entryRate[c];
            busy[cc.unit] += entryRate[c] * T[c];
            second[cc.unit] += entryRate[c] * (varT[c] + T[c] * T[c]);
            coreVisits[cc.unit] += visitRate[c];
            coreSecond[cc.unit] +=
                visitRate[c] * cc.serviceMs * cc.serviceMs * (1 + serviceScv(cc));
        }
        for (std::size_t i = 0; i < u; ++i) {
            const CompiledUnit &unit = m.units[i];
            threadWait[i] = threadWaitVar[i] = coreWait[i] = coreWaitVar[i] = 0;
            if (!unit.hasResources || arrivals[i] <= 0) continue;
            const bool closedOnly = !closedOnlyUnit.empty() && closedOnlyUnit[i];
            if (unit.cores < unit.threads && coreVisits[i] > 0 && !closedOnly) {
                const double s = coreBusy[i] / coreVisits[i];
                const double scv = s > 0 ? coreSecond[i] / coreVisits[i] / (s * s) - 1 : 1;
                const Pool pool = poolOf(unit, unit.cores, coreVisits[i]);
                coreWait[i] =
                    queueing::waitAllenCunneen(pool.servers, pool.lambda, s, scv, pool.ca2);
                coreWaitVar[i] = waitVariance(pool.servers, pool.lambda, s, coreWait[i]);
            }
            const double h = busy[i] / arrivals[i];
            const double scv = h > 0 ? std::max(0.0, second[i] / arrivals[i] / (h * h) - 1) : 1;
            if (!fixedWait.empty() && fixedWait[i] >= 0 && closedOnly) {
                // Only closed workloads reach it: MVA's wait, which is never unbounded.
                threadWait[i] = fixedWait[i];
            } else {
                const Pool pool = poolOf(unit, unit.threads, arrivals[i]);
                threadWait[i] =
                    queueing::waitAllenCunneen(pool.servers, pool.lambda, h, scv, pool.ca2);
                threadWaitVar[i] = waitVariance(pool.servers, pool.lambda, h, threadWait[i]);
            }
            if (!std::isfinite(threadWait[i]) || !std::isfinite(coreWait[i])) stable = false;
        }
        return stable;
    }

    // How a unit's replicas queue: random balancing splits Poisson arrivals into r
    // independent Poisson streams; round-robin hands each replica every r-th arrival (Erlang-r
    // gaps, squared coefficient of variation 1/r); least-outstanding (join the shortest queue)
    // behaves close to one pooled queue in front of all r x c servers.
    struct Pool {
        int servers;
        double lambda; // per ms, into this pool
        double ca2;
    };
    static Pool poolOf(const CompiledUnit &unit, int perReplica, double totalPerMs) {
        const int r = unit.replicas;
        switch (unit.policy) {
        case BalancingPolicy::LeastOutstanding:
            return {perReplica * r, totalPerMs, 1.0};
        case BalancingPolicy::RoundRobin:
            return {perReplica, totalPerMs / r, 1.0 / r};
        case BalancingPolicy::Random:
            break;
        }
        return {perReplica, totalPerMs / r, 1.0};
    }

    // Wait variance as for M/M/c: zero with probability 1 - C, else exponential.
    static double waitVariance(int c, double lambda, double s, double wait) {
        if (!std::isfinite(wait) || wait <= 0) return std::isfinite(wait) ? 0 : kInf;
        const double pc = queueing::erlangC(c, lambda * s);
        return pc > 0 ? wait * wait * (2 / pc - 1) : 0;
    }

    bool solve() {
        holdingTimes();
        for (int it = 0; it < kMaxFixedPointIterations; ++it) {
            const std::vector<double> before = threadWait;
            const std::vector<double> coreBefore = coreWait;
            if (!waits()) return false;
            holdingTimes();
            double change = 0;
            for (std::size_t i = 0; i < u; ++i)
                change = std::max({change, std::abs(threadWait[i] - before[i]),
                                   std::abs(coreWait[i] - coreBefore[i])});
            if (change < 1e-9) break;
        }
        return true;
    }

    double responseOfEntry(int entry) const {
        const auto &c = m.components[entry];
        return (c.holdsThread ? threadWait[c.unit] : 0.0) + T[entry];
    }

    const CompiledModel &m;
    std::size_t n, u;
    std::vector<double> fixedWait;
    std::vector<bool> closedOnlyUnit;         // units only closed workloads reach: MVA's wait holds
    std::vector<double> visitRate, entryRate; // per ms
    std::vector<double> T, varT;
    std::vector<double> groupMeans, groupScvs; // scratch for parallel groups
    std::vector<double> threadWait, threadWaitVar, coreWait, coreWaitVar;
    std::vector<double> arrivals, busy, coreBusy; // per unit, per ms (busy: thread-ms per ms)
};

} // namespace

LoadResult analyze(const CompiledModel &m, const AnalyticOptions &options) {
    LoadResult result;
    result.variant = m.variant;
    result.engine = QStringLiteral("analytic");
    const std::size_t nw = m.workloads.size();
    const std::size_t nu = m.units.size();

    std::vector<double> rates(nw, 0), openRates(nw, 0);
    double openTotal = 0;
    for (std::size_t w = 0; w < nw; ++w)
        if (!m.workloads[w].closed) {
            openRates[w] = rates[w] = m.workloads[w].ratePerSec * options.scale;
            openTotal += rates[w];
            if (m.workloads[w].pattern != LoadPattern::Constant)
                result.notes << QStringLiteral(
                                    "workload \"%1\": its %2 pattern is solved at its base "
                                    "rate ratePerSec")
                                    .arg(m.workloads[w].name, enumName(m.workloads[w].pattern));
        }

    // Closed workloads: MVA over the units as stations, open load as lost capacity.
    std::vector<double> closedResponse(nw, 0);
    std::vector<double> mvaWait(nu, -1);
    std::vector<int> closedIndex;
    for (std::size_t w = 0; w < nw; ++w)
        if (m.workloads[w].closed && m.workloads[w].users > 0) closedIndex.push_back(int(w));
    if (!closedIndex.empty()) {
        OpenSolver openOnly(m, openRates, {});
        std::vector<double> zero(nw, 0);
        OpenSolver noQueue(m, zero, {});
        noQueue.holdingTimes();
        std::vector<int> stations, servers;
        for (std::size_t i = 0; i < nu; ++i)
            if (m.units[i].hasResources) {
                stations.push_back(int(i));
                servers.push_back(m.units[i].replicas *
                                  std::min(m.units[i].threads, m.units[i].cores));
            }
        std::vector<std::vector<double>> demands(stations.size(),
                                                 std::vector<double>(closedIndex.size(), 0));
        std::vector<double> think(closedIndex.size(), 0);
        std::vector<int> users(closedIndex.size(), 0);
        for (std::size_t j = 0; j < closedIndex.size(); ++j) {
            const int w = closedIndex[j];
            double stationDemand = 0;
            for (std::size_t s = 0; s < stations.size(); ++s) {
                const int unit = stations[s];
                const double capacity = double(servers[s]);
                const double openUtil = openOnly.coreBusy[unit] / capacity;
                double d = 0;
                for (std::size_t c = 0; c < m.components.size(); ++c)
                    if (m.components[c].holdsThread && m.components[c].unit == unit)
                        d += m.syncVisits[w][c] * m.components[c].serviceMs;
                stationDemand += d;
                demands[s][j] = openUtil < 1 ? d / (1 - openUtil) : d * 1e9;
            }
            // Latency and externals are pure delays: they join the think time.
            const double delays =
                std::max(0.0, noQueue.responseOfEntry(m.workloads[w].entry) - stationDemand);
            think[j] = m.workloads[w].thinkTimeMs + delays;
            users[j] = m.workloads[w].users;
        }
        std::vector<double> throughput(closedIndex.size(), 0);
        const bool exact = closedIndex.size() == 1 && users[0] <= options.exactMvaMaxUsers;
        if (exact) {
            std::vector<queueing::MvaStation> st;
            for (std::size_t s = 0; s < stations.size(); ++s)
                st.push_back({demands[s][0], servers[s]});
            const auto r = queueing::exactMva(st, users[0], think[0]);
            throughput[0] = r.throughputPerMs;
            closedResponse[closedIndex[0]] =
                r.responseMs + (think[0] - m.workloads[closedIndex[0]].thinkTimeMs);
            result.notes << QStringLiteral("closed workload \"%1\": exact MVA")
                                .arg(m.workloads[closedIndex[0]].name);
            for (std::size_t s = 0; s < stations.size(); ++s)
                if (demands[s][0] > 0)
                    mvaWait[stations[s]] = std::max(0.0, r.residenceMs[s] - demands[s][0]);
        } else {
            const auto r = queueing::schweitzerMva(demands, servers, users, think);
            for (std::size_t j = 0; j < closedIndex.size(); ++j) {
                throughput[j] = r.throughputPerMs[j];
                closedResponse[closedIndex[j]] =
                    r.responseMs[j] + (think[j] - m.workloads[closedIndex[j]].thinkTimeMs);
            }
            result.notes << QStringLiteral("closed workloads: Schweitzer's approximate MVA");
        }
        for (std::size_t j = 0; j < closedIndex.size(); ++j)
            rates[closedIndex[j]] = throughput[j] * 1000.0;
    }

    OpenSolver solver(m, rates, mvaWait);
    if (!closedIndex.empty()) {
        OpenSolver openOnly(m, openRates, {});
        solver.closedOnlyUnit.assign(nu, true);
        for (std::size_t c = 0; c < m.components.size(); ++c)
            if (openOnly.visitRate[c] > 0) solver.closedOnlyUnit[m.components[c].unit] = false;
    }
    const bool stable = solver.solve();
    result.saturated = !stable;

    for (std::size_t w = 0; w < nw; ++w) {
        const CompiledWorkload &cw = m.workloads[w];
        WorkloadResult wr;
        wr.name = cw.name;
        wr.entry = m.components[cw.entry].id;
        wr.closed = cw.closed;
        wr.throughputPerSec = rates[w];
        wr.meanResponseMs = !stable     ? kInf
                            : cw.closed ? closedResponse[w]
                                        : solver.responseOfEntry(cw.entry);
        result.workloads.push_back(wr);
    }

    // Utilisation at this load; saturation from the no-queueing holding times, where
    // utilisation is linear in the open rate.
    std::vector<double> zero(nw, 0);
    OpenSolver base(m, zero, {});
    base.holdingTimes();
    std::vector<double> unitOpen(nw, 0), closedOnly(nw, 0);
    for (std::size_t w = 0; w < nw; ++w)
        (m.workloads[w].closed ? closedOnly : unitOpen)[w] = rates[w];
    OpenSolver openPart(m, unitOpen, {});
    openPart.T = base.T;
    openPart.varT = base.varT;
    openPart.waits();
    OpenSolver closedPart(m, closedOnly, {});
    closedPart.T = base.T;
    closedPart.varT = base.varT;
    closedPart.waits();

    double bestSat = kInf;
    double worstUtil = -1;
    QString worstUnit;
    for (std::size_t i = 0; i < nu; ++i) {
        const CompiledUnit &unit = m.units[i];
        if (!unit.hasResources) continue;
        UnitResult ur;
        ur.id = unit.id;
        const double threads = double(unit.replicas) * unit.threads;
        const double cores = double(unit.replicas) * unit.cores;
        // Offered utilisation with the queueing holding times; a saturated solve falls back
        // to the no-queueing times so the figures stay finite (the flag says saturated).
        const double busyNow = stable ? solver.busy[i] : openPart.busy[i] + closedPart.busy[i];
        ur.threadUtilization = std::min(1.0, busyNow / threads);
        ur.coreUtilization = std::min(1.0, solver.coreBusy[i] / cores);
        ur.utilization = std::max(ur.threadUtilization, ur.coreUtilization);
        ur.throughputPerSec = solver.arrivals[i] * 1000.0;
        if (stable && solver.arrivals[i] > 0) {
            const double perReplica = solver.arrivals[i] / unit.replicas;
            ur.meanQueueLength = perReplica * solver.threadWait[i];
            ur.meanResponseMs = solver.threadWait[i] + solver.busy[i] / solver.arrivals[i];
        } else if (!stable) {
            ur.meanQueueLength = kInf;
            ur.meanResponseMs = kInf;
        }
        result.units.push_back(ur);
        if (ur.utilization > worstUtil) {
            worstUtil = ur.utilization;
            worstUnit = unit.id;
        }
        if (openTotal > 0) {
            const double openThread = openPart.busy[i] / threads;
            const double openCore = openPart.coreBusy[i] / cores;
            const double closedThread = closedPart.busy[i] / threads;
            const double closedCore = closedPart.coreBusy[i] / cores;
            double sat = kInf;
            if (openThread > 0) sat = std::min(sat, std::max(0.0, 1 - closedThread) / openThread);
            if (openCore > 0) sat = std::min(sat, std::max(0.0, 1 - closedCore) / openCore);
            if (sat < bestSat) {
                bestSat = sat;
                result.bottleneck = unit.id;
            }
        }
    }
    if (openTotal > 0 && std::isfinite(bestSat)) result.saturationRatePerSec = openTotal * bestSat;
    if (result.bottleneck.isEmpty()) result.bottleneck = worstUnit;
    return result;
}

} // namespace archsim::sim
