// SPDX-License-Identifier: GPL-3.0-or-later
// GUI tests of the diagram editor: real mouse and key events on the canvas, checked against
// the model, plus undo/redo of each edit, the clipboard, units, the inspector, files, problems.
#include "ui/document/autosaver.h"
#include "ui/editor/componentitem.h"
#include "ui/editor/connectionitem.h"
#include "ui/editor/diagramexport.h"
#include "ui/editor/diagramscene.h"
#include "ui/editor/diagramstyle.h"
#include "ui/editor/diagramview.h"
#include "ui/editor/fieldform.h"
#include "ui/editor/inspectorwidget.h"
#include "ui/editor/workloadspanel.h"
#include "ui/mainwindow.h"
#include "ui/problemspanel.h"

#include "model/projectfile.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

using namespace archsim;
using namespace archsim::ui;

class TestUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void createByDrop();
    void connectByDrag();
    void moveByDrag();
    void moveIntoAnotherLane();
    void deleteWithKey();
    void copyAndPaste();
    void groupIntoUnit();
    void inspectorEditChangesModel();
    void inspectorRefusesBadValues();
    void saveAndReopen_data();
    void saveAndReopen();
    void problemsPanelListsBrokenReference();
    void exampleOpensWithTitle();
    void drawSaveReopenUndoAll();
    void connectionInspector();
    void badFileKeepsProject();
    void autosaveAndRecover();
    void arrowKeysNudge();
    void workloadsAndScenarios();
    void variants();
    void exportPictures();
    void exportScalesHugeDiagrams();
    void aboutBoxSaysVersionAndLicence();

private:
    QPoint viewPoint(const QPointF &scenePos) const;
    QString dropKind(ComponentKind kind, const QPointF &scenePos);
    const Variant &variant() const { return m_window->document()->currentVariant(); }
    QPointF centreOf(const QString &id) const;
    QPointF knobOf(const QString &id) const;
    void drag(const QPointF &from, const QPointF &to, Qt::KeyboardModifiers mods = {});
    void click(const QPointF &at, Qt::KeyboardModifiers mods = {});

    MainWindow *m_window = nullptr;
};

void TestUi::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // autosave and settings stay out of $HOME
}

void TestUi::init() {
    m_window = new MainWindow;
    m_window->setQuiet(true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->action(QStringLiteral("new"))->trigger(); // lanes edge, api, domain, data
    m_window->view()->resetZoom();
    m_window->view()->centerOn(QPointF(300, 200));
}

void TestUi::cleanup() {
    delete m_window;
    m_window = nullptr;
}

QPoint TestUi::viewPoint(const QPointF &scenePos) const {
    return m_window->view()->mapFromScene(scenePos);
}

QPointF TestUi::centreOf(const QString &id) const {
    return m_window->scene()->componentItem(id)->sceneCardRect().center();
}

QPointF TestUi::knobOf(const QString &id) const {
    ComponentItem *item = m_window->scene()->componentItem(id);
    return item->mapToScene(item->knobCenter());
}

void TestUi::drag(const QPointF &from, const QPointF &to, Qt::KeyboardModifiers mods) {
    QWidget *viewport = m_window->view()->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, mods, viewPoint(from));
    for (int step = 1; step <= 5; ++step)
        QTest::mouseMove(viewport, viewPoint(from + (to - from) * step / 5.0));
    QTest::mouseRelease(viewport, Qt::LeftButton, mods, viewPoint(to));
}

void TestUi::click(const QPointF &at, Qt::KeyboardModifiers mods) {
    QTest::mouseClick(m_window->view()->viewport(), Qt::LeftButton, mods, viewPoint(at));
}

QString TestUi::dropKind(ComponentKind kind, const QPointF &scenePos) {
    // What a drag from the palette delivers: the kind's name under our MIME type.
    QMimeData data;
    data.setData(QString::fromLatin1(DiagramView::kKindMimeType), enumName(kind).toLatin1());
    QWidget *viewport = m_window->view()->viewport();
    const QPoint at = viewPoint(scenePos);
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, {});
    QApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(at, Qt::CopyAction, &data, Qt::LeftButton, {});
    QApplication::sendEvent(viewport, &move);
    QDropEvent drop(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, {});
    QApplication::sendEvent(viewport, &drop);
    return variant().components.isEmpty() ? QString() : variant().components.last().id;
}

