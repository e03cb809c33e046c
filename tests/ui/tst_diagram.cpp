// SPDX-License-Identifier: GPL-3.0-or-later
// Legibility of the diagram: whole names on the cards and in exports, tooltips, connections
// routed around cards with their labels clear of cards and of each other, entry components
// marked, and an auto-layout that is applied only when it makes the diagram read better.
#include "ui/document/listcommand.h"
#include "ui/document/projectdocument.h"
#include "ui/editor/autolayout.h"
#include "ui/editor/cardtext.h"
#include "ui/editor/componentitem.h"
#include "ui/editor/connectionitem.h"
#include "ui/editor/diagramexport.h"
#include "ui/editor/diagramscene.h"
#include "ui/editor/diagramstyle.h"

#include "model/projectfile.h"

#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <random>

using namespace archsim;
using namespace archsim::ui;

namespace {

Project example() {
    ReadResult r = loadProject(QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json"));
    return r.project;
}

// Whether the axis-parallel segment A-B passes through the inside of R (touching is not),
// computed here rather than with the router's own helper.
bool segmentEntersRect(const QPointF &a, const QPointF &b, const QRectF &r) {
    const double left = std::min(a.x(), b.x()), right = std::max(a.x(), b.x());
    const double top = std::min(a.y(), b.y()), bottom = std::max(a.y(), b.y());
    return left < r.right() - 1e-6 && right > r.left() + 1e-6 && top < r.bottom() - 1e-6 &&
           bottom > r.top() + 1e-6;
}

// Every connection of the scene: orthogonal, from the caller's border to the callee's, and
// through no card's inside. Returns the first fault, empty when none.
QString checkRoutes(DiagramScene &scene, const Variant &v) {
    if (scene.routingPending()) return QStringLiteral("routes are pending");
    for (const Connection &c : v.connections) {
        const ConnectionItem *item = scene.connectionItem(connectionKey(c));
        if (!item) return QStringLiteral("%1: no item").arg(connectionKey(c));
        const QPolygonF p = item->path();
        if (p.size() < 2) return QStringLiteral("%1: no path").arg(connectionKey(c));
        const QRectF from = scene.componentItem(c.from)->sceneCardRect();
        const QRectF to = scene.componentItem(c.to)->sceneCardRect();
        auto onBorder = [](const QRectF &r, const QPointF &q) {
            const bool inX = q.x() >= r.left() - 0.01 && q.x() <= r.right() + 0.01;
            const bool inY = q.y() >= r.top() - 0.01 && q.y() <= r.bottom() + 0.01;
            return inX && inY &&
                   (std::abs(q.x() - r.left()) < 0.01 || std::abs(q.x() - r.right()) < 0.01 ||
                    std::abs(q.y() - r.top()) < 0.01 || std::abs(q.y() - r.bottom()) < 0.01);
        };
        if (!onBorder(from, p.first()) || !onBorder(to, p.last()))
            return QStringLiteral("%1: does not start and end on its cards").arg(connectionKey(c));
        for (int i = 0; i + 1 < p.size(); ++i) {
            const bool orthogonal = std::abs(p[i].x() - p[i + 1].x()) < 1e-6 ||
                                    std::abs(p[i].y() - p[i + 1].y()) < 1e-6;
            if (!orthogonal) return QStringLiteral("%1: slanted segment").arg(connectionKey(c));
            for (const Component &card : v.components)
                if (segmentEntersRect(p[i], p[i + 1],
                                      scene.componentItem(card.id)->sceneCardRect()))
                    return QStringLiteral("%1 runs through the card of %2")
                        .arg(connectionKey(c), card.id);
        }
    }
    return {};
}

// A design of N components in LAYERS layers placed at random (overlaps and all), with calls
// to the next layer and some inside a layer.
Project generated(int n, int layers, unsigned seed) {
    std::mt19937 rng(seed);
    Project p;
    Variant v;
    v.name = QStringLiteral("Generated");
    for (int l = 0; l < layers; ++l)
        v.layers.append(Layer{QStringLiteral("l%1").arg(l), QStringLiteral("Layer %1").arg(l), {}});
    std::uniform_real_distribution<double> x(0, 3000);
    std::uniform_int_distribution<int> kind(0, 8);
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.name = i % 7 == 0 ? QStringLiteral("Service with a long name %1").arg(i)
                            : QStringLiteral("Part %1").arg(i);
        c.kind = static_cast<ComponentKind>(kind(rng));
        c.layer = v.layers[i * layers / n].id;
        c.unit = c.id;
        c.x = std::round(x(rng) / 20) * 20;
        c.y = 40 + (i * layers / n) * 300 + (i % 3) * 40;
        v.components.append(c);
        Unit u;
        u.id = c.id;
        u.implicit = true;
        v.units.append(u);
    }
    const int perLayer = n / layers;
    std::uniform_int_distribution<int> pick(0, perLayer - 1);
    QSet<QPair<int, int>> seen;
    for (int i = 0; i < n; ++i) {
        const int layer = i * layers / n;
        for (int k = 0; k < 2; ++k) {
            int to = layer + 1 < layers ? (layer + 1) * perLayer + pick(rng) : -1;
            if (k == 1 && i % 4 == 0) to = layer * perLayer + pick(rng); // inside the layer
            if (to < 0 || to >= n || to == i || seen.contains({i, to})) continue;
            seen.insert({i, to});
            Connection c;
            c.from = v.components[i].id;
            c.to = v.components[to].id;
            v.connections.append(c);
        }
    }
    p.variants.append(v);
    return p;
}

} // namespace

