// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/study/calibrationtraces.h"

#include "model/traces/otlpwriter.h"

#include <cmath>

namespace archsim::sim {

std::vector<traces::Span> simulatedSpans(const CompiledModel &model,
                                         const std::vector<SimSpan> &spans, std::int64_t epochNs) {
    std::vector<traces::Span> out;
    std::vector<char> keep(spans.size(), 0);
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const SimSpan &s = spans[i];
        keep[i] = s.endMs >= 0 && (s.parent < 0 || keep[std::size_t(s.parent)]);
        if (!keep[i]) continue;
        const CompiledComponent &c = model.components[std::size_t(s.comp)];
        const CompiledUnit &u = model.units[std::size_t(c.unit)];
        traces::Span t;
        t.traceId = traces::hexId(s.trace, 32);
        t.spanId = traces::hexId(i + 1, 16);
        if (s.parent >= 0) t.parentId = traces::hexId(std::uint64_t(s.parent) + 1, 16);
        t.service = c.id;
        t.instance =
            s.replica >= 0 ? u.id + u'-' + QString::number(s.replica - u.firstReplica) : u.id;
        switch (s.kind) {
        case SimSpan::Server:
            t.kind = traces::SpanKind::Server;
            break;
        case SimSpan::Client:
            t.kind = traces::SpanKind::Client;
            break;
        case SimSpan::Producer:
            t.kind = traces::SpanKind::Producer;
            break;
        case SimSpan::Consumer:
            t.kind = traces::SpanKind::Consumer;
            break;
        }
        t.operation = s.target >= 0
                          ? QStringLiteral("call ") + model.components[std::size_t(s.target)].id
                          : c.id;
        t.startNs = epochNs + std::llround(s.startMs * 1e6);
        t.endNs = epochNs + std::llround(s.endMs * 1e6);
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace archsim::sim
