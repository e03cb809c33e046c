// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/des/desrun.h"

#include "simulator/des/desresilience.h"
#include "simulator/des/desstate.h"

#include "model/limits.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace archsim::sim {

namespace des {
RunOutput DesRun::run() {
    const std::size_t nw = m.workloads.size();
    for (std::size_t w = 0; w < nw; ++w) {
        const CompiledWorkload &cw = m.workloads[w];
        if (cw.closed) {
            for (int i = 0; i < cw.users; ++i) {
                userWorkload.push_back(int(w));
                schedule(thinkTime(cw), kThink, int(userWorkload.size() - 1));
            }
        } else {
            scheduleNextArrival(int(w), 0);
        }
    }
    const FaultPlan &plan = o.faults;
    for (std::size_t i = 0; i < plan.outages.size(); ++i) {
        if (plan.outages[i].atMs >= endMs) continue;
        schedule(plan.outages[i].atMs, kOutageStart, int(i));
        if (plan.outages[i].endMs < endMs) schedule(plan.outages[i].endMs, kOutageEnd, int(i));
    }
    if (plan.randomFailures)
        for (std::size_t r = 0; r < replicas.size(); ++r)
            scheduleFailure(int(r));
    // One sample event at a time keeps the heap small.
    schedule(intervalMs, kSample, 0);
    schedule(warmupMs, kWarmupEnd, 0);
    schedule(endMs + 1e-9 * (1 + endMs), kEnd, 0); // after the last sample

    const std::uint64_t maxEvents = o.maxEvents;
    bool running = true;
    while (running) {
        if (topTaken) popTop();
        if (heap.empty()) break;
        // The top stays in place until the handler schedules its first event, which then
        // replaces it with one sift instead of a pop and a push.
        const Event e = heap.front();
        topTaken = true;
        now = e.time;
        ++out.events;
        switch (e.type) {
        case kArrival:
            startRequest(e.id, -1);
            scheduleNextArrival(e.id, now);
            break;
        case kThink:
            startRequest(userWorkload[std::size_t(e.id)], e.id);
            break;
        case kArrive:
            arrive(e.id);
            break;
        case kWorkDone:
            workDone(e.id);
            break;
        case kReturn:
            onReturn(e.id);
            break;
        case kSample:
            sample(e.id);
            if (e.id + 1 < out.intervals) schedule((e.id + 2) * intervalMs, kSample, e.id + 1);
            break;
        case kWarmupEnd:
            touchAll();
            warmThread = areaThread;
            warmCore = areaCore;
            warmQueue = areaQueue;
            break;
        case kEnd:
            running = false;
            break;
        case kSend:
            send(e.id);
            break;
        case kTimeout:
            timeout(e.id);
            break;
        case kOutageStart:
            for (int r : o.faults.outages[std::size_t(e.id)].replicas)
                crash(r);
            break;
        case kOutageEnd:
            for (int r : o.faults.outages[std::size_t(e.id)].replicas)
                repair(r);
            break;
        case kFail: {
            crash(e.id);
            const CompiledUnit &unit = m.units[std::size_t(replicas[std::size_t(e.id)].unit)];
            schedule(now + unit.mttrMinutes * 60000 * expDist(rng), kRepair, e.id);
            break;
        }
        case kRepair:
            repair(e.id);
            scheduleFailure(e.id);
            break;
        }
        if ((out.events & 0xffff) == 0) {
            progress.store(now / endMs, std::memory_order_relaxed);
            if (o.cancel && o.cancel->load(std::memory_order_relaxed)) {
                out.cancelled = true;
                break;
            }
            if (out.events >= maxEvents) {
                out.stoppedAtEventCap = true;
                break;
            }
        }
        if (inFlight > o.maxInFlight) {
            out.saturated = true;
            break;
        }
        // Zero service, latency and think times can keep the clock still forever.
        if (now > lastAdvance) {
            lastAdvance = now;
            eventsAtSameTime = 0;
        } else if (++eventsAtSameTime > kMaxEventsAtSameTime) {
            out.stalled = true;
            break;
        }
    }
    touchAll();
    // A run stopped early measures up to its stop; stopped inside the warm-up, the units'
    // figures cover the whole run so far.
    const double stop = std::min(now, endMs);
    const bool inWarmup = stop < warmupMs;
    out.measuredMs = inWarmup ? stop : stop - warmupMs;
    for (std::size_t u = 0; u < m.units.size(); ++u) {
        if (inWarmup) warmThread[u] = warmCore[u] = warmQueue[u] = 0;
        out.threadArea[u] = areaThread[u] - warmThread[u];
        out.coreArea[u] = areaCore[u] - warmCore[u];
        out.queueArea[u] = areaQueue[u] - warmQueue[u];
    }
    detectGrowth();
    progress.store(1.0, std::memory_order_relaxed);
    return std::move(out);
}

void DesRun::schedule(double time, std::int32_t type, int id) {
    const Event e{time, type, id};
    if (topTaken) {
        topTaken = false;
        siftDown(e);
        return;
    }
    std::size_t i = heap.size();
    heap.push_back(e);
    while (i > 0) {
        const std::size_t parent = (i - 1) / 2;
        if (!(heap[parent].time > e.time)) break;
        heap[i] = heap[parent];
        i = parent;
    }
    heap[i] = e;
}

void DesRun::siftDown(const Event &e) {
    const std::size_t n = heap.size();
    std::size_t i = 0;
    while (true) {
        std::size_t child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && heap[child + 1].time < heap[child].time) ++child;
        if (!(heap[child].time < e.time)) break;
        heap[i] = heap[child];
        i = child;
    }
    heap[i] = e;
}

