// SPDX-License-Identifier: GPL-3.0-or-later
// The document's incremental validation, driven by the editor's own operations and undo/redo:
// after every step its problems equal a full validation of the project (the independent answer).
// And the canvas kept in step by edits that rewrite a whole variant equals one built afresh.
#include "ui/document/elementscommands.h"
#include "ui/document/projectdocument.h"
#include "ui/editor/componentitem.h"
#include "ui/editor/connectionitem.h"
#include "ui/editor/diagramscene.h"
#include "ui/editor/diagramview.h"
#include "ui/editor/editoperations.h"
#include "ui/editor/lanegeometry.h"
#include "ui/editor/unititem.h"

#include "model/projectfile.h"
#include "model/validator.h"

#include <QTest>
#include <QUndoStack>

#include <random>

using namespace archsim;
using namespace archsim::ui;

class DocumentValidationTest : public QObject {
    Q_OBJECT
private slots:
    void editsUndoAndRedo();
    void sceneFollowsWholeVariantEdits();
    void overviewFollowsEdits();
};

namespace {

QStringList described(const ProblemList &problems) {
    QStringList lines;
    for (const Problem &p : problems)
        lines << QStringLiteral("%1 %2 %3 %4/%5/%6/%7")
                     .arg(int(p.severity))
                     .arg(p.toString(), p.field)
                     .arg(int(p.location.kind))
                     .arg(p.location.variant)
                     .arg(p.location.index)
                     .arg(p.location.event);
    return lines;
}

} // namespace

