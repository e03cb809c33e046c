// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandregistry.h"

#include "analyzecommand.h"
#include "backtestcommand.h"
#include "calibratecommand.h"
#include "comparecommand.h"
#include "convertcommand.h"
#include "derivecommand.h"
#include "failurescommand.h"
#include "infocommand.h"
#include "mergecommand.h"
#include "plancommand.h"
#include "reportcommand.h"
#include "simulatecommand.h"
#include "sweepcommand.h"
#include "validatecommand.h"

namespace archsim::cli {

std::vector<std::unique_ptr<CliCommand>> createCommands() {
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<ValidateCommand>());
    commands.push_back(std::make_unique<ConvertCommand>());
    commands.push_back(std::make_unique<InfoCommand>());
    commands.push_back(std::make_unique<AnalyzeCommand>());
    commands.push_back(std::make_unique<SimulateCommand>());
    commands.push_back(std::make_unique<SweepCommand>());
    commands.push_back(std::make_unique<FailuresCommand>());
    commands.push_back(std::make_unique<CompareCommand>());
    commands.push_back(std::make_unique<DeriveCommand>());
    commands.push_back(std::make_unique<PlanCommand>());
    commands.push_back(std::make_unique<ReportCommand>());
    commands.push_back(std::make_unique<MergeCommand>());
    commands.push_back(std::make_unique<CalibrateCommand>());
    commands.push_back(std::make_unique<BacktestCommand>());
    return commands;
}

} // namespace archsim::cli
