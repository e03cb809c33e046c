// SPDX-License-Identifier: GPL-3.0-or-later
// Checks a model's meaning (references, ranges, uniqueness) and lists every problem with its place.
#pragma once

#include <functional>

#include "model/problem.h"
#include "model/project.h"

namespace archsim {

ProblemList validateProject(const Project &project);
ProblemList validateVariant(const Variant &variant, int variantIndex);
// The project's own checks (variants present, names unique) with each variant's problems in
// place after its name check: shared by the full and the incremental validator.
ProblemList projectProblems(const Project &project,
                            const std::function<ProblemList(int)> &variantProblems);

} // namespace archsim
