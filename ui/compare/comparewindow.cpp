// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/compare/comparewindow.h"

#include "ui/compare/studyrunner.h"
#include "ui/editor/diagramexport.h"

#include "simulator/analytic/analyticengine.h"
#include "simulator/study/breakeven.h"
#include "simulator/study/sweep.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace archsim::ui {

namespace {

QDoubleSpinBox *spin(double max, int decimals, double value, const QString &special = {}) {
    auto *s = new QDoubleSpinBox;
    s->setRange(0, max);
    s->setDecimals(decimals);
    s->setValue(value);
    if (!special.isEmpty()) s->setSpecialValueText(special);
    return s;
}

QString cellText(const QJsonValue &v, const QString &metric) {
    if (v.isString()) return v.toString();
    if (!v.isDouble()) return QStringLiteral("–");
    const double x = v.toDouble();
    if (metric == QLatin1String("availability")) return QString::number(x, 'f', 6);
    if (metric == QLatin1String("errorRate")) return QString::number(x, 'g', 3);
    return QString::number(x, 'f', metric.contains(QLatin1String("Rate")) ? 1 : 2);
}

QChart *lineChart(const QString &title, const QString &xTitle, const QString &yTitle) {
    auto *chart = new QChart;
    chart->setTitle(title);
    auto *x = new QValueAxis;
    auto *y = new QValueAxis;
    x->setTitleText(xTitle);
    y->setTitleText(yTitle);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    return chart;
}

void addLine(QChart *chart, const QString &name, const QList<QPointF> &points, Qt::PenStyle style,
             QColor color = {}) {
    auto *series = new QLineSeries;
    series->setName(name);
    series->append(points);
    chart->addSeries(series);
    for (QAbstractAxis *axis : chart->axes())
        series->attachAxis(axis);
    QPen pen = series->pen();
    pen.setWidthF(2);
    pen.setStyle(style);
    if (color.isValid()) pen.setColor(color);
    series->setPen(pen);
}

void fitAxes(QChart *chart) {
    double xMin = 0, xMax = 1, yMax = 1;
    bool first = true;
    for (QAbstractSeries *s : chart->series())
        for (const QPointF &p : static_cast<QLineSeries *>(s)->points()) {
            xMin = first ? p.x() : std::min(xMin, p.x());
            xMax = first ? p.x() : std::max(xMax, p.x());
            yMax = first ? p.y() : std::max(yMax, p.y());
            first = false;
        }
    chart->axes(Qt::Horizontal).first()->setRange(xMin, xMax > xMin ? xMax : xMin + 1);
    chart->axes(Qt::Vertical).first()->setRange(0, yMax > 0 ? yMax * 1.1 : 1);
    static_cast<QValueAxis *>(chart->axes(Qt::Vertical).first())->applyNiceNumbers();
}

} // namespace

