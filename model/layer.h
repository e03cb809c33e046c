// SPDX-License-Identifier: GPL-3.0-or-later
// A layer: one named horizontal band of a variant's diagram (Edge, API, Domain, Data, ...).
#pragma once

#include <QJsonObject>
#include <QString>

namespace archsim {

struct Layer {
    QString id;
    QString name;
    QJsonObject extra; // fields this version does not know, kept so nothing is lost

    bool operator==(const Layer &) const = default;
};

} // namespace archsim
