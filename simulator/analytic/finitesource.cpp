#include "simulator/analytic/finitesource.h"

#include "simulator/queueing.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace archsim::sim::analytic {

namespace {

struct BirthDeath {
    double finitePerMs = 0; // throughput of the finite sources
    double totalPerMs = 0;
    double queueLength = 0; // mean number waiting (not in service)
};

// The birth–death chain with n requests present: births lambdaOpen + (N - n)^+ / Z, deaths
// min(n, c) / H. Beyond max(N, c) it is the geometric tail of the open part.
BirthDeath solveChain(const FiniteSourceStation &s, double population, double thinkMs) {
    const int c = s.servers;
    const double h = s.holdingMs;
    const double lo = s.openPerMs;
    const int last = std::max(int(std::ceil(population)), c);
    double p = 1, sum = 0, sumFinite = 0, sumQueue = 0, sumServed = 0;
    for (int n = 0;; ++n) {
        const double finiteRate = thinkMs > 0 ? std::max(0.0, population - n) / thinkMs : 0;
        sum += p;
        sumFinite += p * finiteRate;
        sumQueue += p * std::max(0, n - c);
        sumServed += p * std::min(n, c) / h;
        if (n == last) break;
        const double birth = lo + finiteRate;
        if (birth <= 0) break;
        p *= birth * h / std::min(n + 1, c);
        if (p > 1e200) { // keep the unnormalised weights finite; ratios are unchanged
            p *= 1e-200;
            sum *= 1e-200;
            sumFinite *= 1e-200;
            sumQueue *= 1e-200;
            sumServed *= 1e-200;
        }
    }
    if (lo > 0 && last >= population) {
        // n > last: births lo, deaths c/h, ratio r < 1.
        const double r = lo * h / c;
        const double tail = p * r / (1 - r);
        sum += tail;
        sumServed += tail * c / h;
        sumQueue += p * ((last - c) * r / (1 - r) + r / ((1 - r) * (1 - r)));
    }
    return {sumFinite / sum, sumServed / sum, sumQueue / sum};
}

} // namespace

double FiniteSourceWait::factor() const {
    if (unbounded || !std::isfinite(poissonWaitMs)) return 1;
    return poissonWaitMs > 0 ? waitMs / poissonWaitMs : 0;
}

FiniteSourceWait finiteSourceWait(const FiniteSourceStation &s) {
    FiniteSourceWait out;
    const double total = s.openPerMs + s.finitePerMs;
    const double a = total * s.holdingMs;
    const int c = std::max(1, s.servers);
    if (total <= 0 || s.holdingMs <= 0) return out;
    out.poissonWaitMs = a < c ? queueing::erlangC(c, a) / (c / s.holdingMs - total)
                              : std::numeric_limits<double>::infinity();
    if (s.finitePerMs <= 0 || s.population <= 0) {
        out.unbounded = true;
        out.waitMs = out.poissonWaitMs;
        return out;
    }
    // No more finite requests than servers and nothing else: nobody ever waits.
    if (s.openPerMs <= 0 && s.population <= c) return out;
    // A population so large that the Poisson model never sees it full: P(n >= N) of M/M/c is
    // C(c, a) rho^(N - c).
    if (a < c) {
        const double rho = a / c;
        const double full =
            s.population > c ? queueing::erlangC(c, a) * std::pow(rho, s.population - c) : 1;
        if (full < 1e-9 || s.population > kLargestSolvedPopulation) {
            out.unbounded = true;
            out.waitMs = out.poissonWaitMs;
            return out;
        }
    } else if (s.population > kLargestSolvedPopulation) {
        out.unbounded = true;
        out.waitMs = out.poissonWaitMs;
        return out;
    }
    // The think time that makes the sources send finitePerMs: their throughput falls as the
    // think time grows. Bisection on its logarithm.
    double low = 1e-9 * s.holdingMs, high = 1e12 * s.holdingMs;
    BirthDeath atLow = solveChain(s, s.population, low);
    if (atLow.finitePerMs <= s.finitePerMs) {
        out.reachable = false;
        out.waitMs = atLow.queueLength / std::max(atLow.totalPerMs, 1e-300);
        return out;
    }
    BirthDeath best = atLow;
    for (int i = 0; i < 200; ++i) {
        const double mid = std::sqrt(low * high);
        const BirthDeath bd = solveChain(s, s.population, mid);
        if (bd.finitePerMs > s.finitePerMs)
            low = mid;
        else
            high = mid;
        best = bd;
        if (std::abs(bd.finitePerMs - s.finitePerMs) <= 1e-9 * s.finitePerMs ||
            high / low < 1 + 1e-12)
            break;
    }
    out.waitMs = best.queueLength / best.totalPerMs;
    return out;
}

} // namespace archsim::sim::analytic
