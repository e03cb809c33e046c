// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/histogram.h"

#include <cmath>

namespace archsim::sim {

void LogHistogram::merge(const LogHistogram &other) {
    for (int i = 0; i < kBuckets; ++i)
        m_counts[i] += other.m_counts[i];
    m_count += other.m_count;
    m_sum += other.m_sum;
}

double LogHistogram::bucketMiddle(int bucket) {
    const int exponent = (bucket >> kSubBits) + kMinExponent;
    const int sub = bucket & ((1 << kSubBits) - 1);
    const double low = std::ldexp(1.0 + double(sub) / (1 << kSubBits), exponent);
    const double high = std::ldexp(1.0 + double(sub + 1) / (1 << kSubBits), exponent);
    return (low + high) / 2;
}

double LogHistogram::quantile(double q) const {
    if (m_count == 0) return 0;
    const double target = q * double(m_count);
    std::uint64_t seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += m_counts[i];
        if (double(seen) >= target && m_counts[i] > 0) return i == 0 ? 0.0 : bucketMiddle(i);
    }
    return bucketMiddle(kBuckets - 1);
}

} // namespace archsim::sim
