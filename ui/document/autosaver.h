// SPDX-License-Identifier: GPL-3.0-or-later
// Autosave: writes the open project to a recovery file while it has unsaved changes, removes
// it after a save or a clean close, and tells at start-up whether a crash left one behind.
#pragma once

#include <QObject>
#include <QTimer>

namespace archsim::ui {

class ProjectDocument;

class Autosaver : public QObject {
    Q_OBJECT
public:
    Autosaver(ProjectDocument *document, const QString &directory, QObject *parent = nullptr);

    QString recoveryPath() const;
    // The file the recovered project came from (empty for a new project), kept next to it.
    QString recoveredFilePath() const;
    // The name it was shown with ("shop.archsim" for the bundled example, which has no file).
    QString recoveredName() const;
    bool hasRecovery() const;
    void saveNow();
    void discard();
    void setInterval(int ms) { m_timer.setInterval(ms); }

private:
    ProjectDocument *m_document;
    QString m_directory;
    QTimer m_timer;
};

} // namespace archsim::ui
