// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/traces/backtestdialog.h"

#include "ui/compare/studyrunner.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

namespace archsim::ui {

namespace {

QDoubleSpinBox *seconds(double value) {
    auto *s = new QDoubleSpinBox;
    s->setRange(0, 1e7);
    s->setSuffix(QStringLiteral(" s"));
    s->setValue(value);
    return s;
}

} // namespace

BacktestDialog::BacktestDialog(QWidget *parent)
    : QDialog(parent)
    , m_runner(new StudyRunner(this)) {
    setWindowTitle(tr("Back-test Traces"));
    resize(900, 720);
    m_files = new QListWidget;
    m_files->setMaximumHeight(90);
    auto *add = new QPushButton(tr("&Add Files…"));
    m_trainFrom = seconds(0);
    m_trainTo = seconds(60);
    m_testFrom = seconds(60);
    m_testTo = seconds(120);
    auto *train = new QHBoxLayout;
    train->addWidget(m_trainFrom);
    train->addWidget(new QLabel(QStringLiteral("..")));
    train->addWidget(m_trainTo);
    auto *test = new QHBoxLayout;
    test->addWidget(m_testFrom);
    test->addWidget(new QLabel(QStringLiteral("..")));
    test->addWidget(m_testTo);
    auto *form = new QFormLayout;
    form->addRow(tr("Calibrate on (from the earliest span):"), train);
    form->addRow(tr("Predict:"), test);
    m_runButton = new QPushButton(tr("&Run Back-test"));
    m_cancelButton = new QPushButton(tr("Cancel run"));
    m_cancelButton->setEnabled(false);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_progress->hide();
    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    m_summary = new QLabel(tr("Calibrates a variant on the first window and predicts the second "
                              "window's response times at its measured rate with both engines."));
    m_summary->setWordWrap(true);
    m_table = new QTableWidget;
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_chart = new QChartView;
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(300);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_files, 1);
    fileRow->addWidget(add, 0, Qt::AlignTop);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_progress, 1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_summary);
    layout->addWidget(m_chart, 2);
    layout->addWidget(m_table, 1);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, [this] {
        setFiles(QFileDialog::getOpenFileNames(this, tr("Trace files"), {},
                                               tr("Traces (*.json *.csv *.gz);;All files (*)")));
    });
    connect(m_runButton, &QPushButton::clicked, this, &BacktestDialog::run);
    connect(m_cancelButton, &QPushButton::clicked, m_runner, &StudyRunner::cancel);
    connect(m_poll, &QTimer::timeout, this,
            [this] { m_progress->setValue(int(1000 * m_runner->progress())); });
    connect(m_runner, &StudyRunner::finished, this, &BacktestDialog::finish);
}

void BacktestDialog::setFiles(const QStringList &paths) {
    for (const QString &p : paths)
        m_files->addItem(p);
}

void BacktestDialog::setWindows(double trainFrom, double trainTo, double testFrom, double testTo) {
    m_trainFrom->setValue(trainFrom);
    m_trainTo->setValue(trainTo);
    m_testFrom->setValue(testFrom);
    m_testTo->setValue(testTo);
}

void BacktestDialog::run() {
    if (m_runner->isRunning()) return;
    sim::BacktestOptions o;
    for (int i = 0; i < m_files->count(); ++i)
        o.paths << m_files->item(i)->text();
    o.trainFrom = m_trainFrom->value();
    o.trainTo = m_trainTo->value();
    o.testFrom = m_testFrom->value();
    o.testTo = m_testTo->value();
    if (o.paths.isEmpty() || o.trainTo <= o.trainFrom || o.testTo <= o.testFrom) {
        m_summary->setText(tr("Add trace files and give windows with FROM < TO."));
        return;
    }
    o.durationSec = 120;
    o.replications = 3;
    o.cancel = m_runner->cancelFlag();
    auto out = std::make_shared<sim::BacktestResult>();
    m_pending = out;
    m_runButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->setValue(0);
    m_progress->show();
    m_poll->start();
    m_summary->setText(tr("Back-testing…"));
    m_runner->start([out, o](const std::function<void(double)> &report) mutable {
        o.progress = report;
        *out = sim::runBacktest(o);
    });
}

void BacktestDialog::finish(bool cancelled) {
    m_poll->stop();
    m_progress->hide();
    m_runButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    const std::shared_ptr<sim::BacktestResult> r = m_pending;
    m_pending.reset();
    if (cancelled || !r || !r->ok) {
        m_summary->setText(cancelled || !r
                               ? tr("Cancelled.")
                               : tr("Back-test failed: %1").arg(r->error.toHtmlEscaped()));
        emit done(false);
        return;
    }
    auto *measured = new QBarSet(tr("measured"));
    auto *analytic = new QBarSet(tr("analytic"));
    auto *des = new QBarSet(tr("discrete-event"));
    QStringList categories;
    m_table->clear();
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels({tr("operation"), tr("figure"), tr("measured ms"),
                                        tr("analytic ms"), tr("discrete-event ms"),
                                        tr("error (analytic / DES)")});
    m_table->setRowCount(int(r->rows.size()) * 4);
    int row = 0;
    for (const sim::BacktestRow &b : r->rows) {
        const std::pair<const char *, double sim::Figures::*> figures[] = {
            {"mean", &sim::Figures::mean},
            {"p50", &sim::Figures::p50},
            {"p95", &sim::Figures::p95},
            {"p99", &sim::Figures::p99}};
        for (const auto &[name, member] : figures) {
            const double m = b.measured.*member;
            const double a = b.analytic ? (*b.analytic).*member : 0;
            const double d = b.des ? (*b.des).*member : 0;
            categories << (r->rows.size() > 1 ? QLatin1String(name) + u' ' + b.operation.left(20)
                                              : QString::fromLatin1(name));
            *measured << m;
            *analytic << a;
            *des << d;
            auto pct = [m](double p) {
                return m > 0 ? QStringLiteral("%1%").arg(100 * (p - m) / m, 0, 'f', 0) : QString();
            };
            m_table->setItem(row, 0, new QTableWidgetItem(b.entry + u' ' + b.operation));
            m_table->setItem(row, 1, new QTableWidgetItem(QLatin1String(name)));
            m_table->setItem(row, 2, new QTableWidgetItem(QString::number(m, 'f', 1)));
            m_table->setItem(
                row, 3,
                new QTableWidgetItem(b.analytic ? QString::number(a, 'f', 1) : tr("saturated")));
            m_table->setItem(
                row, 4, new QTableWidgetItem(b.des ? QString::number(d, 'f', 1) : tr("saturated")));
            m_table->setItem(row, 5, new QTableWidgetItem(pct(a) + QStringLiteral(" / ") + pct(d)));
            ++row;
        }
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *series = new QBarSeries;
    series->append({measured, analytic, des});
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(tr("Predicted vs measured response time (ms), test window %1..%2 s")
                        .arg(m_testFrom->value())
                        .arg(m_testTo->value()));
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setTitleText(tr("ms"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
    m_summary->setText(tr("Calibrated on %1 traces; predictions at each operation's measured test "
                          "rate. Errors are (predicted − measured) / measured.")
                           .arg(r->trainReport.value(QStringLiteral("traces")).toInteger()));
    emit done(true);
}

} // namespace archsim::ui
