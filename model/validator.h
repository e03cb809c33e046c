// SPDX-License-Identifier: GPL-3.0-or-later
// Checks a model's meaning (references, ranges, uniqueness) and lists every problem with its place.
#pragma once

#include "model/problem.h"
#include "model/project.h"

namespace archsim {

ProblemList validateProject(const Project &project);
ProblemList validateVariant(const Variant &variant, int variantIndex);

} // namespace archsim
