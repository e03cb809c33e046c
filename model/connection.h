// SPDX-License-Identifier: GPL-3.0-or-later
// A connection: caller -> callee, sync or async, with calls per visit and resilience settings.
#pragma once

#include "model/enums.h"

#include <QJsonObject>
#include <QString>

namespace archsim {

struct Connection {
    QString id; // optional; the editor assigns one, files may omit it
    QString from;
    QString to;
    CallMode mode = CallMode::Sync;
    double calls = 1;     // mean calls per visit; the fraction is a probability
    double latencyMs = 0; // network latency each way when the call crosses units
    double timeoutMs = 0; // 0: no timeout
    int retries = 0;
    double retryBackoffMs = 0;
    double retryJitter = 0;   // 0..1, share of the backoff drawn at random
    int breakerThreshold = 0; // consecutive failures that open the circuit; 0: no breaker
    double breakerOpenMs = 5000;
    bool optional = false; // a failure degrades the response instead of failing it
    QString parallelGroup; // sync calls of the same group run concurrently
    QJsonObject extra;

    bool operator==(const Connection &) const = default;
};

} // namespace archsim
