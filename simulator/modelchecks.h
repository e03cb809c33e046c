// SPDX-License-Identifier: GPL-3.0-or-later
// One set of checks for every place that asks "can this model run?": the model's validation,
// the compile step's checks (sync cycles, async cycles that never die out, closed workloads that
// take no time) and, for a model that compiles, warnings about its load (a saturated unit).
// archsim-cli validate, the app's problems panel and every run use these, so they agree.
#pragma once

#include "simulator/compiledmodel.h"
#include "simulator/loadresult.h"

#include "model/project.h"

#include <optional>

namespace archsim::sim {

struct VariantCheck {
    ProblemList problems;               // validation + compile checks + load warnings
    std::optional<CompiledModel> model; // when it compiles
    std::optional<LoadResult> analysis; // the analytical engine at the workloads' rates
};

// Compiles the variant and, when it compiles, analyses it at its current load. Without
// SEARCH_SATURATION the analysis skips the saturation search (faster: the live overlay's first
// stage), so its saturation rate is the solve's upper bound and its bottleneck the unit closest
// to its limit now.
// Designs larger than this are checked without the saturation search (see checkVariant).
constexpr qsizetype kLargestDesignSearched = 5000;

VariantCheck checkVariant(const Variant &variant, int variantIndex, bool searchSaturation = true);

// Warnings for a unit that saturates at the current load, or a design that is unstable.
ProblemList loadWarnings(const Variant &variant, int variantIndex, const LoadResult &analysis);

// Every variant's checks plus the project's own (no variant, duplicate names).
ProblemList checkProject(const Project &project);

// The JSON path of unit ID as the user wrote it: its units[] entry, or the component that
// carries it inline; empty when there is none.
QString unitPath(const Variant &variant, int variantIndex, const QString &unitId);

} // namespace archsim::sim
