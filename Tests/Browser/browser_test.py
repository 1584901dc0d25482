#!/usr/bin/python3
"""The web page in a real browser: headless Chromium from Debian drives the daemon's pages.

What it proves (issue 11): the daemon, run on real feed snapshots with a subscriber whose
receivers are down, serves every page; a notice leads to who was told; a dead delivery can be
sent again from the page (the POST carries its CSRF token and the action is recorded); and the
browser's console shows no Content-Security-Policy violation on any page.

Run by scripts/test.sh after the Swift tests:  /usr/bin/python3 Tests/Browser/browser_test.py BINARY
Needs Debian's chromium, chromium-driver and python3-selenium (scripts/install-deps.sh). With
--screenshot PATH it also saves the notice page as a PNG (docs/web-notice.png in the README).
Every wait is for a fact (a page element, an API answer), bounded by a deadline; none is a sleep
that hopes.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "..", "shared", "fixtures", "feeds")
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def closed_port():
    """A port nothing listens on: receivers that are down."""
    return free_port()


def wait_for(what, check, timeout=60.0):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            value = check()
            if value:
                return value
        except Exception as error:  # the fact is not true yet
            last = error
        time.sleep(0.1)
    raise SystemExit(f"browser test: timed out waiting for {what} (last error: {last})")


def write_config(folder, web_port):
    dead = closed_port()
    templates = os.path.join(ROOT, "templates")
    feed = os.path.join(folder, "folkeregisteret.xml")
    shutil.copy(os.path.join(FIXTURES, "folkeregisteret-rss-2026-07-03.xml"), feed)
    with open(os.path.join(folder, "subscribers.toml"), "w") as f:
        f.write(f"""
[[subscriber]]
id = "oslo"
kind = "municipality"
name = "Oslo kommune"
org_number = "974760673"
municipality_number = "0301"
emails = ["drift@oslo.kommune.no"]
apis = ["folkeregisteret"]
webhook = {{ url = "http://127.0.0.1:{dead}/hook", secret = "whsec_dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0" }}
""")
    with open(os.path.join(folder, "varselvakt.toml"), "w") as f:
        f.write(f"""
[store]
path = "varselvakt.sqlite"

[[feeds]]
name = "folkeregisteret"
path = "folkeregisteret.xml"
apis = ["folkeregisteret"]

[subscribers]
path = "subscribers.toml"

# Receivers are down and alerts are given up after a second: dead deliveries to send again.
[delivery]
templates = "{templates}"
max_age = "1s"
retry_initial = "1s"
retry_max = "1s"
# The dead receiver is on loopback, which the SSRF guard would refuse before connecting.
allow_private_webhooks = ["127.0.0.1/32"]

[email]
url = "smtp://127.0.0.1:{dead}"
security = "none"
from = "varselvakt@ks.no"

[probes]
enabled = false

[web]
listen = "127.0.0.1:{web_port}"
""")
    return os.path.join(folder, "varselvakt.toml"), feed


def run(binary, *args):
    result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise SystemExit(f"browser test: {binary} {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def api(base, path):
    with urllib.request.urlopen(base + path, timeout=5) as response:
        return json.load(response)


def csp_violations(driver):
    logs = driver.get_log("browser")
    return [entry["message"] for entry in logs if "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--screenshot")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)

    folder = tempfile.mkdtemp(prefix="varselvakt-browser-")
    web_port = free_port()
    config, feed = write_config(folder, web_port)
    # A baseline poll, then the next real build of the feed: one new notice, alerts queued.
    run(binary, "poll", "--config", config)
    shutil.copy(os.path.join(FIXTURES, "folkeregisteret-rss-2026-07-07-1158.xml"), feed)
    run(binary, "poll", "--config", config)

    daemon = subprocess.Popen([binary, "run", "--config", config], stdout=subprocess.DEVNULL, stderr=open(os.path.join(folder, "daemon.log"), "w"))
    base = f"http://127.0.0.1:{web_port}"
    driver = None
    failures = []
    try:
        wait_for("the daemon to be ready", lambda: urllib.request.urlopen(base + "/readyz", timeout=1).status == 200)
        dead = wait_for("a dead delivery", lambda: api(base, "/api/v1/deliveries?status=dead")["items"])
        dead_id = dead[0]["id"]

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)

        for path in ("/", "/notices", "/incidents", "/deliveries", "/subscribers", "/silences", "/today"):
            driver.get(base + path)
            if not driver.find_elements(By.CSS_SELECTOR, "main"):
                failures.append(f"{path}: no <main> element")
            if driver.find_elements(By.CSS_SELECTOR, "form[action='/login']"):
                failures.append(f"{path}: asked to log in on loopback without credentials")
            failures += [f"{path}: {v}" for v in csp_violations(driver)]

        # A notice leads to who was told.
        driver.get(base + "/notices")
        links = driver.find_elements(By.CSS_SELECTOR, "main a[href^='/notices/']")
        if not links:
            raise SystemExit("browser test: the notices page links to no notice")
        links[0].click()
        wait_for("the notice page", lambda: "/notices/" in driver.current_url)
        page = driver.find_element(By.TAG_NAME, "main").text
        if "Oslo kommune" not in page:
            failures.append("the notice page does not say who was told (Oslo kommune)")
        failures += [f"notice page: {v}" for v in csp_violations(driver)]
        if args.screenshot:
            driver.save_screenshot(args.screenshot)

        # The dead delivery is sent again from the page.
        driver.get(base + "/deliveries?status=dead")
        buttons = driver.find_elements(By.CSS_SELECTOR, f"form[action='/deliveries/{dead_id}/send-again'] button")
        if not buttons:
            raise SystemExit(f"browser test: no 'Send igjen' form for dead delivery {dead_id}")
        buttons[0].click()
        wait_for(
            "the delivery to leave 'dead' after 'Send igjen'",
            lambda: any(d["id"] == dead_id and d["status"] != "dead" or d["id"] == dead_id and d.get("attempts", 0) > dead[0].get("attempts", 0)
                        for d in api(base, f"/api/v1/deliveries?limit=500")["items"]),
            timeout=30,
        )
        failures += [f"after send again: {v}" for v in csp_violations(driver)]
    finally:
        if driver:
            driver.quit()
        daemon.terminate()
        try:
            daemon.wait(timeout=30)
        except subprocess.TimeoutExpired:
            daemon.kill()
    if failures:
        print("browser test FAILED:\n  " + "\n  ".join(failures))
        print(open(os.path.join(folder, "daemon.log")).read()[-3000:])
        sys.exit(1)
    shutil.rmtree(folder, ignore_errors=True)
    print("browser test: every page loads without CSP violations; a notice leads to who was told; a dead delivery was sent again")


if __name__ == "__main__":
    main()
