#!/usr/bin/python3
"""A generated Norwegian status page for the status-page poll benchmark (python3 stdlib only).

Serves, on 127.0.0.1 only, in the shapes of the Statuspage API v2 (as scripts/demo_statuspage.py
and the captures in ../shared/fixtures/statuspage):

  /api/v2/incidents.json               50 incidents, 3-6 updates each, on a handful of
                                       Skatteetaten APIs (components in full, as Statuspage lists them)
  /api/v2/scheduled-maintenances.json  50 scheduled maintenances (scheduled_for/scheduled_until;
                                       scheduled, in_progress, completed)

The content is deterministic (seeded; fixed dates around 2026-12-07), compact JSON as Statuspage
serves it, with a strong ETag (SHA-1 of the body); If-None-Match with the current ETag gets
304 Not Modified. Bodies are encoded once per change, not per request, so the server costs every
client the same.

  POST /advance  (or GET /__advance)   adds one new update to the newest incident, changing
                                       incidents.json only (its ETag, the incident's and the page's
                                       updated_at); answers JSON with the new ETags and sizes.
                                       The incident shows its first update and its five newest, so
                                       the document keeps its size however often it is advanced.

Both documents' creation dates share their oldest date, so varselvakt's window rule (a full
document hides what is older than its oldest entry) keeps all 100 notices.

Usage: bench_statuspage_server.py [PORT]   (0 or nothing: a free port). The first line printed is
  READY http=PORT incidents_bytes=N maintenances_bytes=M
"""
import hashlib
import json
import random
import sys
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SEED = 9
T0 = datetime(2026, 12, 7, 8, 0, 0, tzinfo=timezone.utc)
PAGE = {"id": "skatt0bench1", "name": "Skatteetaten API-status", "url": "https://status.skatteetaten.example",
        "time_zone": "Europe/Oslo", "updated_at": None}
COMPONENT_NAMES = ["Summert skattegrunnlag API", "Inntekt API", "Restanser API", "Folkeregisteret",
                   "Krav og betalinger API", "Skattemelding API"]

INVESTIGATING = [
    "Vi undersøker feil ved oppslag i {c}. Noen konsumenter får feilmelding (HTTP 500) eller tidsavbrudd.",
    "Vi ser økte svartider i {c} og undersøker årsaken. Oppslag kan ta opptil 30 sekunder.",
    "Flere konsumenter melder om at {c} svarer med 503 Service Unavailable. Vi undersøker saken.",
    "Vi undersøker ustabilitet i {c} etter nattens produksjonssetting.",
]
IDENTIFIED = [
    "Årsaken er funnet: en feil i et bakenforliggende system. Vi retter feilen og oppdaterer her.",
    "Feilen skyldes en sertifikatfornyelse i Maskinporten-integrasjonen. Retting pågår.",
    "Vi har identifisert en overbelastet database bak {c} og flytter trafikk.",
]
MONITORING = [
    "En retting er satt i produksjon. Vi følger med på at {c} svarer normalt.",
    "Svartidene er på vei ned igjen. Vi overvåker situasjonen.",
]
UPDATE = [
    "Feilen berører kun oppslag for inntektsår 2025. Oppslag for tidligere år virker som normalt.",
    "Kommuner som beregner foreldrebetaling kan oppleve forsinkelser. Vi jobber videre med saken.",
    "Neste oppdatering kommer innen én time.",
]
RESOLVED = [
    "Feilen er rettet, og {c} virker som normalt igjen. Vi beklager ulempene.",
    "{c} har svart normalt i over en time. Saken er løst.",
]
MAINT_TITLES = [
    "Planlagt vedlikehold av {c}", "Oppgradering av databaseplattform for {c}",
    "Nedetid for {c} ved overgang til ny versjon", "Sikkerhetsoppdatering av {c}",
]
MAINT_BODIES = {
    "scheduled": "{c} er utilgjengelig i vedlikeholdsvinduet. Kall i vinduet får 503 og bør prøves på nytt etterpå.",
    "in_progress": "Vedlikeholdet av {c} pågår. Tjenesten er utilgjengelig til vinduet er over.",
    "verifying": "Vedlikeholdet er ferdig, og vi verifiserer at {c} virker som den skal.",
    "completed": "Vedlikeholdet er fullført, og {c} er tilgjengelig igjen.",
}


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def uid(rng):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(12))


