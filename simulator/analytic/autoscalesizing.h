// SPDX-License-Identifier: GPL-3.0-or-later
// The analytical engine's autoscaling: the steady-state replica count of each autoscaled unit.
#pragma once

#include "simulator/compiledmodel.h"

#include <vector>

namespace archsim::sim::analytic {

// True when some unit of the model autoscales (CompiledUnit::autoscale).
bool hasAutoscaling(const CompiledModel &model);

// The smallest replica count of each autoscaled unit within [min, max] at which its
// utilisation is at or below its target, the others solved with their own counts at the same
// time (a caller's threads wait on its callees, so a callee's count changes the caller's
// load). Units that do not autoscale keep their replicas. `ratesPerSec` per workload (open
// ones; closed workloads are solved). A load that saturates even at max gives max.
std::vector<int> steadyStateReplicas(const CompiledModel &model,
                                     const std::vector<double> &ratesPerSec, int exactMvaMaxUsers);

// The model with these replica counts (replica indexes re-laid out).
CompiledModel withReplicas(const CompiledModel &model, const std::vector<int> &replicas);

// The model with every autoscaled unit at its autoscaleMax: where it saturates is the
// saturation rate of an autoscaled design.
CompiledModel atAutoscaleMax(const CompiledModel &model);

} // namespace archsim::sim::analytic
