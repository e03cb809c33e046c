// SPDX-License-Identifier: GPL-3.0-or-later
// tst_model: the model module's test suites, run one after another.
#include "incrementalvalidationtest.h"
#include "jsonformattest.h"
#include "projectstoretest.h"
#include "validationtest.h"

#include <QCoreApplication>
#include <QTest>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    int failed = 0;
    {
        ValidationTest t;
        failed += QTest::qExec(&t, argc, argv);
    }
    {
        IncrementalValidationTest t;
        failed += QTest::qExec(&t, argc, argv);
    }
    {
        JsonFormatTest t;
        failed += QTest::qExec(&t, argc, argv);
    }
    {
        ProjectStoreTest t;
        failed += QTest::qExec(&t, argc, argv);
    }
    return failed == 0 ? 0 : 1;
}