void TestUi::createByDrop() {
    QUndoStack *stack = m_window->document()->undoStack();
    const QString id = dropKind(ComponentKind::Database, QPointF(300, 350));
    QCOMPARE(variant().components.size(), 1);
    const Component c = variant().components.first();
    QCOMPARE(archsim::enumName(c.kind), archsim::enumName(ComponentKind::Database));
    QCOMPARE(c.layer, QStringLiteral("data")); // dropped in the fourth lane (300..400)
    // Centred on the drop point, on the 20 px grid.
    QVERIFY(std::abs(c.x + 65 - 300) <= 10 && std::abs(c.y + 26 - 350) <= 10);
    QVERIFY(m_window->scene()->componentItem(id));
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("untitled.archsim[*]")));
    QVERIFY(m_window->isWindowModified());

    stack->undo();
    QCOMPARE(variant().components.size(), 0);
    QVERIFY(!m_window->scene()->componentItem(id));
    stack->redo();
    QCOMPARE(variant().components.size(), 1);
    QVERIFY(m_window->scene()->componentItem(id));
}

void TestUi::connectByDrag() {
    const QString web = dropKind(ComponentKind::Client, QPointF(200, 50));
    const QString db = dropKind(ComponentKind::Database, QPointF(400, 350));
    const QString queue = dropKind(ComponentKind::Queue, QPointF(100, 350));
    drag(knobOf(web), centreOf(db));
    QCOMPARE(variant().connections.size(), 1);
    QCOMPARE(variant().connections[0].from, web);
    QCOMPARE(variant().connections[0].to, db);
    QCOMPARE(archsim::enumName(variant().connections[0].mode), archsim::enumName(CallMode::Sync));
    QVERIFY(m_window->scene()->connectionItem(web + QStringLiteral("->") + db)->isVisible());

    drag(knobOf(web), centreOf(queue)); // messages to a broker are async
    QCOMPARE(variant().connections.size(), 2);
    QCOMPARE(archsim::enumName(variant().connections[1].mode), archsim::enumName(CallMode::Async));

    drag(knobOf(web), QPointF(600, 150)); // released on empty canvas: nothing
    QCOMPARE(variant().connections.size(), 2);

    QUndoStack *stack = m_window->document()->undoStack();
    stack->undo();
    stack->undo();
    QCOMPARE(variant().connections.size(), 0);
    stack->redo();
    QCOMPARE(variant().connections.size(), 1);
    QVERIFY(m_window->scene()->connectionItem(web + QStringLiteral("->") + db));
}

void TestUi::moveByDrag() {
    const QString id = dropKind(ComponentKind::Service, QPointF(300, 250));
    const Component before = *variant().findComponent(id);
    QUndoStack *stack = m_window->document()->undoStack();
    const int steps = stack->count();
    drag(centreOf(id), centreOf(id) + QPointF(100, 20));
    const Component after = *variant().findComponent(id);
    QCOMPARE(after.x, before.x + 100);
    QCOMPARE(after.y, before.y + 20);
    QCOMPARE(after.layer, before.layer);
    QCOMPARE(stack->count(), steps + 1); // the whole drag is one undo step
    QCOMPARE(m_window->scene()->componentItem(id)->pos(), QPointF(after.x, after.y));

    stack->undo();
    QCOMPARE(variant().findComponent(id)->x, before.x);
    QCOMPARE(variant().findComponent(id)->y, before.y);
    stack->redo();
    QCOMPARE(variant().findComponent(id)->x, before.x + 100);

    // A drag that comes back to where it started leaves no step behind.
    const int count = stack->count();
    QWidget *viewport = m_window->view()->viewport();
    const QPointF start = centreOf(id);
    QTest::mousePress(viewport, Qt::LeftButton, {}, viewPoint(start));
    QTest::mouseMove(viewport, viewPoint(start + QPointF(80, 0)));
    QTest::mouseMove(viewport, viewPoint(start));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, viewPoint(start));
    QCOMPARE(stack->count(), count);
}

