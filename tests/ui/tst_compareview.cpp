// SPDX-License-Identifier: GPL-3.0-or-later
// tst_compareview: the app's Compare window, Plan Capacity and Derive, clicked as a user would.
#include "ui/compare/comparewindow.h"
#include "ui/compare/plandialog.h"
#include "ui/editor/editoperations.h"

#include "model/projectfile.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace archsim;
using namespace archsim::ui;

namespace {
Project example() {
    return loadProject(QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json")).project;
}
} // namespace

class TestCompareView : public QObject {
    Q_OBJECT
private slots:
    void compareButtonFillsTheTable() {
        ProjectDocument document(example());
        CompareWindow window(&document);
        window.show();
        QSignalSpy done(&window, &CompareWindow::finished);
        QPushButton *button = nullptr;
        for (QPushButton *b : window.findChildren<QPushButton *>())
            if (b->text() == QLatin1String("&Compare")) button = b;
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(done.wait(240000));
        QVERIFY(window.table()->rowCount() > 10);
        QCOMPARE(window.table()->horizontalHeaderItem(2)->text(), QStringLiteral("Monolith"));
        QVERIFY(window.verdict()->text().contains(QLatin1String("Monolith")));
        // The same figures as the study itself: the cost row is plain arithmetic.
        const QJsonArray variants = window.result().value(QStringLiteral("variants")).toArray();
        double perHour = 0;
        for (const Unit &u : document.project().findVariant(QStringLiteral("Monolith"))->units)
            perHour += u.costPerHour * u.replicas;
        QCOMPARE(variants[0].toObject().value(QStringLiteral("costPerMonth")).toDouble(),
                 perHour * 730);
        const QString shot = qEnvironmentVariable("ARCHSIM_COMPARE_SHOT");
        if (!shot.isEmpty()) {
            window.grab().save(shot);
            window.tabs()->setCurrentIndex(3);
            window.grab().save(
                QString(shot).replace(QStringLiteral(".png"), QStringLiteral("-be.png")));
            window.tabs()->setCurrentIndex(1);
            window.grab().save(
                QString(shot).replace(QStringLiteral(".png"), QStringLiteral("-diagrams.png")));
            window.tabs()->setCurrentIndex(2);
            window.grab().save(
                QString(shot).replace(QStringLiteral(".png"), QStringLiteral("-sweep.png")));
        }
    }

    void planIsAppliedAsOneUndoStep() {
        ProjectDocument document(example());
        document.setCurrentVariantIndex(1);
        const Variant before = document.currentVariant();
        PlanDialog dialog(&document);
        QSignalSpy done(&dialog, &PlanDialog::planned);
        // Seven times today's load: the plan must add replicas, so applying it changes something.
        dialog.findChildren<QDoubleSpinBox *>().first()->setValue(1800);
        QTest::mouseClick(dialog.findChildren<QPushButton *>().first(), Qt::LeftButton);
        QVERIFY(done.wait(240000));
        QVERIFY(dialog.result() && dialog.result()->feasible);
        const int steps = document.undoStack()->count();
        dialog.apply();
        QCOMPARE(document.undoStack()->count(), steps + 1);
        for (const sim::PlanUnit &u : dialog.result()->units)
            QCOMPARE(document.currentVariant().findUnit(u.id)->replicas, u.replicas);
        document.undoStack()->undo();
        QCOMPARE(document.currentVariant(), before);
    }

    void deriveIsUndoable() {
        ProjectDocument document(example());
        EditOperations ops(&document);
        QVERIFY(ops.deriveVariant(EditOperations::DeriveAs::Microservices, QStringLiteral("Split"))
                    .isEmpty());
        QCOMPARE(document.variantCount(), 3);
        QCOMPARE(document.currentVariant().name, QStringLiteral("Split"));
        QVERIFY(!ops.deriveVariant(EditOperations::DeriveAs::Monolith, QStringLiteral("Split"))
                     .isEmpty());
        document.undoStack()->undo();
        QCOMPARE(document.variantCount(), 2);
    }
};

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
