// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/inspectorwidget.h"

#include "ui/document/changevaluecommand.h"
#include "ui/editor/diagramscene.h"
#include "ui/editor/diagramstyle.h"
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

// The component form with its layer and unit as choices of the existing ones.
QList<FieldInfo> componentFormFields() {
    QList<FieldInfo> fields = describeFields(componentFields());
    for (FieldInfo &f : fields) {
        if (f.key == QLatin1String("layer")) {
            f.reference = true;
            f.newText = InspectorWidget::tr("New layer…");
        } else if (f.key == QLatin1String("unit")) {
            f.reference = true;
            f.newText = InspectorWidget::tr("New unit…");
        }
    }
    return fields;
}

QList<FieldInfo> projectFormFields() {
    FieldInfo name;
    name.key = QStringLiteral("name");
    name.label = InspectorWidget::tr("Project name");
    name.tooltip = InspectorWidget::tr(
        "<p><b>Project name</b> <code>name</code></p><p>The name of the whole project (all its "
        "variants): the interchange file's top-level name, shown in reports.</p>"
        "<p><i>Default: unset.</i></p>");
    name.section = FieldSection::Identity;
    FieldInfo variant;
    variant.key = QStringLiteral("variant");
    variant.label = InspectorWidget::tr("Variant name");
    variant.tooltip = InspectorWidget::tr(
        "<p><b>Variant name</b></p><p>The name of the variant shown on the canvas (a complete "
        "design of the system, such as Monolith or Microservices); the command line picks it "
        "with --variant NAME.</p><p><i>Required.</i></p>");
    variant.section = FieldSection::Identity;
    return {name, variant};
}

QString shownName(const QString &name, const QString &id) {
    return name.isEmpty() ? id : name;
}

QString header(const QString &title, const QString &detail) {
    return QStringLiteral("<p style=\"margin:0\"><span style=\"font-size:large\"><b>%1</b></span>"
                          "<br><span style=\"color:#667085\">%2</span></p>")
        .arg(title.toHtmlEscaped(), detail.toHtmlEscaped());
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
    m_summary->setTextFormat(Qt::RichText);
    m_main = new FieldForm(QString(), inner);
    m_unit = new FieldForm(tr("Deployment unit"), inner);
    m_project = new FieldForm(tr("Project"), inner);
    m_project->setFields(projectFormFields());
    layout->addWidget(m_summary);
    layout->addWidget(m_main);
    layout->addSpacing(12);
    layout->addWidget(m_unit);
    layout->addWidget(m_project);
    layout->addStretch();
    scroll->setWidget(inner);
    outer->addWidget(scroll);
    outer->setContentsMargins(0, 0, 0, 0);

    connect(m_main, &FieldForm::valueCommitted, this, &InspectorWidget::commitMain);
    connect(m_unit, &FieldForm::valueCommitted, this, &InspectorWidget::commitUnit);
    connect(m_project, &FieldForm::valueCommitted, this, &InspectorWidget::commitProject);
    m_project->setCheck(
        [this](const QString &k, const QJsonValue &v) { return checkProject(k, v); });
    // Layer and unit choices are rebuilt only when those lists may have changed, not on every
    // edit (a drag step at 10,000 components must stay cheap).
    auto stale = [this] { m_optionsFor.clear(); };
    connect(document, &ProjectDocument::unitsChanged, this, stale);
    connect(document, &ProjectDocument::layersChanged, this, stale);
    connect(document, &ProjectDocument::variantReset, this, stale);
    connect(document, &ProjectDocument::currentVariantChanged, this, stale);
    connect(document, &ProjectDocument::variantsChanged, this, stale);
    connect(document, &ProjectDocument::projectReset, this, stale);
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
    m_selected = count;
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
        m_main->setFields(componentFormFields());
        m_optionsFor.clear();
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
    if (count > 1) m_summary->setText(tr("<b>%n items selected</b>", nullptr, int(count)));
    m_project->setVisible(count == 0);
    m_unitId.clear();
    m_unit->hide();
    refresh();
}

QString InspectorWidget::summary() const {
    return m_summary->text();
}

void InspectorWidget::refreshOptions(const Component &component) {
    if (m_optionsFor == component.id) return;
    m_optionsFor = component.id;
    const Variant &v = m_document->currentVariant();
    QList<FieldOption> layers{{QString(), tr("(no layer)")}};
    for (const Layer &l : v.layers)
        layers.append({l.id, shownName(l.name, l.id)});
    QList<FieldOption> units{{component.id, tr("Own unit (this component alone)")}};
    for (const Unit &u : v.units)
        if (!u.implicit)
            units.append({u.id, u.name.isEmpty() || u.name == u.id
                                    ? u.id
                                    : QStringLiteral("%1 (%2)").arg(u.name, u.id)});
    m_main->setOptions(QStringLiteral("layer"), layers);
    m_main->setOptions(QStringLiteral("unit"), units);
}

