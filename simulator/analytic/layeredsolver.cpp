#include "simulator/analytic/layeredsolver.h"

#include "simulator/analytic/finitesource.h"
#include "simulator/analytic/servicemoments.h"
#include "simulator/queueing.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace archsim::sim::analytic {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kMaxIterations = 2000;
constexpr double kClosedDamping = 0.5;

// How a unit's replicas queue: random balancing splits Poisson arrivals into r independent
// Poisson streams; round-robin hands each replica every r-th arrival (Erlang-r gaps, squared
// coefficient of variation 1/r); least-outstanding (join the shortest queue) behaves close to
// one pooled queue in front of all r x c servers.
struct Pool {
    int servers;
    double share; // of the unit's arrivals that reach one pool
    double ca2;
};

Pool poolOf(const CompiledUnit &unit, int perReplica) {
    const int r = unit.replicas;
    switch (unit.policy) {
    case BalancingPolicy::LeastOutstanding:
        return {perReplica * r, 1.0, 1.0};
    case BalancingPolicy::RoundRobin:
        return {perReplica, 1.0 / r, 1.0 / r};
    case BalancingPolicy::Random:
        break;
    }
    return {perReplica, 1.0 / r, 1.0};
}

// Wait variance as for M/M/c: zero with probability C, else exponential.
double waitVariance(int c, double lambda, double s, double wait) {
    if (!std::isfinite(wait)) return kInf;
    if (wait <= 0) return 0;
    const double pc = lambda * s < c ? queueing::erlangC(c, lambda * s) : 1;
    return pc > 0 ? wait * wait * (2 / pc - 1) : 0;
}

// E[max] of a parallel group's calls: between the largest mean (no variability) and the exact
// E[max] of independent exponentials (inclusion–exclusion), weighted by the calls' mean squared
// coefficient of variation (capped at 1).
double expectedMaximum(const std::vector<double> &means, const std::vector<double> &scvs) {
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

} // namespace

LayeredSolver::LayeredSolver(const CompiledModel &model, LayeredOptions options)
    : m_model(model)
    , m_options(options)
    , m_n(model.components.size())
    , m_u(model.units.size())
    , m_w(model.workloads.size()) {
    const auto &comps = model.components;
    // Every thread acquisition: a workload entering at a component that holds a thread, and
    // every call into another unit's thread (async messages even inside a unit).
    for (std::size_t w = 0; w < m_w; ++w) {
        const int entry = model.workloads[w].entry;
        if (!comps[std::size_t(entry)].holdsThread) continue;
        Acquisition a;
        a.component = entry;
        a.workload = int(w);
        m_acquisitions.push_back(a);
    }
    for (std::size_t k = 0; k < model.calls.size(); ++k) {
        const CompiledCall &call = model.calls[k];
        if (call.inProcess || !comps[std::size_t(call.to)].holdsThread) continue;
        Acquisition a;
        a.component = call.to;
        a.call = int(k);
        m_acquisitions.push_back(a);
    }
    m_unitAcquisitions.assign(m_u, {});
    for (std::size_t i = 0; i < m_acquisitions.size(); ++i)
        m_unitAcquisitions[std::size_t(comps[std::size_t(m_acquisitions[i].component)].unit)]
            .push_back(int(i));
    for (std::size_t w = 0; w < m_w; ++w)
        if (model.workloads[w].closed && model.workloads[w].users > 0) m_closed.push_back(int(w));
    computePopulations();
    computeTopLayer();
    m_flow.assign(m_u, {});
    m_T.assign(m_n, 0);
    m_varT.assign(m_n, 0);
    m_rate.assign(m_w, 0);
}

