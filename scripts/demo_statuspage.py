#!/usr/bin/env python3
"""A made-up Norwegian status page for the demo (python3 stdlib only), in the shapes of the
Statuspage API v2 (/api/v2/incidents.json, /api/v2/scheduled-maintenances.json, summary.json).

The data is invented for the demo (no capture of status.skatteetaten.no exists); the shapes
follow the real captures in ../shared/fixtures/statuspage. The page moves on by itself:

  from start      one incident resolved last week (the demo's first poll is a silent baseline)
  after STEP s    a new incident on Summert skattegrunnlag API (investigating, impact major)
                  and a scheduled maintenance of Folkeregisteret tomorrow 18:00-22:00 UTC
  after 2*STEP s  the incident is identified
  after 3*STEP s  the incident is resolved

Usage: demo_statuspage.py PORT [STEP_SECONDS]. Serves 127.0.0.1 only, with ETags and
If-None-Match, so an unchanged page costs the daemon a 304.
"""
import hashlib
import json
import sys
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
STEP = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
START = time.time()
T0 = datetime.now(timezone.utc).replace(microsecond=0)
PAGE = {"id": "demo0skatt01", "name": "Skatteetaten (demo)", "url": f"http://127.0.0.1:{PORT}",
        "time_zone": "Europe/Oslo", "updated_at": None}
SUMMERT = {"id": "demosummert1", "name": "Summert skattegrunnlag API", "status": "operational"}
INNTEKT = {"id": "demoinntekt1", "name": "Inntekt API", "status": "operational"}
FREG = {"id": "demofreg0001", "name": "Folkeregisteret", "status": "operational"}


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def update(uid, incident, status, body, at, component, old, new):
    return {"id": uid, "status": status, "body": body, "incident_id": incident, "created_at": iso(at),
            "updated_at": iso(at), "display_at": iso(at), "deliver_notifications": True,
            "affected_components": [{"code": component["id"], "name": component["name"],
                                     "old_status": old, "new_status": new}]}


def incident(iid, name, status, impact, created, updates, components, **extra):
    doc = {"id": iid, "name": name, "status": status, "impact": impact, "created_at": iso(created),
           "updated_at": updates[0]["updated_at"], "monitoring_at": None, "resolved_at": None,
           "shortlink": f"http://127.0.0.1:{PORT}/incidents/{iid}", "started_at": iso(created),
           "page_id": PAGE["id"], "incident_updates": updates,
           "components": [dict(c, status="operational") for c in components]}
    doc.update(extra)
    return doc


def documents(step):
    last_week = T0 - timedelta(days=7)
    old = incident("demoold00001", "Treghet i Inntekt API", "resolved", "minor", last_week, [
        update("demoold0u002", "demoold00001", "resolved", "Inntekt API svarer normalt igjen.",
               last_week + timedelta(hours=2), INNTEKT, "degraded_performance", "operational"),
        update("demoold0u001", "demoold00001", "investigating",
               "Vi undersøker lange svartider i Inntekt API.", last_week, INNTEKT,
               "operational", "degraded_performance"),
    ], [INNTEKT], resolved_at=iso(last_week + timedelta(hours=2)))
    incidents, maintenances = [old], []
    if step >= 1:
        began = T0 + timedelta(seconds=STEP)
        ups = [update("demoinc0u001", "demoinc00001", "investigating",
                      "Vi undersøker feil ved oppslag i Summert skattegrunnlag API. Kommuner kan få "
                      "feilmelding ved beregning av foreldrebetaling.", began, SUMMERT,
                      "operational", "major_outage")]
        if step >= 2:
            ups.insert(0, update("demoinc0u002", "demoinc00001", "identified",
                                 "Årsaken er funnet: en feil i et bakenforliggende system. Vi retter feilen.",
                                 began + timedelta(seconds=STEP), SUMMERT, "major_outage", "major_outage"))
        if step >= 3:
            ups.insert(0, update("demoinc0u003", "demoinc00001", "resolved",
                                 "Feilen er rettet, og Summert skattegrunnlag API virker som normalt.",
                                 began + timedelta(seconds=2 * STEP), SUMMERT, "major_outage", "operational"))
        status = ["investigating", "identified", "resolved"][min(step, 3) - 1]
        incidents.insert(0, incident("demoinc00001", "Feil i Summert skattegrunnlag API", status, "major", began,
                                     ups, [SUMMERT]))
        tomorrow = (T0 + timedelta(days=1)).replace(hour=17, minute=0, second=0)
        maintenances.append(incident(
            "demomnt00001", "Planlagt vedlikehold av Folkeregisteret", "scheduled", "maintenance", began,
            [update("demomnt0u001", "demomnt00001", "scheduled",
                    "Folkeregisteret er utilgjengelig i vedlikeholdsvinduet.", began, FREG,
                    "operational", "operational")],
            [FREG], scheduled_for=iso(tomorrow), scheduled_until=iso(tomorrow + timedelta(hours=4))))
    page = dict(PAGE, updated_at=iso(T0 + timedelta(seconds=STEP * min(step, 3))))
    return {
        "/api/v2/incidents.json": {"page": page, "incidents": incidents},
        "/api/v2/scheduled-maintenances.json": {"page": page, "scheduled_maintenances": maintenances},
        "/api/v2/components.json": {"page": page, "components": [SUMMERT, INNTEKT, FREG]},
        "/api/v2/summary.json": {"page": page, "components": [SUMMERT, INNTEKT, FREG],
                                 "incidents": [i for i in incidents if i["status"] != "resolved"],
                                 "scheduled_maintenances": maintenances,
                                 "status": {"indicator": "none", "description": "All Systems Operational"}},
    }


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def do_GET(self):
        step = int((time.time() - START) // STEP)
        doc = documents(step).get(self.path.split("?")[0])
        if doc is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = json.dumps(doc, ensure_ascii=False, indent=1).encode()
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
