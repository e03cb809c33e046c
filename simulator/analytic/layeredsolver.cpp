// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/analytic/layeredsolver.h"
#include "simulator/timeunit.h"

#include "simulator/queueing.h"

#include <boost/math/distributions/gamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace archsim::sim::analytic {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kMaxIterations = 2000;
constexpr double kClosedDamping = 0.5;
// Pools with more threads than this are never the limit in practice; they keep the plain
// M/G/c formula (and the flow-equivalent MVA would cost tokens x callees' threads).
constexpr int kMaxFlowEquivalentTokens = 512;
// A callee with more replicas than this is one pooled station in the flow-equivalent MVA.
constexpr int kMaxSeparatePools = 8;
// Probability that an unlimited pool would need all its threads, above which the limit counts.
constexpr double kPoolCanFill = 1e-3;
// Boost.Math in double precision (its default promotes to long double, several times slower).
const auto kDoublePolicy =
    boost::math::policies::make_policy(boost::math::policies::promote_double<false>());

// Wait variance as for M/M/c: zero with probability 1 - C, else exponential.
double waitVariance(double wait, double probabilityOfWaiting) {
    if (!std::isfinite(wait)) return kInf;
    if (wait <= 0 || probabilityOfWaiting <= 0) return 0;
    return wait * wait * (2 / probabilityOfWaiting - 1);
}

// E[max] of a parallel group's calls, each a constant part (its latencies) plus a gamma
// distribution fitted to the rest's mean and variance (exact for an exponential response),
// taken as independent: the integral of 1 - prod F_i(t).
double expectedMaximum(const std::vector<double> &means, const std::vector<double> &variances,
                       const std::vector<double> &shifts) {
    const std::size_t n = means.size();
    double top = 0, largest = 0;
    std::vector<boost::math::gamma_distribution<double>> fitted;
    std::vector<bool> constant(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        const double m = std::max(0.0, means[i] - shifts[i]);
        largest = std::max(largest, means[i]);
        const double scv = m > 0 ? variances[i] / (m * m) : 0;
        constant[i] = m <= 0 || scv < 1e-6;
        fitted.emplace_back(constant[i] ? 1.0 : 1 / scv, constant[i] ? 1.0 : m * scv);
        top = std::max(top, shifts[i] + (constant[i] ? m : m + 12 * std::sqrt(variances[i])));
    }
    if (top <= 0) return 0;
    auto cdf = [&](double t) {
        double all = 1;
        for (std::size_t i = 0; i < n; ++i) {
            const double x = t - shifts[i];
            const double m = means[i] - shifts[i];
            if (x <= 0) return 0.0;
            all *= constant[i] ? (x >= m ? 1.0 : 0.0) : boost::math::cdf(fitted[i], x);
        }
        return all;
    };
    constexpr int kSteps = 400; // Simpson's rule on [0, top]
    const double h = top / kSteps;
    double integral = 0;
    for (int k = 0; k <= kSteps; ++k) {
        const double weight = k == 0 || k == kSteps ? 1 : (k % 2 ? 4 : 2);
        integral += weight * (1 - cdf(k * h));
    }
    return std::max(largest, integral * h / 3);
}

void addCallee(std::vector<CalleeDemand> &to, int unit, double visits, double holdMs) {
    for (CalleeDemand &d : to)
        if (d.unit == unit) {
            d.visits += visits;
            d.holdMs += holdMs;
            return;
        }
    to.push_back({unit, visits, holdMs});
}

void addScaled(ComponentDemand &to, const ComponentDemand &from, double weight) {
    to.ownMs += weight * from.ownMs;
    to.ownVisits += weight * from.ownVisits;
    to.delayMs += weight * from.delayMs;
    for (const CalleeDemand &d : from.callees)
        addCallee(to.callees, d.unit, weight * d.visits, weight * d.holdMs);
}

// Birth–death chain of a pool fed by Poisson arrivals, completing rates[min(n, tokens)] per ms
// with n requests present (the flow-equivalent server).
struct PoolChain {
    double busyTokens = 0; // mean threads held
    double queueLength = 0;
};
PoolChain solvePoolChain(const std::vector<double> &rates, double lambda) {
    const std::size_t tokens = rates.size() - 1;
    double p = 1, sum = 1, busy = 0;
    for (std::size_t n = 1; n <= tokens; ++n) {
        p *= lambda / rates[n];
        sum += p;
        busy += double(n) * p;
    }
    // n > tokens: the geometric tail with ratio r = lambda / rates[tokens] < 1.
    const double r = lambda / rates[tokens];
    const double tail = p * r / (1 - r);
    sum += tail;
    busy += double(tokens) * tail;
    const double queue = p * r / ((1 - r) * (1 - r));
    return {busy / sum, queue / sum};
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
        a.poisson = !model.workloads[w].closed;
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
    m_unitComponents.assign(m_u, {});
    for (std::size_t c = 0; c < m_n; ++c)
        if (comps[c].holdsThread) m_unitComponents[std::size_t(comps[c].unit)].push_back(int(c));
}

