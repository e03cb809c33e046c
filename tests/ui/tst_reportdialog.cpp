// SPDX-License-Identifier: GPL-3.0-or-later
// tst_reportdialog: File → Export Report in the main window, clicked as a user would: the
// dialog runs the studies on a worker thread and writes the file; Cancel writes nothing.
#include "ui/compare/comparewindow.h"
#include "ui/mainwindow.h"
#include "ui/report/reportdialog.h"

#include "model/projectfile.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace archsim;
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

    void csvHasTheCompareWindowsNumbers() {
        // Both windows' defaults: 250/s, p99 <= 400 ms, error rate <= 0.01, availability >=
        // 0.999, 4 replications of 20 s, seed 1. The report's CSV must carry the very values
        // the Compare window shows.
        QTemporaryDir dir;
        ProjectDocument document(
            loadProject(QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json")).project);
        CompareWindow compare(&document);
        QSignalSpy compared(&compare, &CompareWindow::finished);
        compare.run();
        QVERIFY(compared.wait(280000));
        ReportDialog dialog(&document);
        const QString out = dir.filePath(QStringLiteral("same.csv"));
        dialog.setOutputPath(out);
        QSignalSpy exported(&dialog, &ReportDialog::exported);
        QTest::mouseClick(button(&dialog, QStringLiteral("&Export")), Qt::LeftButton);
        QVERIFY(exported.wait(280000));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QStringList lines = QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"));
        int checked = 0;
        const QJsonArray variants = compare.result().value(QStringLiteral("variants")).toArray();
        for (const QJsonValue &rv : compare.result().value(QStringLiteral("rows")).toArray()) {
            const QJsonObject row = rv.toObject();
            const QJsonArray values = row.value(QStringLiteral("values")).toArray();
            for (int v = 0; v < values.size(); ++v) {
                if (!values[v].isDouble()) continue;
                // section,metric,subject,variant,value,... (these names need no quoting)
                const QString prefix =
                    QStringLiteral("compare,%1,%2,%3,")
                        .arg(row.value(QStringLiteral("metric")).toString(),
                             row.value(QStringLiteral("workload")).toString(),
                             variants[v].toObject().value(QStringLiteral("name")).toString());
                bool found = false;
                for (const QString &line : lines)
                    if (line.startsWith(prefix)) {
                        QCOMPARE(line.mid(prefix.size()).section(QLatin1Char(','), 0, 0).toDouble(),
                                 values[v].toDouble());
                        found = true;
                    }
                QVERIFY2(found, qPrintable(prefix));
                ++checked;
            }
        }
        QVERIFY(checked > 40);
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
