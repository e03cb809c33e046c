// SPDX-License-Identifier: GPL-3.0-or-later
// What a request does in the discrete-event engine (design.md section 3): arrive at a unit,
// wait for a thread and a core, work, make its calls step by step, answer its caller.
#include "simulator/des/desrun.h"

#include <algorithm>

namespace archsim::sim::des {

void DesRun::startRequest(int w, int user) {
    const int id = newFrame(m_model.workloads[std::size_t(w)].entry, -1, -1);
    Frame &f = frame(id);
    f.workload = w;
    f.root = w;
    f.user = user;
    f.start = m_now;
    ++m_inFlight;
    if (m_tracing && m_now >= m_warmupMs &&
        m_tracedRequests < std::uint32_t(m_options.traceRequests) &&
        m_traceCounter++ % std::uint64_t(std::max(1, m_options.traceEvery)) == 0) {
        SimSpan s;
        s.trace = ++m_tracedRequests;
        s.comp = f.comp;
        s.startMs = m_now;
        f.span = addSpan(s);
    }
    arrive(id);
}

void DesRun::arrive(int id) {
    Frame &f = frame(id);
    const CompiledComponent &c = m_model.components[std::size_t(f.comp)];
    if (f.workload < 0) f.start = m_now; // a call's visit starts here (a request's: at its start)
    if (m_now >= m_warmupMs) {
        ++m_unitCounts[std::size_t(c.unit)].calls;
        if (f.attempt > 0) ++m_out.unitRetries[std::size_t(c.unit)];
    }
    if (!c.holdsThread) {
        if (m_unitDown[std::size_t(c.unit)] > 0) { // an external API down: its calls fail
            const CompiledUnit &unit = m_model.units[std::size_t(c.unit)];
            const int r = routeAround(unit, c.unit, pickReplica(unit, c.unit));
            if (r < 0 || m_replicas[std::size_t(r)].down > 0) {
                f.failed = 1;
                finish(id);
                return;
            }
        }
        beginWork(id);
        return;
    }
    if (f.call >= 0 && m_model.calls[std::size_t(f.call)].inProcess) {
        if (f.parent < 0) { // a call given up by a timeout, delayed by injected latency
            f.failed = 1;
            finish(id);
            return;
        }
        const Frame &caller = frame(f.parent);
        f.replica = caller.replica;
        f.epoch = caller.epoch;
        beginWork(id);
        return;
    }
    const CompiledUnit &unit = m_model.units[std::size_t(c.unit)];
    int r = pickReplica(unit, c.unit);
    if (m_unitDown[std::size_t(c.unit)] > 0) r = routeAround(unit, c.unit, r);
    if (r < 0 || m_replicas[std::size_t(r)].down > 0) {
        f.failed = 1; // every replica is down, or the balancer has not noticed yet
        finish(id);
        return;
    }
    Replica &rep = m_replicas[std::size_t(r)];
    f.replica = r;
    f.epoch = rep.epoch;
    m_meters.touch(c.unit, m_now);
    if (!m_scaled.empty())
        countArrival(c.unit, rep.busyThreads >= unit.threads && unit.queueCapacity >= 0 &&
                                 rep.queued >= unit.queueCapacity);
    if (rep.busyThreads < unit.threads) {
        m_meters.acquireThread(rep, m_now);
        f.ownsThread = 1;
        if (m_now >= m_warmupMs) ++m_unitCounts[std::size_t(c.unit)].acquired;
        beginWork(id);
    } else if (unit.queueCapacity >= 0 && rep.queued >= unit.queueCapacity) {
        f.failed = 1; // rejected: the replica's queue is full
        if (m_now >= m_warmupMs) ++m_out.unitRejected[std::size_t(c.unit)];
        finish(id);
    } else {
        m_meters.enqueue(rep, m_now);
        rep.threadQueue.push(id);
    }
}

void DesRun::beginWork(int id) {
    Frame &f = frame(id);
    const CompiledComponent &c = m_model.components[std::size_t(f.comp)];
    if (f.span >= 0) {
        if (f.call >= 0) m_out.spans[std::size_t(f.span)].startMs = m_now;
        m_out.spans[std::size_t(f.span)].replica = f.replica;
    }
    f.step = c.stepBegin;
    if (c.kind == ComponentKind::Cache && c.hitRatio > 0 && m_random.uniform() < c.hitRatio)
        f.step = c.stepEnd; // a hit answers without the outgoing calls
    double s = c.service.sample(m_random);
    if (!m_options.faults.slowdowns.empty()) s *= slowdown(c.unit);
    if (!m_scaled.empty() && f.replica >= 0) s *= coldStart(c.unit, f.replica);
    if (!(s > 0)) {
        runSteps(id);
        return;
    }
    if (!c.holdsThread) { // external delay or client: no resources
        schedule(m_now + s, kWorkDone, id);
        return;
    }
    Replica &rep = m_replicas[std::size_t(f.replica)];
    const CompiledUnit &unit = m_model.units[std::size_t(c.unit)];
    if (m_now >= m_warmupMs) m_componentSums[std::size_t(f.comp)].work += s;
    if (rep.busyCores < unit.cores) {
        m_meters.acquireCore(rep, m_now);
        f.holdsCore = 1;
        schedule(m_now + s, kWorkDone, id);
    } else {
        f.work = s;
        rep.coreQueue.push(id);
    }
}

void DesRun::workDone(int id) {
    Frame &f = frame(id);
    if (f.holdsCore) {
        f.holdsCore = 0;
        Replica &rep = m_replicas[std::size_t(f.replica)];
        m_meters.touch(rep.unit, m_now);
        if (!rep.coreQueue.empty()) {
            const int next = rep.coreQueue.pop();
            Frame &n = frame(next);
            n.holdsCore = 1;
            schedule(m_now + n.work, kWorkDone, next);
        } else {
            m_meters.releaseCore(rep, m_now);
        }
    }
    runSteps(id);
}

void DesRun::runSteps(int id) {
    while (true) {
        Frame &f = frame(id);
        const CompiledComponent &c = m_model.components[std::size_t(f.comp)];
        if (f.replica >= 0 && m_replicas[std::size_t(f.replica)].epoch != f.epoch)
            f.failed = 1; // its replica crashed while it was being served
        if (f.failed || f.step >= c.stepEnd) {
            finish(id);
            return;
        }
        const CompiledStep &st = m_model.steps[std::size_t(f.step)];
        if (st.callEnd - st.callBegin == 1) {
            const CompiledCall &call = m_model.calls[std::size_t(st.callBegin)];
            const int k = drawCount(call);
            if (!call.sync) {
                ++f.step;
                for (int i = 0; i < k; ++i)
                    launch(id, st.callBegin, true); // f may move: not used below
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
            const CompiledCall &call = m_model.calls[std::size_t(k)];
            const int count = drawCount(call);
            for (int i = 0; i < count; ++i) {
                if (call.sync) ++frame(id).pending; // launch may have moved the frame
                launch(id, k, !call.sync);
            }
        }
        Frame &g = frame(id);
        if (--g.pending > 0) return;
        ++g.step;
    }
}

void DesRun::launch(int parent, int callIndex, bool detached, int attempt, double delay) {
    const CompiledCall &call = m_model.calls[std::size_t(callIndex)];
    const int root = frame(parent).root;
    const int id = newFrame(call.to, detached ? -1 : parent, callIndex);
    Frame &f = frame(id); // after newFrame, which may have moved the parent too
    f.root = root;
    f.attempt = std::uint8_t(std::min(attempt, 255));
    if (const Frame &p = frame(parent); p.span >= 0) {
        // The caller's side of the call, then the callee's visit (its start is set when its
        // work begins, as a real server span starts when the handler runs).
        SimSpan c;
        c.trace = m_out.spans[std::size_t(p.span)].trace;
        c.parent = p.span;
        c.comp = p.comp;
        c.target = call.to;
        c.replica = p.replica;
        c.kind = detached ? SimSpan::Producer : SimSpan::Client;
        c.startMs = m_now;
        if (detached) c.endMs = m_now;
        const int cs = addSpan(c);
        SimSpan v;
        v.trace = c.trace;
        v.parent = cs;
        v.comp = call.to;
        v.kind = detached ? SimSpan::Consumer : SimSpan::Server;
        v.startMs = m_now;
        f.span = addSpan(v);
    }
    if (detached) {
        f.start = m_now;
        ++m_inFlight;
    }
    if (delay > 0)
        schedule(m_now + delay, kSend, id);
    else
        send(id);
}

void DesRun::send(int id) {
    Frame &f = frame(id);
    const CompiledCall &call = m_model.calls[std::size_t(f.call)];
    if (call.breakerThreshold > 0) {
        bool trial = false;
        if (!m_breakers[std::size_t(f.call)].admit(m_now, &trial)) {
            const int parent = f.parent, callIndex = f.call, attempt = f.attempt;
            freeFrame(id); // fails fast: the callee never sees it
            callResult(parent, callIndex, attempt, CallOutcome::failedFast());
            return;
        }
        f.trial = trial;
    }
    if (call.timeoutMs > 0 && f.parent >= 0)
        schedule(m_now + call.timeoutMs, kTimeout,
                 m_timeouts.add(TimeoutSlot{id, f.parent, f.gen}));
    double latency = call.latencyMs;
    if (!m_options.faults.latencies.empty()) latency += injectedLatency(f.call);
    if (latency > 0)
        schedule(m_now + latency, kArrive, id);
    else
        arrive(id);
}

void DesRun::finish(int id) {
    Frame &f = frame(id);
    if (f.ownsThread) {
        f.ownsThread = 0;
        Replica &rep = m_replicas[std::size_t(f.replica)];
        const int u = rep.unit;
        if (m_now >= m_warmupMs) {
            UnitCounts &counts = m_unitCounts[std::size_t(u)];
            ++counts.done;
            counts.responseSum += m_now - f.start;
        }
        m_meters.touch(u, m_now);
        if (!rep.threadQueue.empty()) {
            const int next = rep.threadQueue.pop();
            m_meters.dequeue(rep, m_now);
            frame(next).ownsThread = 1;
            if (m_now >= m_warmupMs) ++m_unitCounts[std::size_t(u)].acquired;
            beginWork(next);
        } else {
            m_meters.releaseThread(rep, m_now);
        }
    }
    const Frame &g = frame(id); // beginWork above may have started calls: fetched again
    if (g.span >= 0) m_out.spans[std::size_t(g.span)].endMs = m_now;
    if (!g.failed && m_now >= m_warmupMs) {
        ComponentCounts &sums = m_componentSums[std::size_t(g.comp)];
        sums.visits += 1;
        sums.response += m_now - g.start;
    }
    if (g.parent >= 0) {
        const double latency = m_model.calls[std::size_t(g.call)].latencyMs;
        if (latency > 0)
            schedule(m_now + latency, kReturn, id);
        else
            onReturn(id);
        return;
    }
    if (g.workload >= 0) recordRequest(g);
    --m_inFlight;
    freeFrame(id);
}

void DesRun::onReturn(int id) {
    const Frame &child = frame(id);
    const int parent = child.parent, call = child.call, attempt = child.attempt, span = child.span;
    const CallOutcome outcome = CallOutcome::reply(child);
    freeFrame(id);
    if (span >= 0) m_out.spans[std::size_t(span) - 1].endMs = m_now; // its client span
    if (parent < 0) { // given up by a timeout: the late reply is ignored
        --m_inFlight;
        return;
    }
    callResult(parent, call, attempt, outcome);
}

void DesRun::callResult(int pid, int callIndex, int attempt, CallOutcome outcome) {
    const CompiledCall &call = m_model.calls[std::size_t(callIndex)];
    if (call.breakerThreshold > 0 && outcome.reached)
        m_breakers[std::size_t(callIndex)].result(m_now, outcome.failed, outcome.trial,
                                                  call.breakerThreshold, call.breakerOpenMs);
    if (outcome.failed) {
        const int root = frame(pid).root;
        const std::size_t unit = std::size_t(m_model.components[std::size_t(call.to)].unit);
        if (m_now >= m_warmupMs) ++m_out.unitFailedCalls[unit];
        ++m_out.seriesUnitFailed[seriesIndex()][unit];
        if (attempt < call.retries) {
            if (root >= 0) {
                if (m_now >= m_warmupMs) ++m_out.retries[std::size_t(root)];
                ++m_out.seriesRetries[seriesIndex()][std::size_t(root)];
            }
            launch(pid, callIndex, false, attempt + 1, backoff(call, attempt));
            return;
        }
    }
    Frame &p = frame(pid);
    if (outcome.failed) {
        if (call.optional)
            p.degraded = 1;
        else
            p.failed = 1;
    }
    if (outcome.degraded) p.degraded = 1;
    if (p.parallel) {
        if (--p.pending == 0) {
            ++p.step;
            runSteps(pid);
        }
        return;
    }
    if (--p.remaining > 0 && !p.failed) {
        launch(pid, callIndex, false);
        return;
    }
    ++p.step;
    runSteps(pid);
}

int DesRun::addSpan(const SimSpan &s) {
    m_out.spans.push_back(s);
    return int(m_out.spans.size() - 1);
}

void DesRun::recordRequest(const Frame &f) {
    const std::size_t w = std::size_t(f.workload);
    const double response = m_now - f.start;
    const std::size_t k = seriesIndex();
    RunOutput &out = m_out;
    if (f.failed) {
        ++out.seriesFailed[k][w];
    } else {
        if (f.degraded) ++out.seriesDegraded[k][w];
        ++out.seriesCompleted[k][w];
        out.seriesResponseSum[k][w] += response;
        if (m_seriesPercentiles) out.seriesLatency[k][w].add(response);
    }
    if (f.start >= m_warmupMs) {
        if (f.failed) {
            ++out.failed[w];
        } else {
            ++out.completed[w];
            if (f.degraded) ++out.degraded[w];
            out.responseSum[w] += response;
            if (m_options.percentiles) out.latency[w].add(response);
            const int b = std::min(kBatches - 1, int((f.start - m_warmupMs) / m_batchMs));
            out.batchSum[w][std::size_t(b)] += response;
            ++out.batchCount[w][std::size_t(b)];
        }
    }
    if (f.user >= 0) schedule(thinkTime(m_model.workloads[w]), kThink, f.user);
}

} // namespace archsim::sim::des
