#!/usr/bin/env python3
"""Generates resources/examples/shop.json, the bundled online shop, in two variants.

Kept as a script so the two variants stay the same logical design; run it, then
`archsim-cli convert shop.json shop.json` writes it in ArchSim's canonical layout."""
import json, sys

layers = [{"id": "edge", "name": "Edge"}, {"id": "api", "name": "API"},
          {"id": "domain", "name": "Domain"}, {"id": "data", "name": "Data"}]

# id, name, kind, layer, service ms, distribution, cv, x, y
components = [
    ("web", "Web shoppers", "client", "edge", 0, None, None, 80, 40),
    ("backoffice", "Back office", "client", "edge", 0, None, None, 700, 40),
    ("gateway", "API gateway", "gateway", "api", 0.6, "lognormal", 1.0, 380, 160),
    ("users", "Users", "service", "domain", 1.2, "exponential", None, 40, 300),
    ("catalog", "Catalog", "service", "domain", 3, "lognormal", 0.8, 180, 300),
    ("search", "Search", "service", "domain", 12, "lognormal", 1.2, 320, 300),
    ("cart", "Cart", "service", "domain", 2, "exponential", None, 460, 300),
    ("orders", "Orders", "service", "domain", 5, "exponential", None, 600, 300),
    ("payments", "Payments", "service", "domain", 2.5, "exponential", None, 740, 300),
    ("inventory", "Inventory", "service", "domain", 1.5, "exponential", None, 520, 420),
    ("notifications", "Notifications", "service", "domain", 3, "exponential", None, 880, 300),
    ("cache", "Redis cache", "cache", "data", 0.25, "lognormal", 0.5, 120, 560),
    ("db", "Postgres", "database", "data", 2, "exponential", None, 400, 560),
    ("broker", "Message broker", "queue", "data", 0.4, "constant", None, 700, 560),
    ("payment-provider", "Payment provider", "external", "data", 150, "lognormal", 0.6, 900, 560),
]

connections = [
    # from, to, mode, calls, extra
    ("web", "gateway", "sync", 1, {}),
    ("backoffice", "gateway", "sync", 1, {}),
    ("gateway", "users", "sync", 1, {}),            # authenticate every request
    ("gateway", "catalog", "sync", 0.6, {}),        # product pages
    ("gateway", "search", "sync", 0.25, {}),
    ("gateway", "cart", "sync", 0.2, {}),
    ("gateway", "orders", "sync", 0.05, {}),        # checkouts
    ("users", "cache", "sync", 1, {}),              # session lookup
    ("catalog", "cache", "sync", 2, {}),
    ("cache", "db", "sync", 1, {}),                 # only on a miss
    ("search", "db", "sync", 1, {}),
    ("cart", "inventory", "sync", 1, {}),
    ("inventory", "db", "sync", 1, {}),
    ("orders", "inventory", "sync", 1, {}),
    ("orders", "payments", "sync", 1, {}),
    ("orders", "db", "sync", 2, {}),
    ("orders", "broker", "async", 1, {}),
    ("payments", "payment-provider", "sync", 1,
     {"latencyMs": 40, "timeoutMs": 3000, "retries": 1, "retryBackoffMs": 200, "retryJitter": 0.5}),
    ("broker", "notifications", "async", 1, {}),
    ("notifications", "db", "sync", 1, {"optional": True}),
]

# Prices: AWS on-demand, us-east-1, Linux, per instance-hour, as listed in 2024 (check the
# current list before deciding on them; docs/compare.md names them too):
#   c6i.large (2 vCPU, 4 GiB)          0.085   gateway, the larger services
#   c6g.medium (1 vCPU, 2 GiB)         0.034   the smaller services, the broker
#   r6i.xlarge (4 vCPU, 32 GiB)        0.252   a monolith replica: every module's heap and
#                                              caches in one process needs the memory
#   cache.r6g.large (ElastiCache)      0.206   Redis
#   db.r6g.xlarge (RDS PostgreSQL)     0.449   Postgres, single-AZ
# Replica floors (autoscaleMin 2) keep every application unit in two zones; the datastores are
# not scaled by replicas (autoscaleMin = autoscaleMax), except Redis (a primary and a read
# replica today, 1..6 for the planner).
PRICES = "AWS on-demand us-east-1 Linux prices of 2024: c6i.large $0.085/h, c6g.medium " \
         "$0.034/h, r6i.xlarge $0.252/h, ElastiCache cache.r6g.large $0.206/h, RDS " \
         "db.r6g.xlarge $0.449/h."