CompareWindow::CompareWindow(ProjectDocument *document, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_document(document)
    , m_runner(new StudyRunner(this)) {
    setWindowTitle(tr("Compare variants — %1").arg(document->displayName()));
    resize(1400, 900);
    m_variants = new QListWidget;
    m_variants->setMaximumHeight(90);
    fillVariants();
    double today = 0;
    for (const Workload &w : document->currentVariant().workloads)
        if (!w.isClosed()) today += w.ratePerSec.value_or(0);
    m_rate = spin(1e7, 1, today);
    m_p99 = spin(1e6, 1, 400, tr("none"));
    m_errorRate = spin(1, 4, 0.01, tr("none"));
    m_availability = spin(1, 5, 0.999, tr("none"));
    m_from = spin(1e7, 1, std::max(1.0, today * 0.4));
    m_to = spin(1e7, 1, std::max(2.0, today * 8));
    m_steps = new QSpinBox;
    m_steps->setRange(2, 200);
    m_steps->setValue(12);
    m_replications = new QSpinBox;
    m_replications->setRange(2, 50);
    m_replications->setValue(4);
    m_desPlans = new QCheckBox(tr("confirm break-even plans with the DES (slower)"));
    m_runButton = new QPushButton(tr("&Compare"));
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setEnabled(false);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_poll = new QTimer(this);
    m_poll->setInterval(100);

    auto *form = new QFormLayout;
    form->addRow(tr("Variants:"), m_variants);
    auto *load = new QHBoxLayout;
    load->addWidget(m_rate);
    load->addWidget(new QLabel(tr("DES replications:")));
    load->addWidget(m_replications);
    form->addRow(tr("Total open rate (/s):"), load);
    auto *slo = new QHBoxLayout;
    for (auto [label, box] :
         {std::pair{tr("p99 ≤ ms"), m_p99}, std::pair{tr("error rate ≤"), m_errorRate},
          std::pair{tr("availability ≥"), m_availability}}) {
        slo->addWidget(new QLabel(label));
        slo->addWidget(box);
    }
    form->addRow(tr("SLO:"), slo);
    auto *be = new QHBoxLayout;
    be->addWidget(m_from);
    be->addWidget(new QLabel(tr("to")));
    be->addWidget(m_to);
    be->addWidget(new QLabel(tr("steps")));
    be->addWidget(m_steps);
    be->addWidget(m_desPlans);
    form->addRow(tr("Break-even from (/s):"), be);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_progress, 1);

    m_verdict = new QLabel(tr("Choose two or more variants and press Compare."));
    m_verdict->setTextFormat(Qt::RichText);
    m_verdict->setWordWrap(true);
    m_verdict->setMinimumHeight(80);
    m_verdict->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_table = new QTableWidget;
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *diagrams = new QWidget;
    m_diagrams = new QHBoxLayout(diagrams);
    m_sweepChart = new QChartView;
    m_sweepChart->setRenderHint(QPainter::Antialiasing);
    m_breakEvenChart = new QChartView;
    m_breakEvenChart->setRenderHint(QPainter::Antialiasing);
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_table, tr("Table"));
    m_tabs->addTab(diagrams, tr("Diagrams"));
    m_tabs->addTab(m_sweepChart, tr("Sweep"));
    m_tabs->addTab(m_breakEvenChart, tr("Break-even"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_verdict);
    layout->addWidget(m_tabs, 1);

    connect(m_runButton, &QPushButton::clicked, this, &CompareWindow::run);
    connect(m_cancelButton, &QPushButton::clicked, m_runner, &StudyRunner::cancel);
    connect(m_poll, &QTimer::timeout, this,
            [this] { m_progress->setValue(int(1000 * m_runner->progress())); });
    connect(m_runner, &StudyRunner::finished, this, [this](bool cancelled) {
        m_poll->stop();
        m_runButton->setEnabled(true);
        m_cancelButton->setEnabled(false);
        m_progress->setValue(cancelled ? 0 : 1000);
        if (cancelled || !m_pending || m_pending->isEmpty()) {
            m_verdict->setText(tr("Cancelled."));
        } else {
            m_result = *m_pending;
            showResult();
        }
        emit finished();
    });
    connect(document, &ProjectDocument::variantsChanged, this, &CompareWindow::fillVariants);
}

