// SPDX-License-Identifier: GPL-3.0-or-later
// Projects built in code for the model tests: a small valid design and one with every field set.
#pragma once

#include "model/project.h"

namespace archsim::test {

// web (client) -> api (service in unit "app") -> db (database in unit "db"); one open workload.
Variant smallVariant();
Project smallProject();
// Every field of every element differs from its default, so a round trip that drops or
// changes any field shows up.
Project everyFieldProject();

QString examplePath(); // resources/examples/shop.json
QString testDataPath(const QString &name);

} // namespace archsim::test
