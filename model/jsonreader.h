// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the .json interchange format (interfaces.md) into a Project, reporting every problem
// with its JSON path; unknown fields are kept in the elements' `extra` and reported as warnings.
#pragma once

#include "model/problem.h"
#include "model/project.h"

#include <QByteArray>

namespace archsim {

struct ReadResult {
    Project project;
    ProblemList problems; // errors mean the project is incomplete and must not be saved
    bool ok() const { return !hasErrors(problems); }
};

ReadResult readProjectJson(const QByteArray &data);

} // namespace archsim
