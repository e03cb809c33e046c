// SPDX-License-Identifier: GPL-3.0-or-later
// "What if it fails?": the workloads a unit's failure hits and the share of their requests lost,
// from the static failure analysis, with a button to run it as a crash in the DES engine.
#pragma once

#include "simulator/failures/failureanalysis.h"

#include <QDialog>

namespace archsim::ui {

class WhatIfDialog : public QDialog {
    Q_OBJECT
public:
    WhatIfDialog(const QString &unit, const sim::FailureReport &report, QWidget *parent = nullptr);

signals:
    void runCrash(const QString &unit);
};

} // namespace archsim::ui
