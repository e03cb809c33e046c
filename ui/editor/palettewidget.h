// SPDX-License-Identifier: GPL-3.0-or-later
// The palette of the nine component kinds: drag one onto the canvas, or activate it (double
// click, Enter) to place it in the middle of the view.
#pragma once

#include "model/enums.h"

#include <QListWidget>

namespace archsim::ui {

class PaletteWidget : public QListWidget {
    Q_OBJECT
public:
    explicit PaletteWidget(QWidget *parent = nullptr);

signals:
    void kindActivated(ComponentKind kind);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
};

} // namespace archsim::ui
