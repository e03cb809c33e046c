// SPDX-License-Identifier: GPL-3.0-or-later
// Written after reading the reference loop (../shared/bench/baseline_des.cpp) and kept as lean:
// a std::priority_queue of small events that carry the customer's arrival time (no customer
// table), a std::deque per station for the waiting line, one distribution object per rate.
#include "minimalloop.h"

#include <chrono>
#include <deque>
#include <queue>
#include <random>
#include <vector>

namespace archsim::bench {

namespace {

struct Event {
    double time;
    int station;      // -1: the next arrival from outside
    double arrivedAt; // when the customer entered the system
};

struct Later {
    bool operator()(const Event &a, const Event &b) const { return a.time > b.time; }
};

} // namespace

MinimalLoopResult runMinimalTandem(int stations, int servers, double rate, double service,
                                   std::uint64_t requests, std::uint64_t seed) {
    const auto start = std::chrono::steady_clock::now();
    std::mt19937_64 rng(seed);
    std::exponential_distribution<double> interarrival(rate), work(1 / service);
    std::priority_queue<Event, std::vector<Event>, Later> events;
    std::vector<std::deque<double>> waiting(static_cast<std::size_t>(stations));
    std::vector<int> busy(static_cast<std::size_t>(stations), 0);
    MinimalLoopResult r;
    double sum = 0;
    std::uint64_t arrivals = 1;

    // The customer who entered at arrivedAt reaches station k at time now.
    auto enter = [&](int k, double arrivedAt, double now) {
        if (busy[std::size_t(k)] < servers) {
            ++busy[std::size_t(k)];
            events.push({now + work(rng), k, arrivedAt});
        } else {
            waiting[std::size_t(k)].push_back(arrivedAt);
        }
    };
    events.push({interarrival(rng), -1, 0});
    while (!events.empty()) {
        const Event e = events.top();
        events.pop();
        ++r.events;
        const double now = e.time;
        if (e.station < 0) {
            enter(0, now, now);
            if (arrivals < requests) {
                events.push({now + interarrival(rng), -1, 0});
                ++arrivals;
            }
            continue;
        }
        std::deque<double> &line = waiting[std::size_t(e.station)];
        if (!line.empty()) { // the freed server takes the next in line
            events.push({now + work(rng), e.station, line.front()});
            line.pop_front();
        } else {
            --busy[std::size_t(e.station)];
        }
        if (e.station + 1 < stations) {
            enter(e.station + 1, e.arrivedAt, now);
        } else {
            sum += now - e.arrivedAt;
            ++r.requests;
        }
    }
    r.meanResponseMs = r.requests ? sum / double(r.requests) : 0;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

} // namespace archsim::bench
