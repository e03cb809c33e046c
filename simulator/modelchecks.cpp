// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/modelchecks.h"

#include "simulator/analytic/analyticengine.h"

#include "model/validator.h"

#include <QSet>

#include <cmath>

namespace archsim::sim {

QString unitPath(const Variant &v, int variantIndex, const QString &unitId) {
    const QString root = QStringLiteral("variants[%1]").arg(variantIndex);
    for (int i = 0; i < v.units.size(); ++i)
        if (v.units[i].id == unitId && !v.units[i].implicit)
            return QStringLiteral("%1.units[%2]").arg(root).arg(i);
    for (int i = 0; i < v.components.size(); ++i)
        if (v.components[i].id == unitId || v.components[i].unit == unitId)
            return QStringLiteral("%1.components[%2]").arg(root).arg(i);
    return {};
}

ProblemList loadWarnings(const Variant &v, int variantIndex, const LoadResult &r) {
    ProblemList out;
    auto warn = [&](const QString &unit, const QString &message) {
        Problem p;
        p.severity = Severity::Warning;
        p.path = unitPath(v, variantIndex, unit);
        p.variant = v.name;
        p.elementKind = QStringLiteral("unit");
        p.elementId = unit;
        p.message = message;
        p.location = locationFromPath(p.path);
        out << p;
    };
    double asked = 0;
    for (const WorkloadResult &w : r.workloads)
        if (!w.closed) asked += w.throughputPerSec;
    const QString limit =
        r.saturationRatePerSec && std::isfinite(*r.saturationRatePerSec)
            ? QStringLiteral(" (the design saturates at %1/s of open load; the workloads ask %2/s)")
                  .arg(*r.saturationRatePerSec, 0, 'f', 1)
                  .arg(asked, 0, 'f', 1)
            : QString();
    bool named = false;
    for (const UnitResult &u : r.units) {
        if (u.utilization < 1 - 1e-9) continue;
        warn(u.id, QStringLiteral("unit %1 is saturated at the current load: utilisation %2, its "
                                  "queue grows without bound%3")
                       .arg(u.id)
                       .arg(u.utilization, 0, 'f', 2)
                       .arg(limit));
        named = true;
    }
    if (r.saturated && !named && !r.bottleneck.isEmpty())
        warn(r.bottleneck, QStringLiteral("the design is unstable at the current load (queues grow "
                                          "without bound); bottleneck %1%2")
                               .arg(r.bottleneck, limit));
    return out;
}

VariantCheck checkVariant(const Variant &variant, int variantIndex, bool searchSaturation) {
    VariantCheck check;
    CompileResult compiled = compileVariant(variant, variantIndex);
    check.problems = compiled.problems;
    if (compiled.model) {
        AnalyticOptions options;
        // The search repeats the layered solve a dozen times: past this size it would make
        // every check take seconds, so the warning then names no saturation rate.
        options.searchSaturation =
            searchSaturation && variant.components.size() <= kLargestDesignSearched;
        check.analysis = analyze(*compiled.model, options);
        check.problems << loadWarnings(variant, variantIndex, *check.analysis);
        check.model = std::move(compiled.model);
    }
    locateProblems(check.problems);
    return check;
}

ProblemList checkProject(const Project &project) {
    // The project-level checks come from the validator; each variant's from its compile step
    // (which validates the variant first). Keyed so nothing is listed twice.
    ProblemList problems = validateProject(project);
    QSet<QString> seen;
    for (const Problem &p : problems)
        seen.insert(p.path + QLatin1Char('\n') + p.message);
    for (int i = 0; i < project.variants.size(); ++i)
        for (const Problem &p : checkVariant(project.variants[i], i).problems)
            if (!seen.contains(p.path + QLatin1Char('\n') + p.message)) problems << p;
    locateProblems(problems);
    return problems;
}

} // namespace archsim::sim
