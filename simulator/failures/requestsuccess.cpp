// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/failures/requestsuccess.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>

#include <cmath>

namespace archsim::sim {

namespace {

// A call the request cannot do without: sync, not optional, and made with positive probability.
bool isRequired(const CompiledCall &call) {
    return call.sync && !call.optional && call.calls > 0;
}

// P(all `calls` calls succeed) when one succeeds with probability s: the fraction of a mean
// call count is the probability of one more call (2.5 = 2 or 3 calls).
double allCallsSucceed(double calls, double s) {
    const double whole = std::floor(calls);
    const double extra = calls - whole;
    const double base = std::pow(s, whole);
    return (1 - extra) * base + extra * base * s;
}

// Calls made more often than this per visit, or paths longer than kVisitBudget, are drawn from
// the callee's exact success probability.
constexpr double kSampledCalls = 4;
constexpr int kVisitBudget = 1000;

} // namespace

RequestSuccess::RequestSuccess(const CompiledModel &model)
    : m_model(model)
    , m_clientOnly(model.units.size(), 1)
    , m_success(model.components.size(), 1.0) {
    for (const CompiledComponent &c : model.components)
        if (c.kind != ComponentKind::Client) m_clientOnly[c.unit] = 0;
}

double RequestSuccess::probability(int workload, const std::vector<char> &down) const {
    m_successValid = false;
    // Callees come before their callers in syncReverseTopo (sync calls form no cycle).
    for (int c : m_model.syncReverseTopo) {
        const CompiledComponent &comp = m_model.components[c];
        if (down[comp.unit]) {
            m_success[c] = 0;
            continue;
        }
        double calls = 1;
        for (int k = comp.callBegin; k < comp.callEnd; ++k) {
            const CompiledCall &call = m_model.calls[k];
            if (isRequired(call)) calls *= allCallsSucceed(call.calls, m_success[call.to]);
        }
        // A cache makes its calls only on a miss, all of them together.
        m_success[c] = comp.hitRatio + (1 - comp.hitRatio) * calls;
    }
    return m_success[m_model.workloads[workload].entry];
}

void RequestSuccess::successFor(const std::vector<char> &down) const {
    if (m_successValid && m_successDown == down) return;
    if (!m_model.workloads.empty()) probability(0, down); // fills m_success for every component
    m_successDown = down;
    m_successValid = true;
}

bool RequestSuccess::sampleVisit(int component, const std::vector<char> &down,
                                 std::mt19937_64 &rng) const {
    const CompiledComponent &comp = m_model.components[component];
    if (down[comp.unit]) return false;
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    if (comp.hitRatio > 0 && uniform(rng) < comp.hitRatio) return true;
    for (int k = comp.callBegin; k < comp.callEnd; ++k) {
        const CompiledCall &call = m_model.calls[k];
        if (!isRequired(call)) continue;
        if (call.calls > kSampledCalls || m_budget <= 0) {
            // Given the down set, the calls succeed independently: one draw for all of them.
            successFor(down);
            if (uniform(rng) >= allCallsSucceed(call.calls, m_success[call.to])) return false;
            continue;
        }
        const double whole = std::floor(call.calls);
        const int count = int(whole) + (uniform(rng) < call.calls - whole ? 1 : 0);
        for (int i = 0; i < count; ++i) {
            --m_budget;
            if (!sampleVisit(call.to, down, rng)) return false;
        }
    }
    return true;
}

bool RequestSuccess::sample(int workload, const std::vector<char> &down,
                            std::mt19937_64 &rng) const {
    m_budget = kVisitBudget;
    return sampleVisit(m_model.workloads[workload].entry, down, rng);
}

std::vector<int> RequestSuccess::dependencies(int workload) const {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Graph graph(m_model.components.size());
    for (const CompiledCall &call : m_model.calls) {
        const double hit = m_model.components[call.from].hitRatio;
        if (isRequired(call) && hit < 1) boost::add_edge(call.from, call.to, graph);
    }
    std::vector<boost::default_color_type> color(m_model.components.size());
    const auto colors =
        boost::make_iterator_property_map(color.begin(), boost::get(boost::vertex_index, graph));
    boost::breadth_first_visit(graph, boost::vertex(m_model.workloads[workload].entry, graph),
                               boost::color_map(colors));
    std::vector<char> needed(m_model.units.size(), 0);
    for (std::size_t c = 0; c < color.size(); ++c)
        if (color[c] != boost::white_color) needed[m_model.components[c].unit] = 1;
    std::vector<int> units;
    for (std::size_t u = 0; u < needed.size(); ++u)
        if (needed[u] && !m_clientOnly[u]) units.push_back(int(u));
    return units;
}

} // namespace archsim::sim
