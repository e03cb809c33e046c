// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/jsonreader.h"

#include "model/elementfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace archsim {
namespace {

// Where the reader is: the JSON path and the element it belongs to, for problem reports.
struct Place {
    QString path;
    QString variant;
    QString kind;
    QString id;
};

class Reader {
public:
    ProblemList problems;

    void report(Severity severity, const Place &place, const QString &field,
                const QString &message) {
        Problem p;
        p.severity = severity;
        p.path = field.isEmpty()        ? place.path
                 : place.path.isEmpty() ? field
                                        : place.path + QLatin1Char('.') + field;
        p.variant = place.variant;
        p.elementKind = place.kind;
        p.elementId = place.id;
        p.field = field;
        p.message = message;
        p.location = locationFromPath(p.path);
        problems << p;
    }

    template <class T>
    void readFields(const QJsonObject &obj, const FieldList<T> &fields, T &item, const Place &place,
                    QSet<QString> &known) {
        for (const FieldSpec<T> &f : fields) {
            known.insert(f.key);
            const auto it = obj.constFind(f.key);
            if (it == obj.constEnd()) {
                if (f.required())
                    report(Severity::Error, place, f.key, QStringLiteral("missing required field"));
                continue;
            }
            const QString error = fieldValueError(f.type, f.choices, f.optional(), *it);
            if (!error.isEmpty()) {
                report(Severity::Error, place, f.key, error);
                continue;
            }
            f.set(item, *it);
        }
    }

    // Fields this version does not know stay in `extra`, so writing the file back loses nothing.
    void keepUnknown(const QJsonObject &obj, const QSet<QString> &known, QJsonObject &extra,
                     const Place &place, const QString &hint = {}) {
        for (auto it = obj.constBegin(); it != obj.constEnd(); ++it) {
            if (known.contains(it.key())) continue;
            extra.insert(it.key(), it.value());
            report(Severity::Warning, place, it.key(),
                   hint.isEmpty() ? QStringLiteral("unknown field, kept as it is") : hint);
        }
    }

    QJsonArray array(const QJsonObject &obj, const QString &key, const Place &place) {
        const QJsonValue v = obj.value(key);
        if (v.isUndefined() || v.isNull()) return {};
        if (!v.isArray()) {
            report(Severity::Error, place, key, QStringLiteral("expected an array"));
            return {};
        }
        return v.toArray();
    }

    template <class T>
    bool element(const QJsonValue &value, const FieldList<T> &fields, T &item, Place place,
                 QSet<QString> &known) {
        if (!value.isObject()) {
            report(Severity::Error, place, {}, QStringLiteral("expected an object"));
            return false;
        }
        readFields(value.toObject(), fields, item, place, known);
        return true;
    }

