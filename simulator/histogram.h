// SPDX-License-Identifier: GPL-3.0-or-later
// A mergeable log-bucket histogram of latencies: 128 buckets per power of two (< 0.4% error).
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

namespace archsim::sim {

class LogHistogram {
public:
    static constexpr int kSubBits = 7;       // 128 linear sub-buckets per octave
    static constexpr int kMinExponent = -20; // about 1e-6 ms; smaller values share bucket 0
    static constexpr int kMaxExponent = 40;  // about 1e12 ms
    static constexpr int kBuckets = (kMaxExponent - kMinExponent) << kSubBits;

    LogHistogram()
        : m_counts(kBuckets, 0) {}

    void add(double value) {
        ++m_count;
        m_sum += value;
        m_counts[bucketOf(value)] += 1;
    }
    void merge(const LogHistogram &other);
    std::uint64_t count() const { return m_count; }
    double mean() const { return m_count ? m_sum / double(m_count) : 0.0; }
    // The q-quantile (0..1), the middle of its bucket; 0 when empty.
    double quantile(double q) const;

    static int bucketOf(double value) {
        if (!(value > 0)) return 0;
        std::uint64_t bits;
        std::memcpy(&bits, &value, sizeof bits);
        const int exponent = int((bits >> 52) & 0x7ff) - 1023;
        if (exponent < kMinExponent) return 0;
        if (exponent >= kMaxExponent) return kBuckets - 1;
        const int sub = int((bits >> (52 - kSubBits)) & ((1u << kSubBits) - 1));
        return ((exponent - kMinExponent) << kSubBits) + sub;
    }
    static double bucketMiddle(int bucket);

    // Raw state, for saving a histogram losslessly (shard files) and reading it back.
    const std::vector<std::uint64_t> &counts() const { return m_counts; }
    double sum() const { return m_sum; }
    static LogHistogram fromState(std::vector<std::uint64_t> counts, std::uint64_t count,
                                  double sum) {
        LogHistogram h;
        if (counts.size() == h.m_counts.size()) h.m_counts = std::move(counts);
        h.m_count = count;
        h.m_sum = sum;
        return h;
    }

private:
    std::vector<std::uint64_t> m_counts;
    std::uint64_t m_count = 0;
    double m_sum = 0;
};

} // namespace archsim::sim
