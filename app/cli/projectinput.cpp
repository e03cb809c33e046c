// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectinput.h"

#include "model/projectfile.h"
#include "model/validator.h"

namespace archsim::cli {

std::optional<LoadedProject> loadForCommand(CliContext &context, const QString &path,
                                            bool requireValid) {
    ReadResult read = loadProject(path);
    if (!read.ok()) {
        context.err << formatProblems(read.problems, path) << Qt::endl;
        return std::nullopt;
    }
    LoadedProject loaded;
    loaded.project = std::move(read.project);
    const QList<Variant> &variants = loaded.project.variants;
    if (variants.isEmpty()) {
        context.err << path << ": error: variants: the project has no variant" << Qt::endl;
        return std::nullopt;
    }
    loaded.variantIndex =
        context.variant.isEmpty() ? 0 : loaded.project.variantIndex(context.variant);
    if (loaded.variantIndex < 0) {
        context.err << path << ": error: --variant: no variant \"" << context.variant
                    << "\" (the project has: "
                    << loaded.project.variantNames().join(QStringLiteral(", ")) << ")" << Qt::endl;
        return std::nullopt;
    }
    loaded.variant = &loaded.project.variants[loaded.variantIndex];
    if (requireValid) {
        const ProblemList problems = validateVariant(*loaded.variant, loaded.variantIndex);
        if (hasErrors(problems)) {
            context.err << formatProblems(problems, path) << Qt::endl;
            return std::nullopt;
        }
    }
    return loaded;
}

} // namespace archsim::cli
