// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportwriter.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include <cmath>
#include <memory>

namespace archsim::report {

namespace {

// Shared by both outputs; QTextDocument understands this subset of CSS.
const char *kStyle = "body { font-family: sans-serif; font-size: 9.5pt; color: #111; } "
                     "h1 { font-size: 17pt; color: #1f3b57; } "
                     "h2 { font-size: 13.5pt; color: #1f3b57; margin-top: 10px; } "
                     "h3 { font-size: 11pt; margin-top: 8px; } "
                     "th { text-align: left; } td, th { font-size: 8.5pt; } ";

// The PDF works in device-independent pixels (96 per inch) so that text, Qt Charts and the
// pictures drawn by hand share one scale; the output is vector all the same.
constexpr int kResolution = 96;

std::unique_ptr<QTextDocument> textBlock(const QString &html, QPaintDevice *device, double width) {
    auto doc = std::make_unique<QTextDocument>();
    doc->documentLayout()->setPaintDevice(device);
    QFont font;
    font.setPointSizeF(9.5);
    doc->setDefaultFont(font);
    doc->setDefaultStyleSheet(QString::fromLatin1(kStyle));
    doc->setDocumentMargin(2);
    doc->setHtml(html);
    doc->setTextWidth(width);
    return doc;
}

QString csvField(const QString &s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) &&
        !s.contains(QLatin1Char('\n')) && !s.contains(QLatin1Char('\r')))
        return s;
    QString q = s;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

// Shortest text that reads back as the same double (what QJsonDocument writes too).
QString number(double x) {
    return QString::number(x, 'g', QLocale::FloatingPointShortest);
}

QString jsonCell(const QJsonValue &v) {
    if (v.isDouble()) return number(v.toDouble());
    if (v.isString()) return v.toString();
    if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString();
}

} // namespace

QString writePdf(const ReportDocument &document, const QString &out, int *pageCount) {
    QPdfWriter writer(out);
    writer.setResolution(kResolution);
    writer.setTitle(document.title);
    writer.setCreator(QStringLiteral("ArchSim"));
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(15, 14, 15, 16), QPageLayout::Millimeter));
    const QRectF page = writer.pageLayout().paintRectPixels(kResolution);
    const double width = page.width(), footer = 18, height = page.height() - footer;

    // Pass 1: where every block goes, so the footer can say "page n of m".
    struct Placed {
        int page = 0;
        double y = 0, h = 0;
        std::unique_ptr<QTextDocument> text;
        double scale = 1;
    };
    std::vector<Placed> placed;
    int pageIndex = 0;
    double y = 0;
    for (const ReportBlock &b : document.blocks) {
        Placed p;
        if (!b.html.isEmpty()) {
            p.text = textBlock(b.html, &writer, width);
            p.h = p.text->size().height();
        } else {
            p.scale = std::min(1.0, width / b.size.width());
            p.h = b.size.height() * p.scale;
        }
        if ((b.newPage && y > 0) || (y > 0 && y + std::min(p.h, height) > height)) {
            ++pageIndex;
            y = 0;
        }
        p.page = pageIndex;
        p.y = y;
        y += p.h + 8;
        // A text block taller than a page runs on over the following pages.
        while (y > height && p.h > height) {
            ++pageIndex;
            y -= height;
        }
        placed.push_back(std::move(p));
    }
    const int pages = pageIndex + 1;

    // Pass 2: draw.
    QPainter painter;
    if (!painter.begin(&writer)) return QStringLiteral("%1: cannot write the file").arg(out);
    painter.setRenderHint(QPainter::Antialiasing);
    int current = 0;
    auto drawFooter = [&](int n) {
        painter.save();
        QFont f;
        f.setPixelSize(10);
        painter.setFont(f);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawLine(QPointF(0, height + 4), QPointF(width, height + 4));
        painter.drawText(QRectF(0, height + 6, width, footer - 6), Qt::AlignLeft | Qt::AlignVCenter,
                         document.title);
        painter.drawText(QRectF(0, height + 6, width, footer - 6),
                         Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("page %1 of %2").arg(n + 1).arg(pages));
        painter.restore();
    };
    for (std::size_t i = 0; i < document.blocks.size(); ++i) {
        const ReportBlock &b = document.blocks[i];
        Placed &p = placed[i];
        while (current < p.page) {
            drawFooter(current);
            writer.newPage();
            ++current;
        }
        painter.save();
        painter.translate(0, p.y);
        if (p.text) {
            // Runs over several pages when taller than one: each page shows the next slice.
            double shown = 0;
            double room = height - p.y;
            while (true) {
                painter.save();
                painter.setClipRect(QRectF(0, 0, width, room));
                painter.translate(0, -shown);
                p.text->drawContents(&painter, QRectF(0, shown, width, room));
                painter.restore();
                shown += room;
                if (shown >= p.h) break;
                painter.restore();
                drawFooter(current);
                writer.newPage();
                ++current;
                painter.save();
                room = height;
            }
        } else {
            painter.scale(p.scale, p.scale);
            painter.setClipRect(QRectF(QPointF(0, 0), b.size));
            b.picture(painter, b.size);
        }
        painter.restore();
    }
    drawFooter(current);
    painter.end();
    if (pageCount) *pageCount = current + 1;
    return QString();
}

