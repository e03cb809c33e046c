// SPDX-License-Identifier: GPL-3.0-or-later
// Designed versus observed: a calibrated variant laid over a designed one. The designed layout,
// names and units stay; observed figures replace the designed ones; the differences are listed.
#pragma once

#include "model/variant.h"

#include <QHash>
#include <QJsonArray>

namespace archsim::traces {

struct DiffOptions {
    QHash<QString, QString> mapping; // traced service -> designed component id
    double threshold = 0.25;         // relative change of calls or service time worth a row
    QString mergedName;              // default: "<designed> (observed)"
};

struct DiffRow {
    QString what;     // observed-not-designed, designed-not-observed, calls-changed,
                      // service-time-changed, new-component, unmatched-designed
    QString from, to; // components (designed ids where matched)
    double designed = 0, observed = 0;
};

struct DesignDiff {
    Variant merged;
    QList<DiffRow> rows;
    QHash<QString, QString> matched; // traced service -> designed id
    QJsonArray toJson() const;
};

DesignDiff diffDesign(const Variant &designed, const Variant &observed, const DiffOptions &options);

// Reads a mapping file: a JSON object {"traced-service": "designed-component-id", ...}.
bool readMapping(const QString &path, QHash<QString, QString> *mapping, QString *error);

} // namespace archsim::traces
