// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/helpwindow.h"

#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QListWidget>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QUrl>

namespace archsim::ui {

namespace {

const char *kDocsRoot = ":/docs/";

// A page's title: its first "# " heading.
QString titleOf(const QString &page) {
    QFile file(QString::fromLatin1(kDocsRoot) + page);
    if (!file.open(QIODevice::ReadOnly)) return page;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith(QLatin1String("# "))) return line.mid(2);
    }
    return page;
}

// "The inspector" → "the-inspector", as GitHub names a heading's anchor (the docs link so).
QString slugOf(const QString &heading) {
    QString slug;
    for (const QChar ch : heading.trimmed().toLower()) {
        if (ch.isLetterOrNumber() || ch == QLatin1Char('_') || ch == QLatin1Char('-'))
            slug += ch;
        else if (ch.isSpace())
            slug += QLatin1Char('-');
    }
    return slug;
}

// Qt's Markdown reader gives headings no anchors: add them, so "#section" links work.
void anchorHeadings(QTextDocument *document) {
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() == 0) continue;
        QTextCursor cursor(block);
        cursor.select(QTextCursor::BlockUnderCursor);
        QTextCharFormat format;
        format.setAnchor(true);
        format.setAnchorNames({slugOf(block.text())});
        cursor.mergeCharFormat(format);
    }
}

} // namespace

QStringList helpPages() {
    // A person starts with the editor and the model; references and build pages come last.
    static const QStringList order{
        QStringLiteral("editor.md"),       QStringLiteral("model.md"),
        QStringLiteral("workspace.md"),    QStringLiteral("simulator.md"),
        QStringLiteral("failures.md"),     QStringLiteral("compare.md"),
        QStringLiteral("reports.md"),      QStringLiteral("calibration.md"),
        QStringLiteral("file-formats.md"), QStringLiteral("cli.md"),
        QStringLiteral("installing.md")};
    const QStringList present =
        QDir(QString::fromLatin1(kDocsRoot)).entryList({QStringLiteral("*.md")}, QDir::Files);
    QStringList pages;
    for (const QString &p : order)
        if (present.contains(p)) pages << p;
    for (const QString &p : present)
        if (!pages.contains(p)) pages << p;
    return pages;
}

HelpWindow::HelpWindow(QWidget *parent)
    : QWidget(parent, Qt::Window) {
    setObjectName(QStringLiteral("helpWindow"));
    setWindowTitle(tr("ArchSim Help"));
    auto *splitter = new QSplitter(this);
    m_pages = new QListWidget(splitter);
    for (const QString &page : helpPages()) {
        auto *item = new QListWidgetItem(titleOf(page), m_pages);
        item->setData(Qt::UserRole, page);
        item->setToolTip(page);
    }
    m_browser = new QTextBrowser(splitter);
    m_browser->setOpenExternalLinks(true); // web links go to the browser
    m_browser->setSearchPaths({QString::fromLatin1(kDocsRoot)});
    splitter->addWidget(m_pages);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 780});
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    resize(1000, 720);

    connect(m_pages, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && item->data(Qt::UserRole).toString() != currentPage())
            showPage(item->data(Qt::UserRole).toString());
    });
    // A link followed inside the text selects its page in the list.
    connect(m_browser, &QTextBrowser::sourceChanged, this, [this](const QUrl &url) {
        anchorHeadings(m_browser->document());
        if (url.hasFragment()) m_browser->scrollToAnchor(url.fragment());
        const QString page = url.fileName();
        for (int i = 0; i < m_pages->count(); ++i)
            if (m_pages->item(i)->data(Qt::UserRole).toString() == page) {
                const QSignalBlocker blocker(m_pages);
                m_pages->setCurrentRow(i);
            }
    });
}

bool HelpWindow::showPage(const QString &page) {
    if (!QFile::exists(QString::fromLatin1(kDocsRoot) + page)) return false;
    m_browser->setSource(QUrl(QStringLiteral("qrc") + QString::fromLatin1(kDocsRoot) + page),
                         QTextDocument::MarkdownResource);
    return true;
}

QString HelpWindow::currentPage() const {
    return m_browser->source().fileName();
}

HelpWindow *showHelp(QWidget *parent, const QString &page) {
    auto *window =
        parent->findChild<HelpWindow *>(QStringLiteral("helpWindow"), Qt::FindDirectChildrenOnly);
    if (!window) window = new HelpWindow(parent);
    window->showPage(page);
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

} // namespace archsim::ui
