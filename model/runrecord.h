// SPDX-License-Identifier: GPL-3.0-or-later
// One stored simulation run: what was run (engine, parameters, seed) on which revision of which
// variant, when and by which program, and the result; kept in the project file's run table.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace archsim {

struct RunRecord {
    qint64 id = 0; // unique in the project; 0 until the project gives it one
    QString variant;
    QString kind;   // "simulate", "analyze", "sweep" or "failures"
    QString engine; // "analytic" or "des"
    QDateTime createdAt;
    QJsonObject parameters; // duration, warm-up, scenario, scale, sweep range...
    quint64 seed = 0;
    QString programVersion;
    // Hash of the variant's model (layout excluded) when the run was made: a run whose hash
    // differs from the variant's current one was made on an older revision of the design.
    QString modelRevision;
    QString summary;    // one line for lists: "shop: 120/s, mean 14 ms, p99 60 ms"
    QJsonObject result; // the engine's JSON, time series included

    bool operator==(const RunRecord &) const = default;
};

using RunList = QList<RunRecord>;

struct Variant;
// A short hash of the variant's model without its layout: equal for two revisions that differ
// only in where the cards are drawn.
QString modelRevision(const Variant &variant);

} // namespace archsim
