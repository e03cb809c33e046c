// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/workloadspanel.h"

#include "ui/document/listcommand.h"
#include "ui/editor/fieldform.h"

#include "model/elementfields.h"
#include "model/validator.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QPushButton>

#include <QTreeWidget>
#include <QVBoxLayout>
#include <array>

namespace archsim::ui {

namespace {

template <class T>
T withValue(const FieldList<T> &fields, T item, const QString &key, const QJsonValue &value) {
    for (const FieldSpec<T> &f : fields)
        if (f.key == key) f.set(item, value);
    return item;
}

QString uniqueName(const QString &base, const auto &taken) {
    if (!taken(base)) return base;
    for (int n = 2;; ++n)
        if (!taken(QStringLiteral("%1-%2").arg(base).arg(n)))
            return QStringLiteral("%1-%2").arg(base).arg(n);
}

} // namespace

WorkloadsPanel::WorkloadsPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // Buttons in a grid rather than a toolbar: a narrow dock must not hide any of them.
    auto *buttons = new QGridLayout;
    const std::array<std::pair<QString, void (WorkloadsPanel::*)()>, 4> actions{{
        {tr("Add workload"), &WorkloadsPanel::addWorkload},
        {tr("Add scenario"), &WorkloadsPanel::addScenario},
        {tr("Add event"), &WorkloadsPanel::addEvent},
        {tr("Remove"), &WorkloadsPanel::removeSelected},
    }};
    for (std::size_t k = 0; k < actions.size(); ++k) {
        auto *button = new QPushButton(actions[k].first, this);
        connect(button, &QPushButton::clicked, this, actions[k].second);
        buttons->addWidget(button, int(k / 2), int(k % 2));
    }
    layout->addLayout(buttons);
    m_tree = new QTreeWidget(this);
    m_tree->setHeaderHidden(true);
    m_tree->setMinimumHeight(120);
    layout->addWidget(m_tree, 1);
    m_form = new FieldForm(QString(), this);
    layout->addWidget(m_form);
    m_form->hide();
    m_form->setCheck([this](const QString &k, const QJsonValue &v) { return check(k, v); });
    connect(m_form, &FieldForm::valueCommitted, this, &WorkloadsPanel::commit);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] {
        if (!m_rebuilding) showSelected();
    });
    connect(document, &ProjectDocument::workloadsChanged, this, &WorkloadsPanel::rebuild);
    connect(document, &ProjectDocument::scenariosChanged, this, &WorkloadsPanel::rebuild);
    connect(document, &ProjectDocument::variantReset, this, &WorkloadsPanel::rebuild);
    connect(document, &ProjectDocument::currentVariantChanged, this, &WorkloadsPanel::rebuild);
    rebuild();
}

WorkloadsPanel::Place WorkloadsPanel::selected() const {
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item) return {};
    return {item->data(0, Qt::UserRole).toInt(), item->data(0, Qt::UserRole + 1).toInt(),
            item->data(0, Qt::UserRole + 2).toInt()};
}