// How a unit's replicas queue: random balancing splits Poisson arrivals into r independent
// Poisson streams; round-robin hands each replica every r-th arrival (Erlang-r gaps, squared
// coefficient of variation 1/r); least-outstanding (join the shortest queue) behaves close to
// one pooled queue in front of all r x c servers.
LayeredSolver::Pool LayeredSolver::poolOf(const CompiledUnit &unit) const {
    const int r = unit.replicas;
    switch (unit.policy) {
    case BalancingPolicy::LeastOutstanding:
        return {unit.threads * r, unit.cores * r, 1.0, 1.0, 1};
    case BalancingPolicy::RoundRobin:
        return {unit.threads, unit.cores, 1.0 / r, 1.0 / r, r};
    case BalancingPolicy::Random:
        break;
    }
    return {unit.threads, unit.cores, 1.0 / r, 1.0, r};
}

void LayeredSolver::updateRates() {
    m_visitRate.assign(m_n, 0);
    std::vector<double> openVisitRate(m_n, 0);
    for (std::size_t w = 0; w < m_w; ++w) {
        const double r = m_rate[w];
        if (r <= 0) continue;
        const bool open = !m_model.workloads[w].closed;
        for (std::size_t c = 0; c < m_n; ++c) {
            m_visitRate[c] += r * m_model.visits[w][c];
            if (open) openVisitRate[c] += r * m_model.visits[w][c];
        }
    }
    for (Acquisition &a : m_acquisitions) {
        if (a.call < 0) {
            a.ratePerMs = m_rate[std::size_t(a.workload)];
            continue;
        }
        const CompiledCall &call = m_model.calls[std::size_t(a.call)];
        a.ratePerMs = m_visitRate[std::size_t(call.from)] * call.multiplier;
    }
    for (std::size_t i = 0; i < m_u; ++i) {
        UnitFlow &f = m_flow[i];
        f.acquisitionsPerMs = f.openPerMs = f.busyCores = f.coreBusyOpen = 0;
        for (int ai : m_unitAcquisitions[i]) {
            const Acquisition &a = m_acquisitions[std::size_t(ai)];
            f.acquisitionsPerMs += a.ratePerMs;
            if (a.call < 0 ? a.poisson : true) f.openPerMs += a.ratePerMs;
        }
    }
    // A closed workload's calls are not Poisson: take them out of the open part.
    for (std::size_t w = 0; w < m_w; ++w) {
        if (!m_model.workloads[w].closed || m_rate[w] <= 0) continue;
        for (const Acquisition &a : m_acquisitions) {
            if (a.call < 0) continue;
            const CompiledCall &call = m_model.calls[std::size_t(a.call)];
            const double closedPart =
                m_rate[w] * m_model.visits[w][std::size_t(call.from)] * call.multiplier;
            m_flow[std::size_t(m_model.components[std::size_t(a.component)].unit)].openPerMs -=
                closedPart;
        }
    }
    for (std::size_t c = 0; c < m_n; ++c) {
        const CompiledComponent &cc = m_model.components[c];
        if (!cc.holdsThread) continue;
        m_flow[std::size_t(cc.unit)].busyCores += m_visitRate[c] * cc.service.meanMs();
        m_flow[std::size_t(cc.unit)].coreBusyOpen += openVisitRate[c] * cc.service.meanMs();
    }
    for (UnitFlow &f : m_flow)
        f.openPerMs = std::max(0.0, f.openPerMs);
}

double LayeredSolver::heldAt(int component) const {
    const CompiledComponent &c = m_model.components[std::size_t(component)];
    return m_T[std::size_t(component)] * m_scale[std::size_t(c.unit)];
}

double LayeredSolver::seenResponse(int callee) const {
    const CompiledComponent &c = m_model.components[std::size_t(callee)];
    if (!c.holdsThread) return m_T[std::size_t(callee)];
    return m_flow[std::size_t(c.unit)].threadWaitMs + heldAt(callee);
}

