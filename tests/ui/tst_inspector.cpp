// SPDX-License-Identifier: GPL-3.0-or-later
// GUI tests of the inspector for people and the editor's small frictions: labels, units and
// tooltips on every field, foldable sections, layer and unit chosen from combo boxes (changing
// the model, one undo step each), the header following renames, the project name, unique
// names for duplicates, the question before deleting what a workload or scenario names, Save As
// adding the filter's extension, and the Help menu. Real clicks and keys through QTest.
#include "ui/editor/diagramscene.h"
#include "ui/editor/diagramview.h"
#include "ui/editor/fieldform.h"
#include "ui/editor/formsection.h"
#include "ui/editor/inspectorwidget.h"
#include "ui/editor/lanegeometry.h"
#include "ui/editor/workloadspanel.h"
#include "ui/helpwindow.h"
#include "ui/mainwindow.h"
#include "ui/savedialog.h"

#include "model/elementfields.h"
#include "model/projectfile.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolButton>
#include <QtTest>

#include <functional>

using namespace archsim;
using namespace archsim::ui;

class TestInspector : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void everyModelFieldIsDocumented();
    void everyInspectorFieldHasLabelTooltipAndUnit();
    void sectionsFoldAndRememberTheirState();
    void layerComboMovesCardAndUndoes();
    void newLayerFromCombo();
    void unitComboChangesModelAndUndoes();
    void headerFollowsRenames();
    void projectNameField();
    void duplicatesGetUniqueNames();
    void deleteAsksWhenWorkloadNamesIt();
    void saveAsAppendsFilterExtension_data();
    void saveAsAppendsFilterExtension();
    void saveAsDialogAddsExtension();
    void helpMenuShowsDocs();

private:
    const Variant &variant() const { return m_window->document()->currentVariant(); }
    QPoint viewPoint(const QPointF &scenePos) const {
        return m_window->view()->mapFromScene(scenePos);
    }
    void clickComponent(const QString &id, Qt::KeyboardModifiers mods = {});
    void clickEmptyCanvas();
    void typeInto(FieldForm *form, const QString &key, const QString &text);
    // Picks the combo box item with TEXT by opening the popup and clicking the item.
    void pickFromCombo(QComboBox *combo, const QString &text);
    // Runs ACT on the next modal dialog once it is shown (a message box, an input dialog).
    void onNextDialog(std::function<void(QWidget *)> act);
    void undo() { m_window->action(QStringLiteral("undo"))->trigger(); }
    // The Delete key on the canvas, with the window active again after a message box.
    void pressDelete();

    MainWindow *m_window = nullptr;
};

void TestInspector::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // settings and autosave stay out of $HOME
}

void TestInspector::init() {
    m_window = new MainWindow;
    m_window->setQuiet(true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QVERIFY(m_window->openProject(QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json")));
    m_window->document()->setCurrentVariantIndex(1); // Microservices
    m_window->view()->zoomToFit();
}

void TestInspector::cleanup() {
    m_window->setQuiet(true);
    delete m_window;
    m_window = nullptr;
}

void TestInspector::clickComponent(const QString &id, Qt::KeyboardModifiers mods) {
    const Component *c = variant().findComponent(id);
    QVERIFY(c);
    const QSizeF size = componentSize(*c);
    const QPointF centre(c->x + size.width() / 2, c->y + size.height() / 2);
    m_window->view()->ensureVisible(QRectF(centre, QSizeF(1, 1)));
    QTest::mouseClick(m_window->view()->viewport(), Qt::LeftButton, mods, viewPoint(centre));
    QVERIFY(m_window->scene()->selection().components.contains(id));
}

void TestInspector::clickEmptyCanvas() {
    // Left of every lane's label column: nothing is there.
    const QRectF diagram = m_window->scene()->itemsBoundingRect();
    const QPointF empty(diagram.right() + 200, diagram.bottom() + 200);
    m_window->view()->ensureVisible(QRectF(empty, QSizeF(1, 1)));
    QTest::mouseClick(m_window->view()->viewport(), Qt::LeftButton, {}, viewPoint(empty));
    QVERIFY(m_window->scene()->selection().isEmpty());
}

void TestInspector::typeInto(FieldForm *form, const QString &key, const QString &text) {
    auto *line = qobject_cast<QLineEdit *>(form->editor(key));
    QVERIFY2(line, qPrintable(key));
    QVERIFY(line->isVisible());
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, text);
    QTest::keyClick(line, Qt::Key_Return);
}

void TestInspector::pickFromCombo(QComboBox *combo, const QString &text) {
    QVERIFY(combo && combo->isVisible());
    const int index = combo->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    QTest::mouseClick(combo, Qt::LeftButton);
    QAbstractItemView *view = combo->view();
    QTRY_VERIFY(view->isVisible());
    // The popup ignores a release this soon after it opened (it would be the opening click).
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    const QModelIndex item = view->model()->index(index, 0);
    view->scrollTo(item);
    const QRect rect = view->visualRect(item);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

void TestInspector::pressDelete() {
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_window->view()->setFocus();
    QTest::keyClick(m_window->view(), Qt::Key_Delete);
}

void TestInspector::onNextDialog(std::function<void(QWidget *)> act) {
    auto *timer = new QTimer(m_window);
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, timer, [timer, act] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible()) return;
        timer->stop();
        timer->deleteLater();
        act(modal);
    });
    timer->start();
}