void WorkloadsPanel::rebuild() {
    const Place keep = selected();
    m_rebuilding = true;
    m_tree->clear();
    const Variant &v = m_document->currentVariant();
    auto add = [](QTreeWidgetItem *parent, const QString &text, int kind, int i, int j) {
        auto *item = new QTreeWidgetItem(parent, {text});
        item->setData(0, Qt::UserRole, kind);
        item->setData(0, Qt::UserRole + 1, i);
        item->setData(0, Qt::UserRole + 2, j);
        return item;
    };
    auto *workloads = new QTreeWidgetItem(m_tree, {tr("Workloads")});
    for (int i = 0; i < v.workloads.size(); ++i) {
        const Workload &w = v.workloads[i];
        const QString load = w.isClosed() ? tr("%1 users").arg(w.users.value_or(0))
                                          : tr("%1/s").arg(w.ratePerSec.value_or(0));
        add(workloads, QStringLiteral("%1 → %2 (%3)").arg(w.name, w.entry, load), kWorkload, i, -1);
    }
    auto *scenarios = new QTreeWidgetItem(m_tree, {tr("Scenarios")});
    for (int i = 0; i < v.scenarios.size(); ++i) {
        const Scenario &s = v.scenarios[i];
        QTreeWidgetItem *item = add(scenarios, s.name, kScenario, i, -1);
        for (int j = 0; j < s.events.size(); ++j) {
            const ScenarioEvent &e = s.events[j];
            const QString target = !e.unit.isEmpty()         ? e.unit
                                   : !e.connection.isEmpty() ? e.connection
                                   : !e.zone.isEmpty()       ? e.zone
                                                             : e.workload;
            add(item, tr("at %1 s: %2 %3").arg(e.atSec).arg(enumName(e.action), target), kEvent, i,
                j);
        }
    }
    m_tree->expandAll();
    m_rebuilding = false;
    select(keep.kind, keep.i, keep.j);
    showSelected();
}

void WorkloadsPanel::select(int kind, int i, int j) {
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        const QTreeWidgetItem *item = *it;
        if (item->data(0, Qt::UserRole).toInt() == kind &&
            item->data(0, Qt::UserRole + 1).toInt() == i &&
            item->data(0, Qt::UserRole + 2).toInt() == j) {
            m_tree->setCurrentItem(*it);
            return;
        }
    }
}

void WorkloadsPanel::showSelected() {
    const Place p = selected();
    const Variant &v = m_document->currentVariant();
    if (p.kind != m_formKind) {
        m_formKind = p.kind;
        if (p.kind == kWorkload) m_form->setFields(describeFields(workloadFields()));
        if (p.kind == kScenario) m_form->setFields(describeFields(scenarioFields()));
        if (p.kind == kEvent) m_form->setFields(describeFields(scenarioEventFields()));
    }
    if (p.kind == kWorkload && p.i < v.workloads.size())
        m_form->setValues(fieldValues(workloadFields(), v.workloads[p.i]));
    else if (p.kind == kScenario && p.i < v.scenarios.size())
        m_form->setValues(fieldValues(scenarioFields(), v.scenarios[p.i]));
    else if (p.kind == kEvent && p.i < v.scenarios.size() && p.j < v.scenarios[p.i].events.size())
        m_form->setValues(fieldValues(scenarioEventFields(), v.scenarios[p.i].events[p.j]));
    else
        m_formKind = -1;
    m_form->setVisible(m_formKind > 0);
}

QString WorkloadsPanel::check(const QString &key, const QJsonValue &value) const {
    const Place p = selected();
    Variant v = m_document->currentVariant();
    QString place;
    if (p.kind == kWorkload) {
        v.workloads[p.i] = withValue(workloadFields(), v.workloads[p.i], key, value);
        place = QStringLiteral("workloads[%1]").arg(p.i);
    } else if (p.kind == kScenario) {
        v.scenarios[p.i] = withValue(scenarioFields(), v.scenarios[p.i], key, value);
        place = QStringLiteral("scenarios[%1]").arg(p.i);
    } else if (p.kind == kEvent) {
        ScenarioEvent &e = v.scenarios[p.i].events[p.j];
        e = withValue(scenarioEventFields(), e, key, value);
        place = QStringLiteral("scenarios[%1].events[%2]").arg(p.i).arg(p.j);
    }
    for (const Problem &problem : validateVariant(v, m_document->currentVariantIndex()))
        if (problem.severity == Severity::Error && problem.field == key &&
            problem.path.contains(place))
            return problem.message;
    return {};
}

