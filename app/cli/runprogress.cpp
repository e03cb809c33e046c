// SPDX-License-Identifier: GPL-3.0-or-later
#include "runprogress.h"

#include <cstdio>
#include <unistd.h>

namespace archsim::cli {

RunProgress::RunProgress(QString label)
    : m_label(std::move(label)) {
    m_timer.start();
}

RunProgress::~RunProgress() {
    if (m_shown) std::fprintf(stderr, "\r%*s\r", 60, "");
}

std::function<void(double)> RunProgress::callback() {
    if (!isatty(fileno(stderr))) return {};
    return [this](double fraction) { show(fraction); };
}

void RunProgress::show(double fraction) {
    if (m_timer.elapsed() < 1000) return;
    m_shown = true;
    std::fprintf(stderr, "\r%s %3d%%", qPrintable(m_label), int(fraction * 100));
    std::fflush(stderr);
}

} // namespace archsim::cli
