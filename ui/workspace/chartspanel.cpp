// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/workspace/chartspanel.h"

#include "ui/charts/chartrender.h"

#include <QChartView>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace archsim::ui {

ChartsPanel::ChartsPanel(QWidget *parent)
    : QWidget(parent) {
    m_heading = new QLabel(tr("No run shown yet: run one from the Simulation panel, or pick one "
                              "in the Runs panel."));
    m_heading->setWordWrap(true);
    m_tabs = new QTabWidget;
    m_saveImage = new QPushButton(tr("Save Image…"));
    m_saveData = new QPushButton(tr("Save Data (CSV)…"));
    m_saveImage->setEnabled(false);
    m_saveData->setEnabled(false);
    auto *top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_saveImage);
    top->addWidget(m_saveData);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    connect(m_saveImage, &QPushButton::clicked, this, [this] {
        const int i = m_tabs->currentIndex();
        if (i < 0) return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save chart"), m_specs[i].id + QStringLiteral(".png"),
            tr("PNG image (*.png);;SVG drawing (*.svg)"));
        if (path.isEmpty()) return;
        const QString error = saveImage(path);
        if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot save"), error);
    });
    connect(m_saveData, &QPushButton::clicked, this, [this] {
        const int i = m_tabs->currentIndex();
        if (i < 0) return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save chart data"), m_specs[i].id + QStringLiteral(".csv"), tr("CSV (*.csv)"));
        if (path.isEmpty()) return;
        const QString error = saveData(path);
        if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot save"), error);
    });
}

void ChartsPanel::showCharts(const QList<charts::ChartSpec> &specs, const QString &heading) {
    m_specs = specs;
    m_heading->setText(heading);
    const int keep = m_tabs->currentIndex();
    while (m_tabs->count() > 0) {
        QWidget *w = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete w;
    }
    for (const charts::ChartSpec &spec : specs) {
        auto *view = new QChartView(charts::buildChart(spec));
        view->setRenderHint(QPainter::Antialiasing);
        QString name = spec.id;
        name[0] = name[0].toUpper();
        m_tabs->addTab(view, name);
    }
    if (keep >= 0 && keep < m_tabs->count()) m_tabs->setCurrentIndex(keep);
    m_saveImage->setEnabled(!specs.isEmpty());
    m_saveData->setEnabled(!specs.isEmpty());
}

QString ChartsPanel::saveImage(const QString &path) const {
    const int i = m_tabs->currentIndex();
    if (i < 0) return tr("no chart to save");
    return charts::saveCharts({m_specs[i]}, path);
}

QString ChartsPanel::saveData(const QString &path) const {
    const int i = m_tabs->currentIndex();
    if (i < 0) return tr("no chart to save");
    return charts::saveCsv(m_specs[i], path);
}

} // namespace archsim::ui
