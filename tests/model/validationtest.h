// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of model validation: every kind of problem is found and named by its place.
#pragma once

#include <QObject>

class ValidationTest : public QObject {
    Q_OBJECT
private slots:
    void exampleIsValid();
    void smallVariantIsValid();
    void reportsEachProblemAtItsPlace_data();
    void reportsEachProblemAtItsPlace();
    void reportsEveryProblemAtOnce();
    void projectLevelProblems();
    void warningsDoNotMakeAModelInvalid();
    void autoscalingWarnings();
    void typedLocationOfEachPath();
};
