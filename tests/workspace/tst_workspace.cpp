// SPDX-License-Identifier: GPL-3.0-or-later
// GUI tests of the simulation workspace: the live overlay follows edits, saturation and invalid
// models show as problems, a run from the panel matches archsim-cli with the same seed, Cancel
// stops a long run within a second, runs survive save and reopen, the what-if crash runs.
#include "tst_charts.h"

#include "ui/charts/chartbuilder.h"
#include "ui/document/projectdocument.h"
#include "ui/editor/componentitem.h"
#include "ui/editor/connectionitem.h"
#include "ui/editor/diagramscene.h"
#include "ui/mainwindow.h"
#include "ui/problemspanel.h"
#include "ui/workspace/chartspanel.h"
#include "ui/workspace/liveanalysis.h"
#include "ui/workspace/overlayitems.h"
#include "ui/workspace/runspanel.h"
#include "ui/workspace/simulationpanel.h"
#include "ui/workspace/summarystrip.h"
#include "ui/workspace/workspace.h"

#include "simulator/study/sweep.h"

#include "model/jsonreader.h"
#include "model/projectfile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace archsim;
using namespace archsim::ui;

namespace {

QString example() {
    return QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json");
}

// One client calling a service "svc" (10 ms exponential, THREADS threads) at RATE per second:
// an M/M/c queue, utilisation rate x 0.010 / threads.
Project oneService(double rate, int threads) {
    const QByteArray json = QStringLiteral(R"({"format": "archsim", "version": 1, "name": "one",
      "variants": [{"name": "V", "layers": [{"id": "edge", "name": "Edge"}],
        "units": [{"id": "svc-unit", "threads": %2}],
        "components": [
          {"id": "web", "kind": "client", "layer": "edge", "x": 0, "y": 0},
          {"id": "svc", "kind": "service", "layer": "edge", "unit": "svc-unit",
           "serviceTimeMs": 10, "x": 300, "y": 0}],
        "connections": [{"from": "web", "to": "svc"}],
        "workloads": [{"name": "load", "entry": "web", "ratePerSec": %1}]}]})")
                                .arg(rate)
                                .arg(threads)
                                .toUtf8();
    const ReadResult read = readProjectJson(json);
    if (!read.ok()) qFatal("%s", qPrintable(formatProblems(read.problems)));
    return read.project;
}

QJsonObject cliJson(const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral(ARCHSIM_CLI), args);
    if (!p.waitForFinished(120000)) qFatal("archsim-cli did not finish");
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

} // namespace

class TestWorkspace : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void exampleShowsUtilisationWithoutRunning();
    void threadsTurnRedUnitGreen();
    void saturationIsAWarning();
    void syncCycleIsOneCheckEverywhere();
    void staleResultIsDropped();
    void guiRunMatchesCli();
    void cancelStopsWithinASecond();
    void runsSurviveSaveAndReopen();
    void oldFileWithoutRunsOpens();
    void sweepAndFailuresFromThePanel();
    void whatIfRunsACrash();
    void overlayTwoSweeps();

private:
    Workspace *workspace() const { return m_window->workspace(); }
    void load(const Project &project);
    void settle();
    ElementOverlay *overlayOf(const QString &component) const;

    MainWindow *m_window = nullptr;
};