class TestDiagram : public QObject {
    Q_OBJECT
private slots:
    void exampleCardsShowWholeNames();
    void longNamesGrowThenElide();
    void tooltipsNameKindAndFigures();
    void exampleRoutesAvoidCards_data();
    void exampleRoutesAvoidCards();
    void labelsClearOfCardsAndEachOther();
    void callsBothWaysRunApart();
    void movingRoutesOnlyWhatMoved();
    void generatedDesignAfterAutoLayout();
    void autoLayoutImprovesExampleAndUndoes();
    void autoLayoutKeepsABetterLayout();
    void entryComponentsMarked();
    void exportedSvgHasEveryFullName();
};

void TestDiagram::exampleCardsShowWholeNames() {
    ProjectDocument doc(example());
    DiagramScene scene(&doc);
    const Variant &v = doc.currentVariant();
    for (const Component &c : v.components) {
        const ComponentItem *item = scene.componentItem(c.id);
        QVERIFY(item);
        const QStringList lines = item->nameLines();
        QVERIFY2(lines.size() <= 2, qPrintable(c.id));
        QCOMPARE(lines.join(QLatin1Char(' ')), c.name);
        // Each line fits the text area of its card, measured with the card's own font.
        const QFontMetricsF fm(card::nameFont());
        for (const QString &line : lines)
            QVERIFY2(fm.horizontalAdvance(line) <=
                         item->size().width() - card::kTextLeft - card::kTextRight,
                     qPrintable(line));
    }
    // The hand layout's cards (10 px apart in the Domain row) still do not overlap.
    for (const Component &a : v.components)
        for (const Component &b : v.components)
            if (a.id < b.id)
                QVERIFY2(!scene.componentItem(a.id)->sceneCardRect().intersects(
                             scene.componentItem(b.id)->sceneCardRect()),
                         qPrintable(a.id + QStringLiteral(" / ") + b.id));
}

void TestDiagram::longNamesGrowThenElide() {
    Component c;
    c.id = QStringLiteral("x");
    c.name = QStringLiteral("Payments");
    QCOMPARE(cardText(c).size.width(), style::kComponentWidth); // short: the standard card
    c.name = QStringLiteral("Customer notification dispatcher");
    const CardText &grown = cardText(c);
    QVERIFY(grown.size.width() > style::kComponentWidth);
    QVERIFY(grown.size.width() <= card::kMaxWidth);
    QCOMPARE(grown.lines.size(), 2);
    QVERIFY(!grown.elided);
    QCOMPARE(grown.lines.join(QLatin1Char(' ')), c.name);
    c.name = QStringLiteral("A name far too long to fit on two lines of even the widest card "
                            "that the canvas draws");
    const CardText &elided = cardText(c);
    QVERIFY(elided.elided);
    QCOMPARE(elided.size.width(), card::kMaxWidth);
    QVERIFY(elided.lines.last().endsWith(QChar(0x2026)));
}

