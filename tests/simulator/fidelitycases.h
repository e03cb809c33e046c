// SPDX-License-Identifier: GPL-3.0-or-later
// The analytical engine's fidelity suite: layered cases (caller pools from plentiful to scarce,
// open and closed, mixed, caches with misses, parallel groups, replicated callees, the bundled
// example), each solved by both engines and compared. Used by tst_fidelity (pass/fail) and by
// archsim-fidelity (bench/, the whole table).
#pragma once

#include "modelbuilder.h"

#include "model/projectfile.h"
#include "simulator/analytic/analyticengine.h"
#include "simulator/compiledmodel.h"
#include "simulator/des/desengine.h"

#include <QString>

#include <cmath>
#include <vector>

namespace archsim::test {

struct FidelityCase {
    QString name;
    QString what;
    Variant variant;
};

// Service A (threads) calling service B (2 threads) synchronously, 45 users thinking 300 ms.
inline ModelBuilder closedCallerPool(int aThreads) {
    ModelBuilder b;
    b.client("users")
        .unit("a-u", aThreads)
        .component("a", "a-u", 4)
        .unit("b-u", 2)
        .component("b", "b-u", 6)
        .call("users", "a")
        .call("a", "b", 1, 0.5)
        .closed("desk", "users", 45, 300);
    return b;
}

// Front (threads) calling a back end (2 threads, 5 ms) synchronously at 300/s.
inline ModelBuilder openCallerPool(int frontThreads) {
    ModelBuilder b;
    b.client("web")
        .unit("front-u", frontThreads)
        .component("front", "front-u", 2)
        .unit("back-u", 2)
        .component("back", "back-u", 5)
        .call("web", "front")
        .call("front", "back")
        .open("load", "web", 300);
    return b;
}

inline std::vector<FidelityCase> fidelityCases(const QString &examplesDir) {
    std::vector<FidelityCase> cases;
    auto add = [&](const char *name, const char *what, const ModelBuilder &b) {
        cases.push_back({QString::fromLatin1(name), QString::fromUtf8(what), b.variant()});
    };
    add("closed-pool-2", "45 users -> A (2 threads) -> B (2 threads)", closedCallerPool(2));
    add("closed-pool-4", "45 users -> A (4 threads) -> B (2 threads)", closedCallerPool(4));
    add("closed-pool-64", "45 users -> A (64 threads) -> B (2 threads)", closedCallerPool(64));
    add("open-pool-5", "300/s -> front (5 threads) -> back (2 threads)", openCallerPool(5));
    add("open-pool-6", "300/s -> front (6 threads) -> back (2 threads)", openCallerPool(6));
    add("open-pool-8", "300/s -> front (8 threads) -> back (2 threads)", openCallerPool(8));
    add("open-pool-32", "300/s -> front (32 threads) -> back (2 threads)", openCallerPool(32));
    {
        ModelBuilder b;
        b.client("web")
            .unit("cache-u", 1)
            .cache("cache", "cache-u", 1, 0.8)
            .unit("db-u", 4)
            .component("db", "db-u", 10)
            .client("batch")
            .call("web", "cache")
            .call("cache", "db", 1, 0.5)
            .call("batch", "db")
            .open("reads", "web", 200)
            .open("batch", "batch", 150);
        add("cache-miss", "single-threaded cache calling the db on a miss, db shared with a batch",
            b);
    }
    {
        ModelBuilder b;
        b.client("web")
            .unit("gw-u", 16)
            .component("gw", "gw-u", 1)
            .unit("s1-u", 2)
            .component("s1", "s1-u", 6)
            .unit("s2-u", 2)
            .component("s2", "s2-u", 8)
            .unit("s3-u", 1)
            .component("s3", "s3-u", 3)
            .call("web", "gw")
            .call("gw", "s1", 1, 0.5, CallMode::Sync, "fan")
            .call("gw", "s2", 1, 0.5, CallMode::Sync, "fan")
            .call("gw", "s3", 1, 0.5, CallMode::Sync, "fan")
            .open("load", "web", 150);
        add("parallel-fan", "gateway calling three services in one parallel group", b);
    }
    {
        ModelBuilder b;
        b.client("web")
            .unit("api-u", 6, 2)
            .component("api", "api-u", 3)
            .unit("svc-u", 2, 3)
            .component("svc", "svc-u", 12, Distribution::Lognormal, 0.8)
            .call("web", "api")
            .call("api", "svc", 1, 1)
            .open("load", "web", 350);
        add("replicated-callee", "API (2 x 6 threads) -> service (3 replicas x 2, round robin)", b);
    }
    {
        ModelBuilder b;
        b.client("web")
            .client("staff")
            .unit("app-u", 6)
            .component("app", "app-u", 3)
            .unit("db-u", 3)
            .component("db", "db-u", 4)
            .call("web", "app")
            .call("staff", "app")
            .call("app", "db", 2, 0.3)
            .open("shop", "web", 150)
            .closed("office", "staff", 30, 500);
        add("mixed-open-closed", "open shop load and 30 office users on the same units", b);
    }
    {
        ModelBuilder b;
        b.client("web")
            .unit("gw-u", 4)
            .component("gw", "gw-u", 1)
            .unit("svc-u", 4)
            .component("svc", "svc-u", 3)
            .unit("db-u", 2)
            .component("db", "db-u", 4)
            .call("web", "gw")
            .call("gw", "svc", 1, 0.5)
            .call("svc", "db", 1, 0.5)
            .open("load", "web", 280);
        add("three-tier-tight", "gateway (4) -> service (4) -> db (2), every pool busy", b);
    }
    {
        ModelBuilder b;
        b.client("users")
            .unit("app-u", 8, 1, 2)
            .component("app", "app-u", 5)
            .unit("db-u", 2)
            .component("db", "db-u", 3)
            .call("users", "app")
            .call("app", "db")
            .closed("desk", "users", 20, 200);
        add("closed-cores", "20 users -> app (8 threads, 2 cores) -> db", b);
    }
    {
        ModelBuilder b;
        b.client("web")
            .unit("api-u", 3, 1, {}, {}, BalancingPolicy::RoundRobin)
            .component("api", "api-u", 2)
            .unit("w-u", 4, 2, {}, {}, BalancingPolicy::LeastOutstanding)
            .component("w", "w-u", 9)
            .call("web", "api")
            .call("api", "w")
            .open("load", "web", 250);
        add("least-outstanding", "API (3 threads) -> workers (2 x 4, least outstanding)", b);
    }
    for (const char *variant : {"Monolith", "Microservices"}) {
        const ReadResult r = loadProject(examplesDir + QStringLiteral("/shop.json"));
        if (!r.ok()) continue;
        const int index = r.project.variantIndex(QString::fromLatin1(variant));
        if (index < 0) continue;
        cases.push_back({QStringLiteral("example-%1").arg(QString::fromLatin1(variant).toLower()),
                         QStringLiteral("the bundled example, %1").arg(variant),
                         r.project.variants[index]});
    }
    return cases;
}

// One compared figure.
struct FidelityRow {
    QString caseName;
    QString metric; // "<workload> mean ms", "<workload> throughput/s", "<unit> utilisation"
    double analytic = 0;
    double des = 0;
    double desCi95 = 0;
    bool utilisation = false;
    bool flagged = false; // the analytic result carries an approximation note there
    // Within 5% of the DES mean (allowing its 95% interval) or, for utilisation, within 2
    // percentage points (plus the interval).
    bool within() const {
        if (utilisation) return std::abs(analytic - des) <= 0.02 + desCi95;
        return std::abs(analytic - des) <= 0.05 * std::abs(des) + desCi95;
    }
    double errorPercent() const { return des != 0 ? 100 * (analytic - des) / des : 0; }
};

inline std::vector<FidelityRow> compareEngines(const FidelityCase &c, const sim::DesOptions &o) {
    std::vector<FidelityRow> rows;
    const sim::CompileResult compiled = sim::compileVariant(c.variant);
    if (!compiled.model) return rows;
    const sim::LoadResult a = sim::analyze(*compiled.model);
    const sim::LoadResult d = sim::simulate(*compiled.model, o);
    for (std::size_t w = 0; w < a.workloads.size() && w < d.workloads.size(); ++w) {
        const sim::WorkloadResult &aw = a.workloads[w], &dw = d.workloads[w];
        const bool flagged = !aw.approximations.isEmpty();
        rows.push_back({c.name, aw.name + QStringLiteral(" mean ms"), aw.meanResponseMs,
                        dw.meanResponseMs, dw.meanResponseMsCi95.value_or(0), false, flagged});
        rows.push_back({c.name, aw.name + QStringLiteral(" throughput/s"), aw.throughputPerSec,
                        dw.throughputPerSec, dw.throughputPerSecCi95.value_or(0), false, flagged});
        if (aw.p99Ms && dw.p99Ms)
            rows.push_back({c.name, aw.name + QStringLiteral(" p99 ms (estimate)"), *aw.p99Ms,
                            *dw.p99Ms, 0, false, true});
    }
    for (std::size_t u = 0; u < a.units.size() && u < d.units.size(); ++u) {
        bool flagged = false;
        for (const sim::WorkloadResult &aw : a.workloads)
            for (const QString &note : aw.approximations)
                flagged = flagged || note.startsWith(a.units[u].id + QLatin1Char(':'));
        rows.push_back({c.name, a.units[u].id + QStringLiteral(" utilisation"),
                        a.units[u].utilization, d.units[u].utilization,
                        d.units[u].utilizationCi95.value_or(0), true, flagged});
    }
    return rows;
}

} // namespace archsim::test
