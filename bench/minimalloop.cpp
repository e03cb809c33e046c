// SPDX-License-Identifier: GPL-3.0-or-later
#include "minimalloop.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <vector>

namespace archsim::bench {

namespace {

struct Event {
    double time;
    int station; // -1: an arrival from outside
    int customer;
};

struct Later {
    bool operator()(const Event &a, const Event &b) const { return a.time > b.time; }
};

// FIFO of customer ids on a ring buffer (a power of two long, so wrapping is a mask).
struct Queue {
    std::vector<int> buf = std::vector<int>(1024);
    std::size_t head = 0, size = 0;
    void push(int v) {
        if (size == buf.size()) {
            std::vector<int> next(buf.size() * 2);
            for (std::size_t i = 0; i < size; ++i)
                next[i] = buf[(head + i) & (buf.size() - 1)];
            buf.swap(next);
            head = 0;
        }
        buf[(head + size) & (buf.size() - 1)] = v;
        ++size;
    }
    int pop() {
        const int v = buf[head];
        head = (head + 1) & (buf.size() - 1);
        --size;
        return v;
    }
};

} // namespace

MinimalLoopResult runMinimalTandem(int stations, int servers, double rate, double service,
                                   std::uint64_t requests, std::uint64_t seed) {
    const auto start = std::chrono::steady_clock::now();
    std::mt19937_64 rng(seed);
    std::exponential_distribution<double> exp1(1.0);
    std::vector<Event> heap;
    std::vector<Queue> queues(static_cast<std::size_t>(stations));
    std::vector<int> busy(static_cast<std::size_t>(stations), 0);
    std::vector<double> arrivedAt;
    std::vector<int> freeIds;
    MinimalLoopResult r;
    double sum = 0;
    std::uint64_t arrivals = 0;

    auto push = [&](Event e) {
        heap.push_back(e);
        std::push_heap(heap.begin(), heap.end(), Later());
    };
    auto enter = [&](int station, int customer, double now) {
        if (busy[std::size_t(station)] < servers) {
            ++busy[std::size_t(station)];
            push({now + service * exp1(rng), station, customer});
        } else {
            queues[std::size_t(station)].push(customer);
        }
    };
    push({exp1(rng) / rate, -1, 0});
    while (r.requests < requests && !heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), Later());
        const Event e = heap.back();
        heap.pop_back();
        ++r.events;
        const double now = e.time;
        if (e.station < 0) {
            int id;
            if (!freeIds.empty()) {
                id = freeIds.back();
                freeIds.pop_back();
                arrivedAt[std::size_t(id)] = now;
            } else {
                id = int(arrivedAt.size());
                arrivedAt.push_back(now);
            }
            enter(0, id, now);
            if (++arrivals < requests) push({now + exp1(rng) / rate, -1, 0});
            continue;
        }
        Queue &q = queues[std::size_t(e.station)];
        if (q.size > 0)
            push({now + service * exp1(rng), e.station, q.pop()});
        else
            --busy[std::size_t(e.station)];
        if (e.station + 1 < stations) {
            enter(e.station + 1, e.customer, now);
        } else {
            sum += now - arrivedAt[std::size_t(e.customer)];
            ++r.requests;
            freeIds.push_back(e.customer);
        }
    }
    r.meanResponseMs = r.requests ? sum / double(r.requests) : 0;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

} // namespace archsim::bench
