// SPDX-License-Identifier: GPL-3.0-or-later
// The model's closed vocabularies (component kinds, distributions, ...) and their file names.
#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <utility>

namespace archsim {

enum class ComponentKind {
    Client,
    Gateway,
    LoadBalancer,
    Service,
    Database,
    Cache,
    Queue,
    Storage,
    External
};
enum class Distribution { Exponential, Constant, Lognormal, Uniform, Weibull, Empirical };
enum class CallMode { Sync, Async };
enum class BalancingPolicy { RoundRobin, LeastOutstanding, Random };
enum class LoadPattern { Constant, Ramp, Step, Spike, Diurnal };
enum class ScenarioAction { Crash, ZoneDown, Latency, Slowdown, Load };

// Each enum's spelling in files and on the command line; the order follows the enum.
template <class E> struct EnumNames;

template <> struct EnumNames<ComponentKind> {
    static constexpr std::array<const char *, 9> names{"client",  "gateway",  "loadbalancer",
                                                       "service", "database", "cache",
                                                       "queue",   "storage",  "external"};
};
template <> struct EnumNames<Distribution> {
    static constexpr std::array<const char *, 6> names{"exponential", "constant", "lognormal",
                                                       "uniform",     "weibull",  "empirical"};
};
template <> struct EnumNames<CallMode> {
    static constexpr std::array<const char *, 2> names{"sync", "async"};
};
template <> struct EnumNames<BalancingPolicy> {
    static constexpr std::array<const char *, 3> names{"round-robin", "least-outstanding",
                                                       "random"};
};
template <> struct EnumNames<LoadPattern> {
    static constexpr std::array<const char *, 5> names{"constant", "ramp", "step", "spike",
                                                       "diurnal"};
};
template <> struct EnumNames<ScenarioAction> {
    static constexpr std::array<const char *, 5> names{"crash", "zone-down", "latency", "slowdown",
                                                       "load"};
};

// Named enumName, not toString: an unconstrained toString would clash with QTest::toString.
template <class E> QString enumName(E value) {
    return QString::fromLatin1(EnumNames<E>::names.at(static_cast<std::size_t>(value)));
}

template <class E> std::optional<E> enumFromString(const QString &text) {
    const auto &names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (text == QLatin1String(names[i])) return static_cast<E>(i);
    return std::nullopt;
}

template <class E> QStringList enumNames() {
    QStringList list;
    for (const char *name : EnumNames<E>::names)
        list << QString::fromLatin1(name);
    return list;
}

template <class E> constexpr std::size_t enumCount() {
    return EnumNames<E>::names.size();
}

} // namespace archsim
