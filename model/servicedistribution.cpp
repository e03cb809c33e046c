// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/servicedistribution.h"

#include <cmath>

namespace archsim {

HistogramParse parseServiceHistogram(const QStringList &entries) {
    HistogramParse r;
    double total = 0;
    for (int i = 0; i < entries.size(); ++i) {
        const QString entry = entries[i].trimmed();
        auto fail = [&](const QString &why) {
            r.error = QStringLiteral("entry %1 (\"%2\"): %3").arg(i + 1).arg(entry, why);
            r.bins.clear();
            return r;
        };
        const int colon = entry.lastIndexOf(QLatin1Char(':'));
        const int dash = colon > 0 ? entry.left(colon).indexOf(QLatin1Char('-'), 1) : -1;
        if (colon < 0 || dash < 0) return fail(QStringLiteral("expected LOW-HIGH:WEIGHT in ms"));
        bool okLow = false, okHigh = false, okWeight = false;
        HistogramBin b;
        b.lowMs = entry.left(dash).trimmed().toDouble(&okLow);
        b.highMs = entry.mid(dash + 1, colon - dash - 1).trimmed().toDouble(&okHigh);
        b.weight = entry.mid(colon + 1).trimmed().toDouble(&okWeight);
        if (!okLow || !okHigh || !okWeight)
            return fail(QStringLiteral("expected LOW-HIGH:WEIGHT in ms"));
        if (!std::isfinite(b.lowMs) || !std::isfinite(b.highMs) || !std::isfinite(b.weight))
            return fail(QStringLiteral("numbers must be finite"));
        if (b.lowMs < 0) return fail(QStringLiteral("LOW must be at least 0"));
        if (!(b.highMs > b.lowMs)) return fail(QStringLiteral("HIGH must be above LOW"));
        if (b.weight < 0) return fail(QStringLiteral("WEIGHT must be at least 0"));
        if (!r.bins.empty() && b.lowMs < r.bins.back().highMs)
            return fail(QStringLiteral("bins must be in increasing order without overlap"));
        total += b.weight;
        r.bins.push_back(b);
    }
    if (!(total > 0)) {
        r.bins.clear();
        r.error = entries.isEmpty() ? QStringLiteral("no bins")
                                    : QStringLiteral("the weights add up to 0");
    }
    return r;
}

} // namespace archsim
