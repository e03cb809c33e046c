// SPDX-License-Identifier: GPL-3.0-or-later
// The report as an ordered list of blocks — pieces of HTML and pictures — that both the PDF and
// the HTML writer lay out, so the two files say the same thing in the same order. Every name
// from the model is HTML-escaped here.
#pragma once

#include "ui/report/reportcharts.h"
#include "ui/report/reportverdict.h"

namespace archsim::report {

struct ReportBlock {
    QString html;    // a piece of HTML; empty for a picture
    Picture picture; // drawn at `size` (device-independent pixels, 96 per inch)
    QSizeF size;
    QString caption;      // the picture's alt text
    bool newPage = false; // start on a new page (PDF)
};

struct ReportDocument {
    QString title;
    std::vector<ReportBlock> blocks;
};

// The width of the content area (A4 less 15 mm margins) in device-independent pixels.
inline constexpr double kContentWidth = 680;

// Builds the report's blocks from DATA (which must outlive the document: the pictures read it).
ReportDocument buildReportDocument(const ReportData &data);

} // namespace archsim::report
