// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes through the .json interchange reader, the validator and the writer.
#include "model/jsonreader.h"
#include "model/jsonwriter.h"
#include "model/validator.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const archsim::ReadResult read =
        archsim::readProjectJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!read.ok()) return 0;
    (void)archsim::validateProject(read.project);
    // What was read is written back and read again: the writer must accept anything the
    // reader produced.
    (void)archsim::readProjectJson(archsim::writeProjectJson(read.project));
    return 0;
}
