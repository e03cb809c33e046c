// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/projectschema.h"

namespace archsim {

// Column names are the interchange format's field names, so one field list serves both formats.
// Model elements reference each other by id without foreign keys: a design being edited may
// hold a broken reference, and saving it must not fail or lose it. Foreign keys tie every row to
// its variant, so deleting a variant removes all of it.
static const char kVersion1[] = R"sql(
CREATE TABLE project_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE variant (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  extra TEXT);
CREATE TABLE layer (
  variant_id INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  "id" TEXT, "name" TEXT, extra TEXT,
  PRIMARY KEY (variant_id, position));
CREATE TABLE unit (
  variant_id INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  "id" TEXT, "name" TEXT, "replicas" INTEGER, "threads" INTEGER, "cores" INTEGER,
  "queueCapacity" INTEGER, "policy" TEXT, "zones" TEXT, "mtbfHours" REAL, "mttrMinutes" REAL,
  "costPerHour" REAL, "autoscaleMin" INTEGER, "autoscaleMax" INTEGER,
  "autoscaleTargetUtilization" REAL,
  implicit INTEGER NOT NULL DEFAULT 0, extra TEXT,
  PRIMARY KEY (variant_id, position));
CREATE TABLE component (
  variant_id INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  "id" TEXT, "name" TEXT, "kind" TEXT, "layer" TEXT, "unit" TEXT, "serviceTimeMs" REAL,
  "distribution" TEXT, "cv" REAL, "hitRatio" REAL, extra TEXT,
  PRIMARY KEY (variant_id, position));
CREATE TABLE connection (
  variant_id INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  "id" TEXT, "from" TEXT, "to" TEXT, "mode" TEXT, "calls" REAL, "latencyMs" REAL,
  "timeoutMs" REAL, "retries" INTEGER, "retryBackoffMs" REAL, "retryJitter" REAL,
  "breakerThreshold" INTEGER, "breakerOpenMs" REAL, "optional" INTEGER, "parallelGroup" TEXT,
  extra TEXT,
  PRIMARY KEY (variant_id, position));
CREATE TABLE workload (
  variant_id INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  "name" TEXT, "entry" TEXT, "ratePerSec" REAL, "users" INTEGER, "thinkTimeMs" REAL,
  "pattern" TEXT, "toRatePerSec" REAL, "atSec" REAL, "forSec" REAL, "periodSec" REAL,
  extra TEXT,
  PRIMARY KEY (variant_id, position));
CREATE TABLE scenario (
  variant_id INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  "name" TEXT, extra TEXT,
  PRIMARY KEY (variant_id, position));
CREATE TABLE scenario_event (
  variant_id INTEGER NOT NULL,
  scenario_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  "atSec" REAL, "action" TEXT, "forSec" REAL, "unit" TEXT, "connection" TEXT, "zone" TEXT,
  "workload" TEXT, "replicas" INTEGER, "latencyMs" REAL, "factor" REAL, extra TEXT,
  PRIMARY KEY (variant_id, scenario_position, position),
  FOREIGN KEY (variant_id, scenario_position) REFERENCES scenario(variant_id, position)
    ON DELETE CASCADE);
-- Diagram geometry lives apart from the model: the engines never read it.
CREATE TABLE layout (
  variant_id INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE,
  element_kind TEXT NOT NULL,
  position INTEGER NOT NULL,
  element_id TEXT,
  x REAL NOT NULL DEFAULT 0, y REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (variant_id, element_kind, position));
)sql";

// Version 2: boxes can be resized, balancers have a health-check delay, and results of past
// runs are kept with the project.
static const char kVersion2[] = R"sql(
ALTER TABLE layout ADD COLUMN width REAL;
ALTER TABLE layout ADD COLUMN height REAL;
ALTER TABLE unit ADD COLUMN "healthCheckMs" REAL NOT NULL DEFAULT 5000;
CREATE TABLE run (
  id INTEGER PRIMARY KEY,
  variant TEXT NOT NULL,
  engine TEXT NOT NULL,
  created_at TEXT NOT NULL,
  parameters TEXT NOT NULL,
  result TEXT NOT NULL);
)sql";

// Version 3: a run records what it was (simulate, sweep, failures), its seed, the program that
// made it, the model revision it ran on and a one-line summary for the Runs panel.
static const char kVersion3[] = R"sql(
ALTER TABLE run ADD COLUMN kind TEXT NOT NULL DEFAULT 'simulate';
ALTER TABLE run ADD COLUMN seed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE run ADD COLUMN program_version TEXT NOT NULL DEFAULT '';
ALTER TABLE run ADD COLUMN model_revision TEXT NOT NULL DEFAULT '';
ALTER TABLE run ADD COLUMN summary TEXT NOT NULL DEFAULT '';
)sql";

// Version 4: a component's measured service-time histogram (the empirical distribution).
static const char kVersion4[] = R"sql(
ALTER TABLE component ADD COLUMN "serviceHistogram" TEXT;
)sql";

// Version 5: the autoscaling controller's timing (issue 14); an older file gets the defaults.
static const char kVersion5[] = R"sql(
ALTER TABLE unit ADD COLUMN "autoscaleSyncPeriodSec" REAL NOT NULL DEFAULT 15;
ALTER TABLE unit ADD COLUMN "autoscaleTolerance" REAL NOT NULL DEFAULT 0.1;
ALTER TABLE unit ADD COLUMN "autoscaleScaleDownWindowSec" REAL NOT NULL DEFAULT 300;
ALTER TABLE unit ADD COLUMN "autoscaleProvisioningSec" REAL NOT NULL DEFAULT 30;
ALTER TABLE unit ADD COLUMN "autoscaleColdStartFactor" REAL NOT NULL DEFAULT 1;
ALTER TABLE unit ADD COLUMN "autoscaleColdStartSec" REAL NOT NULL DEFAULT 60;
)sql";

const QByteArrayList &schemaMigrations() {
    static const QByteArrayList list{QByteArray(kVersion1), QByteArray(kVersion2),
                                     QByteArray(kVersion3), QByteArray(kVersion4),
                                     QByteArray(kVersion5)};
    return list;
}

} // namespace archsim