void TestWorkspace::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestWorkspace::init() {
    m_window = new MainWindow;
    m_window->setQuiet(true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestWorkspace::cleanup() {
    workspace()->simulationPanel()->cancel();
    workspace()->simulationPanel()->waitForIdle(5000);
    delete m_window;
    m_window = nullptr;
}

void TestWorkspace::load(const Project &project) {
    m_window->document()->resetProject(project, {});
    settle();
}

void TestWorkspace::settle() {
    QVERIFY(workspace()->liveAnalysis()->waitForIdle());
    QCoreApplication::processEvents();
}

ElementOverlay *TestWorkspace::overlayOf(const QString &component) const {
    ComponentItem *item = m_window->scene()->componentItem(component);
    if (!item) return nullptr;
    for (QGraphicsItem *child : item->childItems())
        if (child->type() == ElementOverlay::Type) return static_cast<ElementOverlay *>(child);
    return nullptr;
}

void TestWorkspace::exampleShowsUtilisationWithoutRunning() {
    QVERIFY(m_window->openProject(example()));
    settle();
    const LiveResult *r = workspace()->liveAnalysis()->latest();
    QVERIFY(r && r->hasNumbers());
    // The bottleneck's card carries the badge and its unit's utilisation.
    // The unit that saturates first as the load grows (the gateway, whose threads wait on the
    // application), as the sweep and the DES name it.
    const QString bottleneck = r->bottleneck();
    QCOMPARE(bottleneck, sim::layeredSaturation(*r->check.model)->bottleneck);
    QCOMPARE(bottleneck, QStringLiteral("gateway-svc"));
    QVERIFY(!bottleneck.isEmpty());
    QString card;
    for (auto it = r->unitOfComponent.begin(); it != r->unitOfComponent.end(); ++it)
        if (it.value() == bottleneck) card = it.key();
    ElementOverlay *o = overlayOf(card);
    QVERIFY(o);
    QVERIFY(o->look().bottleneck);
    QCOMPARE(*o->look().utilisation, r->unit(bottleneck)->utilization);
    // Connections carry calls/s: web -> gateway gets every shop request.
    int traffic = 0;
    for (QGraphicsItem *item : m_window->scene()->items())
        if (item->type() == TrafficOverlay::Type) ++traffic;
    QVERIFY(traffic > 10);
    QVERIFY(workspace()->summary()->text().contains(QStringLiteral("headroom")));
    // The strip's saturation rate is the one a sweep marks (the layered solve's).
    const double layered = *sim::saturationRate(*r->check.model);
    QCOMPARE(*r->check.analysis->saturationRatePerSec, layered);
    QVERIFY2(workspace()->summary()->text().contains(QString::number(layered, 'f', 1)),
             qPrintable(workspace()->summary()->text()));
    // The overlay switch hides it all.
    workspace()->summary()->overlaySwitch()->setChecked(false);
    QVERIFY(!overlayOf(card));
    workspace()->summary()->overlaySwitch()->setChecked(true);
    QVERIFY(overlayOf(card));
}

void TestWorkspace::threadsTurnRedUnitGreen() {
    // 95/s x 10 ms on 1 thread: utilisation 0.95 (red, >= 0.9).
    load(oneService(95, 1));
    ElementOverlay *o = overlayOf(QStringLiteral("svc"));
    QVERIFY(o);
    QVERIFY(qAbs(*o->look().utilisation - 0.95) < 1e-9);
    QCOMPARE(o->frameColor(), charts::utilisationColor(0.95));
    QCOMPARE(o->frameColor(), QColor(213, 94, 0));
    // Eight threads (and cores): 0.95 / 8 = 0.11875, green.
    Unit before = m_window->document()->currentVariant().units[0];
    Unit after = before;
    after.threads = 8;
    m_window->document()->replaceUnits(0, {before}, {after});
    settle();
    o = overlayOf(QStringLiteral("svc"));
    QVERIFY(o);
    QVERIFY(qAbs(*o->look().utilisation - 0.95 / 8) < 1e-9);
    QCOMPARE(o->frameColor(), QColor(0, 158, 115));
    // Four threads of 80/s ... 0.8 / 4 = 0.2 stays green; 3 threads at 240/s: 0.8, amber.
    Unit amber = after;
    amber.threads = 3;
    m_window->document()->replaceUnits(0, {after}, {amber});
    Workload w = m_window->document()->currentVariant().workloads[0];
    w.ratePerSec = 240;
    m_window->document()->setWorkloads(0, {w});
    settle();
    QVERIFY(qAbs(*overlayOf(QStringLiteral("svc"))->look().utilisation - 0.8) < 1e-9);
    QCOMPARE(overlayOf(QStringLiteral("svc"))->frameColor(), QColor(230, 159, 0));
}

void TestWorkspace::saturationIsAWarning() {
    // 120/s x 10 ms on one thread: offered utilisation 1.2, the queue grows without bound.
    load(oneService(120, 1));
    const ProblemList &problems = m_window->problemsPanel()->problems();
    auto it = std::find_if(problems.begin(), problems.end(), [](const Problem &p) {
        return p.severity == Severity::Warning && p.elementId == QLatin1String("svc-unit") &&
               p.message.contains(QLatin1String("saturated"));
    });
    QVERIFY2(it != problems.end(), qPrintable(formatProblems(problems)));
    QCOMPARE(it->location.kind, ElementKind::Unit);
    QCOMPARE(it->location.index, 0);
    // It names the rate where the design saturates: 1 / 10 ms = 100/s.
    QVERIFY2(it->message.contains(QLatin1String("100.0/s")), qPrintable(it->message));
    QVERIFY(workspace()->statusLabel()->text().contains(QLatin1String("SATURATED")));
    QVERIFY(overlayOf(QStringLiteral("svc"))->look().saturated);
}

void TestWorkspace::syncCycleIsOneCheckEverywhere() {
    Project p = oneService(10, 1);
    Variant &v = p.variants[0];
    Component back = v.components[1];
    back.id = QStringLiteral("back");
    back.unit = back.id; // a unit of its own
    back.x = 600;
    v.components << back;
    Unit own;
    own.id = back.id;
    own.implicit = true;
    v.units << own;
    Connection a, b;
    a.from = QStringLiteral("svc");
    a.to = QStringLiteral("back");
    b.from = QStringLiteral("back");
    b.to = QStringLiteral("svc");
    v.connections << a << b;
    load(p);
    // The problems panel lists the compile step's error, placed on a connection.
    const ProblemList &problems = m_window->problemsPanel()->problems();
    auto it = std::find_if(problems.begin(), problems.end(), [](const Problem &q) {
        return q.message.contains(QLatin1String("cycle of sync calls"));
    });
    QVERIFY2(it != problems.end(), qPrintable(formatProblems(problems)));
    QCOMPARE(it->severity, Severity::Error);
    QCOMPARE(it->location.kind, ElementKind::Connection);
    QVERIFY(it->location.index == 1 || it->location.index == 2);
    // No numbers for an invalid model: the overlay is gone, the strip says why.
    QVERIFY(!overlayOf(QStringLiteral("svc")));
    QVERIFY(workspace()->summary()->text().contains(QLatin1String("errors")));
    // validate says the same (it used to call this model valid).
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("cycle.json"));
    QVERIFY(saveProject(file, p).isEmpty());
    QProcess cli;
    cli.start(QStringLiteral(ARCHSIM_CLI), {QStringLiteral("validate"), file});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY(cli.readAllStandardError().contains("cycle of sync calls"));
    // And a run refuses it, naming the cycle.
    QSignalSpy failed(workspace()->simulationPanel(), &SimulationPanel::runFailed);
    workspace()->simulationPanel()->start(
        workspace()->simulationPanel()->request(RunRequest::Kind::Simulate));
    QVERIFY(workspace()->simulationPanel()->waitForIdle(10000));
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed[0][0].toString().contains(QLatin1String("cycle of sync calls")));
    QVERIFY(m_window->document()->runs().isEmpty());
}

