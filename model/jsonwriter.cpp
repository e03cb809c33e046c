// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/jsonwriter.h"

#include "model/elementfields.h"
#include "model/jsontext.h"
#include "model/variantindex.h"

namespace archsim {
namespace {

template <class T> void writeFields(JsonNode &node, const FieldList<T> &fields, const T &item) {
    for (const FieldSpec<T> &f : fields)
        if (f.shouldWrite(item)) node.insert(f.key, JsonNode(f.get(item)));
}

void writeExtra(JsonNode &node, const QJsonObject &extra) {
    for (auto it = extra.begin(); it != extra.end(); ++it)
        node.insert(it.key(), JsonNode(it.value()));
}

template <class T> JsonNode element(const FieldList<T> &fields, const T &item) {
    JsonNode node = JsonNode::object();
    writeFields(node, fields, item);
    writeExtra(node, item.extra);
    return node;
}

JsonNode writeVariant(const Variant &v) {
    JsonNode node = JsonNode::object();
    node.insert(QStringLiteral("name"), JsonNode(QJsonValue(v.name)));
    if (!v.description.isEmpty())
        node.insert(QStringLiteral("description"), JsonNode(QJsonValue(v.description)));

    JsonNode layers = JsonNode::array();
    for (const Layer &l : v.layers)
        layers.append(element(layerFields(), l));
    node.insert(QStringLiteral("layers"), layers);

    JsonNode units = JsonNode::array();
    for (const Unit &u : v.units)
        if (!u.implicit) units.append(element(unitFields(), u));
    node.insert(QStringLiteral("units"), units);

    JsonNode components = JsonNode::array();
    const VariantIndex index(v);
    for (const Component &c : v.components) {
        JsonNode cn = JsonNode::object();
        const Unit *own = index.findUnit(c.id);
        const bool inlineUnit = c.unit == c.id && own && own->implicit;
        for (const FieldSpec<Component> &f : componentFields()) {
            if (inlineUnit && f.key == QLatin1String("unit"))
                continue; // written as the unit's own fields below
            if (f.shouldWrite(c)) cn.insert(f.key, JsonNode(f.get(c)));
        }
        if (inlineUnit) writeFields(cn, inlineUnitFields(), *own);
        writeExtra(cn, c.extra);
        components.append(cn);
    }
    node.insert(QStringLiteral("components"), components);

    JsonNode connections = JsonNode::array();
    for (const Connection &c : v.connections)
        connections.append(element(connectionFields(), c));
    node.insert(QStringLiteral("connections"), connections);

    JsonNode workloads = JsonNode::array();
    for (const Workload &w : v.workloads)
        workloads.append(element(workloadFields(), w));
    node.insert(QStringLiteral("workloads"), workloads);

    JsonNode scenarios = JsonNode::array();
    for (const Scenario &s : v.scenarios) {
        JsonNode sn = JsonNode::object();
        writeFields(sn, scenarioFields(), s);
        JsonNode events = JsonNode::array();
        for (const ScenarioEvent &e : s.events)
            events.append(element(scenarioEventFields(), e));
        sn.insert(QStringLiteral("events"), events);
        writeExtra(sn, s.extra);
        scenarios.append(sn);
    }
    node.insert(QStringLiteral("scenarios"), scenarios);
    writeExtra(node, v.extra);
    return node;
}

} // namespace

QByteArray writeProjectJson(const Project &project) {
    JsonNode root = JsonNode::object();
    root.insert(QStringLiteral("format"), JsonNode(QJsonValue(QStringLiteral("archsim"))));
    root.insert(QStringLiteral("version"), JsonNode(QJsonValue(kFormatVersion)));
    root.insert(QStringLiteral("name"), JsonNode(QJsonValue(project.name)));
    JsonNode variants = JsonNode::array();
    for (const Variant &v : project.variants)
        variants.append(writeVariant(v));
    root.insert(QStringLiteral("variants"), variants);
    writeExtra(root, project.extra);
    return root.toJson();
}

} // namespace archsim