void DocumentValidationTest::editsUndoAndRedo() {
    const ReadResult read = loadProject(QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json"));
    QVERIFY(read.ok());
    ProjectDocument document(read.project);
    EditOperations ops(&document);
    QCOMPARE(described(document.problems()), described(validateProject(document.project())));
    std::mt19937 rng(5);
    auto anyComponent = [&] {
        const Variant &v = document.currentVariant();
        return v.components.isEmpty() ? QString()
                                      : v.components[int(rng() % v.components.size())].id;
    };
    int withProblems = 0;
    for (int step = 0; step < 400; ++step) {
        const Variant &v = document.currentVariant();
        switch (rng() % 13) {
        case 0:
            ops.createComponent(static_cast<ComponentKind>(rng() % 9),
                                QPointF(rng() % 800, rng() % 600));
            break;
        case 1:
            ops.connect(anyComponent(), anyComponent());
            break;
        case 2: {
            const QString id = anyComponent();
            if (!id.isEmpty()) ops.moveComponents({id}, {QPointF(rng() % 900, rng() % 700)}, 0);
            break;
        }
        case 3:
            ops.remove({{anyComponent()}, {}, {}, {}});
            break;
        case 4:
            if (!v.connections.isEmpty())
                ops.remove({{},
                            {connectionKey(v.connections[int(rng() % v.connections.size())])},
                            {},
                            {}});
            break;
        case 5:
            ops.renameComponent(anyComponent(), QStringLiteral("renamed%1").arg(step));
            break;
        case 6:
            ops.groupIntoUnit({anyComponent(), anyComponent()});
            break;
        case 7:
            ops.ungroup({{anyComponent()}, {}, {}, {}});
            break;
        case 8:
            ops.addLayer();
            break;
        case 9:
            if (!v.layers.isEmpty())
                ops.remove({{}, {}, {}, {v.layers[int(rng() % v.layers.size())].id}});
            break;
        case 10:
            document.undoStack()->undo();
            break;
        case 11:
            document.undoStack()->redo();
            break;
        default: { // a workload entering at a component that may go away
            QList<Workload> workloads = v.workloads;
            Workload w;
            w.name = QStringLiteral("w%1").arg(rng() % 3);
            w.entry = anyComponent();
            w.ratePerSec = 10;
            workloads << w;
            document.setWorkloads(document.currentVariantIndex(), workloads);
            break;
        }
        }
        if (rng() % 50 == 0) document.setCurrentVariantIndex(int(rng() % document.variantCount()));
        const QStringList expected = described(validateProject(document.project()));
        QCOMPARE(described(document.problems()), expected);
        withProblems += expected.isEmpty() ? 0 : 1;
    }
    QVERIFY2(withProblems > 20, "the edits should leave problems to find");
}

namespace {

// What a scene shows, item by item, in model terms.
QStringList shown(const DiagramScene &scene, const Variant &v) {
    QStringList lines;
    for (const Component &c : v.components) {
        const ComponentItem *item = scene.componentItem(c.id);
        if (!item) {
            lines << QStringLiteral("missing card %1").arg(c.id);
            continue;
        }
        const QRectF r = item->sceneCardRect();
        lines << QStringLiteral("card %1 %2 %3 %4 %5 %6")
                     .arg(c.id, item->component().name)
                     .arg(r.x())
                     .arg(r.y())
                     .arg(r.width())
                     .arg(item->component() == c);
    }
    for (const Connection &c : v.connections) {
        const ConnectionItem *item = scene.connectionItem(connectionKey(c));
        if (!item) {
            lines << QStringLiteral("missing line %1").arg(connectionKey(c));
            continue;
        }
        // Routes depend on the order cards were placed in, so compare what the line stands for.
        lines << QStringLiteral("line %1 %2 %3 %4")
                     .arg(connectionKey(c), item->connection().from, item->connection().to)
                     .arg(item->isVisible());
    }
    for (const Unit &u : v.units)
        if (const UnitItem *item = scene.unitItem(u.id)) {
            const QRectF r = item->boundingRect();
            lines << QStringLiteral("unit %1 %2 %3 %4 %5 %6")
                         .arg(u.id, item->title())
                         .arg(r.x())
                         .arg(r.y())
                         .arg(r.width())
                         .arg(r.height());
        }
    lines << QStringLiteral("items %1").arg(scene.items().size());
    return lines;
}

} // namespace

void DocumentValidationTest::sceneFollowsWholeVariantEdits() {
    const ReadResult read = loadProject(QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json"));
    QVERIFY(read.ok());
    ProjectDocument document(read.project);
    DiagramScene scene(&document);
    EditOperations *ops = scene.operations();
    std::mt19937 rng(11);
    auto anyComponent = [&] {
        const Variant &v = document.currentVariant();
        return v.components[int(rng() % v.components.size())].id;
    };
    for (int step = 0; step < 120; ++step) {
        switch (rng() % 7) {
        case 0:
            ops->renameComponent(anyComponent(), QStringLiteral("renamed%1").arg(step));
            break;
        case 6: { // a whole-variant edit that also moves cards and changes a call
            Variant after = document.currentVariant();
            Component &c = after.components[int(rng() % after.components.size())];
            c.x += 40;
            c.y += 20;
            if (!after.connections.isEmpty())
                after.connections[int(rng() % after.connections.size())].calls += 1;
            document.undoStack()->push(new ReplaceVariantCommand(
                &document, document.currentVariantIndex(), after, QStringLiteral("Edit")));
            break;
        }
        case 1:
            ops->groupIntoUnit({anyComponent(), anyComponent(), anyComponent()});
            break;
        case 2:
            ops->ungroup({{anyComponent()}, {}, {}, {}});
            break;
        case 3:
            ops->autoLayout({});
            break;
        case 4:
            document.undoStack()->undo();
            break;
        default:
            document.undoStack()->redo();
            break;
        }
        DiagramScene fresh(&document);
        QCOMPARE(shown(scene, document.currentVariant()), shown(fresh, document.currentVariant()));
    }
}

void DocumentValidationTest::overviewFollowsEdits() {
    // Far out the canvas is drawn from an overview image: it must equal drawing the scene
    // directly, also after a card moved (only the changed part is redrawn).
    const ReadResult read = loadProject(QStringLiteral(ARCHSIM_EXAMPLES_DIR "/shop.json"));
    QVERIFY(read.ok());
    ProjectDocument document(read.project);
    DiagramScene scene(&document);
    DiagramView view(&scene);
    view.resize(800, 600);
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the same viewport throughout
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.show();
    view.zoomToFit();
    view.zoomBy(0.15 / view.zoom());
    QVERIFY(view.showsOverview());
    auto direct = [&] { // the same view drawn without the overview
        QImage image(view.viewport()->size(), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        view.render(&painter, QRectF(image.rect()), view.viewport()->rect());
        return image;
    };
    // Share of pixels in AREA that differ clearly (the overview is resampled: edges may differ).
    auto differing = [](const QImage &a, const QImage &b, QRect area = {}) {
        int n = 0;
        if (a.size() != b.size()) return 1.0;
        area = area.isNull() ? a.rect() : area.intersected(a.rect());
        for (int y = area.top(); y <= area.bottom(); ++y)
            for (int x = area.left(); x <= area.right(); ++x) {
                const QColor p = a.pixelColor(x, y), q = b.pixelColor(x, y);
                n += std::abs(p.red() - q.red()) + std::abs(p.green() - q.green()) +
                         std::abs(p.blue() - q.blue()) >
                     120;
            }
        return double(n) / std::max(1, area.width() * area.height());
    };
    const QImage before = view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QVERIFY2(differing(before, direct()) < 0.01, "the overview shows the scene");
    // A card in the middle of the busiest row, a little to the right: no lane and not the
    // diagram's size change, so only the changed part of the overview is redrawn.
    const Variant &v = document.currentVariant();
    QHash<QString, QList<Component>> rows;
    for (const Component &k : v.components)
        rows[k.layer] << k;
    QList<Component> row;
    for (const auto &r : std::as_const(rows))
        if (r.size() > row.size()) row = r;
    std::sort(row.begin(), row.end(), [](const auto &a, const auto &b) { return a.x < b.x; });
    const Component c = row[row.size() / 2];
    const QRectF diagram = scene.diagramRect();
    scene.operations()->moveComponents({c.id}, {QPointF(c.x + 40, c.y + 10)}, 0);
    QCOMPARE(scene.diagramRect(), diagram);
    QCoreApplication::processEvents();
    const QImage after = view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    // Where the card was and where it is now.
    const QRect moved =
        view.mapFromScene(QRectF(QPointF(c.x, c.y), componentSize(c)))
            .boundingRect()
            .united(view.mapFromScene(QRectF(QPointF(c.x + 40, c.y + 10), componentSize(c)))
                        .boundingRect());
    QVERIFY2(differing(after, before, moved) > 0.05, "the moved card shows");
    // Drawn directly and resampled from the overview, the card's edges differ (about 12 % of
    // this small area); a stale overview differs as much as the move itself (about 40 %).
    QVERIFY2(differing(after, direct(), moved) < 0.25, "the overview follows the move");
}

QTEST_MAIN(DocumentValidationTest)
#include "tst_documentvalidation.moc"