void DesRun::popTop() {
    topTaken = false;
    const Event last = heap.back();
    heap.pop_back();
    if (!heap.empty()) siftDown(last);
}

double DesRun::serviceTime(int comp) {
    const ServiceSampler &s = samplers[std::size_t(comp)];
    switch (s.distribution) {
    case Distribution::Exponential:
        return s.mean * expDist(rng);
    case Distribution::Constant:
        return s.mean;
    case Distribution::Lognormal:
        return s.mean > 0 ? std::exp(s.mu + s.sigma * normalDist(rng)) : 0.0;
    case Distribution::Uniform:
        return 2 * s.mean * uniform();
    }
    return s.mean;
}

double DesRun::thinkTime(const CompiledWorkload &w) {
    return w.thinkTimeMs > 0 ? now + w.thinkTimeMs * expDist(rng) : now;
}

int DesRun::drawCount(double calls) {
    // The validator bounds calls (kMaxCallsPerVisit); the clamp keeps the conversion defined.
    const double whole = std::floor(std::min(calls, kMaxCallsPerVisit));
    const double frac = calls - whole;
    return int(whole) + (frac > 0 && uniform() < frac ? 1 : 0);
}

double DesRun::rateAt(int w, double ms) const {
    const CompiledWorkload &cw = m.workloads[std::size_t(w)];
    double rate = cw.rateAt(ms / 1000) * o.scale;
    for (const LoadChange &c : o.loadChanges)
        if ((c.workload < 0 || c.workload == w) && ms >= c.atSec * 1000 &&
            (c.forSec <= 0 || ms < (c.atSec + c.forSec) * 1000))
            rate *= c.factor;
    return rate;
}

double DesRun::peakRate(int w) const {
    double rate = m.workloads[std::size_t(w)].peakRate() * o.scale;
    for (const LoadChange &c : o.loadChanges)
        if (c.workload < 0 || c.workload == w) rate *= std::max(1.0, c.factor);
    return rate;
}

void DesRun::scheduleNextArrival(int w, double from) {
    const double peak = peakRate(w) / 1000; // per ms
    if (!(peak > 0)) return;
    const bool constant =
        m.workloads[std::size_t(w)].pattern == LoadPattern::Constant && o.loadChanges.empty();
    double t = from;
    while (t < endMs) {
        t += expDist(rng) / peak;
        if (constant || uniform() * peak < rateAt(w, t) / 1000) {
            if (t < endMs) schedule(t, kArrival, w);
            return;
        }
    }
}