void TestDiagram::tooltipsNameKindAndFigures() {
    ProjectDocument doc(example());
    doc.setCurrentVariantIndex(1); // Microservices: each service a unit of its own
    DiagramScene scene(&doc);
    const Component *c = doc.currentVariant().findComponent(QStringLiteral("payment-provider"));
    const QString tip = scene.componentItem(c->id)->toolTip();
    QVERIFY2(tip.startsWith(c->name), qPrintable(tip));
    QVERIFY(tip.contains(style::kindLabel(c->kind)));
    QVERIFY(tip.contains(QStringLiteral("%1 ms per visit").arg(c->serviceTimeMs)));
    QVERIFY2(!tip.contains(c->id), qPrintable(tip)); // the id is in the inspector
    const Component *orders = doc.currentVariant().findComponent(QStringLiteral("orders"));
    const Unit *unit = doc.currentVariant().findUnit(orders->unit);
    const QString ordersTip = scene.componentItem(orders->id)->toolTip();
    QVERIFY2(ordersTip.contains(QStringLiteral("%1 replica").arg(unit->replicas)),
             qPrintable(ordersTip));
}

void TestDiagram::exampleRoutesAvoidCards_data() {
    QTest::addColumn<int>("variant");
    QTest::newRow("Monolith") << 0;
    QTest::newRow("Microservices") << 1;
}

void TestDiagram::exampleRoutesAvoidCards() {
    QFETCH(int, variant);
    ProjectDocument doc(example());
    doc.setCurrentVariantIndex(variant);
    DiagramScene scene(&doc);
    const QString fault = checkRoutes(scene, doc.currentVariant());
    QVERIFY2(fault.isEmpty(), qPrintable(fault));
    QCOMPARE(scene.router().lastFallbacks(), 0);
    // The case: Orders → Postgres no longer runs through the Inventory card.
    const ConnectionItem *k = scene.connectionItem(QStringLiteral("orders->db"));
    const QRectF inventory = scene.componentItem(QStringLiteral("inventory"))->sceneCardRect();
    for (int i = 0; i + 1 < k->path().size(); ++i)
        QVERIFY(!segmentEntersRect(k->path()[i], k->path()[i + 1], inventory));
}

void TestDiagram::labelsClearOfCardsAndEachOther() {
    ProjectDocument doc(example());
    DiagramScene scene(&doc);
    const Variant &v = doc.currentVariant();
    QList<QRectF> labels;
    for (const Connection &c : v.connections) {
        const ConnectionItem *item = scene.connectionItem(connectionKey(c));
        if (!item->labelShown()) continue;
        const QRectF label = item->labelRect();
        for (const Component &card : v.components)
            QVERIFY2(!label.intersects(scene.componentItem(card.id)->sceneCardRect()),
                     qPrintable(connectionKey(c) + QStringLiteral(" label on ") + card.id));
        for (const QRectF &other : std::as_const(labels))
            QVERIFY2(!label.intersects(other), qPrintable(connectionKey(c)));
        labels << label;
    }
    // Most calls keep a readable label on the example (the rest say it in their tooltip).
    QVERIFY2(labels.size() >= v.connections.size() * 3 / 4,
             qPrintable(QString::number(labels.size())));
}