void TestWorkspace::staleResultIsDropped() {
    load(oneService(50, 1));
    LiveAnalysis *live = workspace()->liveAnalysis();
    QList<quint64> shown;
    connect(live, &LiveAnalysis::resultReady, this,
            [&shown](const LiveResult &r) { shown << r.revision; });
    // Two edits in a row, the first analysed before the second lands: only the second's
    // result is shown.
    Workload w = m_window->document()->currentVariant().workloads[0];
    w.ratePerSec = 20;
    m_window->document()->setWorkloads(0, {w});
    live->runNow();
    w.ratePerSec = 30;
    m_window->document()->setWorkloads(0, {w});
    settle();
    QVERIFY(!shown.isEmpty());
    for (quint64 revision : shown)
        QCOMPARE(revision, live->revision());
    QVERIFY(qAbs(*overlayOf(QStringLiteral("svc"))->look().utilisation - 0.3) < 1e-9);
}

void TestWorkspace::guiRunMatchesCli() {
    QVERIFY(m_window->openProject(example()));
    settle();
    SimulationPanel *panel = workspace()->simulationPanel();
    panel->engineBox()->setCurrentIndex(panel->engineBox()->findData(QStringLiteral("des")));
    panel->scenarioBox()->setCurrentIndex(
        panel->scenarioBox()->findData(QStringLiteral("db-crash")));
    panel->durationBox()->setValue(100);
    panel->warmupBox()->setValue(5);
    panel->seedBox()->setValue(7);
    panel->replicationsBox()->setValue(2);
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    QVERIFY(panel->isRunning());
    QVERIFY(panel->waitForIdle(60000));
    QCOMPARE(m_window->document()->runs().size(), 1);
    const RunRecord &run = m_window->document()->runs().first();
    QCOMPARE(run.kind, QStringLiteral("simulate"));
    QCOMPARE(run.seed, quint64(7));
    const QJsonObject cli = cliJson(
        {QStringLiteral("simulate"), example(), QStringLiteral("--json"), QStringLiteral("--seed"),
         QStringLiteral("7"), QStringLiteral("--duration"), QStringLiteral("100"),
         QStringLiteral("--warmup"), QStringLiteral("5"), QStringLiteral("--replications"),
         QStringLiteral("2"), QStringLiteral("--scenario"), QStringLiteral("db-crash")});
    QVERIFY(!cli.isEmpty());
    for (const char *key : {"workloads", "units", "bottleneck", "events", "series", "faults"})
        QVERIFY2(run.result.value(QLatin1String(key)) == cli.value(QLatin1String(key)), key);
    // The crash shows: requests failed.
    const QJsonObject shop = run.result.value(QStringLiteral("workloads")).toArray()[0].toObject();
    QVERIFY(shop.value(QStringLiteral("errorRate")).toDouble() > 0.01);
    // The charts panel shows the run, the latency chart with the error rate.
    QVERIFY(!workspace()->chartsPanel()->specs().isEmpty());
    QCOMPARE(workspace()->chartsPanel()->specs().first().id, QStringLiteral("latency"));
    QVERIFY(workspace()->chartsPanel()->specs().first().line(QStringLiteral("shop error rate")));
}

