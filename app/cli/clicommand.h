// SPDX-License-Identifier: GPL-3.0-or-later
// One archsim-cli command (validate, convert, analyze, ...): its options and what it does.
#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

class QCommandLineParser;

namespace archsim::cli {

// Exit codes of interfaces.md.
enum ExitCode { kExitOk = 0, kExitInputError = 1, kExitUsage = 2 };

// What a command sees of the process: its parsed command line and the two output streams.
struct CliContext {
    const QCommandLineParser &parser;
    QStringList arguments; // positional arguments after the command name
    QTextStream &out;
    QTextStream &err;
    bool json = false; // --json: one JSON document on stdout and nothing else there
    QString variant;   // --variant NAME, empty for the first
};

class CliCommand {
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    virtual QString synopsis() const = 0; // the positional arguments, e.g. "FILE" or "IN OUT"
    virtual int positionalCount() const { return 1; }
    virtual QList<QCommandLineOption> options() const { return {}; }
    virtual int run(CliContext &context) = 0;
};

} // namespace archsim::cli