void TestDiagram::callsBothWaysRunApart() {
    Project p;
    Variant v;
    v.name = QStringLiteral("v");
    v.layers.append(Layer{QStringLiteral("a"), QStringLiteral("A"), {}});
    for (const auto &[id, x, y] : {std::tuple{"a", 100.0, 40.0}, std::tuple{"b", 100.0, 300.0}}) {
        Component c;
        c.id = QString::fromLatin1(id);
        c.name = c.id;
        c.unit = c.id;
        c.layer = QStringLiteral("a");
        c.x = x;
        c.y = y;
        v.components.append(c);
    }
    Connection ab, ba;
    ab.from = ba.to = QStringLiteral("a");
    ab.to = ba.from = QStringLiteral("b");
    v.connections << ab << ba;
    p.variants.append(v);
    ProjectDocument doc(p);
    DiagramScene scene(&doc);
    const QPolygonF one = scene.connectionItem(QStringLiteral("a->b"))->path();
    const QPolygonF two = scene.connectionItem(QStringLiteral("b->a"))->path();
    // Both straight down/up between the cards, at least one grid step apart.
    QCOMPARE(one.size(), 2);
    QCOMPARE(two.size(), 2);
    QVERIFY(std::abs(one.first().x() - two.first().x()) >= ConnectionRouter::kCell);
}

void TestDiagram::movingRoutesOnlyWhatMoved() {
    ProjectDocument doc(example());
    DiagramScene scene(&doc);
    const Variant &v = doc.currentVariant();
    // Put Search right into the gap where Orders → Postgres and others run.
    scene.operations()->moveComponents({QStringLiteral("search")}, {QPointF(560, 500)}, 0);
    const QString fault = checkRoutes(scene, v);
    QVERIFY2(fault.isEmpty(), qPrintable(fault));
    QVERIFY(scene.router().lastRouted() > 0);
    QVERIFY(scene.router().lastRouted() < v.connections.size());
    doc.undoStack()->undo();
    QVERIFY(checkRoutes(scene, doc.currentVariant()).isEmpty());
}

void TestDiagram::generatedDesignAfterAutoLayout() {
    ProjectDocument doc(generated(200, 5, 7));
    DiagramScene scene(&doc);
    const AutoLayoutPlan plan = planAutoLayout(doc.currentVariant(), {});
    QVERIFY2(plan.better(),
             qPrintable(plan.before.summary() + QStringLiteral(" → ") + plan.after.summary()));
    QCOMPARE(plan.after.overlaps, 0);
    QVERIFY(plan.after.throughCards < plan.before.throughCards);
    QCOMPARE(scene.operations()->autoLayout({}).startsWith(QStringLiteral("Auto-layout:")), true);
    // Large batches finish routing while the app is idle.
    QTRY_VERIFY_WITH_TIMEOUT(!scene.routingPending(), 20000);
    const Variant &v = doc.currentVariant();
    const QString fault = checkRoutes(scene, v);
    QVERIFY2(fault.isEmpty(), qPrintable(fault));
    scene.rerouteAll(); // and routed in one go, every route finds its way
    QCOMPARE(scene.router().lastFallbacks(), 0);
    QVERIFY(checkRoutes(scene, v).isEmpty());
    // Each component stays in its layer: its card lies in its own lane.
    for (const Component &c : v.components) {
        const QRectF r = scene.componentItem(c.id)->sceneCardRect();
        QCOMPARE(scene.lanes().layerAt(r.center().y()), c.layer);
    }
}

void TestDiagram::autoLayoutImprovesExampleAndUndoes() {
    ProjectDocument doc(example());
    DiagramScene scene(&doc);
    const Variant before = doc.currentVariant();
    const AutoLayoutPlan plan = planAutoLayout(before, {});
    // With ARCHSIM_UI_SHOTS=DIR, pictures of the hand layout and of the auto-layout go there.
    const QString shots = qEnvironmentVariable("ARCHSIM_UI_SHOTS");
    if (!shots.isEmpty()) {
        QCOMPARE(exportScene(&scene, shots + QStringLiteral("/example-hand.png")), QString());
        scene.operations()->moveComponents(plan.positions.keys(), plan.positions.values(), 0);
        QCOMPARE(exportScene(&scene, shots + QStringLiteral("/example-auto.png")), QString());
        doc.undoStack()->undo();
    }
    qInfo("hand layout: %s", qPrintable(plan.before.summary()));
    qInfo("auto-layout: %s", qPrintable(plan.after.summary()));
    QVERIFY2(plan.after.total() < plan.before.total(),
             qPrintable(plan.before.summary() + QStringLiteral(" → ") + plan.after.summary()));
    QCOMPARE(plan.after.overlaps, 0);
    // The eight domain services do not stay in one row.
    QSet<double> domainRows;
    for (const Component &c : before.components)
        if (c.layer == QLatin1String("domain")) domainRows.insert(plan.positions.value(c.id).y());
    QVERIFY(domainRows.size() >= 2);
    const int steps = doc.undoStack()->index();
    scene.operations()->autoLayout({});
    QCOMPARE(doc.undoStack()->index(), steps + 1);
    QVERIFY(checkRoutes(scene, doc.currentVariant()).isEmpty());
    doc.undoStack()->undo();
    QVERIFY(doc.currentVariant() == before);
}