// Every field of every element has a row in the table of model/fielddocs.cpp: a label that is
// not the file key, a meaning, and a unit for every number.
void TestInspector::everyModelFieldIsDocumented() {
    auto checkList = [](const auto &fields, auto tag) {
        using T = decltype(tag);
        for (const FieldSpec<T> &f : fields) {
            const FieldDoc doc = fieldDoc<T>(f.key);
            QVERIFY2(doc.found, qPrintable(QStringLiteral("no fielddocs row for ") + f.key));
            QVERIFY2(!doc.help.isEmpty(), qPrintable(f.key));
            if (f.type == FieldType::Integer || f.type == FieldType::Number)
                QVERIFY2(!doc.unit.isEmpty(), qPrintable(QStringLiteral("no unit: ") + f.key));
            if (f.key.size() > 2) QVERIFY2(doc.label != f.key, qPrintable(f.key));
        }
    };
    checkList(layerFields(), Layer{});
    checkList(unitFields(), Unit{});
    checkList(componentFields(), Component{});
    checkList(connectionFields(), Connection{});
    checkList(workloadFields(), Workload{});
    checkList(scenarioFields(), Scenario{});
    checkList(scenarioEventFields(), ScenarioEvent{});

    // The issue's own example and a few written out by hand from docs/model.md.
    QCOMPARE(fieldLabel(fieldDoc<Component>(QStringLiteral("serviceTimeMs"))),
             QStringLiteral("Service time (ms)"));
    QCOMPARE(fieldLabel(fieldDoc<Unit>(QStringLiteral("mtbfHours"))),
             QStringLiteral("Mean time between failures (h)"));
    QCOMPARE(fieldLabel(fieldDoc<Connection>(QStringLiteral("latencyMs"))),
             QStringLiteral("Network latency (ms each way)"));
    // Defaults as docs/model.md states them.
    const FieldSpec<Unit> *cores = nullptr, *health = nullptr;
    for (const FieldSpec<Unit> &f : unitFields()) {
        if (f.key == QLatin1String("cores")) cores = &f;
        if (f.key == QLatin1String("healthCheckMs")) health = &f;
    }
    QVERIFY(cores && health);
    QVERIFY(fieldTooltip(fieldDoc<Unit>(cores->key), cores->key, cores->type, cores->defaultValue)
                .contains(QStringLiteral("Default: as many as threads")));
    QVERIFY(
        fieldTooltip(fieldDoc<Unit>(health->key), health->key, health->type, health->defaultValue)
            .contains(QStringLiteral("Default: 5000 ms")));
}

