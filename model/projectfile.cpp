// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/projectfile.h"

#include "model/jsonwriter.h"
#include "model/projectstore.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace archsim {

namespace {
Problem problem(const QString &message) {
    Problem p;
    p.message = message;
    return p;
}

// A JSON project is a document for people; anything this large is not one.
constexpr qint64 kMaxJsonBytes = qint64(512) * 1024 * 1024;
} // namespace

ProjectFormat formatForPath(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json")) return ProjectFormat::Json;
    if (suffix == QLatin1String("archsim")) return ProjectFormat::Archsim;
    return ProjectFormat::Unknown;
}

ReadResult loadProject(const QString &path) {
    switch (formatForPath(path)) {
    case ProjectFormat::Archsim:
        return loadProjectFile(path);
    case ProjectFormat::Json: {
        ReadResult result;
        QFile file(path);
        if (!file.exists()) {
            result.problems << problem(QStringLiteral("file not found"));
        } else if (file.size() > kMaxJsonBytes) {
            result.problems << problem(QStringLiteral("the file is larger than 512 MiB"));
        } else if (!file.open(QIODevice::ReadOnly)) {
            result.problems << problem(QStringLiteral("cannot read: %1").arg(file.errorString()));
        } else {
            result = readProjectJson(file.readAll());
        }
        return result;
    }
    case ProjectFormat::Unknown:
        break;
    }
    ReadResult result;
    result.problems << problem(
        QStringLiteral("unknown file type: use a .archsim project or a .json interchange file"));
    return result;
}

ProblemList saveProject(const QString &path, const Project &project) {
    switch (formatForPath(path)) {
    case ProjectFormat::Archsim:
        return saveProjectFile(path, project);
    case ProjectFormat::Json: {
        // QSaveFile writes a temporary file and renames it: a crash keeps the old file.
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {problem(QStringLiteral("cannot write: %1").arg(file.errorString()))};
        file.write(writeProjectJson(project));
        if (!file.commit())
            return {problem(QStringLiteral("cannot write: %1").arg(file.errorString()))};
        return {};
    }
    case ProjectFormat::Unknown:
        break;
    }
    return {problem(
        QStringLiteral("unknown file type: use a .archsim project or a .json interchange file"))};
}

} // namespace archsim
