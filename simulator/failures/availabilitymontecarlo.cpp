#include "simulator/failures/availabilitymontecarlo.h"

#include "simulator/failures/requestsuccess.h"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <random>

namespace archsim::sim {

namespace {

struct Interval {
    double begin;
    double end;
};

// The times one replica is down in [0, horizon): alternating exponential up and down periods,
// starting up (the first few MTBFs are skipped as warm-up by the caller).
std::vector<Interval> replicaDowntime(double mtbf, double mttr, double horizon,
                                      std::mt19937_64 &rng) {
    std::exponential_distribution<double> up(1 / mtbf);
    std::exponential_distribution<double> repair(mttr > 0 ? 1 / mttr : 1e300);
    std::vector<Interval> down;
    double t = up(rng);
    while (t < horizon) {
        const double end = t + (mttr > 0 ? repair(rng) : 0);
        down.push_back({t, end});
        t = end + up(rng);
    }
    return down;
}

// Times when every replica is down: the intersection of the replicas' downtime lists.
std::vector<Interval> intersect(const std::vector<Interval> &a, const std::vector<Interval> &b) {
    std::vector<Interval> out;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const double begin = std::max(a[i].begin, b[j].begin);
        const double end = std::min(a[i].end, b[j].end);
        if (begin < end) out.push_back({begin, end});
        (a[i].end < b[j].end) ? ++i : ++j;
    }
    return out;
}

} // namespace

MonteCarloAvailability estimateAvailability(const Variant &variant, const CompiledModel &model,
                                            const MonteCarloOptions &options) {
    const std::vector<UnitReliability> reliability = unitReliability(variant, model);
    const RequestSuccess success(model);
    const int workloads = int(model.workloads.size());
    const std::size_t unitCount = model.units.size();

    double largestMtbf = 1;
    for (std::size_t u = 0; u < unitCount; ++u)
        if (reliability[u].canFail)
            largestMtbf = std::max(largestMtbf, *variant.findUnit(model.units[u].id)->mtbfHours);
    const double warmup = 5 * largestMtbf;
    const double horizon = warmup + options.horizonMtbfs * largestMtbf;

    std::vector<std::vector<double>> shares(workloads);
    for (int rep = 0; rep < options.replications; ++rep) {
        std::mt19937_64 rng(options.seed * 1000003ULL + std::uint64_t(rep));
        std::vector<std::vector<Interval>> unitDown(unitCount);
        for (std::size_t u = 0; u < unitCount; ++u) {
            if (!reliability[u].canFail) continue;
            const Unit *unit = variant.findUnit(model.units[u].id);
            const double mttr = unit->mttrMinutes / 60.0;
            std::vector<Interval> all = replicaDowntime(*unit->mtbfHours, mttr, horizon, rng);
            for (int r = 1; r < reliability[u].replicas; ++r)
                all = intersect(all, replicaDowntime(*unit->mtbfHours, mttr, horizon, rng));
            unitDown[u] = std::move(all);
        }
        // Requests at uniform random moments after warm-up, taken in time order so each unit's
        // downtime list is walked once.
        std::uniform_real_distribution<double> when(warmup, horizon);
        std::vector<double> times(options.requestsPerReplication);
        for (double &t : times)
            t = when(rng);
        std::sort(times.begin(), times.end());
        std::vector<std::size_t> cursor(unitCount, 0);
        std::vector<char> down(unitCount, 0);
        std::vector<long long> ok(workloads, 0);
        std::uniform_int_distribution<int> pick(0, std::max(0, workloads - 1));
        std::vector<long long> asked(workloads, 0);
        for (double t : times) {
            for (std::size_t u = 0; u < unitCount; ++u) {
                const auto &list = unitDown[u];
                while (cursor[u] < list.size() && list[cursor[u]].end <= t)
                    ++cursor[u];
                down[u] = cursor[u] < list.size() && list[cursor[u]].begin <= t;
            }
            const int w = pick(rng);
            ++asked[w];
            ok[w] += success.sample(w, down, rng) ? 1 : 0;
        }
        for (int w = 0; w < workloads; ++w)
            shares[w].push_back(asked[w] ? double(ok[w]) / double(asked[w]) : 1.0);
    }

    MonteCarloAvailability result;
    const int k = int(options.replications);
    const double t =
        k > 1
            ? boost::math::quantile(boost::math::complement(boost::math::students_t(k - 1), 0.025))
            : 0;
    for (int w = 0; w < workloads; ++w) {
        double mean = 0;
        for (double s : shares[w])
            mean += s;
        mean /= std::max(1, k);
        double var = 0;
        for (double s : shares[w])
            var += (s - mean) * (s - mean);
        var = k > 1 ? var / (k - 1) : 0;
        result.mean.push_back(mean);
        result.ci95.push_back(t * std::sqrt(var / std::max(1, k)));
    }
    return result;
}

} // namespace archsim::sim
