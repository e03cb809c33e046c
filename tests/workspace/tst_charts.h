// SPDX-License-Identifier: GPL-3.0-or-later
// Chart checks, run by tst_workspace: each chart built from a hand-made result has the expected
// series, values and axis ranges; files are written as PNG, SVG and CSV.
#pragma once

#include <QObject>

class TestCharts : public QObject {
    Q_OBJECT
private slots:
    void latencyChartHasErrorRateAndShades();
    void trafficChart();
    void replicasChartFollowsTheLoad();
    void utilisationBarsSortedWithThresholds();
    void distributionThroughPercentiles();
    void sweepOneAxisKneeAndSaturation();
    void availabilityAndBlastRadius();
    void overlayTwoRuns();
    void filesPngSvgCsv();
};