// Per component, callees first: what one visit asks below its thread, its unthrottled holding
// time (callees' waits and throttled holding times of the last round) and its variance.
void LayeredSolver::componentDemands() {
    std::vector<double> means, variances, shifts;
    for (int c : m_model.syncReverseTopo) {
        const CompiledComponent &cc = m_model.components[std::size_t(c)];
        ComponentDemand &d = m_demand[std::size_t(c)]; // reused: no allocation per round
        d.ownMs = d.ownVisits = d.delayMs = 0;
        d.callees.clear();
        double var = cc.service.meanMs() * cc.service.meanMs() * cc.service.scv();
        double var0 = var; // the same without any queue wait: the work's own variability
        if (cc.holdsThread) {
            d.ownMs = cc.service.meanMs();
            d.ownVisits = 1;
        } else {
            d.delayMs = cc.service.meanMs();
        }
        for (int st = cc.stepBegin; st < cc.stepEnd; ++st) {
            const CompiledStep &step = m_model.steps[std::size_t(st)];
            means.clear();
            variances.clear();
            shifts.clear();
            double stepVar = 0, stepVar0 = 0, largest = 0, sum = 0;
            for (int k = step.callBegin; k < step.callEnd; ++k) {
                const CompiledCall &call = m_model.calls[std::size_t(k)];
                if (!call.sync) continue;
                double r, rv = m_varT[std::size_t(call.to)];
                double r0, rv0 = rv;
                if (call.inProcess) {
                    r = m_T[std::size_t(call.to)];
                    r0 = m_T0[std::size_t(call.to)];
                    rv0 = m_varT0[std::size_t(call.to)];
                } else {
                    r0 = 2 * call.latencyMs + (m_model.components[std::size_t(call.to)].holdsThread
                                                   ? heldAt(call.to)
                                                   : m_T[std::size_t(call.to)]);
                    r = 2 * call.latencyMs + seenResponse(call.to);
                    if (m_model.components[std::size_t(call.to)].holdsThread)
                        rv += m_flow[std::size_t(m_model.components[std::size_t(call.to)].unit)]
                                  .threadWaitVar;
                }
                // N calls with mean k and the variance of "floor or floor + 1".
                const double kMean = call.multiplier;
                const double frac = kMean - std::floor(kMean);
                const double callMean = kMean * r;
                const double callVar = kMean * rv + frac * (1 - frac) * r * r;
                if (callMean > largest) {
                    largest = callMean;
                    stepVar = callVar;
                    stepVar0 = kMean * rv0 + frac * (1 - frac) * r0 * r0;
                }
                sum += callMean;
                if (callMean > 0) {
                    means.push_back(callMean);
                    variances.push_back(callVar);
                    shifts.push_back(call.inProcess ? 0 : std::floor(kMean) * 2 * call.latencyMs);
                }
            }
            // A parallel group takes E[max] of its calls; its members' demands are scaled to
            // that total.
            const double stepMean =
                means.size() > 1 ? expectedMaximum(means, variances, shifts) : sum;
            const double groupScale = sum > 0 ? stepMean / sum : 1;
            var += stepVar;
            var0 += stepVar0;
            for (int k = step.callBegin; k < step.callEnd; ++k) {
                const CompiledCall &call = m_model.calls[std::size_t(k)];
                if (!call.sync) continue;
                const CompiledComponent &callee = m_model.components[std::size_t(call.to)];
                const double weight = call.multiplier * groupScale;
                if (call.inProcess) {
                    addScaled(d, m_demand[std::size_t(call.to)], weight);
                } else if (callee.holdsThread) {
                    d.delayMs += weight * 2 * call.latencyMs;
                    addCallee(d.callees, callee.unit, weight, weight * heldAt(call.to));
                } else {
                    d.delayMs += weight * (2 * call.latencyMs + m_T[std::size_t(call.to)]);
                }
            }
        }
        double T = d.delayMs + d.ownMs;
        if (cc.holdsThread) {
            const UnitFlow &f = m_flow[std::size_t(cc.unit)];
            T += d.ownVisits * f.coreWaitMs;
            var += d.ownVisits * f.coreWaitVar;
        }
        for (const CalleeDemand &cd : d.callees)
            T += cd.holdMs + cd.visits * m_flow[std::size_t(cd.unit)].threadWaitMs;
        m_T[std::size_t(c)] = T;
        m_varT[std::size_t(c)] = var;
        double T0 = d.delayMs + d.ownMs;
        for (const CalleeDemand &cd : d.callees)
            T0 += cd.holdMs;
        m_T0[std::size_t(c)] = T0;
        m_varT0[std::size_t(c)] = var0;
    }
}

