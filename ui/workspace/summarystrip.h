// SPDX-License-Identifier: GPL-3.0-or-later
// The strip over the canvas: per workload throughput, mean response, saturation rate and
// headroom (saturation rate ÷ current rate), the bottleneck, and the overlay's on/off switch.
#pragma once

#include <QToolBar>

class QCheckBox;
class QLabel;

namespace archsim::ui {

struct LiveResult;

class SummaryStrip : public QToolBar {
    Q_OBJECT
public:
    explicit SummaryStrip(QWidget *parent = nullptr);

    void show(const LiveResult &result);
    void showPending();
    QString text() const;
    QCheckBox *overlaySwitch() const { return m_toggle; }

signals:
    void overlayToggled(bool on);

private:
    QLabel *m_label;
    QCheckBox *m_toggle;
};

// "gateway-svc saturated (utilisation 1.00)" / "bottleneck db at 41%; saturates at 487/s".
QString statusText(const LiveResult &result);

} // namespace archsim::ui
