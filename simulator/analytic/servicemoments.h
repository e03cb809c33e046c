// SPDX-License-Identifier: GPL-3.0-or-later
// The squared coefficient of variation of a component's own work, by its distribution.
#pragma once

#include "simulator/compiledmodel.h"

namespace archsim::sim::analytic {

inline double serviceScv(const CompiledComponent &c) {
    switch (c.distribution) {
    case Distribution::Exponential:
        return 1;
    case Distribution::Constant:
        return 0;
    case Distribution::Lognormal:
        return c.cv * c.cv;
    case Distribution::Uniform:
        return 1.0 / 3.0; // uniform on [0, 2 x mean]
    }
    return 1;
}

} // namespace archsim::sim::analytic
