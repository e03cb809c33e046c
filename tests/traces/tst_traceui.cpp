// SPDX-License-Identifier: GPL-3.0-or-later
// File > Import Traces and File > Back-test Traces, driven by clicks on their buttons.
#include "model/projectfile.h"
#include "ui/document/projectdocument.h"
#include "ui/traces/backtestdialog.h"
#include "ui/traces/importtracesdialog.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace archsim;

class TestTraceUi : public QObject {
    Q_OBJECT
private slots:
    void importAddsAndShowsAVariant();
    void importIntoADesignListsDifferences();
    void importIntoANewProjectReplacesItsEmptyVariant();
    void backtestFillsTheChartAndTable();
};

namespace {

QPushButton *button(QWidget *dialog, const QString &text) {
    for (QPushButton *b : dialog->findChildren<QPushButton *>())
        if (b->text().remove(u'&') == text) return b;
    return nullptr;
}

} // namespace

void TestTraceUi::importAddsAndShowsAVariant() {
    ui::ProjectDocument document(
        loadProject(QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json")).project);
    const int before = int(document.project().variants.size());
    ui::ImportTracesDialog dialog(&document);
    dialog.setFiles({QStringLiteral(ARCHSIM_TRACE_DATA "/jaeger.json")});
    QSignalSpy spy(&dialog, &ui::ImportTracesDialog::imported);
    QTest::mouseClick(button(&dialog, QStringLiteral("Import")), Qt::LeftButton);
    QVERIFY(spy.wait(10000));
    QCOMPARE(spy.first().first().toBool(), true);
    QCOMPARE(int(document.project().variants.size()), before + 1);
    const Variant &v = document.currentVariant(); // the new variant is the one shown
    QCOMPARE(v.name, QStringLiteral("Observed"));
    QCOMPARE(v.components.size(), 5);
    QCOMPARE(dialog.differencesTable()->rowCount(), 5); // one row per service
    document.undoStack()->undo();
    QCOMPARE(int(document.project().variants.size()), before);
}

void TestTraceUi::importIntoADesignListsDifferences() {
    ui::ProjectDocument document(
        loadProject(QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json")).project);
    const QString designed = document.project().variants.first().name;
    ui::ImportTracesDialog dialog(&document);
    dialog.setFiles({QStringLiteral(ARCHSIM_TRACE_DATA "/otlp.json")});
    dialog.setDesigned(designed);
    QSignalSpy spy(&dialog, &ui::ImportTracesDialog::imported);
    QSignalSpy highlighted(&dialog, &ui::ImportTracesDialog::highlight);
    QTest::mouseClick(button(&dialog, QStringLiteral("Import")), Qt::LeftButton);
    QVERIFY(spy.wait(10000));
    QCOMPARE(document.currentVariant().name, designed + QStringLiteral(" (observed)"));
    // Every difference is highlighted: the traced services the shop has no component for are
    // new components of the shown variant.
    QCOMPARE(highlighted.size(), 1);
    const QStringList components = highlighted.first().at(0).toStringList();
    QVERIFY2(components.contains(QStringLiteral("pricing")), qPrintable(components.join(u',')));
    for (const QString &id : components)
        QVERIFY(document.currentVariant().findComponent(id));
    QCOMPARE(document.currentVariantIndex(), 1);
    QVERIFY(dialog.differencesTable()->rowCount() > 0);
    QStringList kinds;
    for (int i = 0; i < dialog.differencesTable()->rowCount(); ++i)
        kinds << dialog.differencesTable()->item(i, 0)->text();
    QVERIFY(kinds.contains(QStringLiteral("designed-not-observed")));
}

void TestTraceUi::importIntoANewProjectReplacesItsEmptyVariant() {
    Project blank;
    blank.variants.append(Variant{});
    blank.variants.first().name = QStringLiteral("Main");
    ui::ProjectDocument document(blank);
    ui::ImportTracesDialog dialog(&document);
    dialog.setFiles({QStringLiteral(ARCHSIM_TRACE_DATA "/spans.csv.gz")});
    QSignalSpy spy(&dialog, &ui::ImportTracesDialog::imported);
    QTest::mouseClick(button(&dialog, QStringLiteral("Import")), Qt::LeftButton);
    QVERIFY(spy.wait(10000));
    QCOMPARE(int(document.project().variants.size()), 1);
    QCOMPARE(document.currentVariant().name, QStringLiteral("Observed"));
    QCOMPARE(document.currentVariant().components.size(), 5);
}

void TestTraceUi::backtestFillsTheChartAndTable() {
    ui::BacktestDialog dialog;
    dialog.setFiles({QStringLiteral(ARCHSIM_TRACE_DATA "/zipkin.json")});
    dialog.setWindows(0, 1, 0, 1);
    QSignalSpy spy(&dialog, &ui::BacktestDialog::done);
    QTest::mouseClick(button(&dialog, QStringLiteral("Run Back-test")), Qt::LeftButton);
    QVERIFY(spy.wait(60000));
    QCOMPARE(spy.first().first().toBool(), true);
    QCOMPARE(dialog.table()->rowCount(), 4); // mean, p50, p95, p99 of the one entry operation
    QCOMPARE(dialog.table()->item(3, 1)->text(), QStringLiteral("p99"));
    QCOMPARE(dialog.table()->item(3, 2)->text(), QStringLiteral("100.0")); // the one root: 100 ms
}

QTEST_MAIN(TestTraceUi)
#include "tst_traceui.moc"
