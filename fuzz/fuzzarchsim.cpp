// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes opened as a .archsim project (SQLite file, schema check,
// migrations, rows into the model).
#include "model/projectstore.h"
#include "model/validator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    // One file per process, rewritten for every input (SQLite opens by path).
    static const QString path =
        QDir::tempPath() +
        QStringLiteral("/archsim-fuzz-%1.archsim").arg(QCoreApplication::applicationPid());
    QFile::remove(path + QStringLiteral("-journal"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return 0;
    file.write(reinterpret_cast<const char *>(data), qint64(size));
    file.close();
    const archsim::ReadResult read = archsim::loadProjectFile(path);
    if (read.ok()) (void)archsim::validateProject(read.project);
    return 0;
}