void TestWorkspace::cancelStopsWithinASecond() {
    QVERIFY(m_window->openProject(example()));
    settle();
    SimulationPanel *panel = workspace()->simulationPanel();
    panel->engineBox()->setCurrentIndex(panel->engineBox()->findData(QStringLiteral("des")));
    panel->durationBox()->setValue(1e6); // hours of simulated time: far longer than the test
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    QTest::qWait(500);
    QVERIFY(panel->isRunning());
    QVERIFY(panel->progressBar()->value() >= 0);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
    QVERIFY(panel->waitForIdle(5000));
    const qint64 stopped = clock.elapsed();
    QVERIFY2(stopped < 1000, qPrintable(QStringLiteral("stopped after %1 ms").arg(stopped)));
    QVERIFY(m_window->document()->runs().isEmpty()); // a cancelled run leaves no record
    // The app stays usable: a short run goes through.
    panel->durationBox()->setValue(5);
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    QVERIFY(panel->waitForIdle(30000));
    QCOMPARE(m_window->document()->runs().size(), 1);
}

void TestWorkspace::runsSurviveSaveAndReopen() {
    QVERIFY(m_window->openProject(example()));
    settle();
    SimulationPanel *panel = workspace()->simulationPanel();
    panel->engineBox()->setCurrentIndex(panel->engineBox()->findData(QStringLiteral("analytic")));
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    QVERIFY(panel->waitForIdle(10000));
    QTest::mouseClick(panel->sweepButton(), Qt::LeftButton);
    QVERIFY(panel->waitForIdle(10000));
    QCOMPARE(m_window->document()->runs().size(), 2);
    QVERIFY(m_window->isWindowModified());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("shop.archsim"));
    QVERIFY(m_window->saveProjectAs(file));
    QVERIFY(!m_window->isWindowModified());
    const RunList saved = m_window->document()->runs();

    MainWindow other;
    other.setQuiet(true);
    QVERIFY(other.openProject(file));
    QCOMPARE(other.document()->runs(), saved);
    RunsPanel *runs = other.workspace()->runsPanel();
    QCOMPARE(runs->list()->topLevelItemCount(), 2);
    QCOMPARE(runs->list()->topLevelItem(0)->text(4), QStringLiteral("current"));
    // The sweep run's charts come back from the file.
    runs->list()->setCurrentItem(runs->list()->topLevelItem(0));
    emit runs->list()->itemActivated(runs->list()->topLevelItem(0), 0);
    QCOMPARE(other.workspace()->chartsPanel()->specs().first().id, QStringLiteral("sweep"));
    // An edit to the design makes both runs "older revision"; moving a card does not.
    const Variant &v = other.document()->currentVariant();
    Component moved = v.components[0];
    moved.x += 200;
    other.document()->replaceComponents(0, {v.components[0]}, {moved});
    QCOMPARE(runs->list()->topLevelItem(0)->text(4), QStringLiteral("current"));
    Unit before = other.document()->currentVariant().units[0];
    Unit after = before;
    after.replicas = before.replicas + 1;
    other.document()->replaceUnits(0, {before}, {after});
    QCOMPARE(runs->list()->topLevelItem(0)->text(4), QStringLiteral("older revision"));
    QVERIFY(runs->isOlderRevision(other.document()->runs().first()));
    // Two runs of one kind overlay; here the two differ in kind, so the button stays off.
    runs->select({1, 2});
    QVERIFY(!runs->overlayButton()->isEnabled());
}

