// SPDX-License-Identifier: GPL-3.0-or-later
// What the model says about service-time distributions beyond their name: the bounds of the
// Weibull's coefficient of variation and the empirical histogram's text form.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace archsim {

// A Weibull is given by its mean and cv; outside these its shape is extreme (above 20 the
// shape is below 0.1 and the tail carries the mean, below 0.05 it is almost constant).
inline constexpr double kWeibullMinCv = 0.05;
inline constexpr double kWeibullMaxCv = 20;

// One bar of a measured histogram of service times: values in [lowMs, highMs), weight a count
// or a share (only the proportions matter).
struct HistogramBin {
    double lowMs = 0;
    double highMs = 0;
    double weight = 0;
};

struct HistogramParse {
    std::vector<HistogramBin> bins;
    QString error; // empty when every entry reads; else names the entry (1-based) and why
};

// Entries "LOW-HIGH:WEIGHT" in ms, e.g. {"0-2:50", "2-5:30", "5-20:20"}: LOW >= 0, HIGH >
// LOW, WEIGHT >= 0, bins in increasing order without overlap, and some weight in total.
HistogramParse parseServiceHistogram(const QStringList &entries);

} // namespace archsim
