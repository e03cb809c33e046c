-- The schema version 1 project-file fixture: `sqlite3 shop-v1.archsim < shop-v1.sql`.
-- Kept (with the built file) so every later schema is tested to migrate version 1 forward.

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

-- Data: a small project as ArchSim 0.1 (schema version 1) saved it.
INSERT INTO project_info VALUES ('name', 'Legacy shop');
INSERT INTO variant (id, position, name, description, extra) VALUES (1, 0, 'Classic', 'Saved by schema version 1', NULL);
INSERT INTO layer VALUES (1, 0, 'edge', 'Edge', NULL), (1, 1, 'data', 'Data', NULL);
INSERT INTO unit (variant_id, position, "id", "name", "replicas", "threads", "cores", "queueCapacity", "policy", "zones", "mtbfHours", "mttrMinutes", "costPerHour", "autoscaleMin", "autoscaleMax", "autoscaleTargetUtilization", implicit, extra) VALUES
  (1, 0, 'app', 'Application', 2, 8, 4, 100, 'least-outstanding', '["a","b"]', 720, 10, 0.2, NULL, NULL, NULL, 0, NULL),
  (1, 1, 'db', 'Database', 1, 20, NULL, NULL, 'round-robin', '["a"]', 2000, 30, 0.5, NULL, NULL, NULL, 0, NULL),
  (1, 2, 'web', NULL, 1, 1, NULL, NULL, 'round-robin', '[]', NULL, 0, 0, NULL, NULL, NULL, 1, NULL);
INSERT INTO component VALUES
  (1, 0, 'web', 'Browser', 'client', 'edge', 'web', 0, 'exponential', 1, 0, NULL),
  (1, 1, 'api', 'API', 'service', 'edge', 'app', 4, 'lognormal', 0.5, 0, '{"owner":"team-a"}'),
  (1, 2, 'db', 'Database', 'database', 'data', 'db', 2, 'exponential', 1, 0, NULL);
INSERT INTO connection VALUES
  (1, 0, NULL, 'web', 'api', 'sync', 1, 0, 0, 0, 0, 0, 0, 5000, 0, NULL, NULL),
  (1, 1, NULL, 'api', 'db', 'sync', 2, 1, 500, 2, 50, 0.2, 0, 5000, 0, NULL, NULL);
INSERT INTO workload VALUES (1, 0, 'browse', 'web', 100, NULL, 0, 'constant', NULL, 0, 0, 86400, NULL);
INSERT INTO scenario VALUES (1, 0, 'db-crash', NULL);
INSERT INTO scenario_event VALUES (1, 0, 0, 10, 'crash', 30, 'db', NULL, NULL, NULL, 1, 0, 1, NULL);
INSERT INTO layout VALUES (1, 'component', 0, 'web', 100, 40), (1, 'component', 1, 'api', 100, 160), (1, 'component', 2, 'db', 100, 280);
PRAGMA application_id = 1098011501;
PRAGMA user_version = 1;
