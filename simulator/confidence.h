// SPDX-License-Identifier: GPL-3.0-or-later
// Confidence intervals of means: the one Student t the engines and studies use (Boost.Math).
#pragma once

#include <optional>
#include <vector>

namespace archsim::sim {

// The two-sided 95% quantile of Student's t with DF degrees of freedom (DF >= 1; 0 below).
double studentT95(int df);

// Half width of the 95% interval of the mean of independent samples; none below two.
std::optional<double> halfWidth95(const std::vector<double> &samples);

} // namespace archsim::sim