int DesRun::allocFrame() {
    if (!freeFrames.empty()) {
        const int id = freeFrames.back();
        freeFrames.pop_back();
        return id;
    }
    frames.emplace_back();
    return int(frames.size() - 1);
}

void DesRun::freeFrame(int id) {
    ++frames[std::size_t(id)].gen;
    freeFrames.push_back(id);
}

int DesRun::newFrame(int comp, int parent, int call) {
    const int id = allocFrame();
    Frame &f = frames[std::size_t(id)];
    const std::uint32_t gen = f.gen;
    f = Frame{};
    f.gen = gen;
    f.comp = comp;
    f.replica = -1;
    f.parent = parent;
    f.call = call;
    f.workload = -1;
    f.user = -1;
    f.span = -1;
    return id;
}

void DesRun::touch(int u) {
    const double dt = now - lastTouch[std::size_t(u)];
    if (dt > 0) {
        areaThread[std::size_t(u)] += dt * busyThreads[std::size_t(u)];
        areaCore[std::size_t(u)] += dt * busyCores[std::size_t(u)];
        areaQueue[std::size_t(u)] += dt * queued[std::size_t(u)];
        lastTouch[std::size_t(u)] = now;
    }
}

int DesRun::pickReplica(const CompiledUnit &unit, int u) {
    if (unit.replicas == 1) return unit.firstReplica;
    switch (unit.policy) {
    case BalancingPolicy::RoundRobin:
        return unit.firstReplica + int(roundRobin[std::size_t(u)]++ % unsigned(unit.replicas));
    case BalancingPolicy::Random:
        return unit.firstReplica + std::min(unit.replicas - 1, int(uniform() * unit.replicas));
    case BalancingPolicy::LeastOutstanding: {
        // Ties go round the replicas so equal load spreads evenly.
        const int offset = int(roundRobin[std::size_t(u)]++ % unsigned(unit.replicas));
        int best = -1, bestLoad = 0;
        for (int i = 0; i < unit.replicas; ++i) {
            const int r = unit.firstReplica + (offset + i) % unit.replicas;
            const int load = replicas[std::size_t(r)].busyThreads + replicas[std::size_t(r)].queued;
            if (best < 0 || load < bestLoad) {
                best = r;
                bestLoad = load;
            }
        }
        return best;
    }
    }
    return unit.firstReplica;
}

void DesRun::startRequest(int w, int user) {
    const int id = newFrame(m.workloads[std::size_t(w)].entry, -1, -1);
    Frame &f = frames[std::size_t(id)];
    f.workload = w;
    f.root = w;
    f.user = user;
    f.start = now;
    ++inFlight;
    if (tracing && now >= warmupMs && tracedRequests < std::uint32_t(o.traceRequests) &&
        traceCounter++ % std::uint64_t(std::max(1, o.traceEvery)) == 0) {
        SimSpan s;
        s.trace = ++tracedRequests;
        s.comp = f.comp;
        s.startMs = now;
        f.span = addSpan(s);
    }
    arrive(id);
}

