// SPDX-License-Identifier: GPL-3.0-or-later
// The generated design the editor and workspace benchmarks share: N components in layers, each
// its own unit, 2N calls from each layer to random callees in the next.
#pragma once

#include "model/project.h"

namespace archsim::bench {

Project generate(int components, int connections, int layers);

} // namespace archsim::bench
