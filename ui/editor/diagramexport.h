// SPDX-License-Identifier: GPL-3.0-or-later
// Draws a variant's diagram into a PNG or SVG file, without any window (also from the CLI).
#pragma once

#include "model/project.h"

namespace archsim::ui {

class DiagramScene;

// Writes OUT (.png or .svg by extension); returns an error message, empty on success.
QString exportDiagram(const Project &project, int variant, const QString &out);
QString exportScene(DiagramScene *scene, const QString &out);

} // namespace archsim::ui
