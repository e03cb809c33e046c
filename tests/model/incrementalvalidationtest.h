// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of incremental validation: after every kind of edit its problems equal those of a
// full validation of the edited project (the independent answer).
#pragma once

#include <QObject>

class IncrementalValidationTest : public QObject {
    Q_OBJECT
private slots:
    void firstUpdateEqualsFullValidation();
    void eachKindOfEdit_data();
    void eachKindOfEdit();
    void randomEditSequences();
    void untouchedVariantsAreNotRechecked();
    void placedLocationsMatchTheirPaths();
};
