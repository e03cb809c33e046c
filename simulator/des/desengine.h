// SPDX-License-Identifier: GPL-3.0-or-later
// The discrete-event engine: replications in parallel threads, merged into one LoadResult.
#pragma once

#include "simulator/compiledmodel.h"
#include "simulator/des/desoptions.h"
#include "simulator/loadresult.h"

namespace archsim::sim {

LoadResult simulate(const CompiledModel &model, const DesOptions &options);

// About how many events one replication processes: every visit and call is a few events, open
// workloads at their peak rate over warm-up and duration (closed workloads are not counted, so
// this is a lower bound for them). Lets callers refuse a run that could only stop at the cap.
double estimatedEventsPerReplication(const CompiledModel &model, const DesOptions &options);

} // namespace archsim::sim