class Page:
    def __init__(self):
        rng = random.Random(SEED)
        self.rng = rng
        self.components = {name: {
            "id": uid(rng), "name": name, "status": "operational", "created_at": iso(T0 - timedelta(days=900)),
            "updated_at": iso(T0 - timedelta(days=2)), "position": i + 1,
            "description": f"{name} i Skatteetatens API-portal", "showcase": True,
            "start_date": "2023-01-01", "group_id": None, "page_id": PAGE["id"], "group": False,
            "only_show_if_degraded": False} for i, name in enumerate(COMPONENT_NAMES)}
        self.advances = 0
        # Incident i was created about 3.5 days before incident i-1; the newest is still open.
        created = [T0 - timedelta(hours=2)] + [T0 - timedelta(days=3.5 * i, hours=rng.randint(0, 40)) for i in range(1, 50)]
        self.incidents = [self.incident(i, created[i], rng) for i in range(50)]
        mcreated = [T0 - timedelta(days=3.5 * j + 1, hours=rng.randint(0, 40)) for j in range(49)] + [created[-1]]
        self.maintenances = [self.maintenance(j, mcreated[j], rng) for j in range(50)]
        self.lock = threading.Lock()
        self.encode()

    def update(self, rng, incident_id, status, body, at, comps, old, new):
        return {"id": uid(rng), "status": status, "body": body, "incident_id": incident_id,
                "created_at": iso(at), "updated_at": iso(at), "display_at": iso(at),
                "affected_components": [{"code": self.components[c]["id"], "name": c, "old_status": old,
                                         "new_status": new} for c in comps],
                "deliver_notifications": True, "custom_tweet": None, "tweet_id": None}

    def shell(self, rng, iid, name, status, impact, created, updates, comps):
        return {"id": iid, "name": name, "status": status, "created_at": iso(created),
                "updated_at": updates[0]["updated_at"], "monitoring_at": None, "resolved_at": None,
                "impact": impact, "shortlink": f"https://stspg.io/{uid(rng)[:9]}", "started_at": iso(created),
                "page_id": PAGE["id"], "incident_updates": updates,
                "components": [dict(self.components[c], status="operational") for c in comps],
                "reminder_intervals": None}

    def incident(self, i, created, rng):
        iid = uid(rng)
        comps = rng.sample(COMPONENT_NAMES, rng.choice([1, 1, 1, 2, 2, 3]))
        c = comps[0]
        impact = rng.choice(["minor", "minor", "major", "critical", "none"])
        outage = {"minor": "degraded_performance", "major": "partial_outage", "critical": "major_outage",
                  "none": "operational"}[impact]
        count = rng.randint(3, 6)
        plan = ["investigating", "identified"] + ["update"] * (count - 4) + ["monitoring", "resolved"]
        plan = plan[:count] if count >= 4 else ["investigating", "monitoring", "resolved"]
        if i == 0:  # the newest incident is still open: its last word is "monitoring"
            plan = ["investigating", "identified", "update", "monitoring"]
        texts = {"investigating": INVESTIGATING, "identified": IDENTIFIED, "update": UPDATE, "monitoring": MONITORING,
                 "resolved": RESOLVED}
        at, ups = created, []
        for k, status in enumerate(plan):
            old, new = (("operational", outage) if k == 0 else
                        (outage, "operational") if status == "resolved" else (outage, outage))
            ups.insert(0, self.update(rng, iid, status, rng.choice(texts[status]).format(c=c), at, comps, old, new))
            at += timedelta(minutes=rng.randint(8, 95))
        title = rng.choice(["Feil i {c}", "Treghet i {c}", "{c} er utilgjengelig", "Ustabilitet i {c}",
                            "Feilmeldinger fra {c}"]).format(c=c)
        doc = self.shell(rng, iid, title, plan[-1], impact, created, ups, comps)
        if plan[-1] == "resolved":
            doc["resolved_at"] = ups[0]["created_at"]
        if "monitoring" in plan:
            doc["monitoring_at"] = next(u["created_at"] for u in ups if u["status"] == "monitoring")
        return doc

    def maintenance(self, j, created, rng):
        iid = uid(rng)
        c = rng.choice(COMPONENT_NAMES)
        start = (created + timedelta(days=rng.randint(3, 9))).replace(hour=17, minute=0, second=0, microsecond=0)
        if j == 1:  # one maintenance is under way at T0
            start = T0 - timedelta(hours=1)
        end = start + timedelta(hours=rng.choice([2, 3, 4]))
        if start > T0:
            plan = ["scheduled"]
        elif end > T0:
            plan = ["scheduled", "in_progress"]
        else:
            plan = ["scheduled", "in_progress", "verifying", "completed"][:rng.choice([3, 4, 4])]
            plan[-1] = "completed"
        ups = []
        for k, status in enumerate(plan):
            at = created if k == 0 else start + timedelta(minutes=(k - 1) * rng.randint(60, 100))
            state = "under_maintenance" if status in ("in_progress", "verifying") else "operational"
            ups.insert(0, self.update(rng, iid, status, MAINT_BODIES[status].format(c=c), at, [c], state, state))
        doc = self.shell(rng, iid, rng.choice(MAINT_TITLES).format(c=c), plan[-1], "maintenance", created, ups, [c])
        doc.update(scheduled_for=iso(start), scheduled_until=iso(end), scheduled_remind_prior=True,
                   scheduled_reminded_at=None, impact_override=None, scheduled_auto_in_progress=True,
                   scheduled_auto_completed=True)
        return doc

    def advance(self):
        """One new update on the newest incident; it keeps its first update and its five newest."""
        with self.lock:
            self.advances += 1
            inc = self.incidents[0]
            at = datetime.strptime(inc["updated_at"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc) \
                + timedelta(minutes=7)
            comps = [c["name"] for c in inc["components"]]
            body = (f"Oppdatering {self.advances}: {comps[0]} svarer normalt for de fleste konsumenter. "
                    "Vi følger med og oppdaterer her ved endringer.")
            new = self.update(self.rng, inc["id"], "monitoring", body, at, comps, "degraded_performance",
                              "degraded_performance")
            ups = [new] + inc["incident_updates"]
            if len(ups) > 6:
                ups = ups[:5] + ups[-1:]
            inc["incident_updates"] = ups
            inc["updated_at"] = new["updated_at"]
            self.page_updated = new["updated_at"]
            self.encode(maintenances=False)
            return {"advances": self.advances, "incidents_etag": self.etags["/api/v2/incidents.json"],
                    "incidents_bytes": len(self.bodies["/api/v2/incidents.json"])}

    def encode(self, maintenances=True):
        if not hasattr(self, "bodies"):
            self.bodies, self.etags = {}, {}
            self.page_updated = self.incidents[0]["updated_at"]
        page = dict(PAGE, updated_at=self.page_updated)
        docs = {"/api/v2/incidents.json": {"page": page, "incidents": self.incidents}}
        if maintenances:
            docs["/api/v2/scheduled-maintenances.json"] = {"page": dict(PAGE, updated_at=iso(T0 - timedelta(hours=3))),
                                                          "scheduled_maintenances": self.maintenances}
        for path, doc in docs.items():
            body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
            self.bodies[path] = body
            self.etags[path] = '"' + hashlib.sha1(body).hexdigest() + '"'


PAGE_STATE = Page()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a CDN in front of a real status page

    def log_message(self, format, *args):
        pass

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def advance(self):
        result = json.dumps(PAGE_STATE.advance()).encode()
        self.reply(200, result, [("Content-Type", "application/json"), ("Cache-Control", "no-store")])

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if self.path.split("?")[0] == "/advance":
            self.advance()
        else:
            self.reply(404)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/__advance":
            self.advance()
            return
        with PAGE_STATE.lock:
            body, etag = PAGE_STATE.bodies.get(path), PAGE_STATE.etags.get(path)
        if body is None:
            self.reply(404)
            return
        if self.headers.get("If-None-Match") == etag:
            self.reply(304, headers=[("ETag", etag), ("Cache-Control", "max-age=0")])
            return
        self.reply(200, body, [("Content-Type", "application/json; charset=utf-8"), ("ETag", etag),
                               ("Cache-Control", "max-age=0")])


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    print(f"READY http={server.server_address[1]} "
          f"incidents_bytes={len(PAGE_STATE.bodies['/api/v2/incidents.json'])} "
          f"maintenances_bytes={len(PAGE_STATE.bodies['/api/v2/scheduled-maintenances.json'])}", flush=True)
    server.serve_forever()
