// SPDX-License-Identifier: GPL-3.0-or-later
// Validation that follows edits: after a change only the touched elements, and those whose
// references changed meaning, are checked again; the result equals validateProject's.
#pragma once

#include "model/problem.h"
#include "model/project.h"

#include <memory>
#include <vector>

namespace archsim {

class IncrementalValidator {
public:
    // The parts of a variant an edit may have changed.
    enum Part {
        Name = 1,
        Layers = 2,
        Units = 4,
        Components = 8,
        Connections = 16,
        Workloads = 32,
        Scenarios = 64,
        Everything = 127
    };

    IncrementalValidator();
    ~IncrementalValidator();
    IncrementalValidator(const IncrementalValidator &) = delete;
    IncrementalValidator &operator=(const IncrementalValidator &) = delete;

    // Marks PARTS of variant VARIANT as possibly changed since the last update.
    void touch(int variant, int parts = Everything);
    // Marks every part of every variant (variants added, removed or reordered).
    void touchAll();
    // Exact edits of one list (PART: Layers ... Scenarios), told as they happen: cheaper than
    // touch(), which compares the whole list. INDEX is the element's place in V after an insert
    // or a change, and before a removal.
    void inserted(int variant, Part part, int index, const Variant &v);
    void changed(int variant, Part part, int index, const Variant &v);
    void removed(int variant, Part part, int index);
    // Brings the problems in line with PROJECT and returns them. Only touched parts are
    // compared with what was checked before; an untouched part must not have changed.
    const ProblemList &update(const Project &project);
    const ProblemList &problems() const { return m_problems; }
    // Elements checked again by the last update (the benchmark prints it).
    int lastRechecked() const { return m_rechecked; }

private:
    struct VariantState;
    template <class F> void exactEdit(int variant, Part part, F &&f);

    std::vector<std::unique_ptr<VariantState>> m_variants;
    std::vector<int> m_touched; // per variant
    bool m_allTouched = true;
    ProblemList m_problems;
    int m_rechecked = 0;
};

} // namespace archsim