void TestInspector::everyInspectorFieldHasLabelTooltipAndUnit() {
    auto checkForm = [](FieldForm *form, const QString &what) {
        QVERIFY2(!form->fields().isEmpty(), qPrintable(what));
        for (const FieldInfo &f : form->fields()) {
            const QString where = what + QLatin1Char('.') + f.key;
            QLabel *label = form->label(f.key);
            QVERIFY2(label, qPrintable(where));
            QVERIFY2(!label->text().isEmpty(), qPrintable(where));
            QVERIFY2(label->text() != f.key || f.key.size() <= 2, qPrintable(where));
            QVERIFY2(form->editor(f.key)->toolTip().contains(QStringLiteral("Default")) ||
                         form->editor(f.key)->toolTip().contains(QStringLiteral("Required")),
                     qPrintable(where));
            QVERIFY2(!label->toolTip().isEmpty(), qPrintable(where));
            if (f.type == FieldType::Integer || f.type == FieldType::Number) {
                QVERIFY2(!f.unit.isEmpty(), qPrintable(where));
                QVERIFY2(label->text().endsWith(QStringLiteral("(%1)").arg(f.unit)),
                         qPrintable(where + QStringLiteral(": ") + label->text()));
            }
        }
    };
    InspectorWidget *inspector = m_window->inspector();
    clickEmptyCanvas();
    checkForm(inspector->projectForm(), QStringLiteral("project"));

    clickComponent(QStringLiteral("orders"));
    checkForm(inspector->mainForm(), QStringLiteral("component"));
    QVERIFY(inspector->unitForm()->isVisible());
    checkForm(inspector->unitForm(), QStringLiteral("unit"));
    QCOMPARE(inspector->mainForm()->label(QStringLiteral("serviceTimeMs"))->text(),
             QStringLiteral("Service time (ms)"));
    // Choices read as words; the file's values stay behind them.
    auto *kind = qobject_cast<QComboBox *>(inspector->mainForm()->editor(QStringLiteral("kind")));
    QCOMPARE(kind->currentText(), QStringLiteral("Service"));
    QCOMPARE(kind->itemData(kind->findText(QStringLiteral("Load balancer"))).toString(),
             QStringLiteral("loadbalancer"));

    // A connection, selected as the problems panel does it.
    const QString key = connectionKey(variant().connections.first());
    m_window->scene()->select(Selection{{}, {key}, {}, {}});
    checkForm(inspector->mainForm(), QStringLiteral("connection"));
    m_window->scene()->select(Selection{{}, {}, {QStringLiteral("orders-svc")}, {}});
    checkForm(inspector->mainForm(), QStringLiteral("shared unit"));
    m_window->scene()->select(Selection{{}, {}, {}, {QStringLiteral("data")}});
    checkForm(inspector->mainForm(), QStringLiteral("layer"));

    // The workloads panel uses the same forms.
    WorkloadsPanel *panel = m_window->workloadsPanel();
    panel->select(WorkloadsPanel::kWorkload, 0);
    checkForm(panel->form(), QStringLiteral("workload"));
    panel->select(WorkloadsPanel::kEvent, 0, 0);
    checkForm(panel->form(), QStringLiteral("event"));
}

void TestInspector::sectionsFoldAndRememberTheirState() {
    clickComponent(QStringLiteral("orders"));
    FieldForm *form = m_window->inspector()->mainForm();
    FormSection *identity = form->section(FieldSection::Identity);
    FormSection *layout = form->section(FieldSection::Layout);
    QVERIFY(identity && layout && form->section(FieldSection::Work));
    QVERIFY(identity->isExpanded());
    QVERIFY(!layout->isExpanded()); // x, y, width, height out of the way
    QVERIFY(form->editor(QStringLiteral("name"))->isVisible());
    QVERIFY(!form->editor(QStringLiteral("x"))->isVisible());
    // The folded section says that it holds set values (x and y of a placed card).
    QVERIFY2(layout->header()->text().contains(QStringLiteral("2 set")),
             qPrintable(layout->header()->text()));

    QTest::mouseClick(layout->header(), Qt::LeftButton);
    QVERIFY(layout->isExpanded());
    QVERIFY(form->editor(QStringLiteral("x"))->isVisible());
    auto *x = qobject_cast<QLineEdit *>(form->editor(QStringLiteral("x")));
    QCOMPARE(x->text().toDouble(), variant().findComponent(QStringLiteral("orders"))->x);

    // Opened once, it stays open for the next component.
    clickComponent(QStringLiteral("cart"));
    QVERIFY(form->section(FieldSection::Layout)->isExpanded());
    QTest::mouseClick(form->section(FieldSection::Layout)->header(), Qt::LeftButton);
    QVERIFY(!form->editor(QStringLiteral("x"))->isVisible());
}