// How many requests can be at each component and hold each unit's threads at once: a unit's
// threads x replicas, fewer when what feeds it is fewer (a closed workload's users, a small
// caller pool). Poisson sources (open workloads, async messages) are unbounded.
void LayeredSolver::computePopulations() {
    const auto &comps = m_model.components;
    const auto &units = m_model.units;
    m_popOut.assign(m_u, kInf);
    for (std::size_t i = 0; i < m_u; ++i)
        if (units[i].hasResources) m_popOut[i] = double(units[i].replicas) * units[i].threads;
    m_popCtx.assign(m_n, kInf);
    std::vector<int> callerFirst(m_model.syncReverseTopo.rbegin(), m_model.syncReverseTopo.rend());
    auto workloadPopulation = [&](int w) {
        const CompiledWorkload &cw = m_model.workloads[std::size_t(w)];
        return cw.closed ? double(cw.users) : kInf;
    };
    // A few passes: the bounds only fall, and unit-level cycles (a.x -> b.y -> a.z) settle.
    for (int pass = 0; pass < 4; ++pass) {
        std::vector<double> incoming(m_n, 0);
        for (std::size_t w = 0; w < m_w; ++w)
            incoming[std::size_t(m_model.workloads[w].entry)] += workloadPopulation(int(w));
        for (int c : callerFirst) {
            const CompiledComponent &cc = comps[std::size_t(c)];
            m_popCtx[std::size_t(c)] =
                cc.holdsThread ? m_popOut[std::size_t(cc.unit)] : incoming[std::size_t(c)];
            for (int k = cc.callBegin; k < cc.callEnd; ++k) {
                const CompiledCall &call = m_model.calls[std::size_t(k)];
                incoming[std::size_t(call.to)] += call.sync ? m_popCtx[std::size_t(c)] : kInf;
            }
        }
        // Per unit: the sum over distinct sources (one caller unit counts once).
        for (std::size_t i = 0; i < m_u; ++i) {
            if (!units[i].hasResources) continue;
            std::vector<std::pair<int, double>> sources;
            bool poisson = false;
            for (int ai : m_unitAcquisitions[i]) {
                Acquisition &a = m_acquisitions[std::size_t(ai)];
                if (a.call < 0) {
                    a.population = workloadPopulation(a.workload);
                    a.source = std::isfinite(a.population) ? int(m_u + m_n) + a.workload : -1;
                } else {
                    const CompiledCall &call = m_model.calls[std::size_t(a.call)];
                    const CompiledComponent &from = comps[std::size_t(call.from)];
                    a.population = call.sync ? m_popCtx[std::size_t(call.from)] : kInf;
                    a.source = !std::isfinite(a.population) ? -1
                               : from.holdsThread           ? from.unit
                                                            : int(m_u) + call.from;
                }
                if (a.source < 0) {
                    poisson = true;
                } else if (std::none_of(sources.begin(), sources.end(),
                                        [&](const auto &s) { return s.first == a.source; })) {
                    sources.emplace_back(a.source, a.population);
                }
            }
            double in = poisson ? kInf : 0;
            for (const auto &s : sources)
                in += s.second;
            m_popOut[i] = std::min(double(units[i].replicas) * units[i].threads, in);
        }
    }
}

// The components that act for a closed workload's users (the entry when it holds no thread,
// and what it calls through other such components): their calls into threads form the top
// layer, which MVA solves with the users as customers.
void LayeredSolver::computeTopLayer() {
    const auto &comps = m_model.components;
    m_userSide.assign(m_closed.size(), std::vector<char>(m_n, 0));
    m_top.assign(m_closed.size(), {});
    std::vector<int> callerFirst(m_model.syncReverseTopo.rbegin(), m_model.syncReverseTopo.rend());
    for (std::size_t j = 0; j < m_closed.size(); ++j) {
        const int w = m_closed[j];
        const int entry = m_model.workloads[std::size_t(w)].entry;
        std::vector<char> &side = m_userSide[j];
        if (comps[std::size_t(entry)].holdsThread) {
            m_top[j].emplace_back(entry, 1.0);
            continue;
        }
        side[std::size_t(entry)] = 1;
        for (int c : callerFirst) {
            if (!side[std::size_t(c)]) continue;
            const CompiledComponent &cc = comps[std::size_t(c)];
            for (int k = cc.callBegin; k < cc.callEnd; ++k) {
                const CompiledCall &call = m_model.calls[std::size_t(k)];
                if (!call.sync) continue;
                const double perRequest =
                    m_model.syncVisits[std::size_t(w)][std::size_t(c)] * call.multiplier;
                if (comps[std::size_t(call.to)].holdsThread) {
                    if (!call.inProcess && perRequest > 0)
                        m_top[j].emplace_back(call.to, perRequest);
                } else {
                    side[std::size_t(call.to)] = 1;
                }
            }
        }
    }
}