// Throughput of one pool's threads with k = 0..tokens of them busy: exact MVA over what a
// thread does (own work on the pool's cores, or as a delay when every thread has a core;
// latencies and externals as delays; each callee pool as a multi-server station). The callees'
// other traffic is not in that closed model: its queueing is added as a delay (an M/M/c wait of
// the other traffic alone).
std::vector<double> LayeredSolver::flowEquivalentRates(const ComponentDemand &mix, int tokens,
                                                       int cores, double ourRate) const {
    std::vector<queueing::MvaStation> stations;
    double delay = mix.delayMs;
    if (cores < tokens)
        stations.push_back({mix.ownMs, cores});
    else
        delay += mix.ownMs;
    for (const CalleeDemand &cd : mix.callees) {
        const CompiledUnit &callee = m_model.units[std::size_t(cd.unit)];
        const UnitFlow &cf = m_flow[std::size_t(cd.unit)];
        if (!callee.hasResources || cd.visits <= 0) {
            delay += cd.holdMs;
            continue;
        }
        const Pool pool = poolOf(callee);
        const int separate = pool.pools <= kMaxSeparatePools ? pool.pools : 1;
        const int servers = separate == pool.pools ? pool.tokens : pool.tokens * pool.pools;
        for (int k = 0; k < separate; ++k)
            stations.push_back({cd.holdMs / separate, servers});
        // What the callee's other traffic adds to our calls' wait (our tokens' contention
        // among themselves is the MVA's). An arriving call of ours sees the others and, by the
        // arrival theorem, the rest of our tokens: the Allen–Cunneen wait at that load less
        // the wait our other tokens alone would cause, in proportion to the callee's own wait.
        const double ours = std::min(cf.acquisitionsPerMs, ourRate * cd.visits);
        const double others = cf.acquisitionsPerMs - ours;
        const double hold = cf.holdingMs > 0 ? cf.holdingMs : cd.holdMs / cd.visits;
        auto ac = [&](double lambda) {
            const double perPool = lambda * pool.share;
            return perPool * hold < pool.tokens
                       ? queueing::waitAllenCunneen(pool.tokens, perPool, hold, cf.holdingScv,
                                                    pool.ca2)
                       : kInf;
        };
        double wait = 0;
        if (others > 0 && cf.threadWaitMs > 0) {
            const double seen = others + ours * (tokens - 1) / tokens;
            const double full = ac(cf.acquisitionsPerMs);
            const double added = ac(seen) - ac(ours * (tokens - 1) / tokens);
            wait = std::isfinite(full) ? cf.threadWaitMs * std::max(0.0, added) / full
                                       : std::max(0.0, added);
        }
        delay += cd.visits * wait;
    }
    if (!std::isfinite(delay)) return std::vector<double>(std::size_t(tokens) + 1, 0.0);
    return queueing::exactMva(stations, tokens, delay).throughputByUsers;
}

