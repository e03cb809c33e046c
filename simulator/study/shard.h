// SPDX-License-Identifier: GPL-3.0-or-later
// Sharding of studies made of independent jobs (sweep steps, break-even steps, DES
// replications): part K of N runs a fixed block of jobs with the whole run's seeds, and the
// merge of all parts equals the unsharded result byte for byte.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace archsim::sim {

struct Shard {
    int index = 1; // 1..count
    int count = 1;
    bool isWhole() const { return count == 1; }
};

// "K/N" with 1 <= K <= N; otherwise nothing and a message in ERROR.
std::optional<Shard> parseShard(const QString &text, QString *error);

// The jobs [first, last) of shard S out of JOBS: contiguous blocks, sizes differing by one.
struct JobRange {
    int first = 0;
    int last = 0;
};
JobRange shardJobs(int jobs, const Shard &shard);

// A part file: {"archsimShard": {"command", "index", "count", "jobs", "settings"},
// "results": [{"job": i, ...}], ...extra}. SETTINGS must be equal in every part of one run.
QJsonObject shardPart(const QString &command, const Shard &shard, int jobs,
                      const QJsonObject &settings, const QJsonArray &results);

// The sweep document of `archsim-cli sweep --json` from its points (knee found here, from the
// points' own figures, so a merge finds the same one).
QJsonObject sweepDocument(const QString &variant, const QString &engine, const QJsonArray &points);

// The knee of sweep points (sweep.h states the rule); -1 when none.
int sweepKnee(const QJsonArray &points);

} // namespace archsim::sim
