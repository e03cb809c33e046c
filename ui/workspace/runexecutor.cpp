// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/workspace/runexecutor.h"

#include "simulator/analytic/analyticengine.h"
#include "simulator/failures/failureanalysis.h"
#include "simulator/loadresultjson.h"
#include "simulator/modelchecks.h"
#include "simulator/study/sweep.h"

#include <QJsonArray>

#include <cmath>

#ifndef ARCHSIM_VERSION
#define ARCHSIM_VERSION "dev"
#endif

namespace archsim::ui {

namespace {

QString ms(double v) {
    return std::isfinite(v) ? QString::number(v, 'f', 1) + QStringLiteral(" ms")
                            : QStringLiteral("∞ (saturated)");
}

QString summaryOf(const sim::LoadResult &r) {
    QStringList parts;
    for (const sim::WorkloadResult &w : r.workloads) {
        QString s = QStringLiteral("%1 %2/s, mean %3")
                        .arg(w.name)
                        .arg(w.throughputPerSec, 0, 'f', 1)
                        .arg(ms(w.meanResponseMs));
        if (w.p99Ms) s += QStringLiteral(", p99 %1").arg(ms(*w.p99Ms));
        if (w.errorRate && *w.errorRate > 0)
            s += QStringLiteral(", errors %1%").arg(100 * *w.errorRate, 0, 'f', 2);
        parts << s;
    }
    if (!r.bottleneck.isEmpty()) parts << QStringLiteral("bottleneck %1").arg(r.bottleneck);
    return parts.join(QStringLiteral("; "));
}

QJsonObject failuresJson(const sim::FailureReport &f) {
    QJsonArray workloads, spofs, blast;
    QStringList names;
    for (const sim::WorkloadAvailability &w : f.workloads) {
        names << w.name;
        workloads.append(
            QJsonObject{{QStringLiteral("name"), w.name},
                        {QStringLiteral("availability"), w.availability},
                        {QStringLiteral("dependsOn"), QJsonArray::fromStringList(w.dependsOn)}});
    }
    for (const sim::SinglePointOfFailure &s : f.singlePointsOfFailure)
        spofs.append(s.unit);
    for (const sim::UnitBlastRadius &b : f.blastRadius) {
        QJsonObject lost;
        for (std::size_t w = 0; w < b.lostShare.size() && int(w) < names.size(); ++w)
            lost.insert(names[int(w)], b.lostShare[w]);
        blast.append(
            QJsonObject{{QStringLiteral("unit"), b.unit}, {QStringLiteral("lostShare"), lost}});
    }
    return QJsonObject{{QStringLiteral("variant"), f.variant},
                       {QStringLiteral("workloads"), workloads},
                       {QStringLiteral("singlePointsOfFailure"), spofs},
                       {QStringLiteral("blastRadius"), blast}};
}

} // namespace

Scenario crashScenario(const QString &unit, double warmupSec, double durationSec) {
    Scenario s;
    s.name = QStringLiteral("what-if %1 fails").arg(unit);
    ScenarioEvent e;
    e.action = ScenarioAction::Crash;
    e.unit = unit;
    e.atSec = warmupSec + durationSec / 3;
    e.forSec = durationSec / 3;
    s.events << e;
    return s;
}

RunOutcome executeRun(const RunRequest &q, const std::function<void(double)> &progress,
                      const std::atomic<bool> *cancel) {
    RunOutcome out;
    // The same checks as validate and the problems panel: a model they refuse does not run.
    sim::CompileResult compiled = sim::compileVariant(q.variant, q.variantIndex);
    if (!compiled.model) {
        out.error = formatProblems(compiled.problems);
        return out;
    }
    const sim::CompiledModel &model = *compiled.model;
    RunRecord rec;
    rec.variant = q.variant.name;
    rec.engine = q.des ? QStringLiteral("des") : QStringLiteral("analytic");
    rec.createdAt = QDateTime::currentDateTimeUtc();
    rec.programVersion = QStringLiteral(ARCHSIM_VERSION);
    rec.modelRevision = modelRevision(q.variant);

    sim::DesOptions des;
    des.durationSec = q.durationSec;
    des.warmupSec = q.warmupSec;
    des.seed = q.seed;
    des.replications = q.replications;
    des.scale = q.scale;
    des.progress = progress;
    des.cancel = cancel;
    des.faults.randomFailures = q.randomFailures;
    QJsonObject params{{QStringLiteral("scale"), q.scale}};
    if (q.des) {
        params.insert(QStringLiteral("durationSec"), q.durationSec);
        params.insert(QStringLiteral("warmupSec"), q.warmupSec);
        params.insert(QStringLiteral("replications"), q.replications);
        params.insert(QStringLiteral("seed"), QString::number(q.seed));
        if (q.randomFailures) params.insert(QStringLiteral("randomFailures"), true);
        rec.seed = q.seed;
    }

    switch (q.kind) {
    case RunRequest::Kind::Simulate: {
        if (!q.des) {
            rec.kind = QStringLiteral("analyze");
            sim::AnalyticOptions options;
            options.scale = q.scale;
            const sim::LoadResult r = sim::analyze(model, options);
            rec.result = sim::toJson(r);
            rec.summary = summaryOf(r);
            break;
        }
        rec.kind = QStringLiteral("simulate");
        Variant withScenario = q.variant;
        QString scenario = q.scenario;
        if (!q.crashUnit.isEmpty()) {
            withScenario.scenarios << crashScenario(q.crashUnit, q.warmupSec, q.durationSec);
            scenario = withScenario.scenarios.last().name;
            params.insert(QStringLiteral("crashUnit"), q.crashUnit);
        }
        if (!scenario.isEmpty()) {
            const QString error = sim::applyScenario(withScenario, model, scenario, des);
            if (!error.isEmpty()) {
                out.error = QStringLiteral("scenario: %1").arg(error);
                return out;
            }
            params.insert(QStringLiteral("scenario"), scenario);
        }
        const sim::LoadResult r = sim::simulate(model, des);
        if (r.cancelled && cancel && cancel->load()) {
            out.cancelled = true;
            return out;
        }
        rec.result = sim::toJson(r, true);
        rec.summary =
            (scenario.isEmpty() ? QString() : scenario + QStringLiteral(": ")) + summaryOf(r);
        break;
    }
    case RunRequest::Kind::Sweep: {
        rec.kind = QStringLiteral("sweep");
        if (!(sim::openBaseRate(model) > 0)) {
            out.error = QStringLiteral("variant \"%1\": no open workload with a rate to scale "
                                       "(workloads[].ratePerSec)")
                            .arg(q.variant.name);
            return out;
        }
        params.insert(QStringLiteral("fromRate"), q.fromRate);
        params.insert(QStringLiteral("toRate"), q.toRate);
        params.insert(QStringLiteral("steps"), q.steps);
        sim::SweepResult s = sim::sweep(model, q.fromRate, q.toRate, q.steps,
                                        q.des ? sim::Engine::Des : sim::Engine::Analytic, des);
        if (cancel && cancel->load()) {
            out.cancelled = true;
            return out;
        }
        if (const auto saturation = sim::layeredSaturation(model)) {
            s.saturationRatePerSec = saturation->ratePerSec;
            s.saturationBottleneck = saturation->bottleneck;
        }
        rec.result = sim::toJson(s);
        rec.summary =
            QStringLiteral("%1 to %2/s in %3 steps; ").arg(q.fromRate).arg(q.toRate).arg(q.steps) +
            (s.knee ? QStringLiteral("knee at %1/s (bottleneck %2)")
                          .arg(s.points[std::size_t(*s.knee)].ratePerSec, 0, 'f', 1)
                          .arg(s.points[std::size_t(*s.knee)].result.bottleneck)
                    : QStringLiteral("no knee in range"));
        if (s.saturationRatePerSec)
            rec.summary += QStringLiteral("; analytic saturation %1/s")
                               .arg(*s.saturationRatePerSec, 0, 'f', 1);
        break;
    }
    case RunRequest::Kind::Failures: {
        rec.kind = QStringLiteral("failures");
        rec.engine = QStringLiteral("analytic");
        const sim::FailureReport f = sim::analyzeFailures(q.variant, model);
        rec.result = failuresJson(f);
        QStringList parts;
        for (const sim::WorkloadAvailability &w : f.workloads)
            parts << QStringLiteral("%1 %2%").arg(w.name).arg(100 * w.availability, 0, 'f', 4);
        QStringList spofs;
        for (const sim::SinglePointOfFailure &s : f.singlePointsOfFailure)
            spofs << s.unit;
        rec.summary =
            QStringLiteral("availability %1; SPOF: %2")
                .arg(parts.join(QStringLiteral(", ")),
                     spofs.isEmpty() ? QStringLiteral("none") : spofs.join(QStringLiteral(", ")));
        break;
    }
    }
    rec.parameters = params;
    out.record = rec;
    return out;
}

} // namespace archsim::ui
