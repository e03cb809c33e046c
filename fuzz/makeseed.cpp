// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a project (.json or .archsim) as a compact current-schema .archsim file, a seed for the
// opener's corpus: small pages, so the fuzzer's mutations land on the file's content.
#include "model/projectfile.h"

#include <sqlite3.h>

#include <cstdio>

namespace {
int compact(const char *path) {
    sqlite3 *db = nullptr;
    int rc = sqlite3_open(path, &db);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "PRAGMA page_size = 512; VACUUM;", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : 1;
}
} // namespace

// archsim-fuzz-seed IN OUT.archsim: save IN in the current schema, compacted;
// archsim-fuzz-seed --compact FILE.archsim: compact FILE as it is (any schema version).
int main(int argc, char **argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: archsim-fuzz-seed IN.json|IN.archsim OUT.archsim\n"
                             "       archsim-fuzz-seed --compact FILE.archsim\n");
        return 2;
    }
    if (QByteArray(argv[1]) == "--compact") return compact(argv[2]);
    const archsim::ReadResult read = archsim::loadProject(QString::fromLocal8Bit(argv[1]));
    if (!read.ok()) return 1;
    if (!archsim::saveProject(QString::fromLocal8Bit(argv[2]), read.project).isEmpty()) return 1;
    return compact(argv[2]);
}
