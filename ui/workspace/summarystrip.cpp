// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/workspace/summarystrip.h"

#include "ui/charts/chartbuilder.h"
#include "ui/workspace/liveanalysis.h"

#include <QCheckBox>
#include <QLabel>

#include <cmath>

namespace archsim::ui {

QString statusText(const LiveResult &r) {
    if (!r.hasNumbers()) return QObject::tr("Analysis: the model has errors (see Problems)");
    const sim::LoadResult &a = *r.check.analysis;
    const QString bottleneck = r.bottleneck();
    if (bottleneck.isEmpty()) return QObject::tr("Analysis: no unit carries load yet");
    const sim::UnitResult *b = r.unit(bottleneck);
    if (a.saturated || (b && b->utilization >= 1 - 1e-9))
        return QObject::tr("Analysis: SATURATED at the current load, bottleneck %1")
            .arg(bottleneck);
    QString text = QObject::tr("Analysis: bottleneck %1 (saturates first; %2% now)")
                       .arg(bottleneck)
                       .arg(b ? qRound(100 * b->utilization) : 0);
    if (a.saturationRatePerSec)
        text += QObject::tr(", saturates at %1%2/s")
                    .arg(r.complete ? QString() : QStringLiteral("≤ "))
                    .arg(*a.saturationRatePerSec, 0, 'f', 1);
    return text;
}

SummaryStrip::SummaryStrip(QWidget *parent)
    : QToolBar(tr("Analysis"), parent) {
    setObjectName(QStringLiteral("analysisStrip"));
    setMovable(false);
    m_toggle = new QCheckBox(tr("Show analysis on canvas"));
    m_toggle->setChecked(true);
    m_toggle->setToolTip(tr("Utilisation colours, bottleneck, single points of failure and "
                            "traffic, from the analytical engine (Ctrl+Shift+A)"));
    m_label = new QLabel;
    m_label->setTextFormat(Qt::RichText);
    m_label->setContentsMargins(8, 2, 8, 2);
    addWidget(m_toggle);
    addSeparator();
    addWidget(m_label);
    connect(m_toggle, &QCheckBox::toggled, this, &SummaryStrip::overlayToggled);
}

QString SummaryStrip::text() const {
    return m_label->text();
}

void SummaryStrip::showPending() {
    m_label->setText(tr("<i>analysing…</i>"));
}

void SummaryStrip::show(const LiveResult &r) {
    if (!r.hasNumbers()) {
        m_label->setText(tr("<b>No figures:</b> the model has errors; see the Problems panel."));
        return;
    }
    const sim::LoadResult &a = *r.check.analysis;
    double asked = 0;
    for (const sim::WorkloadResult &w : a.workloads)
        if (!w.closed) asked += w.throughputPerSec;
    QStringList parts;
    for (const sim::WorkloadResult &w : a.workloads) {
        QString mean = std::isfinite(w.meanResponseMs)
                           ? QStringLiteral("%1 ms").arg(w.meanResponseMs, 0, 'f', 1)
                           : QStringLiteral("∞");
        QString part = QStringLiteral("<b>%1</b> %2/s, mean %3")
                           .arg(w.name.toHtmlEscaped())
                           .arg(w.throughputPerSec, 0, 'f', 1)
                           .arg(mean);
        const std::optional<double> saturation = a.saturationRatePerSec;
        if (!w.closed && saturation && asked > 0) {
            // Every open workload scales together: one saturation rate, shared headroom.
            const double share = w.throughputPerSec / asked;
            const double headroom = *saturation / asked;
            const QColor c = charts::utilisationColor(1 / headroom);
            part += QStringLiteral(", saturates at %1%2/s, headroom <span "
                                   "style=\"color:%3\"><b>×%4</b></span>")
                        .arg(r.complete ? QString() : QStringLiteral("≤ "))
                        .arg(*saturation * share, 0, 'f', 1)
                        .arg(c.name())
                        .arg(headroom, 0, 'f', 2);
        }
        parts << part;
    }
    const QString bottleneck = r.bottleneck();
    if (!bottleneck.isEmpty()) {
        const sim::UnitResult *b = r.unit(bottleneck);
        const double u = b ? b->utilization : 0;
        parts << QStringLiteral("bottleneck (saturates first) <b>%1</b>, <span "
                                "style=\"color:%2\">%3%%4</span> now")
                     .arg(bottleneck.toHtmlEscaped())
                     .arg(charts::utilisationColor(u, a.saturated).name())
                     .arg(qRound(100 * u))
                     .arg(a.saturated ? tr(" SATURATED") : QString());
    }
    m_label->setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
}

} // namespace archsim::ui
