// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportverdict.h"

#include <cmath>

namespace archsim::report {

namespace {

QString money(double x) {
    return formatMoney(x);
}
QString rate(double x) {
    return formatRate(x);
}

} // namespace

QString formatMoney(double x) {
    return (x < -0.5 ? QStringLiteral("−$%1") : QStringLiteral("$%1")).arg(std::fabs(x), 0, 'f', 0);
}

QString formatRate(double x) {
    return QStringLiteral("%1/s").arg(x, 0, 'f', 0);
}

QString sloText(const sim::Slo &slo) {
    QStringList terms;
    if (slo.p99Ms) terms << QStringLiteral("p99 ≤ %1 ms").arg(*slo.p99Ms);
    if (slo.errorRate) terms << QStringLiteral("error rate ≤ %1").arg(*slo.errorRate);
    if (slo.availability) terms << QStringLiteral("availability ≥ %1").arg(*slo.availability);
    return terms.isEmpty() ? QStringLiteral("no SLO given (capacity only: no unit above 85% busy)")
                           : terms.join(QStringLiteral(", "));
}

QString metricUnit(const QString &m) {
    if (m.endsWith(QLatin1String("Ms"))) return QStringLiteral("ms");
    if (m == QLatin1String("saturationRatePerSec")) return QStringLiteral("requests/s");
    if (m == QLatin1String("headroom")) return QStringLiteral("ratio");
    if (m == QLatin1String("errorRate") || m == QLatin1String("availability") ||
        m == QLatin1String("worstBlastRadius"))
        return QStringLiteral("share");
    if (m == QLatin1String("downtimeMinutesPerYear")) return QStringLiteral("min/year");
    if (m == QLatin1String("costPerMonth")) return QStringLiteral("USD/month");
    if (m == QLatin1String("units") || m == QLatin1String("replicas") ||
        m == QLatin1String("singlePointsOfFailure"))
        return QStringLiteral("count");
    if (m == QLatin1String("crossUnitCallsPerRequest")) return QStringLiteral("calls/request");
    if (m == QLatin1String("networkHopsPerRequest")) return QStringLiteral("hops/request");
    if (m == QLatin1String("bottleneck")) return QStringLiteral("name");
    return QString();
}

QString formatValue(const QJsonValue &v, const QString &metric) {
    if (v.isString()) return v.toString();
    if (!v.isDouble()) return QStringLiteral("–");
    const double x = v.toDouble();
    if (metric == QLatin1String("availability")) return QString::number(x, 'f', 6);
    if (metric == QLatin1String("errorRate")) return QString::number(x, 'g', 3);
    if (metricUnit(metric) == QLatin1String("count")) return QString::number(x, 'f', 0);
    return QString::number(x, 'f', metric.contains(QLatin1String("Rate")) ? 1 : 2);
}

QStringList verdictSentences(const ReportData &data) {
    QStringList out;
    const QString target = rate(data.targetRate);
    const QString slo = sloText(data.comparison.slo);
    if (data.recommended < 0) {
        QStringList reasons;
        for (const sim::PlanResult &p : data.plans)
            reasons << QStringLiteral("%1: %2").arg(p.variant, p.reason);
        out << QStringLiteral("No variant can meet the SLO (%1) at the target load of %2 with "
                              "the replicas its units allow. Why: %3.")
                   .arg(slo, target, reasons.join(QStringLiteral("; ")));
        return out;
    }
    const sim::PlanResult &best = data.plans[std::size_t(data.recommended)];
    QStringList others;
    for (std::size_t i = 0; i < data.plans.size(); ++i) {
        if (int(i) == data.recommended) continue;
        const sim::PlanResult &p = data.plans[i];
        others << (p.feasible ? QStringLiteral("%1 for %2 (%3 more)")
                                    .arg(money(p.costPerMonth), p.variant,
                                         money(p.costPerMonth - best.costPerMonth))
                              : QStringLiteral("%1 cannot meet it (%2)").arg(p.variant, p.reason));
    }
    out << QStringLiteral("Recommendation: %1. At the target load of %2, its cheapest capacity "
                          "plan that meets the SLO (%3) costs %4 per month, against %5.")
               .arg(best.variant, target, slo, money(best.costPerMonth),
                    others.join(QStringLiteral("; ")));
    QStringList today;
    for (const sim::VariantComparison &v : data.comparison.variants)
        today << QStringLiteral("%1 %2 the SLO at %3 per month")
                     .arg(v.name, v.slo.pass ? QStringLiteral("passes") : QStringLiteral("fails"),
                          money(v.figures.costPerMonth));
    out << QStringLiteral("As configured today: %1.").arg(today.join(QStringLiteral("; ")));

    const QJsonObject be = data.compareJson.value(QStringLiteral("breakEven")).toObject();
    const QJsonArray points = be.value(QStringLiteral("points")).toArray();
    std::vector<QJsonObject> crossings; // those of the recommended variant, by rate
    for (const QJsonValue &cv : be.value(QStringLiteral("crossings")).toArray()) {
        const QJsonObject c = cv.toObject();
        const QJsonArray between = c.value(QStringLiteral("between")).toArray();
        if (between.at(0).toString() == best.variant || between.at(1).toString() == best.variant)
            crossings.push_back(c);
    }
    std::sort(crossings.begin(), crossings.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a[QStringLiteral("ratePerSec")].toDouble() <
               b[QStringLiteral("ratePerSec")].toDouble();
    });
    if (!points.isEmpty()) {
        const QString range =
            QStringLiteral("%1 and %2")
                .arg(rate(points.first()[QStringLiteral("ratePerSec")].toDouble()),
                     rate(points.last()[QStringLiteral("ratePerSec")].toDouble()));
        if (crossings.empty()) {
            out << QStringLiteral("Break-even: the cheaper variant does not change between %1.")
                       .arg(range);
        } else {
            const QJsonObject &first = crossings.front(), &last = crossings.back();
            QString sentence =
                QStringLiteral("Break-even (cheapest plans between %1): %2 is cheaper up to "
                               "about %3")
                    .arg(range, first[QStringLiteral("cheaperBelow")].toString(),
                         rate(first[QStringLiteral("ratePerSec")].toDouble()));
            if (crossings.size() == 1)
                sentence += QStringLiteral(", %1 from there on.")
                                .arg(first[QStringLiteral("cheaperAbove")].toString());
            else
                sentence += QStringLiteral("; the cost curves then cross %1 more times, and from "
                                           "about %2 on %3 is cheaper.")
                                .arg(crossings.size() - 1)
                                .arg(rate(last[QStringLiteral("ratePerSec")].toDouble()),
                                     last[QStringLiteral("cheaperAbove")].toString());
            out << sentence;
        }
    }