// Each unit's thread queue from the demands: the plain M/G/c formula for a pool that only works
// (or is too large to matter), the flow-equivalent server for one whose threads wait for other
// units or share fewer cores. False when the open load alone saturates a unit.
bool LayeredSolver::unitQueues() {
    const auto &comps = m_model.components;
    bool stable = true;
    double closedUsers = 0;
    for (int w : m_closed)
        closedUsers += m_model.workloads[std::size_t(w)].users;
    for (std::size_t i = 0; i < m_u; ++i) {
        const CompiledUnit &unit = m_model.units[i];
        UnitFlow &f = m_flow[i];
        const double lambda = f.acquisitionsPerMs;
        f.threadWaitMs = f.threadWaitVar = f.coreWaitMs = f.coreWaitVar = 0;
        f.busyThreads = 0;
        f.holdingMs = 0;
        f.callerLimited = false;
        f.flowEquivalent = false;
        f.openLoad = unit.hasResources ? f.coreBusyOpen / (double(unit.cores) * unit.replicas) : 0;
        m_scale[i] = 1;
        if (!unit.hasResources || lambda <= 0) continue;
        // The mix of what its acquisitions do, weighted by their rates.
        ComponentDemand mix;
        double meanT = 0, secondT = 0, coreVisits = 0, coreSecond = 0, meanT0 = 0, secondT0 = 0;
        for (int ai : m_unitAcquisitions[i]) {
            const Acquisition &a = m_acquisitions[std::size_t(ai)];
            if (a.ratePerMs <= 0) continue;
            const double weight = a.ratePerMs / lambda;
            const std::size_t c = std::size_t(a.component);
            addScaled(mix, m_demand[c], weight);
            meanT += weight * m_T[c];
            secondT += weight * (m_varT[c] + m_T[c] * m_T[c]);
            meanT0 += weight * m_T0[c];
            secondT0 += weight * (m_varT0[c] + m_T0[c] * m_T0[c]);
        }
        for (int c : m_unitComponents[i]) {
            const CompiledComponent &cc = comps[std::size_t(c)];
            coreVisits += m_visitRate[std::size_t(c)];
            coreSecond += m_visitRate[std::size_t(c)] * cc.service.meanMs() * cc.service.meanMs() *
                          (1 + cc.service.scv());
        }
        m_mix[i] = mix;
        const Pool pool = poolOf(unit);
        f.poolTokens = pool.tokens;
        const double poolLambda = lambda * pool.share;
        const double poolOpen = f.openPerMs * pool.share;
        const double cs2 = meanT > 0 ? std::max(0.0, secondT / (meanT * meanT) - 1) : 1;
        bool callsOut = false;
        for (const CalleeDemand &cd : mix.callees)
            callsOut = callsOut || m_model.units[std::size_t(cd.unit)].hasResources;
        const bool fewerCores = unit.cores < unit.threads;
        // Only a pool its load can fill is worth the flow-equivalent server: with Poisson
        // arrivals and no limit, busy threads would be Poisson(offered).
        const double offered = poolLambda * meanT;
        const bool canFill = offered > 0 && boost::math::gamma_p(double(pool.tokens), offered,
                                                                 kDoublePolicy) > kPoolCanFill;
        f.holdingScv = cs2;
        // The flow-equivalent server models the callees' queues itself: only the work's own
        // variability (no waits) is left for its correction.
        const double work2 = meanT0 > 0 ? std::max(0.0, secondT0 / (meanT0 * meanT0) - 1) : 1;
        // Once chosen within a solve, the flow-equivalent server stays (no flip-flopping
        // between the two models while the iteration settles).
        if ((callsOut || fewerCores) && canFill && pool.tokens <= kMaxFlowEquivalentTokens)
            m_useFlowEquivalent[i] = 1;
        if (m_useFlowEquivalent[i]) {
            f.flowEquivalent = true;
            f.holdingScv = work2;
            const std::vector<double> rates =
                flowEquivalentRates(mix, pool.tokens, pool.cores, poolLambda);
            const double capacity = rates[std::size_t(pool.tokens)];
            f.openLoad = capacity > 0 ? poolOpen / capacity : kInf;
            if (poolOpen >= capacity) {
                stable = false;
                f.threadWaitMs = f.threadWaitVar = kInf;
                f.busyThreads = double(unit.threads) * unit.replicas;
                f.holdingMs = meanT;
                continue;
            }
            if (poolLambda >= capacity) { // a closed load asks too much: every user waits
                f.callerLimited = true;
                f.busyThreads = double(unit.threads) * unit.replicas;
                f.holdingMs = pool.tokens / capacity;
                f.threadWaitMs = std::max(0.0, closedUsers - pool.tokens) / capacity;
            } else {
                const PoolChain chain = solvePoolChain(rates, poolLambda);
                f.busyThreads = chain.busyTokens * pool.pools;
                f.holdingMs = chain.busyTokens / poolLambda;
                f.threadWaitMs = chain.queueLength / poolLambda * (pool.ca2 + work2) / 2;
            }
            const double a = poolLambda * f.holdingMs;
            f.threadWaitVar = waitVariance(f.threadWaitMs,
                                           a < pool.tokens ? queueing::erlangC(pool.tokens, a) : 1);
            m_scale[i] = meanT > 0 ? f.holdingMs / meanT : 1;
            continue;
        }
        // Cores shared by more threads, in a pool too large for the flow-equivalent server:
        // the core queue as a Poisson-fed station of its own (added to the holding time).
        if (fewerCores && coreVisits > 0) {
            const double s = f.busyCores / coreVisits;
            const double scv = s > 0 ? coreSecond / coreVisits / (s * s) - 1 : 1;
            const double coreLambda = coreVisits * pool.share;
            if (s > 0 && coreLambda * s < pool.cores) {
                const queueing::QueueWait q =
                    queueing::allenCunneen(pool.cores, coreLambda, s, scv, pool.ca2);
                f.coreWaitMs = q.waitMs;
                f.coreWaitVar = waitVariance(q.waitMs, q.probabilityOfWaiting);
            } else if (s > 0) {
                stable = false;
                f.coreWaitMs = kInf;
            }
        }
        f.holdingMs = meanT;
        f.busyThreads = lambda * meanT;
        f.openLoad = std::max(f.openLoad, poolOpen * meanT / pool.tokens);
        if (poolOpen * meanT >= pool.tokens) {
            stable = false;
            f.threadWaitMs = f.threadWaitVar = kInf;
            continue;
        }
        if (poolLambda * meanT >= pool.tokens) {
            f.callerLimited = true;
            f.busyThreads = double(unit.threads) * unit.replicas;
            f.threadWaitMs = std::max(0.0, closedUsers - pool.tokens) * meanT / pool.tokens;
            f.threadWaitVar = f.threadWaitMs * f.threadWaitMs;
        } else {
            const queueing::QueueWait q =
                queueing::allenCunneen(pool.tokens, poolLambda, meanT, cs2, pool.ca2);
            f.threadWaitMs = q.waitMs;
            f.threadWaitVar = waitVariance(q.waitMs, q.probabilityOfWaiting);
        }
    }
    return stable;
}