void TestInspector::layerComboMovesCardAndUndoes() {
    const Variant before = variant();
    clickComponent(QStringLiteral("orders"));
    auto *combo = qobject_cast<QComboBox *>(
        m_window->inspector()->mainForm()->editor(QStringLiteral("layer")));
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), QStringLiteral("Domain"));
    QCOMPARE(combo->itemText(combo->count() - 1), QStringLiteral("New layer…"));
    pickFromCombo(combo, QStringLiteral("Data"));

    const Component *c = variant().findComponent(QStringLiteral("orders"));
    QCOMPARE(c->layer, QStringLiteral("data"));
    // The card now lies in the Data lane, level with the other data cards and beside them.
    QCOMPARE(c->y, before.findComponent(QStringLiteral("db"))->y);
    for (const Component &other : variant().components)
        if (other.id != c->id && other.layer == QLatin1String("data"))
            QVERIFY2(c->x >= other.x + componentSize(other).width(), qPrintable(other.id));
    QCOMPARE(computeLanes(variant()).layerAt(c->y + componentSize(*c).height() / 2),
             QStringLiteral("data"));
    QTRY_COMPARE(combo->currentText(), QStringLiteral("Data"));

    undo();
    QCOMPARE(variant(), before); // one step: layer and position together

    // Keys work as well: Down picks the next layer.
    QCOMPARE(m_window->scene()->selection().components, QStringList{QStringLiteral("orders")});
    combo = qobject_cast<QComboBox *>(
        m_window->inspector()->mainForm()->editor(QStringLiteral("layer")));
    QTRY_VERIFY(combo->isVisible());
    combo->setFocus();
    QCOMPARE(combo->currentText(), QStringLiteral("Domain"));
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(variant().findComponent(QStringLiteral("orders"))->layer, QStringLiteral("data"));
    undo();
    QCOMPARE(variant(), before);
}

void TestInspector::newLayerFromCombo() {
    const Variant before = variant();
    clickComponent(QStringLiteral("cart"));
    auto *combo = qobject_cast<QComboBox *>(
        m_window->inspector()->mainForm()->editor(QStringLiteral("layer")));
    bool asked = false;
    onNextDialog([&asked](QWidget *dialog) {
        auto *input = qobject_cast<QInputDialog *>(dialog);
        if (!input) return;
        asked = true;
        auto *line = input->findChild<QLineEdit *>();
        QTest::keyClicks(line, QStringLiteral("Cache tier"));
        QTest::keyClick(line, Qt::Key_Return);
    });
    pickFromCombo(combo, QStringLiteral("New layer…"));
    QTRY_VERIFY(asked);
    QCOMPARE(variant().layers.size(), before.layers.size() + 1);
    const Layer &added = variant().layers.last();
    QCOMPARE(added.id, QStringLiteral("cache-tier"));
    QCOMPARE(added.name, QStringLiteral("Cache tier"));
    QCOMPARE(variant().findComponent(QStringLiteral("cart"))->layer, added.id);
    QTRY_COMPARE(combo->currentText(), QStringLiteral("Cache tier"));
    // Below every other card: the new lane is the last one.
    for (const Component &other : before.components)
        QVERIFY(variant().findComponent(QStringLiteral("cart"))->y > other.y);
    undo();
    QCOMPARE(variant(), before); // layer and move in one step
}

