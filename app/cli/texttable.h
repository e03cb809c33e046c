// SPDX-License-Identifier: GPL-3.0-or-later
// A plain-text table with aligned columns, for the CLI's human-readable output.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace archsim::cli {

class TextTable {
public:
    explicit TextTable(QStringList header)
        : m_header(std::move(header)) {}
    void addRow(QStringList cells) { m_rows << std::move(cells); }
    // Columns after the first are right-aligned when every cell in them is a number.
    void print(QTextStream &out) const;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};

} // namespace archsim::cli
