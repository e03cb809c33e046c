// SPDX-License-Identifier: GPL-3.0-or-later
// The field lists of every model element, in the order files write them.
#pragma once

#include "model/fieldspec.h"
#include "model/variant.h"

namespace archsim {

const FieldList<Layer> &layerFields();
const FieldList<Unit> &unitFields();
// The unit fields a component may carry when it is a unit of its own (all but id and name).
const FieldList<Unit> &inlineUnitFields();
const FieldList<Component> &componentFields();
const FieldList<Connection> &connectionFields();
const FieldList<Workload> &workloadFields();
const FieldList<Scenario> &scenarioFields(); // without "events", which is a nested list
const FieldList<ScenarioEvent> &scenarioEventFields();

} // namespace archsim