void TestInspector::unitComboChangesModelAndUndoes() {
    const Variant before = variant();
    clickComponent(QStringLiteral("payments"));
    auto unitCombo = [this] {
        return qobject_cast<QComboBox *>(
            m_window->inspector()->mainForm()->editor(QStringLiteral("unit")));
    };
    QComboBox *combo = unitCombo();
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), QStringLiteral("Payments (payments-svc)"));

    // Into an existing unit: the emptied unit disappears.
    pickFromCombo(combo, QStringLiteral("Orders (orders-svc)"));
    QCOMPARE(variant().findComponent(QStringLiteral("payments"))->unit,
             QStringLiteral("orders-svc"));
    QVERIFY(!variant().findUnit(QStringLiteral("payments-svc")));
    QCOMPARE(variant().units.size(), before.units.size() - 1);
    // The component stays selected, now with the shared unit's settings below it.
    QCOMPARE(m_window->scene()->selection().components, QStringList{QStringLiteral("payments")});
    QTRY_VERIFY(m_window->inspector()->unitForm()->isVisible());
    QTRY_COMPARE(unitCombo()->currentText(), QStringLiteral("Orders (orders-svc)"));
    undo();
    QCOMPARE(variant(), before);
    clickComponent(QStringLiteral("payments"));
    combo = unitCombo();

    // A unit of its own again: an implicit unit with the component's id and the old settings.
    pickFromCombo(combo, QStringLiteral("Own unit (this component alone)"));
    const Unit *own = variant().findUnit(QStringLiteral("payments"));
    QVERIFY(own && own->implicit);
    QCOMPARE(own->replicas, before.findUnit(QStringLiteral("payments-svc"))->replicas);
    QCOMPARE(variant().findComponent(QStringLiteral("payments"))->unit, QStringLiteral("payments"));
    undo();
    QCOMPARE(variant(), before);
    clickComponent(QStringLiteral("payments"));
    combo = unitCombo();

    // A new unit, named in a dialog; it starts with the settings of the unit it leaves.
    onNextDialog([](QWidget *dialog) {
        auto *line = dialog->findChild<QLineEdit *>();
        QTest::keyClicks(line, QStringLiteral("Billing"));
        QTest::keyClick(line, Qt::Key_Return);
    });
    pickFromCombo(combo, QStringLiteral("New unit…"));
    QTRY_VERIFY(variant().findUnit(QStringLiteral("billing")));
    const Unit *billing = variant().findUnit(QStringLiteral("billing"));
    QCOMPARE(billing->name, QStringLiteral("Billing"));
    QCOMPARE(billing->threads, before.findUnit(QStringLiteral("payments-svc"))->threads);
    QCOMPARE(variant().findComponent(QStringLiteral("payments"))->unit, QStringLiteral("billing"));
    undo();
    QCOMPARE(variant(), before);
}

void TestInspector::headerFollowsRenames() {
    InspectorWidget *inspector = m_window->inspector();
    clickComponent(QStringLiteral("orders"));
    QVERIFY(inspector->summary().contains(QStringLiteral("Orders")));
    QVERIFY(inspector->summary().contains(QStringLiteral("Service")));
    typeInto(inspector->mainForm(), QStringLiteral("name"), QStringLiteral("Order desk"));
    QCOMPARE(variant().findComponent(QStringLiteral("orders"))->name, QStringLiteral("Order desk"));
    QVERIFY2(inspector->summary().contains(QStringLiteral("Order desk")),
             qPrintable(inspector->summary()));
    typeInto(inspector->mainForm(), QStringLiteral("id"), QStringLiteral("order-desk"));
    QVERIFY(variant().findComponent(QStringLiteral("order-desk")));
    QVERIFY(inspector->summary().contains(QStringLiteral("id order-desk")));
    undo();
    QVERIFY(inspector->summary().contains(QStringLiteral("Order desk")) ||
            m_window->scene()->selection().isEmpty());
    undo();
    QCOMPARE(variant().findComponent(QStringLiteral("orders"))->name, QStringLiteral("Orders"));
}

void TestInspector::projectNameField() {
    clickEmptyCanvas();
    InspectorWidget *inspector = m_window->inspector();
    QVERIFY(inspector->projectForm()->isVisible());
    QVERIFY(inspector->summary().contains(QStringLiteral("Online shop")));
    typeInto(inspector->projectForm(), QStringLiteral("name"), QStringLiteral("Shop 2027"));
    QCOMPARE(m_window->document()->project().name, QStringLiteral("Shop 2027"));
    QVERIFY(inspector->summary().contains(QStringLiteral("Shop 2027")));
    QVERIFY(m_window->document()->isModified());

    // Kept by both file formats.
    QTemporaryDir dir;
    for (const char *name : {"named.json", "named.archsim"}) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QVERIFY(m_window->saveProjectAs(path));
        QCOMPARE(loadProject(path).project.name, QStringLiteral("Shop 2027"));
    }
    undo();
    QCOMPARE(m_window->document()->project().name, QStringLiteral("Online shop"));

    // The variant's name in the same form; a taken name is refused.
    typeInto(inspector->projectForm(), QStringLiteral("variant"), QStringLiteral("Monolith"));
    QVERIFY(!inspector->projectForm()->errorOf(QStringLiteral("variant")).isEmpty());
    QCOMPARE(variant().name, QStringLiteral("Microservices"));
    typeInto(inspector->projectForm(), QStringLiteral("variant"), QStringLiteral("Services"));
    QCOMPARE(variant().name, QStringLiteral("Services"));
}

