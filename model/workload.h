// SPDX-License-Identifier: GPL-3.0-or-later
// A workload: traffic entering at one component, open (a rate) or closed (users with think time).
#pragma once

#include "model/enums.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace archsim {

struct Workload {
    QString name;
    QString entry;
    std::optional<double> ratePerSec; // open workload
    std::optional<int> users;         // closed workload
    double thinkTimeMs = 0;
    LoadPattern pattern = LoadPattern::Constant;
    // Pattern parameters: ramp/step/spike go to toRatePerSec at atSec (ramp and spike over
    // forSec); diurnal swings between ratePerSec and toRatePerSec with periodSec.
    std::optional<double> toRatePerSec;
    double atSec = 0;
    double forSec = 0;
    double periodSec = 86400;
    QJsonObject extra;

    bool isClosed() const { return users.has_value(); }
    bool operator==(const Workload &) const = default;
};

} // namespace archsim