void TestWorkspace::oldFileWithoutRunsOpens() {
    // A schema-1 file from before the run table had any columns for this.
    QVERIFY(m_window->openProject(QStringLiteral(ARCHSIM_TEST_DATA_DIR "/shop-v1.archsim")));
    QVERIFY(m_window->document()->runs().isEmpty());
    QCOMPARE(workspace()->runsPanel()->list()->topLevelItemCount(), 0);
    // It takes a run and saves it in the new schema.
    SimulationPanel *panel = workspace()->simulationPanel();
    panel->engineBox()->setCurrentIndex(panel->engineBox()->findData(QStringLiteral("analytic")));
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    QVERIFY(panel->waitForIdle(10000));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("migrated.archsim"));
    QVERIFY(m_window->saveProjectAs(file));
    QCOMPARE(loadProject(file).project.runs.size(), 1);
}

void TestWorkspace::sweepAndFailuresFromThePanel() {
    load(oneService(50, 1));
    SimulationPanel *panel = workspace()->simulationPanel();
    panel->engineBox()->setCurrentIndex(panel->engineBox()->findData(QStringLiteral("analytic")));
    panel->fromBox()->setValue(10);
    panel->toBox()->setValue(130);
    panel->stepsBox()->setValue(13);
    QTest::mouseClick(panel->sweepButton(), Qt::LeftButton);
    QVERIFY(panel->waitForIdle(10000));
    const charts::ChartSpec &sweep = workspace()->chartsPanel()->specs().first();
    // M/M/1 with 10 ms: saturation at 100/s; the steps are 10, 20, ... 130.
    QCOMPARE(sweep.markers.size(), 2);
    QVERIFY(qAbs(sweep.markers[1].x - 100) < 0.1); // the engine's search stops within 0.1%
    // The knee: the mean response 10/(1 - rate/100) ms is 11.1 ms at the first step (10/s) and
    // reaches twice that (22.2 ms, rate >= 55/s) first at the 60/s step (25 ms).
    QCOMPARE(sweep.markers[0].x, 60.0);
    QCOMPARE(sweep.xMin, 10.0);
    QCOMPARE(sweep.xMax, 130.0);
    QCOMPARE(sweep.line(QStringLiteral("svc-unit utilisation"))->points.size(), 13);
    // Failure analysis of the same panel: the service is a single point of failure.
    QTest::mouseClick(workspace()->simulationPanel()->findChildren<QPushButton *>().at(2),
                      Qt::LeftButton);
    QVERIFY(panel->waitForIdle(10000));
    const RunRecord &failures = m_window->document()->runs().last();
    QCOMPARE(failures.kind, QStringLiteral("failures"));
    QCOMPARE(workspace()->chartsPanel()->specs().size(), 2);
    QCOMPARE(workspace()->chartsPanel()->specs()[1].id, QStringLiteral("blast-radius"));
}