void InspectorWidget::refresh() {
    const Variant &v = m_document->currentVariant();
    auto lost = [this] {
        m_main->hide();
        m_unit->hide();
        m_summary->setText(tr("Nothing selected."));
    };
    auto membersOf = [&v](const QString &unit) {
        int n = 0;
        for (const Component &c : v.components)
            n += c.unit == unit ? 1 : 0;
        return n;
    };
    switch (m_shown) {
    case Shown::Nothing: {
        if (m_selected > 0) return; // several: the count stays
        m_summary->setText(
            header(shownName(m_document->project().name, tr("Untitled project")),
                   tr("Nothing selected. Click a card, an arrow, a unit's frame or a lane's "
                      "name to edit it; drag from the palette to create, from a card's knob "
                      "to connect.")));
        m_project->setValues(QJsonObject{{QStringLiteral("name"), m_document->project().name},
                                         {QStringLiteral("variant"), v.name}});
        return;
    }
    case Shown::Component: {
        const Component *c = v.findComponent(m_id);
        if (!c) return lost();
        m_summary->setText(header(shownName(c->name, c->id),
                                  tr("%1 · id %2").arg(style::kindLabel(c->kind), c->id)));
        m_main->show();
        refreshOptions(*c);
        m_main->setValues(fieldValues(componentFields(), *c));
        const Unit *u = v.findUnit(c->unit);
        if (u && u->id != m_unitId) {
            m_unitId = u->id;
            m_unit->setFields(describeFields(u->implicit ? inlineUnitFields() : unitFields()));
        }
        m_unit->setVisible(u != nullptr);
        if (u) {
            const int members = membersOf(u->id);
            m_unit->setTitle(
                u->implicit   ? tr("Its deployment unit")
                : members > 1 ? tr("Deployment unit %1 (shared by %n components)", nullptr, members)
                                    .arg(shownName(u->name, u->id))
                              : tr("Deployment unit %1").arg(shownName(u->name, u->id)));
            m_unit->setValues(fieldValues(unitFields(), *u));
        }
        return;
    }
    case Shown::Connection: {
        const int i = indexOfKey(v.connections, m_id, connectionKey);
        if (i < 0) return lost();
        const Connection &c = v.connections[i];
        auto nameOf = [&v](const QString &id) {
            const Component *x = v.findComponent(id);
            return x ? shownName(x->name, x->id) : id;
        };
        m_summary->setText(header(QStringLiteral("%1 → %2").arg(nameOf(c.from), nameOf(c.to)),
                                  tr("%1 call · %2")
                                      .arg(c.mode == CallMode::Sync ? tr("Sync") : tr("Async"),
                                           c.id.isEmpty() ? m_id : tr("id %1").arg(c.id))));
        m_main->show();
        m_main->setValues(fieldValues(connectionFields(), c));
        return;
    }
    case Shown::Unit: {
        const Unit *u = v.findUnit(m_id);
        if (!u) return lost();
        m_summary->setText(header(
            shownName(u->name, u->id),
            tr("Deployment unit · %n component(s) · id %1", nullptr, membersOf(u->id)).arg(u->id)));
        m_main->show();
        m_main->setValues(fieldValues(unitFields(), *u));
        return;
    }
    case Shown::Layer: {
        const int i = indexOfKey(v.layers, m_id, [](const Layer &l) { return l.id; });
        if (i < 0) return lost();
        m_summary->setText(
            header(shownName(v.layers[i].name, m_id), tr("Layer · id %1").arg(m_id)));
        m_main->show();
        m_main->setValues(fieldValues(layerFields(), v.layers[i]));
        return;
    }
    }
}

QString InspectorWidget::checkProject(const QString &key, const QJsonValue &value) const {
    if (key != QLatin1String("variant")) return {};
    const QString name = value.toString();
    if (name.trimmed().isEmpty()) return tr("a variant needs a name");
    if (name != m_document->currentVariant().name && m_document->project().findVariant(name))
        return tr("a variant \"%1\" exists already").arg(name);
    return {};
}

void InspectorWidget::commitProject(const QString &key, const QJsonValue &value) {
    EditOperations *ops = m_scene->operations();
    if (key == QLatin1String("name"))
        ops->renameProject(value.toString());
    else if (key == QLatin1String("variant")) {
        const QString error = ops->renameVariant(value.toString());
        if (!error.isEmpty()) emit refused(error);
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
    QString label = key;
    for (const FieldInfo &f : m_main->fields())
        if (f.key == key) label = f.label;
    const QString text = tr("Change %1").arg(label); // "Change Service time (ms)"
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
        if (key == QLatin1String("layer") || key == QLatin1String("unit")) {
            const QString id = m_id;
            const QString error = key == QLatin1String("layer")
                                      ? ops->setComponentLayer(id, value.toString())
                                      : ops->setComponentUnit(id, value.toString());
            if (!error.isEmpty()) emit refused(error);
            // A unit change replaces the variant, which clears the canvas selection.
            m_scene->select(Selection{{id}, {}, {}, {}});
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
    m_document->undoStack()->push(
        new ChangeValueCommand<Unit>(m_document, m_document->currentVariantIndex(), {*u},
                                     {withValue(unitFields(), *u, key, value)},
                                     tr("Change %1").arg(fieldLabel(fieldDoc<Unit>(key)))));
}

} // namespace archsim::ui