void LayeredSolver::updateRates() {
    const auto &comps = m_model.components;
    m_visitRate.assign(m_n, 0);
    m_openVisitRate.assign(m_n, 0);
    for (std::size_t w = 0; w < m_w; ++w) {
        const double r = m_rate[w];
        if (r <= 0) continue;
        for (std::size_t c = 0; c < m_n; ++c) {
            m_visitRate[c] += r * m_model.visits[w][c];
            if (!m_model.workloads[w].closed) m_openVisitRate[c] += r * m_model.visits[w][c];
        }
    }
    for (Acquisition &a : m_acquisitions)
        a.ratePerMs =
            a.call < 0 ? m_rate[std::size_t(a.workload)]
                       : m_visitRate[std::size_t(m_model.calls[std::size_t(a.call)].from)] *
                             m_model.calls[std::size_t(a.call)].multiplier;
    for (std::size_t i = 0; i < m_u; ++i) {
        UnitFlow &f = m_flow[i];
        f.acquisitionsPerMs = f.openPerMs = f.finitePerMs = f.finitePopulation = 0;
        f.busyCores = 0;
        std::vector<int> counted;
        for (int ai : m_unitAcquisitions[i]) {
            const Acquisition &a = m_acquisitions[std::size_t(ai)];
            if (a.ratePerMs <= 0) continue;
            f.acquisitionsPerMs += a.ratePerMs;
            if (a.source < 0) {
                f.openPerMs += a.ratePerMs;
                continue;
            }
            f.finitePerMs += a.ratePerMs;
            if (std::find(counted.begin(), counted.end(), a.source) == counted.end()) {
                counted.push_back(a.source);
                f.finitePopulation += a.population;
            }
        }
    }
    for (std::size_t c = 0; c < m_n; ++c)
        if (comps[c].holdsThread)
            m_flow[std::size_t(comps[c].unit)].busyCores += m_visitRate[c] * comps[c].serviceMs;
}