void CompareWindow::fillVariants() {
    QStringList checked;
    for (int i = 0; i < m_variants->count(); ++i)
        if (m_variants->item(i)->checkState() == Qt::Checked)
            checked << m_variants->item(i)->text();
    m_variants->clear();
    for (const Variant &v : m_document->project().variants) {
        auto *item = new QListWidgetItem(v.name, m_variants);
        const bool on = checked.isEmpty() ? m_variants->count() <= 2 : checked.contains(v.name);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
}

void CompareWindow::run() {
    if (m_runner->isRunning()) return;
    m_running.clear();
    for (int i = 0; i < m_variants->count(); ++i)
        if (m_variants->item(i)->checkState() == Qt::Checked)
            if (const Variant *v = m_document->project().findVariant(m_variants->item(i)->text()))
                m_running << *v;
    if (m_running.size() < 2) {
        m_verdict->setText(tr("Check two or more variants to compare."));
        return;
    }
    sim::CompareOptions options;
    if (m_rate->value() > 0) options.ratePerSec = m_rate->value();
    if (m_p99->value() > 0) options.slo.p99Ms = m_p99->value();
    if (m_errorRate->value() > 0) options.slo.errorRate = m_errorRate->value();
    if (m_availability->value() > 0) options.slo.availability = m_availability->value();
    options.des.replications = m_replications->value();
    options.des.durationSec = 20;
    options.des.warmupSec = 5;
    options.des.cancel = m_runner->cancelFlag();
    const double from = m_from->value(), to = m_to->value();
    const int steps = m_steps->value();
    const bool desPlans = m_desPlans->isChecked();
    const QList<Variant> variants = m_running;
    m_runButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_verdict->setText(tr("Running…"));
    m_poll->start();
    auto out = std::make_shared<QJsonObject>();
    m_pending = out;
    m_runner->start([out, variants, options, from, to, steps,
                     desPlans](const std::function<void(double)> &progress) mutable {
        options.des.progress = [&](double f) { progress(0.5 * f); };
        const sim::Comparison comparison = sim::compareVariants(variants, options);
        QJsonObject doc = sim::toJson(comparison);
        if (!comparison.error.isEmpty()) doc.insert(QStringLiteral("error"), comparison.error);
        // Analytical sweeps up to past each variant's saturation, for the overlaid curves.
        QJsonObject sweeps;
        for (const Variant &v : variants) {
            const auto compiled = sim::compileVariant(v);
            if (!compiled.model || !(sim::openBaseRate(*compiled.model) > 0)) continue;
            const sim::LoadResult base = sim::analyze(*compiled.model);
            const double top = base.saturationRatePerSec.value_or(to) * 1.05;
            const sim::SweepResult s =
                sim::sweep(*compiled.model, top * 0.05, top, 30, sim::Engine::Analytic);
            QJsonArray points;
            for (const sim::SweepPoint &p : s.points)
                if (!p.result.saturated)
                    points.append(QJsonArray{p.ratePerSec, sim::openMeanResponse(p.result)});
            sweeps.insert(v.name, points);
        }
        doc.insert(QStringLiteral("sweeps"), sweeps);
        sim::PlanOptions plan;
        plan.slo = options.slo;
        plan.des = options.des;
        plan.des.progress = nullptr;
        plan.confirm = desPlans;
        QJsonArray points;
        QStringList names;
        for (const Variant &v : variants)
            names << v.name;
        for (int i = 0; i < steps; ++i) {
            if (options.des.cancel->load()) return;
            points.append(sim::breakEvenPoint(variants, sim::stepRate(from, to, steps, i), plan));
            progress(0.5 + 0.5 * (i + 1) / steps);
        }
        doc.insert(QStringLiteral("breakEven"), sim::breakEvenDocument(names, points));
        *out = doc; // read on the GUI thread after finished()
    });
}

void CompareWindow::showResult() {
    const QJsonObject &doc = m_result;
    if (doc.contains(QStringLiteral("error"))) {
        m_verdict->setText(tr("<b>Cannot compare:</b> %1")
                               .arg(doc.value(QStringLiteral("error")).toString().toHtmlEscaped()));
        return;
    }
    const QJsonArray variants = doc.value(QStringLiteral("variants")).toArray();
    QStringList names, lines;
    for (const QJsonValue &vv : variants) {
        const QJsonObject v = vv.toObject();
        names << v.value(QStringLiteral("name")).toString();
        const QJsonObject slo = v.value(QStringLiteral("slo")).toObject();
        const bool pass = slo.value(QStringLiteral("pass")).toBool();
        QString line =
            QStringLiteral("<b style='color:%1'>%2</b> %3 — saturates at %4/s "
                           "(bottleneck %5), $%6/month")
                .arg(pass ? QStringLiteral("#1a7f37") : QStringLiteral("#c62828"),
                     pass ? tr("PASS") : tr("FAIL"), names.last().toHtmlEscaped())
                .arg(v.value(QStringLiteral("saturationRatePerSec")).toDouble(), 0, 'f', 0)
                .arg(v.value(QStringLiteral("bottleneck")).toString())
                .arg(v.value(QStringLiteral("costPerMonth")).toDouble(), 0, 'f', 0);
        const QStringList failed = slo.value(QStringLiteral("failed")).toVariant().toStringList();
        if (!failed.isEmpty()) line += QStringLiteral(": ") + failed.join(QStringLiteral("; "));
        lines << line;
    }
    // The break-even answer: who is cheaper at the compared load, and from which load on the
    // other one is (the last crossing of the first two; step-shaped curves may cross more).
    const QJsonObject be = doc.value(QStringLiteral("breakEven")).toObject();
    const QJsonArray crossings = be.value(QStringLiteral("crossings")).toArray();
    const QJsonArray bePoints = be.value(QStringLiteral("points")).toArray();
    const double rate =
        variants.isEmpty()
            ? 0.0
            : variants.first().toObject().value(QStringLiteral("ratePerSec")).toDouble();
    QJsonObject nearest;
    for (const QJsonValue &pv : bePoints)
        if (nearest.isEmpty() ||
            std::fabs(pv.toObject().value(QStringLiteral("ratePerSec")).toDouble() - rate) <
                std::fabs(nearest.value(QStringLiteral("ratePerSec")).toDouble() - rate))
            nearest = pv.toObject();
    if (!nearest.isEmpty() && names.size() >= 2) {
        const QJsonArray c = nearest.value(QStringLiteral("costPerMonth")).toArray();
        if (c.at(0).isDouble() && c.at(1).isDouble())
            lines << tr("Cheapest plans meeting the SLO at %1/s: %2 $%3/month, %4 $%5/month.")
                         .arg(nearest.value(QStringLiteral("ratePerSec")).toDouble(), 0, 'f', 0)
                         .arg(names[0])
                         .arg(c.at(0).toDouble(), 0, 'f', 0)
                         .arg(names[1])
                         .arg(c.at(1).toDouble(), 0, 'f', 0);
    }
    QJsonObject last;
    for (const QJsonValue &cv : crossings) {
        const QJsonObject c = cv.toObject();
        const QJsonArray between = c.value(QStringLiteral("between")).toArray();
        if (names.size() >= 2 && between.at(0).toString() == names[0] &&
            between.at(1).toString() == names[1])
            last = c;
    }
    if (!last.isEmpty())
        lines << tr("<b>Break-even:</b> from about %1/s on, %2 is cheaper than %3%4.")
                     .arg(last.value(QStringLiteral("ratePerSec")).toDouble(), 0, 'f', 0)
                     .arg(last.value(QStringLiteral("cheaperAbove")).toString(),
                          last.value(QStringLiteral("cheaperBelow")).toString(),
                          crossings.size() > 1
                              ? tr(" (the cost curves cross %1 times in the range)")
                                    .arg(crossings.size())
                              : QString());
    else if (!bePoints.isEmpty())
        lines << tr("Break-even: the cheaper variant does not change between %1/s and %2/s.")
                     .arg(
                         bePoints.first().toObject().value(QStringLiteral("ratePerSec")).toDouble(),
                         0, 'f', 0)
                     .arg(bePoints.last().toObject().value(QStringLiteral("ratePerSec")).toDouble(),
                          0, 'f', 0);
    m_verdict->setText(lines.join(QStringLiteral("<br>")));

    const QJsonArray rows = doc.value(QStringLiteral("rows")).toArray();
    m_table->clear();
    m_table->setRowCount(int(rows.size()));
    m_table->setColumnCount(int(names.size()) + 3);
    QStringList header{tr("metric"), tr("workload")};
    header << names << tr("better");
    m_table->setHorizontalHeaderLabels(header);
    for (int r = 0; r < rows.size(); ++r) {
        const QJsonObject row = rows[r].toObject();
        const QString metric = row.value(QStringLiteral("metric")).toString();
        m_table->setItem(r, 0, new QTableWidgetItem(metric));
        m_table->setItem(r, 1,
                         new QTableWidgetItem(row.value(QStringLiteral("workload")).toString()));
        const QJsonArray values = row.value(QStringLiteral("values")).toArray();
        const QJsonArray ci = row.value(QStringLiteral("ci95")).toArray();
        const QString better = row.value(QStringLiteral("better")).toString();
        for (int v = 0; v < values.size(); ++v) {
            auto *item = new QTableWidgetItem(cellText(values[v], metric));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (!ci.isEmpty())
                item->setToolTip(tr("95% interval of the replications: %1 … %2")
                                     .arg(ci[v].toArray().at(0).toDouble(), 0, 'f', 2)
                                     .arg(ci[v].toArray().at(1).toDouble(), 0, 'f', 2));
            if (!better.isEmpty() && better == names.value(v))
                item->setBackground(QColor(200, 240, 200));
            m_table->setItem(r, 2 + v, item);
        }
        const QString verdict = !better.isEmpty() ? better
                                : row.value(QStringLiteral("lowerIsBetter")).isNull()
                                    ? QString()
                                    : tr("no significant difference");
        m_table->setItem(r, int(names.size()) + 2, new QTableWidgetItem(verdict));
    }
    m_table->resizeColumnsToContents();
    showDiagrams(names);
    showSweeps();
    showBreakEven();
}

void CompareWindow::showDiagrams(const QStringList &names) {
    while (QLayoutItem *item = m_diagrams->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    // The diagrams as drawn by the editor's exporter (the live overlay of run results belongs
    // to the simulation workspace).
    QTemporaryDir dir;
    for (const QString &name : names) {
        const int index = m_document->project().variantIndex(name);
        if (index < 0) continue;
        const QString file = dir.filePath(QStringLiteral("%1.png").arg(index));
        auto *box = new QWidget;
        auto *layout = new QVBoxLayout(box);
        layout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped())));
        auto *scroll = new QScrollArea;
        auto *image = new QLabel;
        if (exportDiagram(m_document->project(), index, file).isEmpty()) {
            // The export is drawn for print; shown here at the width of half the window.
            const QPixmap pixmap(file);
            const int shown = std::max(400, this->width() / int(names.size()) - 60);
            image->setPixmap(pixmap.width() > shown
                                 ? pixmap.scaledToWidth(shown, Qt::SmoothTransformation)
                                 : pixmap);
        }
        scroll->setWidget(image);
        layout->addWidget(scroll, 1);
        m_diagrams->addWidget(box, 1);
    }
}