void DesRun::arrive(int id) {
    Frame &f = frames[std::size_t(id)];
    const CompiledComponent &c = m.components[std::size_t(f.comp)];
    if (now >= warmupMs) {
        ++out.unitCalls[std::size_t(c.unit)];
        if (f.attempt > 0) ++out.unitRetries[std::size_t(c.unit)];
    }
    if (!c.holdsThread) {
        if (unitDown[std::size_t(c.unit)] > 0) { // an external API down: its calls fail
            const CompiledUnit &unit = m.units[std::size_t(c.unit)];
            const int r = routeAround(unit, pickReplica(unit, c.unit));
            if (r < 0 || replicas[std::size_t(r)].down > 0) {
                f.failed = 1;
                finish(id);
                return;
            }
        }
        beginWork(id);
        return;
    }
    if (f.call >= 0 && m.calls[std::size_t(f.call)].inProcess) {
        if (f.parent < 0) { // a call given up by a timeout, delayed by injected latency
            f.failed = 1;
            finish(id);
            return;
        }
        f.replica = frames[std::size_t(f.parent)].replica;
        f.epoch = frames[std::size_t(f.parent)].epoch;
        beginWork(id);
        return;
    }
    const CompiledUnit &unit = m.units[std::size_t(c.unit)];
    int r = pickReplica(unit, c.unit);
    if (unitDown[std::size_t(c.unit)] > 0) r = routeAround(unit, r);
    if (r < 0 || replicas[std::size_t(r)].down > 0) {
        f.failed = 1; // every replica is down, or the balancer has not noticed yet
        finish(id);
        return;
    }
    Replica &rep = replicas[std::size_t(r)];
    f.replica = r;
    f.epoch = rep.epoch;
    if (f.workload < 0) f.start = now;
    touch(c.unit);
    if (rep.busyThreads < unit.threads) {
        ++rep.busyThreads;
        ++busyThreads[std::size_t(c.unit)];
        f.ownsThread = 1;
        if (now >= warmupMs) ++out.unitAcquired[std::size_t(c.unit)];
        beginWork(id);
    } else if (unit.queueCapacity >= 0 && rep.queued >= unit.queueCapacity) {
        f.failed = 1; // rejected: the replica's queue is full
        if (now >= warmupMs) ++out.unitRejected[std::size_t(c.unit)];
        finish(id);
    } else {
        ++rep.queued;
        ++queued[std::size_t(c.unit)];
        rep.threadQueue.push(id);
    }
}

void DesRun::beginWork(int id) {
    Frame &f = frames[std::size_t(id)];
    const CompiledComponent &c = m.components[std::size_t(f.comp)];
    if (f.span >= 0) {
        if (f.call >= 0) out.spans[std::size_t(f.span)].startMs = now;
        out.spans[std::size_t(f.span)].replica = f.replica;
    }
    f.step = c.stepBegin;
    if (c.kind == ComponentKind::Cache && c.hitRatio > 0 && uniform() < c.hitRatio)
        f.step = c.stepEnd; // a hit answers without the outgoing calls
    double s = serviceTime(f.comp);
    if (!o.faults.slowdowns.empty()) s *= slowdown(c.unit);
    if (!(s > 0)) {
        runSteps(id);
        return;
    }
    if (!c.holdsThread) { // external delay or client: no resources
        schedule(now + s, kWorkDone, id);
        return;
    }
    Replica &rep = replicas[std::size_t(f.replica)];
    const CompiledUnit &unit = m.units[std::size_t(c.unit)];
    if (rep.busyCores < unit.cores) {
        touch(c.unit);
        ++rep.busyCores;
        ++busyCores[std::size_t(c.unit)];
        f.holdsCore = 1;
        schedule(now + s, kWorkDone, id);
    } else {
        f.work = s;
        rep.coreQueue.push(id);
    }
}

void DesRun::workDone(int id) {
    Frame &f = frames[std::size_t(id)];
    if (f.holdsCore) {
        f.holdsCore = 0;
        Replica &rep = replicas[std::size_t(f.replica)];
        touch(rep.unit);
        if (!rep.coreQueue.empty()) {
            const int next = rep.coreQueue.pop();
            frames[std::size_t(next)].holdsCore = 1;
            schedule(now + frames[std::size_t(next)].work, kWorkDone, next);
        } else {
            --rep.busyCores;
            --busyCores[std::size_t(rep.unit)];
        }
    }
    runSteps(id);
}

