// SPDX-License-Identifier: GPL-3.0-or-later
// File → Export Report: the report's options (variants, target load, SLO, replications,
// break-even range), the output file, and the studies behind it on a worker thread with a
// progress bar and Cancel. Part of the app's UI library; the report itself is ui/report's.
#pragma once

#include "ui/report/reportstudy.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace archsim::ui {

class ProjectDocument;
class StudyRunner;

class ReportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReportDialog(ProjectDocument *document, QWidget *parent = nullptr);
    // The output file; the Browse button sets it too (tests set it directly).
    void setOutputPath(const QString &path);
    QString outputPath() const;
    bool isRunning() const;

signals:
    void exported(const QString &path); // the file is written
    void failed(const QString &message);

private:
    void browse();
    void start();
    void finish(bool cancelled);
    report::ReportOptions readOptions(QString *error) const;

    ProjectDocument *m_document;
    StudyRunner *m_runner;
    QListWidget *m_variants;
    QDoubleSpinBox *m_rate, *m_p99, *m_errorRate, *m_availability, *m_from, *m_to;
    QSpinBox *m_steps, *m_replications;
    QCheckBox *m_desPlans;
    QLineEdit *m_output;
    QPushButton *m_exportButton, *m_cancelButton, *m_closeButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTimer *m_poll;
    std::shared_ptr<report::ReportData> m_pending;
    QString m_writing;
};

// Adds File → Export Report… (object name "exportReport") to MENU.
void addReportAction(QMenu *menu, QWidget *window, ProjectDocument *document);

} // namespace archsim::ui