// The top layer of the closed workloads: MVA with the users as customers and the units their
// clients call as load-dependent stations (a flow-equivalent pool's rates, or c servers of
// the throttled holding time), the rest of each unit's load taking its share of capacity.
// Returns the largest relative change of a closed workload's rate.
double LayeredSolver::closedTopLayer() {
    const auto &comps = m_model.components;
    const std::size_t nc = m_closed.size();
    struct Visit {
        int unit;
        double visits, holdMs;
    };
    std::vector<std::vector<Visit>> top(nc);
    std::vector<double> delay(nc, 0);
    for (std::size_t j = 0; j < nc; ++j) {
        const int entry = m_model.workloads[std::size_t(m_closed[j])].entry;
        const CompiledComponent &e = comps[std::size_t(entry)];
        if (e.holdsThread) {
            top[j].push_back({e.unit, 1.0, heldAt(entry)});
            continue;
        }
        const ComponentDemand &d = m_demand[std::size_t(entry)];
        delay[j] = d.delayMs + d.ownMs;
        for (const CalleeDemand &cd : d.callees) {
            if (m_model.units[std::size_t(cd.unit)].hasResources)
                top[j].push_back({cd.unit, cd.visits, cd.holdMs});
            else
                delay[j] += cd.holdMs;
        }
    }
    std::vector<double> next(nc, 0), response(nc, 0);
    const bool exact =
        nc == 1 && m_model.workloads[std::size_t(m_closed[0])].users <= m_options.exactMvaMaxUsers;
    if (exact) {
        const int w = m_closed[0];
        const int users = m_model.workloads[std::size_t(w)].users;
        std::vector<queueing::LoadDependentStation> stations;
        for (const Visit &v : top[0]) {
            const CompiledUnit &unit = m_model.units[std::size_t(v.unit)];
            const UnitFlow &f = m_flow[std::size_t(v.unit)];
            const int tokens = unit.threads * unit.replicas;
            // Threads the rest of its load keeps busy are not there for the users: the
            // station's rates at the tokens left (interpolated between whole numbers).
            const double others =
                std::clamp(f.busyThreads - m_rate[std::size_t(w)] * v.holdMs, 0.0, 0.99 * tokens);
            const double available = tokens - others;
            queueing::LoadDependentStation st;
            st.visits = v.visits;
            st.waitScale = (1 + f.holdingScv) / 2;
            st.rate.assign(std::size_t(users) + 1, 0);
            std::vector<double> fes;
            if (f.flowEquivalent && tokens <= kMaxFlowEquivalentTokens)
                fes = flowEquivalentRates(m_mix[std::size_t(v.unit)], tokens,
                                          unit.cores * unit.replicas,
                                          m_rate[std::size_t(w)] * v.visits);
            const double hold = v.holdMs / v.visits;
            auto rateAt = [&](int k) { return fes.empty() ? k / hold : fes[std::size_t(k)]; };
            for (int k = 1; k <= users; ++k) {
                const double x = std::min(double(k), available);
                const int whole = int(std::floor(x));
                const double low = whole > 0 ? rateAt(whole) : 0;
                const double high = rateAt(std::min(whole + 1, tokens));
                st.rate[std::size_t(k)] = std::max(1e-12, low + (x - whole) * (high - low));
            }
            stations.push_back(std::move(st));
        }
        const auto r = queueing::loadDependentMva(
            stations, users, m_model.workloads[std::size_t(w)].thinkTimeMs + delay[0]);
        next[0] = r.throughputPerMs;
        for (double res : r.residenceMs)
            response[0] += res;
        // Threads the users hold at each station: E[min(j, tokens)] of MVA's marginals (a
        // closed population is less bursty than the Poisson chain of unitQueues).
        m_topBusy.assign(m_u, -1);
        m_topRate.assign(m_u, 0);
        for (std::size_t k = 0; k < top[0].size(); ++k) {
            const CompiledUnit &unit = m_model.units[std::size_t(top[0][k].unit)];
            const int tokens = unit.threads * unit.replicas;
            double busy = 0;
            for (int j = 1; j <= users; ++j)
                busy += std::min(j, tokens) * r.marginal[k][std::size_t(j)];
            m_topBusy[std::size_t(top[0][k].unit)] = busy;
            m_topRate[std::size_t(top[0][k].unit)] = r.throughputPerMs * top[0][k].visits;
        }
    } else {
        m_schweitzer = true;
        std::vector<int> unitOf;
        for (const auto &t : top)
            for (const Visit &v : t)
                if (std::find(unitOf.begin(), unitOf.end(), v.unit) == unitOf.end())
                    unitOf.push_back(v.unit);
        std::vector<std::vector<double>> demand(unitOf.size(), std::vector<double>(nc, 0));
        std::vector<int> servers(unitOf.size(), 1), users(nc, 0);
        std::vector<double> think(nc, 0);
        for (std::size_t s = 0; s < unitOf.size(); ++s) {
            const CompiledUnit &unit = m_model.units[std::size_t(unitOf[s])];
            servers[s] = unit.threads * unit.replicas;
        }
        std::vector<double> topBusy(unitOf.size(), 0);
        for (std::size_t j = 0; j < nc; ++j)
            for (const Visit &v : top[j]) {
                const std::size_t s =
                    std::size_t(std::find(unitOf.begin(), unitOf.end(), v.unit) - unitOf.begin());
                demand[s][j] += v.holdMs;
                topBusy[s] += m_rate[std::size_t(m_closed[j])] * v.holdMs;
            }
        for (std::size_t s = 0; s < unitOf.size(); ++s) {
            const double other = std::clamp(
                (m_flow[std::size_t(unitOf[s])].busyThreads - topBusy[s]) / servers[s], 0.0, 0.99);
            for (std::size_t j = 0; j < nc; ++j)
                demand[s][j] /= 1 - other;
        }
        for (std::size_t j = 0; j < nc; ++j) {
            const CompiledWorkload &cw = m_model.workloads[std::size_t(m_closed[j])];
            users[j] = cw.users;
            think[j] = cw.thinkTimeMs + delay[j];
        }
        const auto r = queueing::schweitzerMva(demand, servers, users, think);
        next = r.throughputPerMs;
        response = r.responseMs;
    }
    double change = 0;
    for (std::size_t j = 0; j < nc; ++j) {
        const std::size_t w = std::size_t(m_closed[j]);
        m_closedResponse[j] = response[j] + delay[j];
        const double old = m_rate[w];
        m_rate[w] = old + kClosedDamping * (next[j] - old);
        change = std::max(change, std::abs(next[j] - old) / std::max(next[j], 1e-300));
    }
    return change;
}

