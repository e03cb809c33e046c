// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/study/breakeven.h"

#include <cmath>

namespace archsim::sim {

double stepRate(double from, double to, int steps, int i) {
    return steps <= 1 ? from : from + (to - from) * i / (steps - 1);
}

QJsonObject breakEvenPoint(const QList<Variant> &variants, double ratePerSec,
                           const PlanOptions &options) {
    QJsonArray costs, feasible, p99, replicas;
    for (const Variant &v : variants) {
        PlanOptions one = options;
        one.ratePerSec = ratePerSec;
        const PlanResult plan = planCapacity(v, one);
        costs.append(plan.feasible ? QJsonValue(plan.costPerMonth) : QJsonValue(QJsonValue::Null));
        feasible.append(plan.feasible);
        p99.append(plan.p99Ms && std::isfinite(*plan.p99Ms) ? QJsonValue(*plan.p99Ms)
                                                            : QJsonValue(QJsonValue::Null));
        QJsonObject counts;
        for (const PlanUnit &u : plan.units)
            counts.insert(u.id, u.replicas);
        replicas.append(counts);
    }
    return QJsonObject{{QStringLiteral("ratePerSec"), ratePerSec},
                       {QStringLiteral("costPerMonth"), costs},
                       {QStringLiteral("feasible"), feasible},
                       {QStringLiteral("p99Ms"), p99},
                       {QStringLiteral("replicas"), replicas}};
}

QJsonObject breakEvenDocument(const QStringList &names, const QJsonArray &points) {
    QJsonArray crossings;
    QJsonValue first = QJsonValue::Null;
    for (int a = 0; a < names.size(); ++a)
        for (int b = a + 1; b < names.size(); ++b) {
            double prevRate = 0, prevDiff = 0;
            bool havePrev = false;
            for (const QJsonValue &pv : points) {
                const QJsonObject p = pv.toObject();
                const QJsonArray c = p.value(QStringLiteral("costPerMonth")).toArray();
                const double rate = p.value(QStringLiteral("ratePerSec")).toDouble();
                if (!c.at(a).isDouble() || !c.at(b).isDouble()) {
                    havePrev = false; // a variant that cannot meet the SLO breaks the curve
                    continue;
                }
                const double diff = c.at(a).toDouble() - c.at(b).toDouble();
                if (havePrev && diff != 0 && prevDiff != 0 && (diff > 0) != (prevDiff > 0)) {
                    const double at = prevRate + (rate - prevRate) * prevDiff / (prevDiff - diff);
                    crossings.append(QJsonObject{
                        {QStringLiteral("between"), QJsonArray{names[a], names[b]}},
                        {QStringLiteral("ratePerSec"), at},
                        {QStringLiteral("cheaperBelow"), prevDiff < 0 ? names[a] : names[b]},
                        {QStringLiteral("cheaperAbove"), diff < 0 ? names[a] : names[b]}});
                    if (a == 0 && b == 1) first = at; // the last one: the order holds after it
                }
                if (diff != 0 || !havePrev) {
                    prevDiff = diff;
                    prevRate = rate;
                }
                havePrev = true;
            }
        }
    return QJsonObject{{QStringLiteral("points"), points},
                       {QStringLiteral("crossingRatePerSec"), first},
                       {QStringLiteral("crossings"), crossings}};
}

} // namespace archsim::sim