void WorkloadsPanel::commit(const QString &key, const QJsonValue &value) {
    const Place p = selected();
    const Variant &v = m_document->currentVariant();
    const int variant = m_document->currentVariantIndex();
    const QString text = tr("Change %1").arg(key);
    if (p.kind == kWorkload) {
        QList<Workload> after = v.workloads;
        after[p.i] = withValue(workloadFields(), after[p.i], key, value);
        m_document->undoStack()->push(
            new SetListCommand<Workload>(m_document, variant, v.workloads, after, text));
    } else if (p.kind == kScenario || p.kind == kEvent) {
        QList<Scenario> after = v.scenarios;
        if (p.kind == kScenario)
            after[p.i] = withValue(scenarioFields(), after[p.i], key, value);
        else
            after[p.i].events[p.j] =
                withValue(scenarioEventFields(), after[p.i].events[p.j], key, value);
        m_document->undoStack()->push(
            new SetListCommand<Scenario>(m_document, variant, v.scenarios, after, text));
    }
}

void WorkloadsPanel::addWorkload() {
    const Variant &v = m_document->currentVariant();
    Workload w;
    w.name = uniqueName(QStringLiteral("workload"), [&](const QString &name) {
        return std::any_of(v.workloads.begin(), v.workloads.end(),
                           [&](const Workload &x) { return x.name == name; });
    });
    // The first client is where traffic usually enters.
    for (const Component &c : v.components)
        if (w.entry.isEmpty() || c.kind == ComponentKind::Client) {
            w.entry = c.id;
            if (c.kind == ComponentKind::Client) break;
        }
    w.ratePerSec = 100;
    QList<Workload> after = v.workloads;
    after.append(w);
    m_document->undoStack()->push(new SetListCommand<Workload>(
        m_document, m_document->currentVariantIndex(), v.workloads, after, tr("Add workload")));
    select(kWorkload, int(after.size()) - 1);
}

void WorkloadsPanel::addScenario() {
    const Variant &v = m_document->currentVariant();
    Scenario s;
    s.name = uniqueName(QStringLiteral("scenario"), [&](const QString &name) {
        return std::any_of(v.scenarios.begin(), v.scenarios.end(),
                           [&](const Scenario &x) { return x.name == name; });
    });
    QList<Scenario> after = v.scenarios;
    after.append(s);
    m_document->undoStack()->push(new SetListCommand<Scenario>(
        m_document, m_document->currentVariantIndex(), v.scenarios, after, tr("Add scenario")));
    select(kScenario, int(after.size()) - 1);
}

void WorkloadsPanel::addEvent() {
    const Place p = selected();
    if (p.kind != kScenario && p.kind != kEvent) return;
    const Variant &v = m_document->currentVariant();
    QList<Scenario> after = v.scenarios;
    ScenarioEvent e;
    e.atSec = 60;
    e.forSec = 60;
    if (!v.units.isEmpty()) e.unit = v.units.first().id;
    after[p.i].events.append(e);
    m_document->undoStack()->push(new SetListCommand<Scenario>(
        m_document, m_document->currentVariantIndex(), v.scenarios, after, tr("Add event")));
    select(kEvent, p.i, int(after[p.i].events.size()) - 1);
}

void WorkloadsPanel::removeSelected() {
    const Place p = selected();
    const Variant &v = m_document->currentVariant();
    const int variant = m_document->currentVariantIndex();
    if (p.kind == kWorkload) {
        QList<Workload> after = v.workloads;
        after.removeAt(p.i);
        m_document->undoStack()->push(new SetListCommand<Workload>(m_document, variant, v.workloads,
                                                                   after, tr("Delete workload")));
    } else if (p.kind == kScenario || p.kind == kEvent) {
        QList<Scenario> after = v.scenarios;
        if (p.kind == kScenario)
            after.removeAt(p.i);
        else
            after[p.i].events.removeAt(p.j);
        m_document->undoStack()->push(new SetListCommand<Scenario>(
            m_document, variant, v.scenarios, after,
            p.kind == kScenario ? tr("Delete scenario") : tr("Delete event")));
    }
}

} // namespace archsim::ui