void TestUi::moveIntoAnotherLane() {
    const QString a = dropKind(ComponentKind::Service, QPointF(200, 250));
    const QString b = dropKind(ComponentKind::Database, QPointF(500, 350));
    QCOMPARE(variant().findComponent(a)->layer, QStringLiteral("domain"));
    Q_UNUSED(b);
    drag(centreOf(a), centreOf(a) + QPointF(0, -200)); // up two lanes, into "api"... or edge
    const QString layer = variant().findComponent(a)->layer;
    QVERIFY2(layer == QStringLiteral("edge") || layer == QStringLiteral("api"), qPrintable(layer));
    m_window->document()->undoStack()->undo();
    QCOMPARE(variant().findComponent(a)->layer, QStringLiteral("domain"));
}

void TestUi::deleteWithKey() {
    const QString web = dropKind(ComponentKind::Client, QPointF(200, 50));
    const QString db = dropKind(ComponentKind::Database, QPointF(400, 350));
    drag(knobOf(web), centreOf(db));
    QCOMPARE(variant().connections.size(), 1);

    click(centreOf(db));
    QCOMPARE(m_window->scene()->selection().components, QStringList{db});
    m_window->view()->setFocus();
    QTest::keyClick(m_window->view(), Qt::Key_Delete);
    QCOMPARE(variant().components.size(), 1);
    QCOMPARE(variant().connections.size(), 0); // its connection went with it
    QVERIFY(!variant().findUnit(db));          // and so did its own unit
    QVERIFY(!m_window->scene()->componentItem(db));

    m_window->document()->undoStack()->undo();
    QCOMPARE(variant().components.size(), 2);
    QCOMPARE(variant().connections.size(), 1);
    QVERIFY(variant().findUnit(db));
    QVERIFY(m_window->scene()->connectionItem(web + QStringLiteral("->") + db));
    m_window->document()->undoStack()->redo();
    QCOMPARE(variant().components.size(), 1);
}

void TestUi::copyAndPaste() {
    const QString a = dropKind(ComponentKind::Service, QPointF(200, 250));
    const QString b = dropKind(ComponentKind::Cache, QPointF(200, 350));
    drag(knobOf(a), centreOf(b));
    drag(QPointF(320, 195), QPointF(120, 420)); // rubber band around both
    QCOMPARE(m_window->scene()->selection().components.size(), 2);

    m_window->action(QStringLiteral("copy"))->trigger();
    m_window->action(QStringLiteral("paste"))->trigger();
    QCOMPARE(variant().components.size(), 4);
    QCOMPARE(variant().connections.size(), 2);
    const Component &copyA = variant().components[2];
    QVERIFY(copyA.id != a);
    QCOMPARE(archsim::enumName(copyA.kind), archsim::enumName(ComponentKind::Service));
    QCOMPARE(copyA.x, variant().findComponent(a)->x + 40);
    QCOMPARE(variant().connections[1].from, copyA.id);
    QCOMPARE(variant().connections[1].to, variant().components[3].id);
    QVERIFY(variant().findUnit(copyA.id)); // a unit of its own, like the original
    QCOMPARE(m_window->scene()->selection().components.size(), 2);

    m_window->document()->undoStack()->undo();
    QCOMPARE(variant().components.size(), 2);
    QCOMPARE(variant().connections.size(), 1);
}

