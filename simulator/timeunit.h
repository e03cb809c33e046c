// SPDX-License-Identifier: GPL-3.0-or-later
// The engines' one time unit, the millisecond: the model and the options speak seconds,
// minutes and hours, and every conversion to or from the compiled unit is one of these.
#pragma once

namespace archsim::sim {

constexpr double msFromSeconds(double seconds) {
    return seconds * 1000;
}
constexpr double msFromMinutes(double minutes) {
    return minutes * 60000;
}
constexpr double msFromHours(double hours) {
    return hours * 3.6e6;
}
constexpr double secondsFromMs(double ms) {
    return ms / 1000;
}
constexpr double hoursFromMs(double ms) {
    return ms / 3.6e6;
}
// A rate per second as a rate per ms.
constexpr double perMsFromPerSecond(double perSecond) {
    return perSecond / 1000;
}
constexpr double perSecondFromPerMs(double perMs) {
    return perMs * 1000;
}

} // namespace archsim::sim