QString writeHtml(const ReportDocument &document, const QString &out) {
    QString body;
    for (const ReportBlock &b : document.blocks) {
        if (!b.html.isEmpty()) {
            body += b.html + QLatin1Char('\n');
            continue;
        }
        // Twice the layout size keeps charts sharp on high-density screens.
        QImage image((b.size * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            painter.scale(2, 2);
            b.picture(painter, b.size);
        }
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        body += QStringLiteral("<figure><img width=\"%1\" alt=\"%2\" "
                               "src=\"data:image/png;base64,%3\"></figure>\n")
                    .arg(int(b.size.width()))
                    .arg(b.caption.toHtmlEscaped(), QString::fromLatin1(png.toBase64()));
    }
    const QString html =
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<title>%1</title><style>%2 body { max-width: 900px; margin: 2em auto; } "
                       "table { border-collapse: collapse; } figure { margin: 1em 0; } "
                       "img { max-width: 100%; height: auto; }</style></head>\n<body>\n%3"
                       "</body></html>\n")
            .arg(document.title.toHtmlEscaped(), QString::fromLatin1(kStyle), body);
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: cannot write the file").arg(out);
    file.write(html.toUtf8());
    if (!file.commit()) return QStringLiteral("%1: cannot write the file").arg(out);
    return QString();
}

QByteArray reportCsv(const ReportData &data) {
    QStringList lines{QStringLiteral("section,metric,subject,variant,value,unit,engine,ci95Low,"
                                     "ci95High,better,significant")};
    auto line = [&](const QStringList &fields) {
        QStringList quoted;
        for (const QString &f : fields)
            quoted << csvField(f);
        lines << quoted.join(QLatin1Char(','));
    };
    QStringList names;
    for (const Variant &v : data.variants)
        names << v.name;
    for (const QJsonValue &rv : data.compareJson.value(QStringLiteral("rows")).toArray()) {
        const QJsonObject r = rv.toObject();
        const QString metric = r.value(QStringLiteral("metric")).toString();
        const QJsonArray values = r.value(QStringLiteral("values")).toArray();
        const QJsonArray ci = r.value(QStringLiteral("ci95")).toArray();
        for (int v = 0; v < values.size(); ++v)
            line({QStringLiteral("compare"), metric, r.value(QStringLiteral("workload")).toString(),
                  names.value(v), jsonCell(values[v]), metricUnit(metric),
                  r.value(QStringLiteral("engine")).toString(),
                  ci.isEmpty() ? QString() : jsonCell(ci[v].toArray().at(0)),
                  ci.isEmpty() ? QString() : jsonCell(ci[v].toArray().at(1)),
                  r.value(QStringLiteral("better")).toString(),
                  jsonCell(r.value(QStringLiteral("significant")))});
    }
    for (std::size_t i = 0; i < data.plans.size(); ++i) {
        const sim::PlanResult &p = data.plans[i];
        line({QStringLiteral("verdict"),
              QStringLiteral("recommended"),
              QString(),
              p.variant,
              int(i) == data.recommended ? QStringLiteral("1") : QStringLiteral("0"),
              QStringLiteral("flag"),
              QStringLiteral("des"),
              {},
              {},
              {},
              {}});
        line({QStringLiteral("plan"),
              QStringLiteral("costPerMonth"),
              QString(),
              p.variant,
              p.feasible ? number(p.costPerMonth) : QString(),
              QStringLiteral("USD/month"),
              p.desChecked ? QStringLiteral("des") : QStringLiteral("analytic"),
              {},
              {},
              {},
              {}});
        for (const sim::PlanUnit &u : p.units)
            line({QStringLiteral("plan"),
                  QStringLiteral("replicas"),
                  u.id,
                  p.variant,
                  QString::number(u.replicas),
                  QStringLiteral("count"),
                  p.desChecked ? QStringLiteral("des") : QStringLiteral("analytic"),
                  {},
                  {},
                  {},
                  {}});
    }
    const QString rec =
        data.sensitivity.recommended >= 0 ? names.value(data.sensitivity.recommended) : QString();
    for (const sim::SensitivityFactor &f : data.sensitivity.factors) {
        auto opt = [](std::optional<double> x) { return x ? number(*x) : QString(); };
        const QString subject = f.label;
        line({QStringLiteral("sensitivity"),
              QStringLiteral("advantageAtLow"),
              subject,
              rec,
              opt(f.advantageLow),
              QStringLiteral("USD/month"),
              QStringLiteral("analytic"),
              {},
              {},
              {},
              {}});
        line({QStringLiteral("sensitivity"),
              QStringLiteral("advantageAtHigh"),
              subject,
              rec,
              opt(f.advantageHigh),
              QStringLiteral("USD/month"),
              QStringLiteral("analytic"),
              {},
              {},
              {},
              {}});
        line({QStringLiteral("sensitivity"),
              QStringLiteral("flipsBelow"),
              subject,
              f.flipToBelow,
              opt(f.flipBelow),
              QStringLiteral("factor"),
              QStringLiteral("analytic"),
              {},
              {},
              {},
              {}});
        line({QStringLiteral("sensitivity"),
              QStringLiteral("flipsAbove"),
              subject,
              f.flipToAbove,
              opt(f.flipAbove),
              QStringLiteral("factor"),
              QStringLiteral("analytic"),
              {},
              {},
              {},
              {}});
    }
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

QString writeCsv(const ReportData &data, const QString &out) {
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: cannot write the file").arg(out);
    file.write(reportCsv(data));
    if (!file.commit()) return QStringLiteral("%1: cannot write the file").arg(out);
    return QString();
}

QString writeReport(const ReportData &data, const QString &out) {
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (suffix == QLatin1String("csv")) return writeCsv(data, out);
    if (suffix == QLatin1String("pdf")) return writePdf(buildReportDocument(data), out);
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return writeHtml(buildReportDocument(data), out);
    return QStringLiteral("%1: a report is written as .pdf, .html or .csv").arg(out);
}

} // namespace archsim::report