void TestInspector::duplicatesGetUniqueNames() {
    clickComponent(QStringLiteral("orders"));
    QAction *duplicate = m_window->action(QStringLiteral("duplicate"));
    m_window->view()->setFocus();
    QTest::keyClick(m_window->view(), Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(m_window->scene()->selection().components, QStringList{QStringLiteral("orders-2")});
    QCOMPARE(variant().findComponent(QStringLiteral("orders-2"))->name, QStringLiteral("Orders 2"));
    // A copy of the copy counts on from the original.
    duplicate->trigger();
    QCOMPARE(m_window->scene()->selection().components, QStringList{QStringLiteral("orders-3")});
    QCOMPARE(variant().findComponent(QStringLiteral("orders-3"))->name, QStringLiteral("Orders 3"));
    clickComponent(QStringLiteral("orders"));
    duplicate->trigger();
    QCOMPARE(variant().findComponent(QStringLiteral("orders-4"))->name, QStringLiteral("Orders 4"));
    QSet<QString> names;
    for (const Component &c : variant().components)
        names.insert(c.name);
    QCOMPARE(names.size(), variant().components.size());
}

void TestInspector::deleteAsksWhenWorkloadNamesIt() {
    m_window->setQuiet(false); // the question is a message box
    const Variant before = variant();
    QString asked;
    auto answer = [&asked](bool remove) {
        return [&asked, remove](QWidget *dialog) {
            auto *box = qobject_cast<QMessageBox *>(dialog);
            if (!box) return;
            asked = box->informativeText();
            for (QAbstractButton *b : box->buttons())
                if ((box->buttonRole(b) == QMessageBox::DestructiveRole) == remove) {
                    QTest::mouseClick(b, Qt::LeftButton);
                    return;
                }
        };
    };
    clickComponent(QStringLiteral("web"));
    onNextDialog(answer(false));
    pressDelete();
    QVERIFY2(asked.contains(QStringLiteral("workload \"shop\"")), qPrintable(asked));
    QCOMPARE(variant(), before); // cancelled: nothing deleted

    asked.clear();
    onNextDialog(answer(true));
    pressDelete();
    QVERIFY(!asked.isEmpty());
    QVERIFY(!variant().findComponent(QStringLiteral("web")));
    undo();
    QCOMPARE(variant(), before);

    // The database's unit is what the db-crash scenario crashes.
    asked.clear();
    clickComponent(QStringLiteral("db"));
    onNextDialog(answer(false));
    pressDelete();
    QVERIFY2(asked.contains(QStringLiteral("scenario \"db-crash\"")), qPrintable(asked));
    QVERIFY(asked.contains(QStringLiteral("postgres")));
    QCOMPARE(variant(), before);

    // Nothing names the search service: no question, deleted at once.
    clickComponent(QStringLiteral("search"));
    pressDelete();
    QVERIFY(!variant().findComponent(QStringLiteral("search")));
    m_window->setQuiet(true);
}

void TestInspector::saveAsAppendsFilterExtension_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("expected");
    const QString archsim = QStringLiteral("ArchSim project (*.archsim)");
    const QString json = QStringLiteral("JSON interchange (*.json)");
    QTest::newRow("none, json") << "/t/shop" << json << "/t/shop.json";
    QTest::newRow("none, archsim") << "/t/shop" << archsim << "/t/shop.archsim";
    QTest::newRow("typed json wins") << "/t/shop.json" << archsim << "/t/shop.json";
    QTest::newRow("upper case kept") << "/t/shop.JSON" << json << "/t/shop.JSON";
    QTest::newRow("other dot") << "/t/shop.v2" << json << "/t/shop.v2.json";
    QTest::newRow("only the suffix") << "/t/.json" << json << "/t/.json.json";
}

