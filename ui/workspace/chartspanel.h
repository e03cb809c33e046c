// SPDX-License-Identifier: GPL-3.0-or-later
// The charts of one run (or two overlaid) in tabs, each saved as PNG/SVG and its data as CSV.
#pragma once

#include "ui/charts/chartspec.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;

namespace archsim::ui {

class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget *parent = nullptr);

    void showCharts(const QList<charts::ChartSpec> &specs, const QString &heading);
    const QList<charts::ChartSpec> &specs() const { return m_specs; }
    QTabWidget *tabs() const { return m_tabs; }
    // Saves the current tab (tests pass a path; the buttons ask for one).
    QString saveImage(const QString &path) const;
    QString saveData(const QString &path) const;

private:
    QList<charts::ChartSpec> m_specs;
    QLabel *m_heading;
    QTabWidget *m_tabs;
    QPushButton *m_saveImage, *m_saveData;
};

} // namespace archsim::ui
