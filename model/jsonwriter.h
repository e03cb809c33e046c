// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a Project as the .json interchange format; fields equal to their default are left out.
#pragma once

#include "model/project.h"

#include <QByteArray>

namespace archsim {

QByteArray writeProjectJson(const Project &project);

} // namespace archsim