void CompareWindow::showSweeps() {
    QChart *chart = lineChart(tr("Mean response against load (analytical sweep, open workloads)"),
                              tr("total open rate (requests/s)"), tr("ms"));
    const QJsonObject sweeps = m_result.value(QStringLiteral("sweeps")).toObject();
    // In the variants' order, so each variant has the same colour in both charts.
    for (const QJsonValue &v : m_result.value(QStringLiteral("variants")).toArray()) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        QList<QPointF> points;
        for (const QJsonValue &p : sweeps.value(name).toArray())
            points << QPointF(p.toArray().at(0).toDouble(), p.toArray().at(1).toDouble());
        addLine(chart, name, points, Qt::SolidLine);
    }
    fitAxes(chart);
    m_sweepChart->setChart(chart);
}

void CompareWindow::showBreakEven() {
    QChart *chart = lineChart(tr("Cheapest monthly cost that meets the SLO"),
                              tr("total open rate (requests/s)"), tr("$ per month"));
    const QJsonObject be = m_result.value(QStringLiteral("breakEven")).toObject();
    const QJsonArray points = be.value(QStringLiteral("points")).toArray();
    const QJsonArray variants = m_result.value(QStringLiteral("variants")).toArray();
    double top = 0;
    for (int v = 0; v < variants.size(); ++v) {
        QList<QPointF> line;
        for (const QJsonValue &pv : points) {
            const QJsonObject p = pv.toObject();
            const QJsonValue cost = p.value(QStringLiteral("costPerMonth")).toArray().at(v);
            if (!cost.isDouble()) continue;
            line << QPointF(p.value(QStringLiteral("ratePerSec")).toDouble(), cost.toDouble());
            top = std::max(top, cost.toDouble());
        }
        addLine(chart, variants[v].toObject().value(QStringLiteral("name")).toString(), line,
                Qt::SolidLine);
    }
    if (be.value(QStringLiteral("crossingRatePerSec")).isDouble()) {
        const double x = be.value(QStringLiteral("crossingRatePerSec")).toDouble();
        addLine(chart, tr("break-even %1/s").arg(x, 0, 'f', 0), {{x, 0}, {x, top}}, Qt::DotLine,
                Qt::red);
    }
    if (!variants.isEmpty()) {
        // Today's load, and how far the first variant goes before it saturates.
        const QJsonObject first = variants.first().toObject();
        const double today = first.value(QStringLiteral("ratePerSec")).toDouble();
        addLine(chart,
                tr("today %1/s, headroom ×%2")
                    .arg(today, 0, 'f', 0)
                    .arg(first.value(QStringLiteral("headroom")).toDouble(), 0, 'f', 1),
                {{today, 0}, {today, top}}, Qt::DashLine, Qt::darkGray);
    }
    fitAxes(chart);
    m_breakEvenChart->setChart(chart);
}

} // namespace archsim::ui