void TestUi::groupIntoUnit() {
    const QString a = dropKind(ComponentKind::Service, QPointF(200, 250));
    const QString b = dropKind(ComponentKind::Service, QPointF(400, 250));
    click(centreOf(a));
    click(centreOf(b), Qt::ControlModifier);
    QCOMPARE(m_window->scene()->selection().components.size(), 2);
    m_window->action(QStringLiteral("group"))->trigger();

    const QString unit = variant().findComponent(a)->unit;
    QCOMPARE(variant().findComponent(b)->unit, unit);
    QVERIFY(unit != a && unit != b);
    QVERIFY(!variant().findUnit(unit)->implicit);
    QCOMPARE(variant().units.size(), 1); // the two units of their own are gone
    QVERIFY(m_window->scene()->unitItem(unit));

    m_window->document()->undoStack()->undo();
    QCOMPARE(variant().findComponent(a)->unit, a);
    QCOMPARE(variant().units.size(), 2);
    QVERIFY(!m_window->scene()->unitItem(unit));
    m_window->document()->undoStack()->redo();
    QCOMPARE(variant().findComponent(b)->unit, unit);
}

void TestUi::inspectorEditChangesModel() {
    const QString id = dropKind(ComponentKind::Service, QPointF(300, 250));
    click(centreOf(id));
    auto *edit = qobject_cast<QLineEdit *>(
        m_window->inspector()->mainForm()->editor(QStringLiteral("serviceTimeMs")));
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("7.5"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(variant().findComponent(id)->serviceTimeMs, 7.5);

    auto *replicas = qobject_cast<QLineEdit *>(
        m_window->inspector()->unitForm()->editor(QStringLiteral("replicas")));
    QVERIFY(replicas);
    replicas->setFocus();
    replicas->selectAll();
    QTest::keyClicks(replicas, QStringLiteral("3"));
    QTest::keyClick(replicas, Qt::Key_Return);
    QCOMPARE(variant().findUnit(id)->replicas, 3);

    m_window->document()->undoStack()->undo();
    QCOMPARE(variant().findUnit(id)->replicas, 1);
    m_window->document()->undoStack()->undo();
    QCOMPARE(variant().findComponent(id)->serviceTimeMs, 1.0);
}

void TestUi::inspectorRefusesBadValues() {
    const QString id = dropKind(ComponentKind::Service, QPointF(300, 250));
    click(centreOf(id));
    FieldForm *form = m_window->inspector()->mainForm();
    auto *edit = qobject_cast<QLineEdit *>(form->editor(QStringLiteral("serviceTimeMs")));
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("fast"));
    QVERIFY(form->errorOf(QStringLiteral("serviceTimeMs")).contains(QStringLiteral("number")));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(variant().findComponent(id)->serviceTimeMs, 1.0);

    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("-2"));
    QVERIFY(!form->errorOf(QStringLiteral("serviceTimeMs")).isEmpty()); // the validator's range
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(variant().findComponent(id)->serviceTimeMs, 1.0);

    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("4"));
    QVERIFY(form->errorOf(QStringLiteral("serviceTimeMs")).isEmpty());
}

void TestUi::saveAndReopen_data() {
    QTest::addColumn<QString>("suffix");
    QTest::newRow("archsim") << QStringLiteral("archsim");
    QTest::newRow("json") << QStringLiteral("json");
}

void TestUi::saveAndReopen() {
    QFETCH(QString, suffix);
    const QString web = dropKind(ComponentKind::Client, QPointF(200, 50));
    const QString db = dropKind(ComponentKind::Database, QPointF(400, 350));
    drag(knobOf(web), centreOf(db));
    drag(centreOf(db), centreOf(db) + QPointF(60, 0));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("drawn.") + suffix);
    QVERIFY(m_window->saveProjectAs(path));
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("drawn.%1[*] — ArchSim").arg(suffix));
    const Variant saved = variant();

    MainWindow other;
    other.setQuiet(true);
    QVERIFY(other.openProject(path));
    const Variant &reopened = other.document()->currentVariant();
    QCOMPARE(reopened.components.size(), 2);
    QCOMPARE(reopened.connections.size(), 1);
    for (const Component &c : saved.components) {
        const Component *r = reopened.findComponent(c.id);
        QVERIFY(r);
        QCOMPARE(r->x, c.x);
        QCOMPARE(r->y, c.y);
        QCOMPARE(r->layer, c.layer);
        QVERIFY(r->kind == c.kind);
        // The same picture: the card lies where it lay.
        QCOMPARE(other.scene()->componentItem(c.id)->pos(), QPointF(c.x, c.y));
    }
    QCOMPARE(reopened.connections[0].from, web);
    QCOMPARE(reopened.connections[0].to, db);
}

