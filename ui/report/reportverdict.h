// SPDX-License-Identifier: GPL-3.0-or-later
// The report's words and numbers: the verdict sentences (which variant to pick for the target
// load and what it costs, where the other wins, what would flip it), and how values, money,
// rates, units and the SLO are written — shared by the document, the CSV and the dialog.
#pragma once

#include "ui/report/reportstudy.h"

namespace archsim::report {

QStringList verdictSentences(const ReportData &data);

// A table value as the report prints it (the same rounding as the Compare window).
QString formatValue(const QJsonValue &value, const QString &metric);

// The unit of a comparison metric ("ms", "USD/month", ...), as written in the CSV and tables.
QString metricUnit(const QString &metric);

QString formatMoney(double dollars); // "$1020", "−$14"
QString formatRate(double perSec);   // "250/s"
QString sloText(const sim::Slo &slo);

} // namespace archsim::report