    const sim::Sensitivity &s = data.sensitivity;
    const double range = data.options.sensitivityRange;
    std::vector<std::pair<double, QString>> flips; // distance from 1, sentence
    for (const sim::SensitivityFactor &f : s.factors) {
        if (f.flipBelow)
            flips.emplace_back(1 - *f.flipBelow, QStringLiteral("%1 at ×%2 or lower (→ %3)")
                                                     .arg(f.label)
                                                     .arg(*f.flipBelow, 0, 'f', 2)
                                                     .arg(f.flipToBelow));
        if (f.flipAbove)
            flips.emplace_back(*f.flipAbove - 1, QStringLiteral("%1 at ×%2 or higher (→ %3)")
                                                     .arg(f.label)
                                                     .arg(*f.flipAbove, 0, 'f', 2)
                                                     .arg(f.flipToAbove));
    }
    std::sort(flips.begin(), flips.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    const QString span =
        QStringLiteral("×%1 to ×%2").arg(1 - range, 0, 'f', 1).arg(1 + range, 0, 'f', 1);
    if (s.recommended >= 0 && s.recommended != data.recommended)
        out << QStringLiteral("Note: the analytical plans alone would pick %1 at this load "
                              "(the DES-confirmed plans above differ); the sensitivity below is "
                              "measured around that analytical answer.")
                   .arg(data.variants[s.recommended].name);
    QStringList inside, outside;
    for (const auto &[distance, text] : flips)
        (distance <= range + 1e-9 ? inside : outside) << text;
    if (inside.isEmpty())
        out << QStringLiteral("What could change it: nothing within %1 — each component's "
                              "service time and the load, varied one at a time over that range, "
                              "leave the verdict as it is.%2")
                   .arg(span,
                        outside.isEmpty()
                            ? QStringLiteral(" Searched further (×%1 to ×%2), nothing "
                                             "changes it either.")
                                  .arg(s.factors.empty() ? 0.1 : s.factors.front().searchedBelow, 0,
                                       'f', 1)
                                  .arg(s.factors.empty() ? 4.0 : s.factors.front().searchedAbove, 0,
                                       'f', 1)
                            : QStringLiteral(" Further out it changes with: %1.")
                                  .arg(outside.mid(0, 4).join(QStringLiteral("; "))));
    else
        out << QStringLiteral("What could change it (one factor at a time, %1): %2%3.")
                   .arg(span, inside.mid(0, 4).join(QStringLiteral("; ")),
                        inside.size() > 4 ? QStringLiteral("; and %1 more in the table below")
                                                .arg(inside.size() - 4)
                                          : QString());
    return out;
}

} // namespace archsim::report
