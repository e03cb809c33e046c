// SPDX-License-Identifier: GPL-3.0-or-later
// File > Import Traces: reads trace exports on a worker thread (progress, cancel), adds the
// calibrated variant to the project and shows it; optionally laid over a designed variant, with
// the designed-versus-observed table.
#pragma once

#include "model/traces/designdiff.h"
#include "model/traces/traceimport.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace archsim::ui {

class ProjectDocument;
class StudyRunner;

class ImportTracesDialog : public QDialog {
    Q_OBJECT
public:
    ImportTracesDialog(ProjectDocument *document, QWidget *parent = nullptr);
    void setFiles(const QStringList &paths);
    void setDesigned(const QString &variantName); // empty: a new variant on its own
    QTableWidget *differencesTable() const { return m_table; }

public slots:
    void import();

signals:
    void imported(bool ok);
    // Elements of the shown variant to highlight on the canvas: every difference after an
    // import into a design, one row's when it is clicked.
    void highlight(const QStringList &components, const QStringList &connectionKeys);

private:
    void finish(bool cancelled);

    ProjectDocument *m_document;
    StudyRunner *m_runner;
    QListWidget *m_files;
    QComboBox *m_format;
    QDoubleSpinBox *m_sampling;
    QCheckBox *m_compare;
    QComboBox *m_designed;
    QDoubleSpinBox *m_threshold;
    QPushButton *m_importButton, *m_cancelButton;
    QProgressBar *m_progress;
    QTimer *m_poll;
    QLabel *m_summary;
    QTableWidget *m_table;
    std::shared_ptr<traces::ImportResult> m_pending;
    QList<std::pair<QStringList, QStringList>> m_rowElements; // per difference row
};

} // namespace archsim::ui