void TestUi::problemsPanelListsBrokenReference() {
    QVERIFY(m_window->openProject(QStringLiteral(ARCHSIM_TEST_DATA_DIR "/broken-reference.json")));
    ProblemsPanel *panel = m_window->problemsPanel();
    panel->refreshNow();
    int unitRow = -1, connectionRow = -1;
    for (int i = 0; i < panel->problems().size(); ++i) {
        const Problem &p = panel->problems()[i];
        if (p.elementId == QLatin1String("db") && p.field == QLatin1String("unit")) unitRow = i;
        if (p.field == QLatin1String("to") && p.message.contains(QLatin1String("paymnt")))
            connectionRow = i;
    }
    QVERIFY(unitRow >= 0);
    QVERIFY(connectionRow >= 0);
    QVERIFY(panel->topLevelItem(unitRow)->text(0).contains(QStringLiteral("no-such-unit")));

    // Clicking the problem selects the component on the canvas.
    QTest::mouseClick(panel->viewport(), Qt::LeftButton, {},
                      panel->visualItemRect(panel->topLevelItem(unitRow)).center());
    QCOMPARE(m_window->scene()->selection().components, QStringList{QStringLiteral("db")});

    // A workload's problem shows the workload in its panel.
    int workloadRow = -1;
    for (int i = 0; i < panel->problems().size(); ++i)
        if (panel->problems()[i].elementId == QLatin1String("lost")) workloadRow = i;
    QVERIFY(workloadRow >= 0);
    QTest::mouseClick(panel->viewport(), Qt::LeftButton, {},
                      panel->visualItemRect(panel->topLevelItem(workloadRow)).center());
    const QTreeWidgetItem *current = m_window->workloadsPanel()->tree()->currentItem();
    QVERIFY(current);
    QCOMPARE(current->data(0, Qt::UserRole).toInt(), int(WorkloadsPanel::kWorkload));
    QCOMPARE(current->data(0, Qt::UserRole + 1).toInt(), 1);
}

void TestUi::exampleOpensWithTitle() {
    const QString path = QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json");
    QVERIFY(m_window->openProject(path));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("shop.json[*] — ArchSim"));
    QCOMPARE(m_window->scene()->selection().components.size(), 0);
    QCOMPARE(variant().components.size(), 15);
    // Every component and connection of the file is drawn.
    QCOMPARE(m_window->scene()->items().size() > 35, true);
    QVERIFY(!m_window->isWindowModified());
}

void TestUi::drawSaveReopenUndoAll() {
    // A small shop drawn with the mouse only, then every step undone.
    m_window->resize(1400, 900);
    struct Part {
        ComponentKind kind;
        QPointF at;
    };
    const QList<Part> parts{
        {ComponentKind::Client, {300, 50}},   {ComponentKind::Gateway, {300, 150}},
        {ComponentKind::Service, {160, 250}}, {ComponentKind::Service, {440, 250}},
        {ComponentKind::Cache, {160, 350}},   {ComponentKind::Database, {440, 350}},
        {ComponentKind::Queue, {700, 350}}};
    QStringList ids;
    for (const Part &p : parts)
        ids << dropKind(p.kind, p.at);
    const QList<QPair<int, int>> calls{{0, 1}, {1, 2}, {1, 3}, {2, 4}, {3, 5}, {4, 5}, {3, 6}};
    for (const auto &[from, to] : calls)
        drag(knobOf(ids[from]), centreOf(ids[to]));
    QCOMPARE(variant().connections.size(), calls.size());
    click(centreOf(ids[2]));
    click(centreOf(ids[3]), Qt::ControlModifier);
    m_window->action(QStringLiteral("group"))->trigger();
    click(centreOf(ids[3]));
    auto *name = qobject_cast<QLineEdit *>(
        m_window->inspector()->mainForm()->editor(QStringLiteral("name")));
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Orders"));
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(variant().findComponent(ids[3])->name, QStringLiteral("Orders"));
    m_window->action(QStringLiteral("layoutAll"))->trigger();
    for (int i = 0; i < ids.size(); ++i) // auto-layout keeps every component in its lane
        QCOMPARE(variant().findComponent(ids[i])->layer, variant()
                                                             .layers[i == 0   ? 0
                                                                     : i == 1 ? 1
                                                                     : i < 4  ? 2
                                                                              : 3]
                                                             .id);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shop.archsim"));
    QVERIFY(m_window->saveProjectAs(path));
    MainWindow other;
    other.setQuiet(true);
    QVERIFY(other.openProject(path));
    QVERIFY(other.document()->currentVariant() == variant());

    const QString shots = qEnvironmentVariable("ARCHSIM_UI_SHOTS");
    if (!shots.isEmpty()) {
        m_window->view()->zoomToFit();
        QTest::qWait(100); // layouts show new editors through queued events
        m_window->grab().save(shots + QStringLiteral("/drawn-window.png"));
        QFile::copy(path, shots + QStringLiteral("/drawn.archsim"));
    }

    QUndoStack *stack = m_window->document()->undoStack();
    while (stack->canUndo())
        stack->undo();
    QCOMPARE(variant().components.size(), 0);
    QCOMPARE(variant().connections.size(), 0);
    QCOMPARE(variant().units.size(), 0);
    QCOMPARE(m_window->scene()->items().size(), 4); // the four empty lanes
}

