// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/inspectorwidget.h"

#include "ui/document/changevaluecommand.h"
#include "ui/editor/diagramscene.h"
#include "ui/editor/fieldform.h"

#include "model/elementfields.h"
#include "model/validator.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace archsim::ui {

namespace {

template <class T> const FieldSpec<T> *findSpec(const FieldList<T> &fields, const QString &key) {
    for (const FieldSpec<T> &f : fields)
        if (f.key == key) return &f;
    return nullptr;
}

template <class T>
T withValue(const FieldList<T> &fields, T item, const QString &key, const QJsonValue &value) {
    if (const FieldSpec<T> *spec = findSpec(fields, key)) spec->set(item, value);
    return item;
}

template <class T> int indexOfKey(const QList<T> &list, const QString &key, auto keyOf) {
    for (int i = 0; i < list.size(); ++i)
        if (keyOf(list[i]) == key) return i;
    return -1;
}

QString idOf(const auto &item) {
    return item.id;
}

} // namespace

InspectorWidget::InspectorWidget(ProjectDocument *document, DiagramScene *scene, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_scene(scene) {
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *inner = new QWidget(scroll);
    auto *layout = new QVBoxLayout(inner);
    m_summary = new QLabel(inner);
    m_summary->setWordWrap(true);
    m_main = new FieldForm(QString(), inner);
    m_unit = new FieldForm(tr("Deployment unit"), inner);
    layout->addWidget(m_summary);
    layout->addWidget(m_main);
    layout->addSpacing(12);
    layout->addWidget(m_unit);
    layout->addStretch();
    scroll->setWidget(inner);
    outer->addWidget(scroll);
    outer->setContentsMargins(0, 0, 0, 0);

    connect(m_main, &FieldForm::valueCommitted, this, &InspectorWidget::commitMain);
    connect(m_unit, &FieldForm::valueCommitted, this, &InspectorWidget::commitUnit);
    m_main->setCheck([this](const QString &k, const QJsonValue &v) { return check(false, k, v); });
    m_unit->setCheck([this](const QString &k, const QJsonValue &v) { return check(true, k, v); });
    connect(scene, &QGraphicsScene::selectionChanged, this, &InspectorWidget::selectionChanged);
    connect(document, &ProjectDocument::changed, this, &InspectorWidget::refresh);
    selectionChanged();
}

void InspectorWidget::selectionChanged() {
    const Selection s = m_scene->selection();
    const qsizetype count =
        s.components.size() + s.connections.size() + s.units.size() + s.layers.size();
    Shown shown = Shown::Nothing;
    m_id.clear();
    if (count == 1) {
        if (!s.components.isEmpty())
            shown = Shown::Component, m_id = s.components.first();
        else if (!s.connections.isEmpty())
            shown = Shown::Connection, m_id = s.connections.first();
        else if (!s.units.isEmpty())
            shown = Shown::Unit, m_id = s.units.first();
        else
            shown = Shown::Layer, m_id = s.layers.first();
    }
    const bool sameFields = shown == m_shown;
    m_shown = shown;
    switch (sameFields ? Shown::Nothing : shown) {
    case Shown::Component:
        m_main->setFields(describeFields(componentFields()));
        break;
    case Shown::Connection:
        m_main->setFields(describeFields(connectionFields()));
        break;
    case Shown::Unit:
        m_main->setFields(describeFields(unitFields()));
        break;
    case Shown::Layer:
        m_main->setFields(describeFields(layerFields()));
        break;
    case Shown::Nothing:
        break;
    }
    m_main->setVisible(shown != Shown::Nothing);
    if (count > 1)
        m_summary->setText(tr("%n items selected", nullptr, int(count)));
    else if (count == 0)
        m_summary->setText(tr("Select a component, connection, unit or lane to edit it.\n"
                              "Drag from the palette to create; drag from a component's "
                              "knob to connect."));
    m_unitId.clear();
    m_unit->hide();
    refresh();
}

void InspectorWidget::refresh() {
    const Variant &v = m_document->currentVariant();
    auto lost = [this] {
        m_main->hide();
        m_unit->hide();
        m_summary->setText(tr("Nothing selected."));
    };
    switch (m_shown) {
    case Shown::Nothing:
        return;
    case Shown::Component: {
        const Component *c = v.findComponent(m_id);
        if (!c) return lost();
        m_summary->setText(tr("<b>Component</b> %1").arg(c->id.toHtmlEscaped()));
        m_main->show();
        m_main->setValues(fieldValues(componentFields(), *c));
        const Unit *u = v.findUnit(c->unit);
        if (u && u->id != m_unitId) {
            m_unitId = u->id;
            m_unit->setFields(describeFields(u->implicit ? inlineUnitFields() : unitFields()));
        }
        m_unit->setVisible(u != nullptr);
        if (u) m_unit->setValues(fieldValues(unitFields(), *u));
        return;
    }
    case Shown::Connection: {
        const int i = indexOfKey(v.connections, m_id, connectionKey);
        if (i < 0) return lost();
        m_summary->setText(tr("<b>Connection</b> %1").arg(m_id.toHtmlEscaped()));
        m_main->show();
        m_main->setValues(fieldValues(connectionFields(), v.connections[i]));
        return;
    }
    case Shown::Unit: {
        const Unit *u = v.findUnit(m_id);
        if (!u) return lost();
        m_summary->setText(tr("<b>Deployment unit</b> %1").arg(u->id.toHtmlEscaped()));
        m_main->show();
        m_main->setValues(fieldValues(unitFields(), *u));
        return;
    }
    case Shown::Layer: {
        const int i = indexOfKey(v.layers, m_id, [](const Layer &l) { return l.id; });
        if (i < 0) return lost();
        m_summary->setText(tr("<b>Layer</b> %1").arg(m_id.toHtmlEscaped()));
        m_main->show();
        m_main->setValues(fieldValues(layerFields(), v.layers[i]));
        return;
    }
    }
}

QString InspectorWidget::check(bool unitForm, const QString &key, const QJsonValue &value) const {
    const QString element = unitForm ? m_unitId : m_id;
    // Try the value on a copy of the variant and ask the validator about this field.
    Variant v = m_document->currentVariant();
    const bool isUnit = m_shown == Shown::Unit || unitForm;
    const QString newId = value.toString();
    if (key == QLatin1String("id") && m_shown != Shown::Connection) {
        if (newId.isEmpty()) return tr("an id cannot be empty");
        const bool taken =
            m_shown == Shown::Layer
                ? indexOfKey(v.layers, newId, [](const Layer &l) { return l.id; }) >= 0
                : v.findComponent(newId) || v.findUnit(newId);
        return newId != element && taken ? tr("\"%1\" is already taken").arg(newId) : QString();
    }
    QString place; // the element's JSON path, as the validator names it
    if (isUnit) {
        const int i = v.unitIndex(element);
        if (i < 0) return {};
        v.units[i] = withValue(unitFields(), v.units[i], key, value);
        place = QStringLiteral("units[%1]").arg(i);
    } else if (m_shown == Shown::Component) {
        const int i = v.componentIndex(element);
        if (i < 0) return {};
        v.components[i] = withValue(componentFields(), v.components[i], key, value);
        place = QStringLiteral("components[%1]").arg(i);
    } else if (m_shown == Shown::Connection) {
        const int i = indexOfKey(v.connections, element, connectionKey);
        if (i < 0) return {};
        v.connections[i] = withValue(connectionFields(), v.connections[i], key, value);
        place = QStringLiteral("connections[%1]").arg(i);
    } else {
        return {};
    }
    for (const Problem &p : validateVariant(v, m_document->currentVariantIndex()))
        if (p.severity == Severity::Error && p.field == key &&
            (p.path.contains(place) || (isUnit && p.elementId == element)))
            return p.message;
    return {};
}

void InspectorWidget::commitMain(const QString &key, const QJsonValue &value) {
    const Variant &v = m_document->currentVariant();
    const int variant = m_document->currentVariantIndex();
    QUndoStack *stack = m_document->undoStack();
    EditOperations *ops = m_scene->operations();
    const QString text = tr("Change %1").arg(key);
    switch (m_shown) {
    case Shown::Component: {
        const Component *c = v.findComponent(m_id);
        if (!c) return;
        if (key == QLatin1String("id")) {
            const QString to = value.toString();
            if (ops->renameComponent(m_id, to).isEmpty())
                m_scene->select(Selection{{to}, {}, {}, {}});
            return;
        }
        stack->push(new ChangeValueCommand<Component>(
            m_document, variant, {*c}, {withValue(componentFields(), *c, key, value)}, text));
        return;
    }
    case Shown::Connection: {
        const int i = indexOfKey(v.connections, m_id, connectionKey);
        if (i < 0) return;
        const Connection before = v.connections[i];
        const Connection after = withValue(connectionFields(), before, key, value);
        stack->push(
            new ChangeValueCommand<Connection>(m_document, variant, {before}, {after}, text));
        if (connectionKey(after) != connectionKey(before)) // new ends, new name
            m_scene->select(Selection{{}, {connectionKey(after)}, {}, {}});
        return;
    }
    case Shown::Unit: {
        if (key == QLatin1String("id")) {
            const QString to = value.toString();
            if (ops->renameUnit(m_id, to).isEmpty()) m_scene->select(Selection{{}, {}, {to}, {}});
            return;
        }
        commitUnit(key, value);
        return;
    }
    case Shown::Layer: {
        const int i = indexOfKey(v.layers, m_id, [](const Layer &l) { return l.id; });
        if (i < 0) return;
        if (key == QLatin1String("id")) {
            const QString to = value.toString();
            if (ops->renameLayer(m_id, to).isEmpty()) m_scene->select(Selection{{}, {}, {}, {to}});
            return;
        }
        stack->push(new ChangeValueCommand<Layer>(
            m_document, variant, {v.layers[i]}, {withValue(layerFields(), v.layers[i], key, value)},
            text));
        return;
    }
    case Shown::Nothing:
        return;
    }
}

void InspectorWidget::commitUnit(const QString &key, const QJsonValue &value) {
    const QString id = m_shown == Shown::Unit ? m_id : m_unitId;
    const Unit *u = m_document->currentVariant().findUnit(id);
    if (!u) return;
    m_document->undoStack()->push(new ChangeValueCommand<Unit>(
        m_document, m_document->currentVariantIndex(), {*u},
        {withValue(unitFields(), *u, key, value)}, tr("Change %1").arg(key)));
}

} // namespace archsim::ui
