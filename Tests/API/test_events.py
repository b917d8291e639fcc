"""Events to another system (issue 26): an event committed with its change
survives the server being killed before delivery, and is delivered, signed,
after the restart — by the real binary, to a real HTTP receiver."""
import hashlib, hmac, http.server, json, re, shutil, signal, sqlite3, subprocess, tempfile, threading, time

from conftest import Client
from live_server import ROOT, free_port, serve


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def send_a_referral(client):
    """A referral from the first of the professional's goals that the form accepts."""
    _, worklist, _ = client.get("/worklist")
    _, listing, _ = client.get("/households")
    for household in dict.fromkeys(re.findall(r'href="/households/([0-9A-Fa-f-]{36})"', worklist + listing)):
        _, page, _ = client.get(f"/households/{household}")
        goal = re.search(rf'/households/{household}/goals/([0-9A-Fa-f-]{{36}})', page)
        if not goal:
            continue
        form = f"/households/{household}/goals/{goal.group(1)}/referrals"
        status, new, _ = client.get(form + "/new")
        for target in re.findall(r'service_id=([0-9A-Fa-f-]{36})', new if status == 200 else "")[:5]:
            _, chosen, _ = client.get(f"{form}/new?service_id={target}")
            domains = re.findall(r'name="domains\[\]" value="([a-z_]+)" checked', chosen) or re.findall(r'name="domains\[\]" value="([a-z_]+)"', chosen)[:1]
            if domains:
                status, _ = client.post(form, {"service_id": target, "domains[]": domains[0], "message": "Graag contact", "send": "send"})
                if status == 200:
                    return
    raise AssertionError("no referral could be sent")


def test_an_event_committed_before_a_crash_is_delivered_after_restart(server):
    binary = server["binary"]
    data = tempfile.mkdtemp(prefix="samenspel-events-")
    env = dict(server["env"], SAMENSPEL_DATA_DIR=data, SAMENSPEL_OUTBOX_SECONDS="0")
    logins = {login["username"]: login for login in json.loads(
        subprocess.run([binary, "demo", "--json"], cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout)}
    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    receiver.received = []
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    port = free_port()
    process = serve(binary, env, port)
    try:
        base = f"http://127.0.0.1:{port}"
        admin = Client(base)
        admin.sign_in(logins["beheerder"])
        admin.get("/admin/event-subscriptions")
        status, page = admin.post("/admin/event-subscriptions", {
            "name": "Ketenpartner", "url": f"http://127.0.0.1:{receiver.server_port}/hook", "events[]": "nl.samenspel.referral.created"})
        assert status == 200, page[:500]
        secret = re.search(r'<code class="secret">([^<]+)</code>', page).group(1)
        professional = Client(base)
        professional.sign_in(logins["professional"])
        send_a_referral(professional)

        # Killed before any delivery: the event was committed with the referral.
        process.send_signal(signal.SIGKILL)
        process.wait()
        with sqlite3.connect(f"{data}/samenspel.sqlite") as db:
            rows = db.execute("SELECT event_id, delivered_at FROM outbox_events").fetchall()
        assert len(rows) == 1 and rows[0][1] is None
        assert receiver.received == []

        process = serve(binary, dict(env, SAMENSPEL_OUTBOX_SECONDS="1"), port)
        for _ in range(100):
            if receiver.received:
                break
            time.sleep(0.2)
        assert len(receiver.received) == 1, "delivered once after the restart"
        headers, body = receiver.received[0]
        assert headers["content-type"].startswith("application/cloudevents+json")
        timestamp, mac = re.fullmatch(r"t=(\d+),v1=([0-9a-f]{64})", headers["samenspel-signature"]).groups()
        assert hmac.compare_digest(mac, hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest())
        event = json.loads(body)
        assert event["id"] == str(rows[0][0]).lower()
        assert event["specversion"] == "1.0" and event["type"] == "nl.samenspel.referral.created"
        assert re.fullmatch(r"http://127\.0\.0\.1:8080/api/v1/referrals/[0-9A-Fa-f-]{36}/fhir", event["dataref"])
        assert set(event) <= {"specversion", "id", "source", "type", "subject", "time", "dataref", "datacontenttype", "data"}
        assert event["data"] == {"status": "requested"}
    finally:
        process.kill()
        receiver.shutdown()
        shutil.rmtree(data, ignore_errors=True)