void TestUi::connectionInspector() {
    const QString web = dropKind(ComponentKind::Client, QPointF(200, 50));
    const QString db = dropKind(ComponentKind::Database, QPointF(500, 350));
    drag(knobOf(web), centreOf(db));
    const QString key = web + QStringLiteral("->") + db;
    ConnectionItem *item = m_window->scene()->connectionItem(key);
    // Click on the line halfway, away from its label.
    const QPointF mid = (centreOf(web) + centreOf(db)) / 2;
    click(mid);
    QCOMPARE(m_window->scene()->selection().connections, QStringList{key});

    auto *calls = qobject_cast<QLineEdit *>(
        m_window->inspector()->mainForm()->editor(QStringLiteral("calls")));
    QVERIFY(calls);
    calls->setFocus();
    calls->selectAll();
    QTest::keyClicks(calls, QStringLiteral("2.5"));
    QTest::keyClick(calls, Qt::Key_Return);
    QCOMPARE(variant().connections[0].calls, 2.5);
    QCOMPARE(item->connection().calls, 2.5); // the arrow's label follows the model

    auto *mode = qobject_cast<QComboBox *>(
        m_window->inspector()->mainForm()->editor(QStringLiteral("mode")));
    QVERIFY(mode);
    mode->setFocus();
    QTest::keyClick(mode, Qt::Key_Down);
    QCOMPARE(archsim::enumName(variant().connections[0].mode), QStringLiteral("async"));
    QCOMPARE(archsim::enumName(item->connection().mode), QStringLiteral("async"));
    m_window->document()->undoStack()->undo();
    QCOMPARE(archsim::enumName(variant().connections[0].mode), QStringLiteral("sync"));
}

void TestUi::badFileKeepsProject() {
    const QString id = dropKind(ComponentKind::Service, QPointF(300, 250));
    QTemporaryDir dir;
    QFile bad(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{ \"format\": \"archsim\", \"variants\": [ { \"name\": ");
    bad.close();
    QVERIFY(!m_window->openProject(bad.fileName()));
    QVERIFY(!m_window->openProject(dir.filePath(QStringLiteral("missing.archsim"))));
    QVERIFY(variant().findComponent(id)); // the open project stays
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("missing.archsim")));
}

