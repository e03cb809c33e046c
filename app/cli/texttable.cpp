// SPDX-License-Identifier: GPL-3.0-or-later
#include "texttable.h"

namespace archsim::cli {

void TextTable::print(QTextStream &out) const {
    const int columns = int(m_header.size());
    QList<int> widths(columns, 0);
    QList<bool> numeric(columns, true);
    for (int c = 0; c < columns; ++c)
        widths[c] = int(m_header[c].size());
    for (const QStringList &row : m_rows) {
        for (int c = 0; c < columns && c < row.size(); ++c) {
            widths[c] = std::max(widths[c], int(row[c].size()));
            bool ok = false;
            row[c].toDouble(&ok);
            numeric[c] = numeric[c] && (ok || row[c] == QLatin1String("-"));
        }
    }
    auto line = [&](const QStringList &cells) {
        QStringList parts;
        for (int c = 0; c < columns; ++c) {
            const QString cell = cells.value(c);
            parts << ((c > 0 && numeric[c]) ? cell.rightJustified(widths[c])
                                            : cell.leftJustified(widths[c]));
        }
        out << parts.join(QStringLiteral("  ")).trimmed() << '\n';
    };
    line(m_header);
    QStringList rule;
    for (int w : widths)
        rule << QString(w, QLatin1Char('-'));
    out << rule.join(QStringLiteral("  ")) << '\n';
    for (const QStringList &row : m_rows)
        line(row);
    out.flush();
}

} // namespace archsim::cli
