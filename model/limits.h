// SPDX-License-Identifier: GPL-3.0-or-later
// The largest values a model may hold (docs/model.md, "Limits"): large enough for any real
// deployment, small enough that the engines' counts cannot overflow and their memory stays
// proportional to the file.
#pragma once

namespace archsim {

inline constexpr int kMaxReplicas = 100000;             // per unit
inline constexpr int kMaxThreads = 100000;              // threads and cores per replica
inline constexpr long long kMaxTotalReplicas = 1000000; // over all units of a variant
inline constexpr double kMaxCallsPerVisit = 1000000;    // a connection's `calls`
inline constexpr int kMaxUsers = 1000000;               // a closed workload's `users`

} // namespace archsim