void DesRun::runSteps(int id) {
    while (true) {
        Frame &f = frames[std::size_t(id)];
        const CompiledComponent &c = m.components[std::size_t(f.comp)];
        if (f.replica >= 0 && replicas[std::size_t(f.replica)].epoch != f.epoch)
            f.failed = 1; // its replica crashed while it was being served
        if (f.failed || f.step >= c.stepEnd) {
            finish(id);
            return;
        }
        const CompiledStep &st = m.steps[std::size_t(f.step)];
        if (st.callEnd - st.callBegin == 1) {
            const CompiledCall &call = m.calls[std::size_t(st.callBegin)];
            const int k = drawCount(call.calls);
            if (!call.sync) {
                ++frames[std::size_t(id)].step;
                for (int i = 0; i < k; ++i)
                    launch(id, st.callBegin, true);
                continue;
            }
            if (k == 0) {
                ++f.step;
                continue;
            }
            f.parallel = 0;
            f.remaining = k;
            launch(id, st.callBegin, false);
            return;
        }
        // A parallel group: every call at once; the +1 keeps replies that come back
        // while still launching from moving the step on.
        f.parallel = 1;
        f.pending = 1;
        for (int k = st.callBegin; k < st.callEnd; ++k) {
            const CompiledCall &call = m.calls[std::size_t(k)];
            const int count = drawCount(call.calls);
            for (int i = 0; i < count; ++i) {
                if (call.sync) ++frames[std::size_t(id)].pending;
                launch(id, k, !call.sync);
            }
        }
        Frame &g = frames[std::size_t(id)];
        if (--g.pending > 0) return;
        ++g.step;
    }
}

void DesRun::launch(int parent, int callIndex, bool detached, int attempt, double delay) {
    const CompiledCall &call = m.calls[std::size_t(callIndex)];
    const int root = frames[std::size_t(parent)].root;
    const int id = newFrame(call.to, detached ? -1 : parent, callIndex);
    Frame &f = frames[std::size_t(id)];
    f.root = root;
    f.attempt = std::uint8_t(std::min(attempt, 255));
    if (const int ps = frames[std::size_t(parent)].span; ps >= 0) {
        // The caller's side of the call, then the callee's visit (its start is set when its
        // work begins, as a real server span starts when the handler runs).
        SimSpan c;
        c.trace = out.spans[std::size_t(ps)].trace;
        c.parent = ps;
        c.comp = frames[std::size_t(parent)].comp;
        c.target = call.to;
        c.replica = frames[std::size_t(parent)].replica;
        c.kind = detached ? SimSpan::Producer : SimSpan::Client;
        c.startMs = now;
        if (detached) c.endMs = now;
        const int cs = addSpan(c);
        SimSpan v;
        v.trace = c.trace;
        v.parent = cs;
        v.comp = call.to;
        v.kind = detached ? SimSpan::Consumer : SimSpan::Server;
        v.startMs = now;
        frames[std::size_t(id)].span = addSpan(v);
    }
    if (detached) {
        f.start = now;
        ++inFlight;
    }
    if (delay > 0)
        schedule(now + delay, kSend, id);
    else
        send(id);
}

void DesRun::send(int id) {
    Frame &f = frames[std::size_t(id)];
    const CompiledCall &call = m.calls[std::size_t(f.call)];
    if (call.breakerThreshold > 0) {
        bool trial = false;
        if (!breakers[std::size_t(f.call)].admit(now, &trial)) {
            const int parent = f.parent, callIndex = f.call, attempt = f.attempt;
            freeFrame(id); // fails fast: the callee never sees it
            callResult(parent, callIndex, true, attempt, false, false, false);
            return;
        }
        f.trial = trial;
    }
    if (call.timeoutMs > 0 && f.parent >= 0)
        schedule(now + call.timeoutMs, kTimeout, timeouts.add(TimeoutSlot{id, f.parent, f.gen}));
    double latency = call.latencyMs;
    if (!o.faults.latencies.empty()) latency += injectedLatency(f.call);
    if (latency > 0)
        schedule(now + latency, kArrive, id);
    else
        arrive(id);
}

void DesRun::finish(int id) {
    Frame &f = frames[std::size_t(id)];
    if (f.ownsThread) {
        f.ownsThread = 0;
        const int r = f.replica;
        Replica &rep = replicas[std::size_t(r)];
        const int u = rep.unit;
        if (now >= warmupMs) {
            ++out.unitDone[std::size_t(u)];
            out.unitResponseSum[std::size_t(u)] += now - f.start;
        }
        touch(u);
        if (!rep.threadQueue.empty()) {
            const int next = rep.threadQueue.pop();
            --rep.queued;
            --queued[std::size_t(u)];
            frames[std::size_t(next)].ownsThread = 1;
            if (now >= warmupMs) ++out.unitAcquired[std::size_t(u)];
            beginWork(next);
        } else {
            --rep.busyThreads;
            --busyThreads[std::size_t(u)];
        }
    }
    Frame &g = frames[std::size_t(id)];
    if (g.span >= 0) out.spans[std::size_t(g.span)].endMs = now;
    if (g.parent >= 0) {
        const double latency = m.calls[std::size_t(g.call)].latencyMs;
        if (latency > 0)
            schedule(now + latency, kReturn, id);
        else
            onReturn(id);
        return;
    }
    if (g.workload >= 0) recordRequest(g);
    --inFlight;
    freeFrame(id);
}