void TestDiagram::autoLayoutKeepsABetterLayout() {
    ProjectDocument doc(example());
    DiagramScene scene(&doc);
    scene.operations()->autoLayout({});
    const Variant laidOut = doc.currentVariant();
    const int steps = doc.undoStack()->count();
    // A second run finds nothing better: nothing moves and no undo step appears.
    const QString message = scene.operations()->autoLayout({});
    QVERIFY2(message.contains(QStringLiteral("kept")), qPrintable(message));
    QCOMPARE(doc.undoStack()->count(), steps);
    QVERIFY(doc.currentVariant() == laidOut);
    // Only the requested cards move.
    const QStringList some{QStringLiteral("users"), QStringLiteral("catalog")};
    const AutoLayoutPlan plan = planAutoLayout(doc.currentVariant(), some);
    QCOMPARE(QSet<QString>(plan.positions.keyBegin(), plan.positions.keyEnd()),
             QSet<QString>(some.begin(), some.end()));
}

void TestDiagram::entryComponentsMarked() {
    ProjectDocument doc(example());
    DiagramScene scene(&doc);
    QVERIFY(scene.componentItem(QStringLiteral("web"))->isEntry());
    QVERIFY(scene.componentItem(QStringLiteral("backoffice"))->isEntry());
    QVERIFY(!scene.componentItem(QStringLiteral("gateway"))->isEntry());
    QVERIFY(scene.componentItem(QStringLiteral("web"))
                ->toolTip()
                .contains(QStringLiteral("Entry of workload shop (250 requests/s)")));
    // Moving the shop workload's entry to the gateway moves the mark, and undo moves it back.
    QList<Workload> workloads = doc.currentVariant().workloads;
    QList<Workload> changed = workloads;
    changed[0].entry = QStringLiteral("gateway");
    doc.undoStack()->push(
        new SetListCommand<Workload>(&doc, 0, workloads, changed, QStringLiteral("entry")));
    QVERIFY(!scene.componentItem(QStringLiteral("web"))->isEntry());
    QVERIFY(scene.componentItem(QStringLiteral("gateway"))->isEntry());
    doc.undoStack()->undo();
    QVERIFY(scene.componentItem(QStringLiteral("web"))->isEntry());
    QVERIFY(!scene.componentItem(QStringLiteral("gateway"))->isEntry());
}

void TestDiagram::exportedSvgHasEveryFullName() {
    QTemporaryDir dir;
    const Project project = example();
    for (int variant = 0; variant < project.variants.size(); ++variant) {
        const QString out = dir.filePath(QStringLiteral("shop%1.svg").arg(variant));
        QCOMPARE(exportDiagram(project, variant, out), QString());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        // The text runs of the picture, in drawing order; a card's name is one or two runs.
        QStringList texts;
        QXmlStreamReader svg(&file);
        while (!svg.atEnd())
            if (svg.readNext() == QXmlStreamReader::StartElement &&
                svg.name() == QLatin1String("text"))
                texts << svg.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
        QVERIFY2(!svg.hasError(), qPrintable(svg.errorString()));
        const QString all = texts.join(QLatin1Char(' '));
        for (const QString &text : std::as_const(texts)) // only figures may be cut, no name
            QVERIFY2(!text.contains(QChar(0x2026)) || text.contains(QStringLiteral(" · ")),
                     qPrintable(text));
        for (const Component &c : project.variants[variant].components)
            QVERIFY2(all.contains(c.name), qPrintable(c.name));
    }
}

QTEST_MAIN(TestDiagram)
#include "tst_diagram.moc"
