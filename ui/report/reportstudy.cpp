// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportstudy.h"

#include "simulator/des/faultplan.h"
#include "simulator/study/breakeven.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <cmath>
#include <map>

namespace archsim::report {

namespace {

// Maps a stage's own 0..1 onto its share of the whole report.
struct Stages {
    const Progress &progress;
    double begin = 0, end = 0;
    QString name;
    void enter(double b, double e, const QString &n) {
        begin = b;
        end = e;
        name = n;
        report(0);
    }
    void report(double f) const {
        if (progress) progress(begin + (end - begin) * std::clamp(f, 0.0, 1.0), name);
    }
    std::function<void(double)> callback() const {
        return [this](double f) { report(f); };
    }
};

} // namespace

ReportData runReportStudy(const Project &project, const ReportOptions &options,
                          const Progress &progress, const std::atomic<bool> *cancel) {
    ReportData data;
    data.options = options;
    data.created = QDateTime::currentDateTimeUtc();
    data.programVersion = QCoreApplication::applicationVersion();
    data.contentHash = QString::fromLatin1(
        QCryptographicHash::hash(options.modelContent, QCryptographicHash::Sha256).toHex());
    auto stopped = [&] { return cancel && cancel->load(); };
    if (options.variants.size() < 2) {
        data.error = QStringLiteral("--variants: a report compares two or more variants");
        return data;
    }
    for (const QString &name : options.variants) {
        const Variant *v = project.findVariant(name.trimmed());
        if (!v) {
            data.error = QStringLiteral("--variants: no variant \"%1\" (the project has: %2)")
                             .arg(name, project.variantNames().join(QStringLiteral(", ")));
            return data;
        }
        data.variants << *v;
    }
    Stages stage{progress, 0, 0, {}};

    // 1. The comparison, exactly as compare runs it.
    stage.enter(0, 0.3, QStringLiteral("comparing"));
    sim::CompareOptions compare = options.compare;
    compare.des.progress = stage.callback();
    compare.des.cancel = cancel;
    data.comparison = sim::compareVariants(data.variants, compare);
    if (!data.comparison.error.isEmpty()) {
        data.error = data.comparison.error;
        return data;
    }
    if (data.comparison.cancelled || stopped()) {
        data.cancelled = true;
        return data;
    }
    data.compareJson = sim::toJson(data.comparison);
    data.targetRate = data.comparison.variants.front().ratePerSec;
    if (!(data.targetRate > 0)) {
        data.error = QStringLiteral("the variants have no open workload with a rate: a report "
                                    "needs a load to plan for");
        return data;
    }

    // 2. The capacity plan of each variant at the target load (DES-confirmed).
    stage.enter(0.3, 0.45, QStringLiteral("planning capacity"));
    sim::PlanOptions plan;
    plan.slo = options.compare.slo;
    plan.des = options.compare.des;
    plan.des.progress = nullptr;
    plan.des.cancel = cancel;
    plan.ratePerSec = data.targetRate;
    std::vector<double> planCosts;
    for (int i = 0; i < data.variants.size(); ++i) {
        data.plans.push_back(sim::planCapacity(data.variants[i], plan));
        planCosts.push_back(data.plans.back().feasible ? data.plans.back().costPerMonth
                                                       : std::nan(""));
        stage.report(double(i + 1) / data.variants.size());
        if (stopped()) {
            data.cancelled = true;
            return data;
        }
    }
    data.recommended = sim::cheapestVariant(planCosts);

    // 3. Break-even: the same points and document as compare --break-even.
    stage.enter(0.45, 0.6, QStringLiteral("break-even"));
    const double from = options.from.value_or(data.targetRate * 0.4);
    const double to = options.to.value_or(data.targetRate * 8);
    sim::PlanOptions bePlan = plan;
    bePlan.confirm = options.desPlans;
    QJsonArray points;
    const int steps = std::max(2, options.steps);
    for (int i = 0; i < steps; ++i) {
        points.append(
            sim::breakEvenPoint(data.variants, sim::stepRate(from, to, steps, i), bePlan));
        stage.report(double(i + 1) / steps);
        if (stopped()) {
            data.cancelled = true;
            return data;
        }
    }
    data.compareJson.insert(QStringLiteral("breakEven"),
                            sim::breakEvenDocument(options.variants, points));

    // 4. DES sweeps for the percentile chart: from a tenth of the first saturation to just past
    // the last one, so each variant's knee is in the picture.
    stage.enter(0.6, 0.8, QStringLiteral("load sweeps"));
    double top = 0;
    for (const sim::VariantComparison &v : data.comparison.variants)
        top = std::max(top, v.analytic.saturationRatePerSec.value_or(0.0));
    if (!(top > 0)) top = data.targetRate * 2;
    for (int i = 0; options.sweepSteps > 0 && i < data.variants.size(); ++i) {
        const auto compiled = sim::compileVariant(data.variants[i]);
        sim::DesOptions des = options.compare.des;
        des.replications = 1;
        des.cancel = cancel;
        const int n = data.variants.size();
        des.progress = [&stage, i, n](double f) { stage.report((i + f) / n); };
        data.sweeps.push_back(sim::sweep(*compiled.model, top * 0.1, top * 1.05,
                                         std::max(3, options.sweepSteps), sim::Engine::Des, des));
        if (stopped()) {
            data.cancelled = true;
            return data;
        }
    }

    // 5. What would flip the verdict.
    stage.enter(0.8, 0.95, QStringLiteral("sensitivity"));
    sim::SensitivityOptions sensitivity;
    sensitivity.plan = plan;
    sensitivity.range = options.sensitivityRange;
    sensitivity.progress = stage.callback();
    sensitivity.cancel = cancel;
    data.sensitivity = sim::verdictSensitivity(data.variants, data.targetRate, sensitivity);
    if (data.sensitivity.cancelled || stopped()) {
        data.cancelled = true;
        return data;
    }

    // 6. Every scenario of every variant, at the target load with the comparison's settings.
    stage.enter(0.95, 1, QStringLiteral("scenarios"));
    for (int i = 0; i < data.variants.size(); ++i) {
        const Variant &v = data.variants[i];
        const auto compiled = sim::compileVariant(v);
        for (const Scenario &s : v.scenarios) {
            ScenarioRun run{v.name, s.name, {}, {}};
            sim::DesOptions des = options.compare.des;
            des.scale = data.comparison.variants[std::size_t(i)].scale;
            des.cancel = cancel;
            // Long enough to see every event and 30 s after the last one ends (a fault "until
            // the end" gets 30 s too); times count from the start of the warm-up.
            double last = 0;
            for (const ScenarioEvent &e : s.events)
                last = std::max(last, e.atSec + (e.forSec > 0 ? e.forSec : 0) + 30);
            des.durationSec = std::max(des.durationSec, last - des.warmupSec);
            run.error = sim::applyScenario(v, *compiled.model, s.name, des);
            if (run.error.isEmpty()) run.result = sim::simulate(*compiled.model, des);
            data.scenarios.push_back(run);
            if (stopped()) {
                data.cancelled = true;
                return data;
            }
        }
    }
    stage.report(1);
    return data;
}

QStringList approximationNotes(const ReportData &data) {
    std::map<QString, QStringList> byNote; // sorted, so the list is the same every time
    auto add = [&](const QStringList &notes, const QString &where) {
        for (const QString &n : notes)
            if (!byNote[n].contains(where)) byNote[n] << where;
    };
    for (const sim::VariantComparison &v : data.comparison.variants) {
        add(v.analytic.notes, v.name + QStringLiteral(" (analytic)"));
        add(v.des.notes, v.name + QStringLiteral(" (DES)"));
        // Where the analytical figures are known to be approximate for this model, per workload.
        for (const sim::WorkloadResult &w : v.analytic.workloads) {
            QStringList notes;
            for (const QString &a : w.approximations)
                notes << QStringLiteral("workload %1: %2").arg(w.name, a);
            if (w.percentilesEstimated)
                notes << QStringLiteral("workload %1: analytical percentiles are estimates from "
                                        "a fitted distribution (the report's percentiles are "
                                        "the DES's)")
                             .arg(w.name);
            add(notes, v.name + QStringLiteral(" (analytic)"));
        }
    }
    for (const sim::PlanResult &p : data.plans)
        add(p.notes, p.variant + QStringLiteral(" (plan)"));
    for (const ScenarioRun &s : data.scenarios)
        add(s.result.notes, s.variant + QStringLiteral(" (scenario ") + s.scenario + ')');
    QStringList out;
    for (const auto &[note, where] : byNote)
        out << QStringLiteral("%1 — %2").arg(note, where.join(QStringLiteral(", ")));
    return out;
}

} // namespace archsim::report
