// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of .archsim project files: round trips, migration, crash safety, bad files.
#pragma once

#include <QObject>
#include <QTemporaryDir>

class ProjectStoreTest : public QObject {
    Q_OBJECT
private slots:
    void init();
    void roundTripKeepsEveryField();
    void jsonToArchsimToJsonIsLossless();
    void fileIsMarkedAndVersioned();
    void layoutLivesInItsOwnTable();
    void savingAgainReplacesContent();
    void interruptedSaveKeepsPreviousContent();
    void killedSaveKeepsPreviousContent();
    void migratesVersion1Forward();
    void badFilesGiveClearErrors_data();
    void badFilesGiveClearErrors();
    void refusesToOverwriteForeignFiles();
    // Issue 15.
    void killedFirstSaveLeavesNoFile();
    void interruptedFirstSaveIsRecognised_data();
    void interruptedFirstSaveIsRecognised();
    void newFileGetsUsualPermissions();
    void openingVersion1ClosesTheFile();
    void mislabelledSchemaVersionIsExplained();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};
