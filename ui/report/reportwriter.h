// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a comparison report as PDF (A4, page numbers, vector charts), one self-contained HTML
// file (pictures as data: URIs, no network reference) or CSV (one row per metric × variant).
#pragma once

#include "ui/report/reportdocument.h"

namespace archsim::report {

// By OUT's extension (.pdf, .html/.htm, .csv); returns an error naming the file, empty on
// success. PDF and HTML draw charts, which needs a QApplication (offscreen is enough).
QString writeReport(const ReportData &data, const QString &out);

QString writePdf(const ReportDocument &document, const QString &out, int *pages = nullptr);
QString writeHtml(const ReportDocument &document, const QString &out);
// Columns: section, metric, subject, variant, value, unit, engine, ci95Low, ci95High, better,
// significant. Section "compare" holds every row of compare --json, one line per variant.
QString writeCsv(const ReportData &data, const QString &out);
QByteArray reportCsv(const ReportData &data);

} // namespace archsim::report
