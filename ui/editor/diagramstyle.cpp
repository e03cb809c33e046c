// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/diagramstyle.h"

#include <QCoreApplication>
#include <QHash>
#include <QSvgRenderer>

namespace archsim::ui::style {

QColor kindColor(ComponentKind kind) {
    switch (kind) {
    case ComponentKind::Client:
        return QColor(0x5b, 0x8d, 0xd6);
    case ComponentKind::Gateway:
        return QColor(0x8e, 0x6c, 0xc9);
    case ComponentKind::LoadBalancer:
        return QColor(0xa0, 0x6c, 0xb0);
    case ComponentKind::Service:
        return QColor(0x3f, 0xa3, 0x7a);
    case ComponentKind::Database:
        return QColor(0xd0, 0x7a, 0x2f);
    case ComponentKind::Cache:
        return QColor(0xc9, 0x4f, 0x4f);
    case ComponentKind::Queue:
        return QColor(0xc2, 0x9a, 0x1f);
    case ComponentKind::Storage:
        return QColor(0x8a, 0x6d, 0x4e);
    case ComponentKind::External:
        return QColor(0x70, 0x7a, 0x86);
    }
    return Qt::gray;
}

QString iconPath(ComponentKind kind) {
    return QStringLiteral(":/icons/%1.svg").arg(enumName(kind));
}

QIcon kindIcon(ComponentKind kind) {
    return QIcon(iconPath(kind));
}

namespace {
// One renderer per kind, shared by every canvas item; released when the application object
// goes (a post routine), so leak checkers see nothing left and a new application starts afresh.
QHash<int, QSvgRenderer *> &renderers() {
    static QHash<int, QSvgRenderer *> cache;
    return cache;
}
void releaseRenderers() {
    qDeleteAll(renderers());
    renderers().clear();
}
} // namespace

QSvgRenderer *kindRenderer(ComponentKind kind) {
    QHash<int, QSvgRenderer *> &cache = renderers();
    if (cache.isEmpty()) qAddPostRoutine(releaseRenderers);
    QSvgRenderer *&r = cache[int(kind)];
    if (!r) r = new QSvgRenderer(iconPath(kind));
    return r;
}

QString kindLabel(ComponentKind kind) {
    switch (kind) {
    case ComponentKind::Client:
        return QObject::tr("Client");
    case ComponentKind::Gateway:
        return QObject::tr("Gateway");
    case ComponentKind::LoadBalancer:
        return QObject::tr("Load balancer");
    case ComponentKind::Service:
        return QObject::tr("Service");
    case ComponentKind::Database:
        return QObject::tr("Database");
    case ComponentKind::Cache:
        return QObject::tr("Cache");
    case ComponentKind::Queue:
        return QObject::tr("Queue");
    case ComponentKind::Storage:
        return QObject::tr("Storage");
    case ComponentKind::External:
        return QObject::tr("External");
    }
    return {};
}

} // namespace archsim::ui::style