void TestInspector::saveAsAppendsFilterExtension() {
    QFETCH(QString, typed);
    QFETCH(QString, filter);
    QFETCH(QString, expected);
    const QStringList filters{QStringLiteral("ArchSim project (*.archsim)"),
                              QStringLiteral("JSON interchange (*.json)")};
    QCOMPARE(pathWithFilterSuffix(typed, filter, filters), expected);
}

void TestInspector::saveAsDialogAddsExtension() {
    QTemporaryDir dir;
    const QString typed = dir.filePath(QStringLiteral("mydesign"));
    bool shown = false;
    onNextDialog([&](QWidget *dialog) {
        auto *files = qobject_cast<QFileDialog *>(dialog);
        if (!files) return;
        shown = true;
        files->selectNameFilter(QStringLiteral("JSON interchange (*.json)"));
        auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        // Set, not typed: the name box's completer would pop up over the typed path and
        // take the Return key.
        name->setText(typed);
        QTest::keyClick(name, Qt::Key_Return);
        if (files->isVisible()) files->reject(); // never hang the test on a dialog left open
    });
    m_window->action(QStringLiteral("saveAs"))->trigger();
    QVERIFY(shown);
    const QString expected = typed + QStringLiteral(".json");
    QVERIFY2(QFileInfo::exists(expected), qPrintable(expected));
    QVERIFY(!QFileInfo::exists(typed));
    QCOMPARE(m_window->document()->filePath(), expected);
    QVERIFY(loadProject(expected).ok()); // JSON, as the filter said
    QVERIFY(QFile(expected).open(QIODevice::ReadOnly));
}

void TestInspector::helpMenuShowsDocs() {
    QAction *help = m_window->action(QStringLiteral("help"));
    QVERIFY(help);
    QCOMPARE(help->shortcut(), QKeySequence(QKeySequence::HelpContents));
    help->trigger();
    auto *window = m_window->findChild<HelpWindow *>();
    QVERIFY(window);
    QTRY_VERIFY(window->isVisible());
    QCOMPARE(window->currentPage(), QStringLiteral("editor.md"));
    QVERIFY(window->browser()->toPlainText().contains(QStringLiteral("The diagram editor")));
    // Every page of docs/ is listed; clicking one shows it.
    QVERIFY(helpPages().contains(QStringLiteral("model.md")));
    QCOMPARE(window->pageList()->count(), helpPages().size());
    QListWidget *list = window->pageList();
    const int row = int(helpPages().indexOf(QStringLiteral("model.md")));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(row)).center());
    QCOMPARE(window->currentPage(), QStringLiteral("model.md"));
    QVERIFY(window->browser()->toPlainText().contains(QStringLiteral("The ArchSim model")));
    // A link between pages is followed inside the window.
    window->browser()->setSource(QUrl(QStringLiteral("file-formats.md")));
    QCOMPARE(window->currentPage(), QStringLiteral("file-formats.md"));
    QCOMPARE(list->currentRow(), int(helpPages().indexOf(QStringLiteral("file-formats.md"))));
    // A link to a section of another page: the page opens at that heading.
    window->browser()->setSource(QUrl(QStringLiteral("editor.md#the-inspector")));
    QCOMPARE(window->currentPage(), QStringLiteral("editor.md"));
    const QTextCursor top = window->browser()->cursorForPosition(QPoint(5, 5));
    QVERIFY2(top.block().text().startsWith(QStringLiteral("The inspector")) ||
                 top.block().previous().text().startsWith(QStringLiteral("The inspector")),
             qPrintable(top.block().text()));
    // The Help menu holds it and the About box.
    QMenu *menu = nullptr;
    for (QAction *a : m_window->menuBar()->actions())
        if (a->text() == QStringLiteral("&Help")) menu = a->menu();
    QVERIFY(menu);
    QVERIFY(menu->actions().contains(help));
    QVERIFY(menu->actions().contains(m_window->action(QStringLiteral("about"))));
}

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
