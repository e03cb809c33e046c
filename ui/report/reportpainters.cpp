// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportpainters.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace archsim::report {

namespace {

QFont pixelFont(double px, bool bold = false) {
    QFont f;
    f.setPixelSize(std::max(1, int(std::lround(px))));
    f.setBold(bold);
    return f;
}

QString money(double x) {
    return (x < -0.5 ? QStringLiteral("−$%1") : QStringLiteral("$%1")).arg(std::fabs(x), 0, 'f', 0);
}

} // namespace

QColor utilizationColor(double u) {
    if (u < 0.6) return QColor(0xc8, 0xe6, 0xc9);
    if (u < 0.85) return QColor(0xff, 0xe0, 0x82);
    return QColor(0xef, 0x9a, 0x9a);
}

Picture tornadoChart(const ReportData &data) {
    return [&data](QPainter &p, const QSizeF &size) {
        const sim::Sensitivity &s = data.sensitivity;
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
        const double w = size.width(), h = size.height();
        p.setFont(pixelFont(13, true));
        p.setPen(Qt::black);
        const QString rec = s.recommended >= 0 ? data.variants[s.recommended].name : QString();
        p.drawText(QRectF(0, 0, w, 20), Qt::AlignHCenter | Qt::AlignVCenter,
                   QStringLiteral("What would flip the verdict: each factor at ×%1 and ×%2")
                       .arg(1 - data.options.sensitivityRange, 0, 'f', 1)
                       .arg(1 + data.options.sensitivityRange, 0, 'f', 1));
        const int rows = std::min<int>(10, int(s.factors.size()));
        if (rows == 0 || !s.baseAdvantage) {
            p.setFont(pixelFont(11));
            p.drawText(QRectF(0, 30, w, h - 30), Qt::AlignCenter,
                       QStringLiteral("No sensitivity: fewer than two variants have a plan at "
                                      "the target load."));
            p.restore();
            return;
        }
        // Scale: every finite end and zero; an end without a plan sits at the edge.
        double lo = std::min(0.0, *s.baseAdvantage), hi = std::max(0.0, *s.baseAdvantage);
        for (int i = 0; i < rows; ++i) {
            const sim::SensitivityFactor &f = s.factors[std::size_t(i)];
            for (auto a : {f.advantageLow, f.advantageHigh})
                if (a) {
                    lo = std::min(lo, *a);
                    hi = std::max(hi, *a);
                }
        }
        const double pad = 0.08 * std::max(1.0, hi - lo);
        lo -= pad;
        hi += pad;
        const double left = 190, right = w - 120, top = 48, bottom = h - 40;
        auto xOf = [&](double v) { return left + (v - lo) / (hi - lo) * (right - left); };
        const double rowH = (bottom - top) / rows;
        // Legend.
        p.setFont(pixelFont(10));
        const QColor lowColor(0x64, 0x95, 0xed), highColor(0xf4, 0xa4, 0x60);
        p.fillRect(QRectF(left, 26, 12, 10), lowColor);
        p.drawText(QPointF(left + 16, 35),
                   QStringLiteral("factor ×%1").arg(1 - data.options.sensitivityRange, 0, 'f', 1));
        p.fillRect(QRectF(left + 110, 26, 12, 10), highColor);
        p.drawText(QPointF(left + 126, 35),
                   QStringLiteral("factor ×%1").arg(1 + data.options.sensitivityRange, 0, 'f', 1));
        p.setPen(QPen(Qt::red, 1.2, Qt::DashLine));
        p.drawLine(QPointF(left + 230, 31), QPointF(left + 250, 31));
        p.setPen(Qt::black);
        p.drawText(QPointF(left + 254, 35), QStringLiteral("advantage 0: the verdict flips"));
        for (int i = 0; i < rows; ++i) {
            const sim::SensitivityFactor &f = s.factors[std::size_t(i)];
            const double y = top + i * rowH;
            const double base = xOf(*s.baseAdvantage);
            auto end = [&](std::optional<double> a, bool fails) {
                return a ? xOf(*a) : (fails ? left : right);
            };
            const double xl = end(f.advantageLow, f.recommendedFailsLow);
            const double xh = end(f.advantageHigh, f.recommendedFailsHigh);
            const double barH = rowH * 0.62;
            p.fillRect(QRectF(QPointF(std::min(base, xl), y + (rowH - barH) / 2),
                              QSizeF(std::fabs(xl - base), barH)),
                       lowColor);
            p.fillRect(QRectF(QPointF(std::min(base, xh), y + (rowH - barH) / 2),
                              QSizeF(std::fabs(xh - base), barH)),
                       highColor);
            p.setPen(Qt::black);
            p.setFont(pixelFont(10.5));
            const QFontMetricsF fm(p.font());
            p.drawText(QRectF(0, y, left - 6, rowH), Qt::AlignRight | Qt::AlignVCenter,
                       fm.elidedText(f.label, Qt::ElideMiddle, left - 8));
            QStringList flips;
            if (f.flipBelow) flips << QStringLiteral("×%1").arg(*f.flipBelow, 0, 'f', 2);
            if (f.flipAbove) flips << QStringLiteral("×%1").arg(*f.flipAbove, 0, 'f', 2);
            p.setFont(pixelFont(10, !flips.isEmpty()));
            p.drawText(QRectF(right + 6, y, w - right - 6, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                       flips.isEmpty()
                           ? QStringLiteral("holds ×%1–×%2")
                                 .arg(f.searchedBelow, 0, 'f', 1)
                                 .arg(f.searchedAbove, 0, 'f', 1)
                           : QStringLiteral("flips at ") + flips.join(QStringLiteral(", ")));
            // A factor that changes nothing in the range still shows where it sits.
            if (std::fabs(xl - base) < 1 && std::fabs(xh - base) < 1) {
                p.setPen(QPen(QColor(0x70, 0x70, 0x70), 2));
                p.drawLine(QPointF(base - 3, y + rowH / 2), QPointF(base + 3, y + rowH / 2));
            }
        }
        // Axis, the base line and the flip line.
        p.setPen(QPen(Qt::black, 1));
        p.drawLine(QPointF(left, bottom), QPointF(right, bottom));
        p.setFont(pixelFont(9.5));
        for (int t = 0; t <= 4; ++t) {
            const double v = lo + (hi - lo) * t / 4;
            p.drawLine(QPointF(xOf(v), bottom), QPointF(xOf(v), bottom + 4));
            p.drawText(QRectF(xOf(v) - 50, bottom + 5, 100, 14), Qt::AlignCenter, money(v));
        }
        p.drawText(QRectF(left, bottom + 20, right - left, 16), Qt::AlignCenter,
                   QStringLiteral("%1's monthly cost advantage (analytic plans)").arg(rec));
        p.setPen(QPen(Qt::black, 1.2));
        p.drawLine(QPointF(xOf(*s.baseAdvantage), top - 4), QPointF(xOf(*s.baseAdvantage), bottom));
        p.setPen(QPen(Qt::red, 1.4, Qt::DashLine));
        p.drawLine(QPointF(xOf(0), top - 4), QPointF(xOf(0), bottom));
        p.restore();
    };
}

Picture variantDiagram(const ReportData &data, int index) {
    return [&data, index](QPainter &p, const QSizeF &size) {
        const Variant &v = data.variants[index];
        const sim::LoadResult &des = data.comparison.variants[std::size_t(index)].des;
        auto utilization = [&](const QString &unit) -> std::optional<double> {
            for (const sim::UnitResult &u : des.units)
                if (u.id == unit) return u.utilization;
            return std::nullopt;
        };
        auto card = [](const Component &c) {
            return QRectF(c.x, c.y, c.width.value_or(130), c.height.value_or(52));
        };
        QRectF bounds;
        for (const Component &c : v.components)
            bounds = bounds.isNull() ? card(c) : bounds.united(card(c));
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
        if (bounds.isNull()) {
            p.restore();
            return;
        }
        bounds.adjust(-24, -34, 24, 24);
        const double legendH = 22;
        const double scale =
            std::min(size.width() / bounds.width(), (size.height() - legendH) / bounds.height());
        p.translate((size.width() - bounds.width() * scale) / 2, legendH);
        p.scale(scale, scale);
        p.translate(-bounds.topLeft());

        // Units as boxes around their cards (units with several components, or named).
        for (const Unit &u : v.units) {
            QRectF box;
            int members = 0;
            for (const Component &c : v.components)
                if (c.unit == u.id) {
                    box = box.isNull() ? card(c) : box.united(card(c));
                    ++members;
                }
            if (box.isNull() || (members < 2 && u.implicit)) continue;
            box.adjust(-12, -26, 12, 12);
            p.setPen(QPen(QColor(0x60, 0x60, 0x60), 1.2, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(box, 8, 8);
            p.setPen(QColor(0x30, 0x30, 0x30));
            p.setFont(pixelFont(12, true));
            const auto ut = utilization(u.id);
            p.drawText(box.adjusted(8, 4, -8, 0), Qt::AlignLeft | Qt::AlignTop,
                       QStringLiteral("%1 ×%2%3")
                           .arg(u.name.isEmpty() ? u.id : u.name)
                           .arg(u.replicas)
                           .arg(ut ? QStringLiteral("  ρ %1").arg(*ut, 0, 'f', 2) : QString()));
        }
        // Connections, centre to centre, with an arrow head at the callee's border.
        for (const Connection &c : v.connections) {
            const Component *from = v.findComponent(c.from);
            const Component *to = v.findComponent(c.to);
            if (!from || !to) continue;
            const QRectF a = card(*from), b = card(*to);
            QLineF line(a.center(), b.center());
            // Clip at the callee's card border.
            const double dx = line.dx(), dy = line.dy();
            const double tx = dx != 0 ? (b.width() / 2) / std::fabs(dx) : 1e9;
            const double ty = dy != 0 ? (b.height() / 2) / std::fabs(dy) : 1e9;
            const double t = std::min({tx, ty, 1.0});
            const QPointF tip = b.center() - QPointF(dx * t, dy * t);
            line.setP2(tip);
            p.setPen(QPen(QColor(0x50, 0x50, 0x50), 1.3,
                          c.mode == CallMode::Async ? Qt::DashLine : Qt::SolidLine));
            p.drawLine(line);
            const double angle = std::atan2(dy, dx);
            QPainterPath head;
            head.moveTo(tip);
            head.lineTo(tip - QPointF(9 * std::cos(angle - 0.4), 9 * std::sin(angle - 0.4)));
            head.lineTo(tip - QPointF(9 * std::cos(angle + 0.4), 9 * std::sin(angle + 0.4)));
            head.closeSubpath();
            p.fillPath(head, QColor(0x50, 0x50, 0x50));
        }
        // Cards, coloured by their unit's utilisation.
        for (const Component &c : v.components) {
            const QRectF r = card(c);
            const auto ut = utilization(c.unit);
            p.setPen(QPen(QColor(0x40, 0x40, 0x40), 1.2));
            p.setBrush(ut ? utilizationColor(*ut) : QColor(0xee, 0xee, 0xee));
            p.drawRoundedRect(r, 6, 6);
            p.setPen(Qt::black);
            p.setFont(pixelFont(12, true));
            const QFontMetricsF fm(p.font());
            const QString name = c.name.isEmpty() ? c.id : c.name;
            p.drawText(r.adjusted(5, 4, -5, -r.height() / 2), Qt::AlignCenter,
                       fm.elidedText(name, Qt::ElideRight, r.width() - 10));
            p.setFont(pixelFont(10.5));
            p.drawText(r.adjusted(5, r.height() / 2, -5, -3), Qt::AlignCenter,
                       QStringLiteral("%1%2")
                           .arg(enumName(c.kind))
                           .arg(c.serviceTimeMs > 0
                                    ? QStringLiteral(" · %1 ms").arg(c.serviceTimeMs)
                                    : QString()));
        }
        p.restore();
        // Legend, in the picture's own coordinates.
        p.save();
        p.setFont(pixelFont(11));
        double x = 4;
        for (auto [u, text] : {std::pair{0.3, QStringLiteral("utilisation < 0.6")},
                               std::pair{0.7, QStringLiteral("0.6 – 0.85")},
                               std::pair{0.9, QStringLiteral("≥ 0.85")},
                               std::pair{-1.0, QStringLiteral("not loaded")}}) {
            p.setPen(QColor(0x40, 0x40, 0x40));
            p.setBrush(u < 0 ? QColor(0xee, 0xee, 0xee) : utilizationColor(u));
            p.drawRect(QRectF(x, 4, 14, 12));
            p.setPen(Qt::black);
            p.drawText(QPointF(x + 18, 15), text);
            x += 30 + QFontMetricsF(p.font()).horizontalAdvance(text);
        }
        p.drawText(QPointF(x + 10, 15),
                   QStringLiteral("ρ: DES utilisation at %1/s; dashed arrows: async")
                       .arg(data.comparison.variants[std::size_t(index)].ratePerSec, 0, 'f', 0));
        p.restore();
    };
}

} // namespace archsim::report