shared_units = [
    {"id": "gateway-svc", "name": "Gateway", "replicas": 2, "threads": 64, "cores": 2,
     "zones": ["a", "b"], "mtbfHours": 2000, "mttrMinutes": 5, "costPerHour": 0.085,
     "autoscaleMin": 2, "autoscaleMax": 20},
    {"id": "redis", "name": "Redis", "replicas": 2, "threads": 1, "queueCapacity": 5000,
     "zones": ["a", "b"], "mtbfHours": 1500, "mttrMinutes": 15, "costPerHour": 0.206,
     "autoscaleMin": 1, "autoscaleMax": 6},
    {"id": "postgres", "name": "Postgres", "replicas": 1, "threads": 40, "cores": 8,
     "queueCapacity": 2000, "zones": ["a"], "mtbfHours": 4000, "mttrMinutes": 45,
     "costPerHour": 0.449, "autoscaleMin": 1, "autoscaleMax": 1},
    {"id": "rabbitmq", "name": "Broker", "replicas": 2, "threads": 4, "zones": ["a", "b"],
     "mtbfHours": 2000, "mttrMinutes": 20, "costPerHour": 0.034, "autoscaleMin": 2,
     "autoscaleMax": 2},
]
data_units = {"gateway": "gateway-svc", "cache": "redis", "db": "postgres", "broker": "rabbitmq"}

services = ["users", "catalog", "search", "cart", "orders", "payments", "inventory", "notifications"]
micro_sizes = {  # replicas, threads, cores
    "users": (2, 16, 1), "catalog": (2, 16, 2), "search": (2, 8, 2), "cart": (2, 16, 1),
    "orders": (2, 32, 1), "payments": (2, 32, 1), "inventory": (2, 16, 1),
    "notifications": (2, 8, 1)}


def component(c, unit):
    cid, name, kind, layer, st, dist, cv, x, y = c
    d = {"id": cid, "name": name, "kind": kind, "layer": layer}
    if unit:
        d["unit"] = unit
    if st:
        d["serviceTimeMs"] = st
    if dist and dist != "exponential":
        d["distribution"] = dist
    if cv is not None and cv != 1:
        d["cv"] = cv
    if kind == "cache":
        d["hitRatio"] = 0.9
    if kind == "external":  # a provider we do not run: its availability is its SLA
        d.update({"replicas": 1, "threads": 1000, "mtbfHours": 2000, "mttrMinutes": 30})
    d["x"], d["y"] = x, y
    return d


def connection(c, monolith):
    f, t, mode, calls, extra = c
    d = {"from": f, "to": t}
    if mode != "sync":
        d["mode"] = mode
    if calls != 1:
        d["calls"] = calls
    d["latencyMs"] = 0.5
    d.update(extra)
    return d


def variant(name, monolith):
    units = list(shared_units)
    comps = []
    for c in components:
        cid = c[0]
        if cid in data_units:
            unit = data_units[cid]
        elif cid in services:
            unit = "app" if monolith else cid + "-svc"
        else:
            unit = None  # clients and the external provider are units of their own
        comps.append(component(c, unit))
    if monolith:
        units.insert(1, {"id": "app", "name": "Shop monolith", "replicas": 3, "threads": 64,
                         "cores": 4, "queueCapacity": 2000, "zones": ["a", "b"],
                         "mtbfHours": 720, "mttrMinutes": 10, "costPerHour": 0.252,
                         "autoscaleMin": 2, "autoscaleMax": 30})
    else:
        for i, s in enumerate(services):
            r, th, co = micro_sizes[s]
            units.insert(1 + i, {"id": s + "-svc", "name": s.capitalize(), "replicas": r,
                                 "threads": th, "cores": co, "queueCapacity": 1000,
                                 "zones": ["a", "b"] if r > 1 else ["a"],
                                 "mtbfHours": 720, "mttrMinutes": 10,
                                 "costPerHour": 0.085 if co == 2 else 0.034,
                                 "autoscaleMin": 2, "autoscaleMax": 30})
    return {
        "name": name,
        "description": ("All domain modules in one deployable, scaled as a whole. "
                        if monolith else "One deployable per domain service. ") + PRICES,
        "layers": layers, "units": units, "components": comps,
        "connections": [connection(c, monolith) for c in connections],
        "workloads": [
            {"name": "shop", "entry": "web", "ratePerSec": 250},
            {"name": "backoffice", "entry": "backoffice", "users": 20, "thinkTimeMs": 2000},
        ],
        "scenarios": [
            {"name": "db-crash",
             "events": [{"atSec": 60, "action": "crash", "unit": "postgres", "replicas": 1,
                         "forSec": 120}]},
        ],
    }


doc = {"format": "archsim", "version": 1, "name": "Online shop",
       "variants": [variant("Monolith", True), variant("Microservices", False)]}
json.dump(doc, sys.stdout, indent=2)
