// SPDX-License-Identifier: GPL-3.0-or-later
// Options shared by compare, plan and the sharded commands: DES run settings, the SLO, --shard.
#pragma once

#include "clicommand.h"

#include "simulator/des/desengine.h"
#include "simulator/study/shard.h"
#include "simulator/study/slo.h"

#include <QJsonObject>

#include <optional>

namespace archsim::cli {

// --duration, --warmup, --seed, --replications with the given defaults.
QList<QCommandLineOption> desRunOptions(double duration, double warmup, int replications);
std::optional<sim::DesOptions> readDesRunOptions(CliContext &context, double duration,
                                                 double warmup, int replications);
// The settings that decide a DES run's figures, for shard files.
QJsonObject desSettings(const sim::DesOptions &options);

// --p99 MS, --error-rate E, --availability A.
QList<QCommandLineOption> sloOptions();
std::optional<sim::Slo> readSlo(CliContext &context);

QCommandLineOption shardOption();
// Nothing set: the whole run. A bad value prints a usage error and sets *bad.
std::optional<sim::Shard> readShard(CliContext &context, const QString &command, bool *bad);

// Writes DOC on stdout as indented JSON.
void printJson(CliContext &context, const QJsonObject &doc);

} // namespace archsim::cli