void DesRun::onReturn(int id) {
    const Frame child = frames[std::size_t(id)];
    freeFrame(id);
    if (child.span >= 0) out.spans[std::size_t(child.span) - 1].endMs = now; // its client span
    if (child.parent < 0) { // given up by a timeout: the late reply is ignored
        --inFlight;
        return;
    }
    callResult(child.parent, child.call, child.failed, child.attempt, child.degraded, child.trial,
               true);
}

void DesRun::callResult(int pid, int callIndex, bool failed, int attempt, bool degraded, bool trial,
                        bool reached) {
    const CompiledCall &call = m.calls[std::size_t(callIndex)];
    if (call.breakerThreshold > 0 && reached)
        breakers[std::size_t(callIndex)].result(now, failed, trial, call.breakerThreshold,
                                                call.breakerOpenMs);
    if (failed) {
        const int root = frames[std::size_t(pid)].root;
        const std::size_t unit = std::size_t(m.components[std::size_t(call.to)].unit);
        if (now >= warmupMs) ++out.unitFailedCalls[unit];
        ++out.seriesUnitFailed[seriesIndex()][unit];
        if (attempt < call.retries) {
            if (root >= 0) {
                if (now >= warmupMs) ++out.retries[std::size_t(root)];
                ++out.seriesRetries[seriesIndex()][std::size_t(root)];
            }
            launch(pid, callIndex, false, attempt + 1, backoff(call, attempt));
            return;
        }
    }
    Frame &p = frames[std::size_t(pid)];
    if (failed) {
        if (call.optional)
            p.degraded = 1;
        else
            p.failed = 1;
    }
    if (degraded) p.degraded = 1;
    const int childCall = callIndex;
    if (p.parallel) {
        if (--p.pending == 0) {
            ++p.step;
            runSteps(pid);
        }
        return;
    }
    if (--p.remaining > 0 && !p.failed) {
        launch(pid, childCall, false);
        return;
    }
    ++p.step;
    runSteps(pid);
}

int DesRun::addSpan(const SimSpan &s) {
    out.spans.push_back(s);
    return int(out.spans.size() - 1);
}

void DesRun::recordRequest(const Frame &f) {
    const std::size_t w = std::size_t(f.workload);
    const double response = now - f.start;
    const std::size_t k = seriesIndex();
    if (f.failed) {
        ++out.seriesFailed[k][w];
    } else {
        if (f.degraded) ++out.seriesDegraded[k][w];
        ++out.seriesCompleted[k][w];
        out.seriesResponseSum[k][w] += response;
        if (seriesPercentiles) out.seriesLatency[k][w].add(response);
    }
    if (f.start >= warmupMs) {
        if (f.failed) {
            ++out.failed[w];
        } else {
            ++out.completed[w];
            if (f.degraded) ++out.degraded[w];
            out.responseSum[w] += response;
            if (o.percentiles) out.latency[w].add(response);
            const int b = std::min(kBatches - 1, int((f.start - warmupMs) / batchMs));
            out.batchSum[w][std::size_t(b)] += response;
            ++out.batchCount[w][std::size_t(b)];
        }
    }
    if (f.user >= 0) schedule(thinkTime(m.workloads[w]), kThink, f.user);
}

} // namespace des

RunOutput runReplication(const CompiledModel &model, const DesOptions &options, std::uint64_t seed,
                         std::atomic<double> &progress) {
    des::DesRun run(model, options, seed, progress);
    return run.run();
}

} // namespace archsim::sim
