// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: every valid model goes through compile, the analytic engine, the failure
// analysis and a short discrete-event run; none may crash, hang or hit undefined behaviour.
#include "model/jsonreader.h"
#include "simulator/analytic/analyticengine.h"
#include "simulator/compiledmodel.h"
#include "simulator/des/desengine.h"
#include "simulator/failures/failureanalysis.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using namespace archsim;
    const ReadResult read =
        readProjectJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!read.ok()) return 0;
    for (int i = 0; i < read.project.variants.size() && i < 2; ++i) {
        const Variant &variant = read.project.variants[i];
        const sim::CompileResult compiled = sim::compileVariant(variant, i);
        if (!compiled.model) continue;
        (void)sim::analyze(*compiled.model);
        (void)sim::analyzeFailures(variant, *compiled.model);
        sim::DesOptions des;
        des.durationSec = 1;
        des.warmupSec = 0.1;
        des.workerThreads = 1;
        des.maxEvents = 100'000; // short: the fuzzer wants many inputs, not long runs
        des.maxInFlight = 10'000;
        (void)sim::simulate(*compiled.model, des);
    }
    return 0;
}
