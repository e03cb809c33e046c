// SPDX-License-Identifier: GPL-3.0-or-later
// Lookups into a LoadResult and a relative-tolerance check, shared by the simulator's tests.
#pragma once

#include "simulator/loadresult.h"

#include <QTest>

#include <cmath>

namespace archsim::test {

inline const sim::WorkloadResult &workload(const sim::LoadResult &r, const QString &name) {
    for (const sim::WorkloadResult &w : r.workloads)
        if (w.name == name) return w;
    qFatal("no workload %s", qPrintable(name));
}

inline const sim::UnitResult &unitOf(const sim::LoadResult &r, const QString &id) {
    for (const sim::UnitResult &u : r.units)
        if (u.id == id) return u;
    qFatal("no unit %s", qPrintable(id));
}

} // namespace archsim::test

#define EXPECT_REL(actual, expected, tolerance)                                                    \
    do {                                                                                           \
        const double a_ = (actual), e_ = (expected);                                               \
        if (!(std::abs(a_ - e_) <= (tolerance)*std::abs(e_)))                                      \
            QFAIL(qPrintable(QStringLiteral("%1 = %2, expected %3 within %4%")                     \
                                 .arg(QLatin1String(#actual))                                      \
                                 .arg(a_, 0, 'g', 8)                                               \
                                 .arg(e_, 0, 'g', 8)                                               \
                                 .arg(100 * (tolerance))));                                        \
    } while (false)
