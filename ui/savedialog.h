// SPDX-License-Identifier: GPL-3.0-or-later
// Asking where to save: the file gets the extension of the chosen filter when the typed name
// has none of the offered ones ("shop" with "JSON interchange (*.json)" → "shop.json").
#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace archsim::ui {

// PATH with the first extension of FILTER appended, unless PATH already ends in an extension
// any of FILTERS offers (case-insensitive).
QString pathWithFilterSuffix(const QString &path, const QString &filter,
                             const QStringList &filters);

// A save dialog offering FILTERS, starting at SUGGESTED (its extension picks the filter).
// Returns the chosen path with its extension, or empty when cancelled. When the extension
// was added and that file exists, asks before replacing it.
QString askSavePath(QWidget *parent, const QString &title, const QString &suggested,
                    const QStringList &filters);

} // namespace archsim::ui
