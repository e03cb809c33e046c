// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/savedialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>

namespace archsim::ui {

namespace {

// "ArchSim project (*.archsim)" → {"archsim"}.
QStringList suffixesOf(const QString &filter) {
    static const QRegularExpression pattern(QStringLiteral("\\*\\.([A-Za-z0-9_.-]+)"));
    QStringList suffixes;
    for (auto it = pattern.globalMatch(filter); it.hasNext();)
        suffixes << it.next().captured(1).toLower();
    return suffixes;
}

} // namespace

QString pathWithFilterSuffix(const QString &path, const QString &filter,
                             const QStringList &filters) {
    if (path.isEmpty()) return path;
    const QString name = QFileInfo(path).fileName().toLower();
    for (const QString &f : filters)
        for (const QString &suffix : suffixesOf(f))
            if (name.endsWith(QLatin1Char('.') + suffix) && name.size() > suffix.size() + 1)
                return path;
    const QStringList wanted = suffixesOf(filter);
    return wanted.isEmpty() ? path : path + QLatin1Char('.') + wanted.first();
}

QString askSavePath(QWidget *parent, const QString &title, const QString &suggested,
                    const QStringList &filters) {
    QFileDialog dialog(parent, title);
    dialog.setObjectName(QStringLiteral("saveDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilters(filters);
    // Suggest the name without its extension: the filter chosen adds the right one.
    const QFileInfo info(suggested);
    const QString suffix = info.suffix().toLower();
    for (const QString &f : filters)
        if (!suffix.isEmpty() && suffixesOf(f).contains(suffix)) {
            dialog.selectNameFilter(f);
            break;
        }
    if (!info.path().isEmpty() && info.path() != QLatin1String(".") && info.dir().exists())
        dialog.setDirectory(info.dir());
    dialog.selectFile(suffix.isEmpty() ? info.fileName() : info.completeBaseName());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return {};
    const QString chosen = dialog.selectedFiles().first();
    const QString path = pathWithFilterSuffix(chosen, dialog.selectedNameFilter(), filters);
    if (path != chosen && QFileInfo::exists(path)) {
        const auto answer = QMessageBox::question(
            parent, title,
            QObject::tr("%1 already exists. Replace it?").arg(QFileInfo(path).fileName()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) return {};
    }
    return path;
}

} // namespace archsim::ui
