// SPDX-License-Identifier: GPL-3.0-or-later
// The discrete-event engine's sampled requests as trace spans (simulate --traces), so a design's
// simulated behaviour opens in Jaeger or Tempo and can be calibrated back.
#pragma once

#include "model/traces/span.h"
#include "simulator/compiledmodel.h"
#include "simulator/des/desengine.h"

#include <vector>

namespace archsim::sim {

// Unfinished spans (the run ended first) are dropped with their descendants. Times start at
// epochNs; a service is a component, an instance a replica of its unit.
std::vector<traces::Span> simulatedSpans(const CompiledModel &model,
                                         const std::vector<SimSpan> &spans,
                                         std::int64_t epochNs = 1'700'000'000'000'000'000LL);

} // namespace archsim::sim
