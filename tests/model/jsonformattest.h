// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of the .json interchange format: every field, defaults, errors with JSON paths.
#pragma once

#include <QObject>

class JsonFormatTest : public QObject {
    Q_OBJECT
private slots:
    void roundTripKeepsEveryField();
    void writesEveryFieldUnderItsName();
    void appliesDefaultsOfMissingFields();
    void componentWithoutUnitIsAUnitOfItsOwn();
    void keepsUnknownFieldsAndWarns();
    void exampleRoundTripsByteForByte();
    void reportsTypeErrorsWithPath_data();
    void reportsTypeErrorsWithPath();
    void refusesNewerVersion();
    void refusesInvalidJsonWithLineAndColumn();
    void refusesOtherDocuments();
};
