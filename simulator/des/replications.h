// SPDX-License-Identifier: GPL-3.0-or-later
// The discrete-event engine in two halves, for studies that split a run into independent jobs
// (sharding, per-replication intervals): run some replications, then merge any set of them.
// simulate() is mergeReplications(runReplications(0, K)).
#pragma once

#include "simulator/des/desrun.h"
#include "simulator/loadresult.h"

#include <QJsonObject>

#include <optional>

namespace archsim::sim {

// The random seed of replication R of a run seeded with SEED (the same in every split).
std::uint64_t replicationSeed(std::uint64_t seed, int r);

// Replications FIRST .. FIRST+COUNT-1 of the run OPTIONS describes, in parallel threads.
std::vector<RunOutput> runReplications(const CompiledModel &model, const DesOptions &options,
                                       int first, int count);

// The LoadResult of these replications, in this order (the engine's merge).
LoadResult mergeReplications(const CompiledModel &model, const DesOptions &options,
                             const std::vector<RunOutput> &runs);

// Lossless JSON of one replication's raw figures, for shard files; the reader returns nothing
// when the object is not one (or does not match the model's shape).
QJsonObject runOutputToJson(const RunOutput &run);
std::optional<RunOutput> runOutputFromJson(const QJsonObject &json);

} // namespace archsim::sim