bool LayeredSolver::solve(const std::vector<double> &ratesPerSec, bool warmStart) {
    if (warmStart && m_stable.valid) {
        // Start from the last stable solution (at a lower load its waits are lower bounds).
        m_rate = m_stable.rate;
        m_flow = m_stable.flow;
        m_T = m_stable.T;
        m_varT = m_stable.varT;
        m_T0 = m_stable.T0;
        m_varT0 = m_stable.varT0;
        m_demand = m_stable.demand;
        m_mix = m_stable.mix;
        m_scale = m_stable.scale;
        m_useFlowEquivalent = m_stable.useFlowEquivalent;
        m_closedResponse = m_stable.closedResponse;
        for (std::size_t w = 0; w < m_w; ++w)
            if (!m_model.workloads[w].closed)
                m_rate[w] = perMsFromPerSecond(std::max(0.0, ratesPerSec[w]));
        return iterate();
    }
    m_rate.assign(m_w, 0);
    for (std::size_t w = 0; w < m_w; ++w)
        if (!m_model.workloads[w].closed)
            m_rate[w] = perMsFromPerSecond(std::max(0.0, ratesPerSec[w]));
    m_flow.assign(m_u, {});
    m_scale.assign(m_u, 1);
    m_T.assign(m_n, 0);
    m_varT.assign(m_n, 0);
    m_T0.assign(m_n, 0);
    m_varT0.assign(m_n, 0);
    m_demand.assign(m_n, {});
    m_mix.assign(m_u, {});
    m_useFlowEquivalent.assign(m_u, 0);
    m_topBusy.clear();
    m_topRate.clear();
    m_closedResponse.assign(m_closed.size(), 0);
    m_schweitzer = false;
    // Start the closed workloads at half what their users would send with no queueing.
    componentDemands();
    for (int w : m_closed) {
        const CompiledWorkload &cw = m_model.workloads[std::size_t(w)];
        m_rate[std::size_t(w)] = 0.5 * cw.users / (cw.thinkTimeMs + m_T[std::size_t(cw.entry)]);
    }
    return iterate();
}

