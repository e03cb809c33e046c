// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editor/palettewidget.h"

#include "ui/editor/diagramstyle.h"
#include "ui/editor/diagramview.h"

#include <QMimeData>

namespace archsim::ui {

PaletteWidget::PaletteWidget(QWidget *parent)
    : QListWidget(parent) {
    setViewMode(ListMode);
    setIconSize(QSize(28, 28));
    setDragEnabled(true);
    setDragDropMode(DragOnly);
    setSpacing(2);
    for (std::size_t i = 0; i < enumCount<ComponentKind>(); ++i) {
        const auto kind = static_cast<ComponentKind>(i);
        auto *item = new QListWidgetItem(style::kindIcon(kind), style::kindLabel(kind), this);
        item->setData(Qt::UserRole, enumName(kind));
        item->setToolTip(tr("Drag onto the canvas, or double-click to add a %1")
                             .arg(style::kindLabel(kind).toLower()));
    }
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (auto kind = enumFromString<ComponentKind>(item->data(Qt::UserRole).toString()))
            emit kindActivated(*kind);
    });
}

QStringList PaletteWidget::mimeTypes() const {
    return {QString::fromLatin1(DiagramView::kKindMimeType)};
}

QMimeData *PaletteWidget::mimeData(const QList<QListWidgetItem *> &items) const {
    if (items.isEmpty()) return nullptr;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(DiagramView::kKindMimeType),
                  items.first()->data(Qt::UserRole).toString().toLatin1());
    return data;
}

} // namespace archsim::ui