void TestUi::autosaveAndRecover() {
    const QString id = dropKind(ComponentKind::Cache, QPointF(300, 350));
    Autosaver *autosaver = m_window->autosaver();
    autosaver->discard();
    autosaver->saveNow();
    QVERIFY(autosaver->hasRecovery());

    MainWindow next; // as if started after a crash
    next.setQuiet(true);
    QVERIFY(next.autosaver()->hasRecovery());
    QVERIFY(next.recoverAutosave());
    QVERIFY(next.document()->currentVariant() == variant());
    QVERIFY(next.document()->isModified());
    QCOMPARE(next.windowTitle(), QStringLiteral("untitled.archsim[*] — ArchSim"));
    QVERIFY(next.scene()->componentItem(id));

    QTemporaryDir dir;
    QVERIFY(m_window->saveProjectAs(dir.filePath(QStringLiteral("saved.json"))));
    QVERIFY(!autosaver->hasRecovery()); // saved: nothing left to recover
}

void TestUi::arrowKeysNudge() {
    const QString id = dropKind(ComponentKind::Service, QPointF(300, 250));
    const Component before = *variant().findComponent(id);
    click(centreOf(id));
    m_window->view()->setFocus();
    QTest::keyClick(m_window->view(), Qt::Key_Right);
    QTest::keyClick(m_window->view(), Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(variant().findComponent(id)->x, before.x + 20);
    QCOMPARE(variant().findComponent(id)->y, before.y + 1);
    m_window->document()->undoStack()->undo();
    m_window->document()->undoStack()->undo();
    QCOMPARE(variant().findComponent(id)->x, before.x);
    QCOMPARE(variant().findComponent(id)->y, before.y);
}

void TestUi::workloadsAndScenarios() {
    const QString web = dropKind(ComponentKind::Client, QPointF(200, 50));
    WorkloadsPanel *panel = m_window->workloadsPanel();
    panel->addWorkload();
    QCOMPARE(variant().workloads.size(), 1);
    QCOMPARE(variant().workloads[0].entry, web); // traffic enters at the client
    auto *rate = qobject_cast<QLineEdit *>(panel->form()->editor(QStringLiteral("ratePerSec")));
    QVERIFY(rate);
    rate->setFocus();
    rate->selectAll();
    QTest::keyClicks(rate, QStringLiteral("250"));
    QTest::keyClick(rate, Qt::Key_Return);
    QCOMPARE(variant().workloads[0].ratePerSec.value_or(0), 250.0);

    auto *entry = qobject_cast<QLineEdit *>(panel->form()->editor(QStringLiteral("entry")));
    entry->setFocus();
    entry->selectAll();
    QTest::keyClicks(entry, QStringLiteral("nowhere"));
    QVERIFY(panel->form()->errorOf(QStringLiteral("entry")).contains(QStringLiteral("nowhere")));
    QTest::keyClick(entry, Qt::Key_Return);
    QCOMPARE(variant().workloads[0].entry, web);

    panel->addScenario();
    panel->addEvent();
    QCOMPARE(variant().scenarios.size(), 1);
    QCOMPARE(variant().scenarios[0].events.size(), 1);
    QCOMPARE(variant().scenarios[0].events[0].unit, web); // the only unit
    m_window->document()->undoStack()->undo();
    QCOMPARE(variant().scenarios[0].events.size(), 0);
    m_window->document()->undoStack()->undo();
    m_window->document()->undoStack()->undo();
    QCOMPARE(variant().workloads[0].ratePerSec.value_or(0), 100.0);
}

void TestUi::variants() {
    EditOperations *ops = m_window->scene()->operations();
    dropKind(ComponentKind::Service, QPointF(300, 250));
    QVERIFY(!ops->duplicateVariant(QStringLiteral("Main")).isEmpty()); // taken
    QVERIFY(ops->duplicateVariant(QStringLiteral("Microservices")).isEmpty());
    QCOMPARE(m_window->document()->variantCount(), 2);
    QCOMPARE(variant().name, QStringLiteral("Microservices"));
    QCOMPARE(variant().components.size(), 1);
    dropKind(ComponentKind::Cache, QPointF(300, 350));
    QCOMPARE(m_window->document()->variant(0).components.size(), 1); // the copy is apart
    QVERIFY(ops->renameVariant(QStringLiteral("Split")).isEmpty());
    QCOMPARE(m_window->document()->variant(1).name, QStringLiteral("Split"));
    QVERIFY(ops->removeVariant().isEmpty());
    QCOMPARE(m_window->document()->variantCount(), 1);
    QVERIFY(!ops->removeVariant().isEmpty()); // the last one stays
    QUndoStack *stack = m_window->document()->undoStack();
    stack->undo();
    stack->undo();
    QCOMPARE(m_window->document()->variant(1).name, QStringLiteral("Microservices"));
    QCOMPARE(variant().components.size(), 2);
    QVERIFY(m_window->scene()->componentItem(variant().components[1].id));
}

void TestUi::exportPictures() {
    const ReadResult read = loadProject(QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json"));
    QVERIFY(read.ok());
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("shop.png"));
    const QString svg = dir.filePath(QStringLiteral("shop.svg"));
    QCOMPARE(exportDiagram(read.project, 0, png), QString());
    QCOMPARE(exportDiagram(read.project, 1, svg), QString());
    QVERIFY(!exportDiagram(read.project, 0, dir.filePath(QStringLiteral("shop.pdf"))).isEmpty());

    // The picture is the diagram at twice its scale: each card's colour strip lies where the
    // model puts the component.
    ProjectDocument document(read.project);
    DiagramScene scene(&document);
    const QRectF source = scene.diagramRect();
    const QImage image(png);
    QCOMPARE(image.size(), (source.size() * 2).toSize());
    for (const Component &c : document.currentVariant().components) {
        const QPointF strip(c.x + 2.5, c.y + style::kComponentHeight / 2);
        const QColor pixel = image.pixelColor(((strip - source.topLeft()) * 2).toPoint());
        const QColor expected = style::kindColor(c.kind);
        QVERIFY2(std::abs(pixel.red() - expected.red()) < 12 &&
                     std::abs(pixel.green() - expected.green()) < 12 &&
                     std::abs(pixel.blue() - expected.blue()) < 12,
                 qPrintable(c.id + QStringLiteral(": ") + pixel.name()));
    }
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QVERIFY(renderer.viewBoxF().width() > 500);
}

QTEST_MAIN(TestUi)
#include "tst_ui.moc"

void TestUi::exportScalesHugeDiagrams() {
    // Components a million units apart asked for a picture of tens of gigabytes; it is now
    // scaled to at most 16,384 pixels a side and 30 million pixels, and a diagram past ten
    // million units a side is refused with a message naming that limit.
    auto project = [](double far) {
        const QByteArray json = QStringLiteral(
                                    R"({"format": "archsim", "version": 1, "name": "far",
            "variants": [{"name": "v", "components": [
              {"id": "a", "kind": "service", "x": 0, "y": 0},
              {"id": "b", "kind": "service", "x": %1, "y": %1}]}]})")
                                    .arg(far, 0, 'f', 0)
                                    .toUtf8();
        const ReadResult read = readProjectJson(json);
        if (!read.ok()) qFatal("%s", qPrintable(formatProblems(read.problems)));
        return read.project;
    };
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("far.png"));
    QCOMPARE(exportDiagram(project(1e6), 0, png), QString());
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() <= 16384 && image.height() <= 16384);
    QVERIFY(double(image.width()) * image.height() <= 30e6);
    QVERIFY(image.width() > 4000); // scaled to the budget, not to a thumbnail

    const QString refused = exportDiagram(project(1e8), 0, png);
    QVERIFY2(refused.contains(QStringLiteral("more than the 1e+07 a side")), qPrintable(refused));
}

void TestUi::aboutBoxSaysVersionAndLicence() {
    QAction *help = nullptr;
    for (QAction *menu : m_window->menuBar()->actions())
        if (menu->text().remove(QLatin1Char('&')) == QLatin1String("Help")) help = menu;
    QVERIFY(help && help->menu());
    QAction *about = m_window->action(QStringLiteral("about"));
    QVERIFY(about && help->menu()->actions().contains(about));
    about->trigger();
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("aboutBox"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral(ARCHSIM_VERSION)));
    QVERIFY(box->text().contains(QStringLiteral("GPL-3.0-or-later")));
    QTest::mouseClick(static_cast<QWidget *>(box->button(QMessageBox::Close)), Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("aboutBox")));
}
