// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/failures/availabilitymontecarlo.h"

#include "simulator/confidence.h"
#include "simulator/failures/requestsuccess.h"

#include "model/variantindex.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace archsim::sim {

namespace {

// One unit's replicas as independent two-state Markov chains (exponential up times with mean
// MTBF, exponential repairs with mean MTTR): only the number down is kept, and it is advanced
// from one request's moment to the next with the exact transition probabilities, so the cost
// is one draw per unit and request whatever the MTBFs (no list of every failure).
class UnitState {
public:
    UnitState(int replicas, double mtbf, double mttr)
        : m_replicas(replicas)
        , m_rate(1 / mtbf + (mttr > 0 ? 1 / mttr : 0))
        , m_downShare(mttr > 0 ? mttr / (mtbf + mttr) : 0) {}

    // Starts in the stationary distribution: each replica down with probability MTTR/(MTBF+MTTR).
    void start(std::mt19937_64 &rng) { m_down = draw(m_replicas, m_downShare, rng); }
    void advance(double dt, std::mt19937_64 &rng) {
        if (m_downShare <= 0) return;
        const double keep = std::exp(-m_rate * dt); // memory of the state dt ago
        const double upToDown = m_downShare * (1 - keep);
        const double stayDown = m_downShare + (1 - m_downShare) * keep;
        m_down = draw(m_down, stayDown, rng) + draw(m_replicas - m_down, upToDown, rng);
    }
    bool allDown() const { return m_down == m_replicas; }

private:
    static int draw(int n, double p, std::mt19937_64 &rng) {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        return std::binomial_distribution<int>(n, p)(rng);
    }
    int m_replicas;
    double m_rate;
    double m_downShare;
    int m_down = 0;
};

} // namespace

MonteCarloAvailability estimateAvailability(const Variant &variant, const CompiledModel &model,
                                            const MonteCarloOptions &options) {
    const std::vector<UnitReliability> reliability = unitReliability(variant, model);
    const RequestSuccess success(model);
    const int workloads = int(model.workloads.size());
    const std::size_t unitCount = model.units.size();
    const VariantIndex index(variant);

    double largestMtbf = 1;
    for (std::size_t u = 0; u < unitCount; ++u)
        if (reliability[u].canFail)
            largestMtbf = std::max(largestMtbf, *index.findUnit(model.units[u].id)->mtbfHours);
    // Requests spread over this span, so the replications' spread reflects the slowest unit.
    const double horizon = options.horizonMtbfs * largestMtbf;

    std::vector<std::vector<double>> shares(workloads);
    for (int rep = 0; rep < options.replications; ++rep) {
        std::mt19937_64 rng(options.seed * 1000003ULL + std::uint64_t(rep));
        std::vector<std::size_t> failing; // units that can fail, their states in `states`
        std::vector<UnitState> states;
        for (std::size_t u = 0; u < unitCount; ++u) {
            if (!reliability[u].canFail) continue;
            const Unit *unit = index.findUnit(model.units[u].id);
            failing.push_back(u);
            states.emplace_back(reliability[u].replicas, *unit->mtbfHours,
                                unit->mttrMinutes / 60.0);
            states.back().start(rng);
        }
        // Requests at uniform random moments, drawn in increasing order one at a time (the
        // order statistics of uniform draws), so memory does not grow with the sample count.
        std::vector<char> down(unitCount, 0);
        std::vector<long long> ok(workloads, 0);
        std::uniform_int_distribution<int> pick(0, std::max(0, workloads - 1));
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        std::vector<long long> asked(workloads, 0);
        double t = 0;
        const int n = options.requestsPerReplication;
        for (int i = 0; i < n; ++i) {
            const double next = t + (horizon - t) * (1 - std::pow(uniform(rng), 1.0 / (n - i)));
            for (std::size_t f = 0; f < failing.size(); ++f) {
                states[f].advance(next - t, rng);
                down[failing[f]] = states[f].allDown();
            }
            t = next;
            const int w = pick(rng);
            ++asked[w];
            ok[w] += success.sample(w, down, rng) ? 1 : 0;
        }
        for (int w = 0; w < workloads; ++w)
            shares[w].push_back(asked[w] ? double(ok[w]) / double(asked[w]) : 1.0);
    }

    MonteCarloAvailability result;
    const int k = int(options.replications);
    const double t = studentT95(k - 1);
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