    Variant readVariant(const QJsonObject &obj, const QString &path);
};

QString elementId(const QJsonValue &value, const char *key) {
    return value.toObject().value(QLatin1String(key)).toString();
}

Variant Reader::readVariant(const QJsonObject &obj, const QString &path) {
    Variant v;
    Place place{path, obj.value(QLatin1String("name")).toString(), {}, {}};
    const QSet<QString> variantKeys{QStringLiteral("name"),       QStringLiteral("description"),
                                    QStringLiteral("layers"),     QStringLiteral("units"),
                                    QStringLiteral("components"), QStringLiteral("connections"),
                                    QStringLiteral("workloads"),  QStringLiteral("scenarios")};
    const QJsonValue name = obj.value(QLatin1String("name"));
    if (!name.isString())
        report(Severity::Error, place, QStringLiteral("name"),
               name.isUndefined() ? QStringLiteral("missing required field")
                                  : QStringLiteral("expected a string"));
    v.name = name.toString();
    const QJsonValue description = obj.value(QLatin1String("description"));
    if (!description.isUndefined() && !description.isString())
        report(Severity::Error, place, QStringLiteral("description"),
               QStringLiteral("expected a string"));
    v.description = description.toString();
    keepUnknown(obj, variantKeys, v.extra, place);

    auto itemPlace = [&](const char *list, int i, const char *kind, const QString &id) {
        return Place{QStringLiteral("%1.%2[%3]").arg(path, QLatin1String(list)).arg(i), v.name,
                     QLatin1String(kind), id};
    };

    const QJsonArray layers = array(obj, QStringLiteral("layers"), place);
    for (int i = 0; i < layers.size(); ++i) {
        Layer layer;
        QSet<QString> known;
        const Place p = itemPlace("layers", i, "layer", elementId(layers[i], "id"));
        if (element(layers[i], layerFields(), layer, p, known)) {
            keepUnknown(layers[i].toObject(), known, layer.extra, p);
            v.layers << layer;
        }
    }

    const QJsonArray units = array(obj, QStringLiteral("units"), place);
    for (int i = 0; i < units.size(); ++i) {
        Unit unit;
        QSet<QString> known;
        const Place p = itemPlace("units", i, "unit", elementId(units[i], "id"));
        if (element(units[i], unitFields(), unit, p, known)) {
            keepUnknown(units[i].toObject(), known, unit.extra, p);
            v.units << unit;
        }
    }

    QList<Unit> implicitUnits;
    const QJsonArray components = array(obj, QStringLiteral("components"), place);
    for (int i = 0; i < components.size(); ++i) {
        Component component;
        QSet<QString> known;
        const Place p = itemPlace("components", i, "component", elementId(components[i], "id"));
        if (!element(components[i], componentFields(), component, p, known)) continue;
        const QJsonObject co = components[i].toObject();
        QString hint;
        if (!co.contains(QLatin1String("unit"))) {
            // A component without a unit is a unit of its own, configured by unit fields on it.
            Unit unit;
            unit.id = component.id;
            unit.implicit = true;
            readFields(co, inlineUnitFields(), unit, p, known);
            component.unit = component.id;
            implicitUnits << unit;
        } else {
            hint =
                QStringLiteral("unknown field, kept as it is (unit fields belong on unit \"%1\")")
                    .arg(component.unit);
        }
        keepUnknown(co, known, component.extra, p, hint);
        v.components << component;
    }
    v.units << implicitUnits;

    const QJsonArray connections = array(obj, QStringLiteral("connections"), place);
    for (int i = 0; i < connections.size(); ++i) {
        Connection c;
        QSet<QString> known;
        const QString id = QStringLiteral("%1->%2").arg(elementId(connections[i], "from"),
                                                        elementId(connections[i], "to"));
        const Place p = itemPlace("connections", i, "connection", id);
        if (element(connections[i], connectionFields(), c, p, known)) {
            keepUnknown(connections[i].toObject(), known, c.extra, p);
            v.connections << c;
        }
    }

    const QJsonArray workloads = array(obj, QStringLiteral("workloads"), place);
    for (int i = 0; i < workloads.size(); ++i) {
        Workload w;
        QSet<QString> known;
        const Place p = itemPlace("workloads", i, "workload", elementId(workloads[i], "name"));
        if (element(workloads[i], workloadFields(), w, p, known)) {
            keepUnknown(workloads[i].toObject(), known, w.extra, p);
            v.workloads << w;
        }
    }

    const QJsonArray scenarios = array(obj, QStringLiteral("scenarios"), place);
    for (int i = 0; i < scenarios.size(); ++i) {
        Scenario s;
        QSet<QString> known{QStringLiteral("events")};
        const Place p = itemPlace("scenarios", i, "scenario", elementId(scenarios[i], "name"));
        if (!element(scenarios[i], scenarioFields(), s, p, known)) continue;
        const QJsonArray events = array(scenarios[i].toObject(), QStringLiteral("events"), p);
        for (int e = 0; e < events.size(); ++e) {
            ScenarioEvent event;
            QSet<QString> eventKnown;
            const Place ep{QStringLiteral("%1.events[%2]").arg(p.path).arg(e), v.name,
                           QStringLiteral("scenario"), s.name};
            if (element(events[e], scenarioEventFields(), event, ep, eventKnown)) {
                keepUnknown(events[e].toObject(), eventKnown, event.extra, ep);
                s.events << event;
            }
        }
        keepUnknown(scenarios[i].toObject(), known, s.extra, p);
        v.scenarios << s;
    }
    return v;
}

// "line 3, column 14" for a byte offset into the document.
QString lineAndColumn(const QByteArray &data, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < data.size(); ++i) {
        if (data[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

} // namespace

ReadResult readProjectJson(const QByteArray &data) {
    ReadResult result;
    Reader reader;
    const Place root{};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        reader.report(Severity::Error, root, {},
                      QStringLiteral("not valid JSON at %1: %2")
                          .arg(lineAndColumn(data, parseError.offset), parseError.errorString()));
        result.problems = reader.problems;
        return result;
    }
    if (!doc.isObject()) {
        reader.report(Severity::Error, root, {},
                      QStringLiteral("expected a JSON object with \"format\": \"archsim\""));
        result.problems = reader.problems;
        return result;
    }
    const QJsonObject obj = doc.object();
    const QJsonValue format = obj.value(QLatin1String("format"));
    if (format.toString() != QLatin1String("archsim")) {
        reader.report(Severity::Error, root, QStringLiteral("format"),
                      QStringLiteral("not an ArchSim file: expected \"format\": \"archsim\""));
        result.problems = reader.problems;
        return result;
    }
    const QJsonValue version = obj.value(QLatin1String("version"));
    if (!version.isDouble() || version.toDouble() < 1 ||
        version.toDouble() != double(version.toInt())) {
        reader.report(Severity::Error, root, QStringLiteral("version"),
                      QStringLiteral("expected a whole number of at least 1"));
        result.problems = reader.problems;
        return result;
    }
    if (version.toInt() > kFormatVersion) {
        reader.report(Severity::Error, root, QStringLiteral("version"),
                      QStringLiteral("the file is format version %1, written by a newer ArchSim; "
                                     "this version reads up to version %2")
                          .arg(version.toInt())
                          .arg(kFormatVersion));
        result.problems = reader.problems;
        return result;
    }
    const QJsonValue name = obj.value(QLatin1String("name"));
    if (!name.isUndefined() && !name.isString())
        reader.report(Severity::Error, root, QStringLiteral("name"),
                      QStringLiteral("expected a string"));
    result.project.name = name.toString();

    const QSet<QString> known{QStringLiteral("format"), QStringLiteral("version"),
                              QStringLiteral("name"), QStringLiteral("variants")};
    reader.keepUnknown(obj, known, result.project.extra, root);

    const QJsonValue variants = obj.value(QLatin1String("variants"));
    if (!variants.isArray()) {
        reader.report(Severity::Error, root, QStringLiteral("variants"),
                      variants.isUndefined() ? QStringLiteral("missing required field")
                                             : QStringLiteral("expected an array"));
    } else {
        const QJsonArray list = variants.toArray();
        for (int i = 0; i < list.size(); ++i) {
            const QString path = QStringLiteral("variants[%1]").arg(i);
            if (!list[i].isObject()) {
                reader.report(Severity::Error, Place{path, {}, {}, {}}, {},
                              QStringLiteral("expected an object"));
                continue;
            }
            result.project.variants << reader.readVariant(list[i].toObject(), path);
        }
    }
    result.problems = reader.problems;
    return result;
}

} // namespace archsim