bool LayeredSolver::iterate() {
    bool stable = true;
    m_converged = false;
    std::vector<double> before(m_u * 2, 0);
    for (m_iterations = 1; m_iterations <= kMaxIterations; ++m_iterations) {
        updateRates();
        componentDemands();
        stable = unitQueues();
        if (!stable) break;
        double change = 0;
        for (std::size_t i = 0; i < m_u; ++i) {
            const double wait = m_flow[i].threadWaitMs + m_flow[i].coreWaitMs;
            const double hold = m_flow[i].holdingMs;
            change = std::max({change, std::abs(wait - before[2 * i]) / (1 + wait),
                               std::abs(hold - before[2 * i + 1]) / (1 + hold)});
            before[2 * i] = wait;
            before[2 * i + 1] = hold;
        }
        const double rateChange = m_closed.empty() ? 0 : closedTopLayer();
        if (change < m_options.tolerance && rateChange < 1e-9 && m_iterations > 1) {
            m_converged = true;
            break;
        }
    }
    if (stable && !m_closed.empty()) {
        // The unit figures at the rates the last MVA gave; at the top layer's stations the
        // users' share of the busy threads is MVA's.
        updateRates();
        componentDemands();
        stable = unitQueues();
        for (std::size_t i = 0; i < m_topBusy.size(); ++i) {
            UnitFlow &f = m_flow[i];
            if (m_topBusy[i] < 0 || f.acquisitionsPerMs <= 0 || f.callerLimited) continue;
            const double closedShare = std::min(1.0, m_topRate[i] / f.acquisitionsPerMs);
            f.busyThreads = f.busyThreads * (1 - closedShare) + m_topBusy[i];
        }
    }
    // Holding and response times from the final waits and pool scales (the units' figures
    // settle one round before the times built on them).
    if (stable) componentDemands();
    if (stable)
        m_stable = {true,
                    m_rate,
                    m_flow,
                    m_T,
                    m_varT,
                    m_T0,
                    m_varT0,
                    m_demand,
                    m_mix,
                    m_scale,
                    m_useFlowEquivalent,
                    m_closedResponse};
    return stable;
}

double LayeredSolver::responseMs(int workload) const {
    const CompiledWorkload &cw = m_model.workloads[std::size_t(workload)];
    if (cw.closed) {
        const auto it = std::find(m_closed.begin(), m_closed.end(), workload);
        return it == m_closed.end() ? 0 : m_closedResponse[std::size_t(it - m_closed.begin())];
    }
    return seenResponse(cw.entry);
}

double LayeredSolver::responseVariance(int workload) const {
    const CompiledWorkload &cw = m_model.workloads[std::size_t(workload)];
    const CompiledComponent &entry = m_model.components[std::size_t(cw.entry)];
    const double openMean = seenResponse(cw.entry);
    const double openVar =
        (entry.holdsThread ? m_flow[std::size_t(entry.unit)].threadWaitVar : 0.0) +
        m_varT[std::size_t(cw.entry)];
    if (!cw.closed || openMean <= 0) return openVar;
    // Closed: the open-style shape scaled to MVA's mean.
    const double mean = responseMs(workload);
    return openVar / (openMean * openMean) * mean * mean;
}

} // namespace archsim::sim::analytic
