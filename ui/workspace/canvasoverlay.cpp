#include "ui/workspace/canvasoverlay.h"

#include "ui/document/projectdocument.h"
#include "ui/editor/componentitem.h"
#include "ui/editor/connectionitem.h"
#include "ui/editor/diagramscene.h"
#include "ui/editor/unititem.h"
#include "ui/workspace/overlayitems.h"

namespace archsim::ui {

namespace {
void removeOverlays(QGraphicsItem *item) {
    const QList<QGraphicsItem *> children = item->childItems();
    for (QGraphicsItem *child : children)
        if (child->type() == ElementOverlay::Type || child->type() == TrafficOverlay::Type)
            delete child;
}
} // namespace

CanvasOverlay::CanvasOverlay(DiagramScene *scene, ProjectDocument *document, QObject *parent)
    : QObject(parent)
    , m_scene(scene)
    , m_document(document) {
    // The scene follows the document first (it connected earlier); then the items are current.
    connect(document, &ProjectDocument::changed, this, &CanvasOverlay::reapply);
}

void CanvasOverlay::show(const LiveResult &result) {
    m_result = result;
    reapply();
}

void CanvasOverlay::clear() {
    m_result.reset();
    reapply();
}

void CanvasOverlay::setEnabled(bool on) {
    m_enabled = on;
    reapply();
}

void CanvasOverlay::reapply() {
    const QList<QGraphicsItem *> items = m_scene->items();
    for (QGraphicsItem *item : items)
        if (item->type() == ComponentItem::Type || item->type() == UnitItem::Type ||
            item->type() == ConnectionItem::Type)
            removeOverlays(item);
    if (!m_enabled || !m_result || !m_result->hasNumbers() ||
        m_result->variantIndex != m_document->currentVariantIndex())
        return;
    const LiveResult &r = *m_result;
    const sim::LoadResult &a = *r.check.analysis;
    QSet<QString> spofs;
    if (r.failures)
        for (const sim::SinglePointOfFailure &s : r.failures->singlePointsOfFailure)
            spofs.insert(s.unit);
    auto lookOf = [&](const QString &unit) {
        OverlayLook look;
        if (const sim::UnitResult *u = r.unit(unit)) {
            look.utilisation = u->utilization;
            look.saturated = u->utilization >= 1 - 1e-9 || (a.saturated && unit == a.bottleneck);
        }
        look.bottleneck = unit == a.bottleneck && look.utilisation.has_value();
        look.spof = spofs.contains(unit);
        return look;
    };
    const Variant &v = m_document->currentVariant();
    for (const Component &c : v.components) {
        ComponentItem *item = m_scene->componentItem(c.id);
        if (!item) continue;
        const QString unit = r.unitOfComponent.value(c.id);
        OverlayLook look = lookOf(unit);
        if (!look.utilisation && !look.spof) continue;
        look.showFigures = m_scene->unitItem(unit) == nullptr;
        new ElementOverlay(item, QRectF(QPointF(0, 0), item->size()), look);
    }
    for (const Unit &u : v.units) {
        UnitItem *item = m_scene->unitItem(u.id);
        if (!item) continue;
        const OverlayLook look = lookOf(u.id);
        if (look.utilisation || look.spof) new ElementOverlay(item, item->box(), look);
    }
    for (auto it = r.callsPerSec.begin(); it != r.callsPerSec.end(); ++it) {
        ConnectionItem *item = m_scene->connectionItem(it.key());
        if (item && it.value() > 0)
            new TrafficOverlay(item, item->line(), item->labelRect(), it.value());
    }
}

} // namespace archsim::ui
