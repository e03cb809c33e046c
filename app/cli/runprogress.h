// SPDX-License-Identifier: GPL-3.0-or-later
// Progress of a long run on stderr: only when stderr is a terminal and after the first second.
#pragma once

#include <QElapsedTimer>
#include <QString>

#include <functional>

namespace archsim::cli {

class RunProgress {
public:
    explicit RunProgress(QString label);
    ~RunProgress();
    // A callback for the engines, or an empty one when stderr is not a terminal.
    std::function<void(double)> callback();

private:
    void show(double fraction);
    QString m_label;
    QElapsedTimer m_timer;
    bool m_shown = false;
};

} // namespace archsim::cli
