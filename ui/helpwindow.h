// SPDX-License-Identifier: GPL-3.0-or-later
// Help → ArchSim Help: the pages of docs/ (compiled into the app) in a browser window, with
// the list of pages beside them; links between pages follow, web links open outside.
#pragma once

#include <QWidget>

class QListWidget;
class QTextBrowser;

namespace archsim::ui {

class HelpWindow : public QWidget {
    Q_OBJECT
public:
    explicit HelpWindow(QWidget *parent = nullptr);

    // Shows PAGE ("editor.md"); returns false when there is no such page.
    bool showPage(const QString &page);
    QString currentPage() const;
    QTextBrowser *browser() const { return m_browser; }
    QListWidget *pageList() const { return m_pages; }

private:
    QListWidget *m_pages;
    QTextBrowser *m_browser;
};

// The pages compiled in, in reading order ("editor.md", "model.md", ...).
QStringList helpPages();
// Opens (or raises) the one help window of PARENT at PAGE.
HelpWindow *showHelp(QWidget *parent, const QString &page = QStringLiteral("editor.md"));

} // namespace archsim::ui