// Holding times, callees first: own work + core wait + for each sync call its latency, the
// callee's thread wait and holding time. zeroWaitFrom: components whose calls wait for no
// thread (the top layer, whose waits MVA gives).
void LayeredSolver::holdingTimes(std::vector<double> &T, std::vector<double> &varT,
                                 const std::vector<char> *zeroWaitFrom) const {
    std::vector<double> groupMeans, groupScvs;
    for (int c : m_model.syncReverseTopo) {
        const CompiledComponent &cc = m_model.components[std::size_t(c)];
        const bool zeroWait = zeroWaitFrom && (*zeroWaitFrom)[std::size_t(c)];
        double mean = cc.serviceMs, var = std::pow(cc.serviceMs, 2) * serviceScv(cc);
        if (cc.holdsThread) {
            const UnitFlow &f = m_flow[std::size_t(cc.unit)];
            mean += f.coreWaitMs;
            var += f.coreWaitVar;
        }
        for (int st = cc.stepBegin; st < cc.stepEnd; ++st) {
            double stepMean = 0, stepVar = 0;
            groupMeans.clear();
            groupScvs.clear();
            for (int k = m_model.steps[std::size_t(st)].callBegin;
                 k < m_model.steps[std::size_t(st)].callEnd; ++k) {
                const CompiledCall &call = m_model.calls[std::size_t(k)];
                if (!call.sync) continue;
                const CompiledComponent &callee = m_model.components[std::size_t(call.to)];
                double r = T[std::size_t(call.to)], rv = varT[std::size_t(call.to)];
                if (!call.inProcess) {
                    r += 2 * call.latencyMs;
                    if (callee.holdsThread && !zeroWait) {
                        r += m_flow[std::size_t(callee.unit)].threadWaitMs;
                        rv += m_flow[std::size_t(callee.unit)].threadWaitVar;
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
        T[std::size_t(c)] = mean;
        varT[std::size_t(c)] = var;
    }
}

// Queue waits per unit from the current holding times and rates; false when the open load
// alone saturates a unit's threads or cores.
bool LayeredSolver::stationWaits() {
    const auto &comps = m_model.components;
    bool stable = true;
    std::vector<double> busy(m_u, 0), second(m_u, 0), coreVisits(m_u, 0), coreSecond(m_u, 0),
        coreOpen(m_u, 0);
    for (const Acquisition &a : m_acquisitions) {
        if (a.ratePerMs <= 0) continue;
        const std::size_t c = std::size_t(a.component);
        const std::size_t unit = std::size_t(comps[c].unit);
        busy[unit] += a.ratePerMs * m_T[c];
        second[unit] += a.ratePerMs * (m_varT[c] + m_T[c] * m_T[c]);
    }
    for (std::size_t c = 0; c < m_n; ++c) {
        const CompiledComponent &cc = comps[c];
        if (!cc.holdsThread) continue;
        const std::size_t unit = std::size_t(cc.unit);
        coreVisits[unit] += m_visitRate[c];
        coreSecond[unit] += m_visitRate[c] * cc.serviceMs * cc.serviceMs * (1 + serviceScv(cc));
        coreOpen[unit] += m_openVisitRate[c] * cc.serviceMs;
    }
    for (std::size_t i = 0; i < m_u; ++i) {
        const CompiledUnit &unit = m_model.units[i];
        UnitFlow &f = m_flow[i];
        f.busyThreads = busy[i];
        f.coreBusyOpen = coreOpen[i];
        f.threadWaitMs = f.threadWaitVar = f.coreWaitMs = f.coreWaitVar = 0;
        f.populationFactor = 1;
        f.callerLimited = false;
        if (!unit.hasResources || f.acquisitionsPerMs <= 0) continue;
        // Cores: the replica's threads compete for its cores. Taken as a Poisson-fed queue
        // (a finite-source model of the threads underestimates it: a thread that waits long
        // for a core is also held long); only a closed load that asks more than the cores give
        // is bounded by the threads, all of them waiting.
        if (unit.cores < unit.threads && coreVisits[i] > 0) {
            const double s = f.busyCores / coreVisits[i];
            const double scv = s > 0 ? coreSecond[i] / coreVisits[i] / (s * s) - 1 : 1;
            const Pool pool = poolOf(unit, unit.cores);
            const double lambda = coreVisits[i] * pool.share;
            if (coreOpen[i] >= double(unit.replicas) * unit.cores) {
                stable = false;
                f.coreWaitMs = kInf;
            } else if (s > 0 && lambda * s < pool.servers) {
                f.coreWaitMs = queueing::waitAllenCunneen(pool.servers, lambda, s, scv, pool.ca2);
                f.coreWaitVar = waitVariance(pool.servers, lambda, s, f.coreWaitMs);
            } else if (s > 0) {
                const double threads = double(unit.threads) * pool.servers / unit.cores;
                f.coreWaitMs = std::max(0.0, threads - pool.servers) * s / pool.servers;
                f.coreWaitVar = f.coreWaitMs * f.coreWaitMs;
            }
        }
        // Threads.
        const double arrivals = f.acquisitionsPerMs;
        const double h = busy[i] / arrivals;
        const double scv = h > 0 ? std::max(0.0, second[i] / arrivals / (h * h) - 1) : 1;
        const Pool pool = poolOf(unit, unit.threads);
        const double lambda = arrivals * pool.share;
        if (f.openPerMs * pool.share * h >= pool.servers) {
            stable = false;
            f.threadWaitMs = kInf;
            f.threadWaitVar = kInf;
            continue;
        }
        const FiniteSourceWait fs = finiteSourceWait({pool.servers, h, f.openPerMs * pool.share,
                                                      f.finitePerMs * pool.share,
                                                      f.finitePopulation});
        if (!fs.reachable || (fs.unbounded && lambda * h >= pool.servers)) {
            // The callers cannot send what the load asks: their own pools are the limit, and
            // every one of them waits here.
            f.callerLimited = true;
            f.threadWaitMs = fs.unbounded ? f.finitePopulation * h / pool.servers
                                          : fs.waitMs * (1 + scv) / 2;
            f.populationFactor = 0;
        } else {
            f.populationFactor = fs.factor();
            f.threadWaitMs = queueing::waitAllenCunneen(pool.servers, lambda, h, scv, pool.ca2) *
                             f.populationFactor;
        }
        f.threadWaitVar = waitVariance(pool.servers, lambda, h, f.threadWaitMs);
        if (!std::isfinite(f.threadWaitMs)) stable = false;
    }
    return stable;
}

// The top layer of the closed workloads: MVA with the users as customers, the units their
// clients call as stations (demand: the holding times, which include the lower layers), the
// rest of each unit's load as lost capacity. Returns the largest relative change of a rate.
double LayeredSolver::closedTopLayer() {
    const auto &comps = m_model.components;
    const std::size_t nc = m_closed.size();
    // Stations: every unit some closed workload's top layer reaches.
    std::vector<int> stationOf(m_u, -1), stations;
    for (const auto &top : m_top)
        for (const auto &[c, perRequest] : top) {
            const int unit = comps[std::size_t(c)].unit;
            if (stationOf[std::size_t(unit)] < 0) {
                stationOf[std::size_t(unit)] = int(stations.size());
                stations.push_back(unit);
            }
        }
    const std::size_t ns = stations.size();
    std::vector<std::vector<double>> demand(ns, std::vector<double>(nc, 0));
    std::vector<double> topBusy(ns, 0), think(nc, 0);
    std::vector<int> servers(ns, 1), users(nc, 0);
    std::vector<double> T0, varT0;
    for (std::size_t j = 0; j < nc; ++j) {
        const int w = m_closed[j];
        const CompiledWorkload &cw = m_model.workloads[std::size_t(w)];
        double stationDemand = 0;
        for (const auto &[c, perRequest] : m_top[j]) {
            const std::size_t s = std::size_t(stationOf[std::size_t(comps[std::size_t(c)].unit)]);
            const double d = perRequest * m_T[std::size_t(c)];
            demand[s][j] += d;
            stationDemand += d;
            topBusy[s] += m_rate[std::size_t(w)] * d;
        }
        // Latencies, externals and the clients' own time are pure delays: they join the think
        // time. T0: the entry's time with no wait at the top layer.
        T0 = m_T;
        varT0 = m_varT;
        holdingTimes(T0, varT0, &m_userSide[j]);
        m_closedDelay[j] = std::max(0.0, T0[std::size_t(cw.entry)] - stationDemand);
        if (comps[std::size_t(cw.entry)].holdsThread) m_closedDelay[j] = 0;
        think[j] = cw.thinkTimeMs + m_closedDelay[j];
        users[j] = cw.users;
    }
    for (std::size_t s = 0; s < ns; ++s) {
        const CompiledUnit &unit = m_model.units[std::size_t(stations[s])];
        servers[s] = int(std::min<double>(double(unit.replicas) * unit.threads, 1e9));
        const double other =
            std::max(0.0, m_flow[std::size_t(stations[s])].busyThreads - topBusy[s]) / servers[s];
        for (std::size_t j = 0; j < nc; ++j)
            demand[s][j] = other < 1 ? demand[s][j] / (1 - other) : demand[s][j] * 1e9;
    }
    std::vector<double> next(nc, 0), response(nc, 0);
    const bool exact = nc == 1 && users[0] <= m_options.exactMvaMaxUsers;
    if (exact) {
        std::vector<queueing::MvaStation> st;
        for (std::size_t s = 0; s < ns; ++s)
            st.push_back({demand[s][0], servers[s]});
        const auto r = queueing::exactMva(st, users[0], think[0]);
        next[0] = r.throughputPerMs;
        response[0] = r.responseMs;
    } else {
        m_schweitzer = true;
        const auto r = queueing::schweitzerMva(demand, servers, users, think);
        next = r.throughputPerMs;
        response = r.responseMs;
    }
    double change = 0;
    for (std::size_t j = 0; j < nc; ++j) {
        const std::size_t w = std::size_t(m_closed[j]);
        m_closedResponse[j] = response[j] + m_closedDelay[j];
        const double old = m_rate[w];
        m_rate[w] = old + kClosedDamping * (next[j] - old);
        change = std::max(change, std::abs(next[j] - old) / std::max(next[j], 1e-300));
    }
    return change;
}

bool LayeredSolver::solve(const std::vector<double> &ratesPerSec) {
    m_rate.assign(m_w, 0);
    for (std::size_t w = 0; w < m_w; ++w)
        if (!m_model.workloads[w].closed) m_rate[w] = std::max(0.0, ratesPerSec[w]) / 1000.0;
    m_closedResponse.assign(m_closed.size(), 0);
    m_closedDelay.assign(m_closed.size(), 0);
    m_schweitzer = false;
    m_closedConverged = true;
    for (UnitFlow &f : m_flow)
        f = UnitFlow{};
    // Start the closed workloads at what their users would send with no queueing at all.
    updateRates();
    holdingTimes(m_T, m_varT, nullptr);
    for (std::size_t j = 0; j < m_closed.size(); ++j) {
        const CompiledWorkload &cw = m_model.workloads[std::size_t(m_closed[j])];
        const double r = m_T[std::size_t(cw.entry)];
        m_rate[std::size_t(m_closed[j])] = cw.users / (cw.thinkTimeMs + r) * 0.5;
    }
    bool stable = true;
    for (m_iterations = 1; m_iterations <= kMaxIterations; ++m_iterations) {
        updateRates();
        std::vector<double> before(m_u, 0);
        for (std::size_t i = 0; i < m_u; ++i)
            before[i] = m_flow[i].threadWaitMs + m_flow[i].coreWaitMs;
        stable = stationWaits();
        if (!stable) break;
        holdingTimes(m_T, m_varT, nullptr);
        double change = 0;
        for (std::size_t i = 0; i < m_u; ++i)
            change = std::max(change,
                              std::abs(m_flow[i].threadWaitMs + m_flow[i].coreWaitMs - before[i]));
        double rateChange = 0;
        if (!m_closed.empty()) rateChange = closedTopLayer();
        if (change < 1e-9 && rateChange < 1e-9) break;
    }
    m_closedConverged = m_iterations <= kMaxIterations;
    if (stable && !m_closed.empty()) {
        // The rates the last MVA gave, with the unit figures they imply.
        updateRates();
        stable = stationWaits();
        holdingTimes(m_T, m_varT, nullptr);
    }
    return stable;
}

double LayeredSolver::responseMs(int workload) const {
    const CompiledWorkload &cw = m_model.workloads[std::size_t(workload)];
    if (cw.closed) {
        const auto it = std::find(m_closed.begin(), m_closed.end(), workload);
        return it == m_closed.end() ? 0 : m_closedResponse[std::size_t(it - m_closed.begin())];
    }
    const CompiledComponent &entry = m_model.components[std::size_t(cw.entry)];
    const double wait = entry.holdsThread ? m_flow[std::size_t(entry.unit)].threadWaitMs : 0.0;
    return wait + m_T[std::size_t(cw.entry)];
}

double LayeredSolver::responseVariance(int workload) const {
    const CompiledWorkload &cw = m_model.workloads[std::size_t(workload)];
    const CompiledComponent &entry = m_model.components[std::size_t(cw.entry)];
    const UnitFlow &f = m_flow[std::size_t(entry.unit)];
    const double openMean = (entry.holdsThread ? f.threadWaitMs : 0.0) + m_T[std::size_t(cw.entry)];
    const double openVar = (entry.holdsThread ? f.threadWaitVar : 0.0) + m_varT[std::size_t(cw.entry)];
    if (!cw.closed || openMean <= 0) return openVar;
    // Closed: the open-style shape scaled to MVA's mean.
    const double mean = responseMs(workload);
    return openVar / (openMean * openMean) * mean * mean;
}

} // namespace archsim::sim::analytic
