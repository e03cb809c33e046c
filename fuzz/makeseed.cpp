// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a .json project as a current-schema .archsim file: a seed for the opener's corpus.
#include "model/projectfile.h"

#include <cstdio>

int main(int argc, char **argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: archsim-fuzz-seed IN.json OUT.archsim\n");
        return 2;
    }
    const archsim::ReadResult read = archsim::loadProject(QString::fromLocal8Bit(argv[1]));
    if (!read.ok()) return 1;
    return archsim::saveProject(QString::fromLocal8Bit(argv[2]), read.project).isEmpty() ? 0 : 1;
}
