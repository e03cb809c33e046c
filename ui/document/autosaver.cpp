// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/autosaver.h"

#include "ui/document/projectdocument.h"

#include "model/projectfile.h"

#include <QDir>
#include <QFile>

namespace archsim::ui {

Autosaver::Autosaver(ProjectDocument *document, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_directory(directory) {
    m_timer.setInterval(30 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &Autosaver::saveNow);
    m_timer.start();
    // Saved or back at the saved state: the recovery copy is not needed any more.
    connect(document->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean) discard();
    });
}

QString Autosaver::recoveryPath() const {
    return m_directory + QStringLiteral("/recovery.json");
}

QString Autosaver::recoveredFilePath() const {
    QFile f(m_directory + QStringLiteral("/recovery.path"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readLine()).trimmed() : QString();
}

QString Autosaver::recoveredName() const {
    QFile f(m_directory + QStringLiteral("/recovery.path"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    f.readLine();
    return QString::fromUtf8(f.readLine()).trimmed();
}

bool Autosaver::hasRecovery() const {
    return QFile::exists(recoveryPath());
}

void Autosaver::saveNow() {
    if (!m_document->isModified()) return;
    QDir().mkpath(m_directory);
    if (!saveProject(recoveryPath(), m_document->project()).isEmpty())
        return; // a failed autosave must not disturb the user; the next one tries again
    QFile f(m_directory + QStringLiteral("/recovery.path"));
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write((m_document->filePath() + QLatin1Char('\n') + m_document->displayName()).toUtf8());
}

void Autosaver::discard() {
    QFile::remove(recoveryPath());
    QFile::remove(m_directory + QStringLiteral("/recovery.path"));
}

} // namespace archsim::ui
