// SPDX-License-Identifier: GPL-3.0-or-later
// archsim-study-bench: speed of the studies on the bundled example — a comparison, capacity
// plans, break-even curves, and what sharding a DES run costs (raw replication JSON).
// Run: build/bench/archsim-study-bench   (RelWithDebInfo or Release build; about a minute)
#include "model/projectfile.h"
#include "simulator/des/replications.h"
#include "simulator/study/breakeven.h"
#include "simulator/study/compare.h"
#include "simulator/study/plan.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <chrono>
#include <cstdio>

using namespace archsim;
using namespace archsim::sim;

namespace {

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const ReadResult read = loadProject(QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json"));
    if (!read.ok()) return 1;
    const QList<Variant> variants{*read.project.findVariant(QStringLiteral("Monolith")),
                                  *read.project.findVariant(QStringLiteral("Microservices"))};
    std::printf("archsim-study-bench: the bundled example, DES 20 s + 5 s warm-up per run\n\n");

    CompareOptions compare;
    compare.des.durationSec = 20;
    compare.des.warmupSec = 5;
    compare.des.replications = 4;
    compare.slo.p99Ms = 400;
    auto start = std::chrono::steady_clock::now();
    const Comparison c = compareVariants(variants, compare);
    std::printf("compare 2 variants, 4 replications each:          %6.2f s (%zu rows)\n",
                seconds(start), c.rows.size());

    for (double rate : {250.0, 1800.0})
        for (const Variant &v : variants) {
            PlanOptions plan;
            plan.ratePerSec = rate;
            plan.slo.p99Ms = 400;
            plan.des = compare.des;
            plan.des.replications = 3;
            start = std::chrono::steady_clock::now();
            const PlanResult p = planCapacity(v, plan);
            std::printf("plan %-13s at %5.0f/s:                   %6.2f s (%d DES runs, %d "
                        "analytic solves, $%.0f/month)\n",
                        qPrintable(v.name), rate, seconds(start), p.desRuns, p.analyticEvaluations,
                        p.costPerMonth);
        }

    for (bool confirm : {false, true}) {
        PlanOptions plan;
        plan.slo.p99Ms = 400;
        plan.des = compare.des;
        plan.des.replications = 3;
        plan.confirm = confirm;
        start = std::chrono::steady_clock::now();
        QJsonArray points;
        for (int i = 0; i < 20; ++i)
            points.append(breakEvenPoint(variants, stepRate(100, 2000, 20, i), plan));
        const QJsonObject doc = breakEvenDocument({variants[0].name, variants[1].name}, points);
        std::printf("break-even 100..2000/s, 20 steps, %s plans:   %6.2f s (crossing %.0f/s)\n",
                    confirm ? "DES     " : "analytic", seconds(start),
                    doc.value(QStringLiteral("crossingRatePerSec")).toDouble());
    }

    const CompiledModel m = *compileVariant(variants[1]).model;
    DesOptions des = compare.des;
    const auto runs = runReplications(m, des, 0, 4);
    start = std::chrono::steady_clock::now();
    qsizetype bytes = 0;
    for (const RunOutput &r : runs)
        bytes += QJsonDocument(runOutputToJson(r)).toJson(QJsonDocument::Compact).size();
    std::printf("shard part of 4 replications: %.1f MB of JSON, written in %.3f s\n",
                double(bytes) / 1e6, seconds(start));
    return 0;
}
