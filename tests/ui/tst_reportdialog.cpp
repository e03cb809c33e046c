// SPDX-License-Identifier: GPL-3.0-or-later
// tst_reportdialog: File → Export Report in the main window, clicked as a user would: the
// dialog runs the studies on a worker thread and writes the file; Cancel writes nothing.
#include "ui/mainwindow.h"
#include "ui/report/reportdialog.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace archsim::ui;

namespace {

QPushButton *button(QWidget *parent, const QString &text) {
    for (QPushButton *b : parent->findChildren<QPushButton *>())
        if (b->text() == text) return b;
    return nullptr;
}

ReportDialog *openDialog(MainWindow &window) {
    QAction *action = window.findChild<QAction *>(QStringLiteral("exportReport"));
    if (!action) return nullptr;
    action->trigger();
    const auto dialogs = window.findChildren<ReportDialog *>();
    return dialogs.isEmpty() ? nullptr : dialogs.last();
}

} // namespace

class TestReportDialog : public QObject {
    Q_OBJECT
private slots:
    void exportReportWritesAPdf() {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openProject(QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json")));
        window.show();
        ReportDialog *dialog = openDialog(window);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QString out = dir.filePath(QStringLiteral("shop report.pdf"));
        dialog->setOutputPath(out);
        QSignalSpy exported(dialog, &ReportDialog::exported);
        QTest::mouseClick(button(dialog, QStringLiteral("&Export")), Qt::LeftButton);
        QVERIFY(dialog->isRunning());
        QVERIFY(exported.wait(280000));
        QCOMPARE(exported.first().first().toString(), out);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.size() > 20000);
        QCOMPARE(f.read(5), QByteArray("%PDF-"));
        // The dialog tells the verdict in its status line.
        bool told = false;
        for (QLabel *l : dialog->findChildren<QLabel *>())
            told |= l->text().contains(QLatin1String("Recommendation:"));
        QVERIFY(told);
    }

    void cancelWritesNothing() {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openProject(QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json")));
        ReportDialog *dialog = openDialog(window);
        QVERIFY(dialog);
        const QString out = dir.filePath(QStringLiteral("never.html"));
        dialog->setOutputPath(out);
        QTest::mouseClick(button(dialog, QStringLiteral("&Export")), Qt::LeftButton);
        QVERIFY(dialog->isRunning());
        QTest::mouseClick(button(dialog, QStringLiteral("Cancel run")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 30000);
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_MAIN(TestReportDialog)
#include "tst_reportdialog.moc"
