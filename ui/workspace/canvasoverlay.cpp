// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/workspace/canvasoverlay.h"

#include "ui/document/elementset.h"
#include "ui/document/projectdocument.h"
#include "ui/editor/componentitem.h"
#include "ui/editor/connectionitem.h"
#include "ui/editor/diagramscene.h"
#include "ui/editor/unititem.h"
#include "ui/workspace/overlayitems.h"

namespace archsim::ui {

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

namespace {
// The overlay child of type T on ITEM, if any.
template <class T> T *overlayOf(QGraphicsItem *item) {
    for (QGraphicsItem *child : item->childItems())
        if (child->type() == T::Type) return static_cast<T *>(child);
    return nullptr;
}

// Updates ITEM's overlay in place (creating or deleting it): redrawing the same figures after
// every edit stays cheap on a design of thousands of elements.
void setElement(QGraphicsItem *item, const QRectF &rect, const std::optional<OverlayLook> &look) {
    ElementOverlay *overlay = overlayOf<ElementOverlay>(item);
    if (!look) {
        delete overlay;
    } else if (overlay) {
        overlay->set(rect, *look);
    } else {
        new ElementOverlay(item, rect, *look);
    }
}
} // namespace

void CanvasOverlay::reapply() {
    const Variant &v = m_document->currentVariant();
    const bool on = m_enabled && m_result && m_result->hasNumbers() &&
                    m_result->variantIndex == m_document->currentVariantIndex();
    if (!on) {
        for (const Component &c : v.components)
            if (ComponentItem *item = m_scene->componentItem(c.id)) setElement(item, {}, {});
        for (const Unit &u : v.units)
            if (UnitItem *item = m_scene->unitItem(u.id)) setElement(item, {}, {});
        for (const Connection &c : v.connections)
            if (ConnectionItem *item = m_scene->connectionItem(connectionKey(c)))
                delete overlayOf<TrafficOverlay>(item);
        return;
    }
    const LiveResult &r = *m_result;
    const sim::LoadResult &a = *r.check.analysis;
    QSet<QString> spofs;
    if (r.failures)
        for (const sim::SinglePointOfFailure &s : r.failures->singlePointsOfFailure)
            spofs.insert(s.unit);
    const QString bottleneck = r.bottleneck();
    auto lookOf = [&](const QString &unit) -> std::optional<OverlayLook> {
        OverlayLook look;
        if (const sim::UnitResult *u = r.unit(unit)) {
            look.utilisation = u->utilization;
            look.saturated = u->utilization >= 1 - 1e-9 || (a.saturated && unit == bottleneck);
        }
        look.bottleneck = unit == bottleneck && look.utilisation.has_value();
        look.spof = spofs.contains(unit);
        if (!look.utilisation && !look.spof) return std::nullopt;
        return look;
    };
    for (const Component &c : v.components) {
        ComponentItem *item = m_scene->componentItem(c.id);
        if (!item) continue;
        const QString unit = r.unitOfComponent.value(c.id);
        std::optional<OverlayLook> look = lookOf(unit);
        if (look) look->showFigures = m_scene->unitItem(unit) == nullptr;
        setElement(item, QRectF(QPointF(0, 0), item->size()), look);
    }
    for (const Unit &u : v.units)
        if (UnitItem *item = m_scene->unitItem(u.id)) setElement(item, item->box(), lookOf(u.id));
    for (const Connection &c : v.connections) {
        const QString key = connectionKey(c);
        ConnectionItem *item = m_scene->connectionItem(key);
        if (!item) continue;
        const double rate = r.callsPerSec.value(key);
        TrafficOverlay *overlay = overlayOf<TrafficOverlay>(item);
        if (!(rate > 0))
            delete overlay;
        else if (overlay)
            overlay->set(item->path(), item->labelRect(), rate);
        else
            new TrafficOverlay(item, item->path(), item->labelRect(), rate);
    }
}

} // namespace archsim::ui