void TestWorkspace::whatIfRunsACrash() {
    QVERIFY(m_window->openProject(example()));
    settle();
    SimulationPanel *panel = workspace()->simulationPanel();
    panel->durationBox()->setValue(60);
    panel->replicationsBox()->setValue(1);
    workspace()->whatIf(QStringLiteral("postgres"));
    auto *button = m_window->findChild<QPushButton *>(QStringLiteral("runCrash"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(panel->waitForIdle(60000));
    QCOMPARE(m_window->document()->runs().size(), 1);
    const RunRecord &run = m_window->document()->runs().first();
    QCOMPARE(run.parameters.value(QStringLiteral("crashUnit")).toString(),
             QStringLiteral("postgres"));
    // The crash covers the middle third of the measured minute: 10 + 20 to 10 + 40 s.
    const QJsonObject fault = run.result.value(QStringLiteral("faults")).toArray()[0].toObject();
    QCOMPARE(fault.value(QStringLiteral("atSec")).toDouble(), 30.0);
    QCOMPARE(fault.value(QStringLiteral("endSec")).toDouble(), 50.0);
    const QJsonObject shop = run.result.value(QStringLiteral("workloads")).toArray()[0].toObject();
    QVERIFY(shop.value(QStringLiteral("errorRate")).toDouble() > 0.05);
}

void TestWorkspace::overlayTwoSweeps() {
    load(oneService(50, 1));
    SimulationPanel *panel = workspace()->simulationPanel();
    panel->engineBox()->setCurrentIndex(panel->engineBox()->findData(QStringLiteral("analytic")));
    panel->fromBox()->setValue(10);
    panel->toBox()->setValue(90);
    QTest::mouseClick(panel->sweepButton(), Qt::LeftButton);
    QVERIFY(panel->waitForIdle(10000));
    // A second design: two threads, so the same rates load it half as much.
    Unit before = m_window->document()->currentVariant().units[0];
    Unit after = before;
    after.threads = 2;
    m_window->document()->replaceUnits(0, {before}, {after});
    settle();
    QTest::mouseClick(panel->sweepButton(), Qt::LeftButton);
    QVERIFY(panel->waitForIdle(10000));
    RunsPanel *runs = workspace()->runsPanel();
    runs->select({1, 2});
    QVERIFY(runs->overlayButton()->isEnabled());
    QTest::mouseClick(runs->overlayButton(), Qt::LeftButton);
    const charts::ChartSpec &chart = workspace()->chartsPanel()->specs().first();
    const charts::ChartLine *mine = chart.line(QStringLiteral("svc-unit utilisation"));
    const charts::ChartLine *other = chart.line(QStringLiteral("svc-unit utilisation (run 2)"));
    QVERIFY(mine && other);
    QVERIFY(other->dashed);
    // Same load axis; at 90/s the one-thread run is at 0.9, the two-thread run at 0.45.
    QCOMPARE(mine->points.last().x(), other->points.last().x());
    QVERIFY(qAbs(mine->points.last().y() - 0.9) < 1e-9);
    QVERIFY(qAbs(other->points.last().y() - 0.45) < 1e-9);
    // The first run was made on the one-thread design: now an older revision.
    QVERIFY(runs->isOlderRevision(m_window->document()->runs().first()));
    QVERIFY(!runs->isOlderRevision(m_window->document()->runs().last()));
}

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    int status = 0;
    {
        TestCharts charts;
        status |= QTest::qExec(&charts, argc, argv);
    }
    {
        TestWorkspace workspace;
        status |= QTest::qExec(&workspace, argc, argv);
    }
    return status;
}

#include "tst_workspace.moc"
