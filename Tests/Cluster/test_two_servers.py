"""Issue 27: Samenspel on two app servers behind nginx, one PostgreSQL.
Requests alternate between the servers (round robin, no stickiness); what
one server did, the other knows, because nothing lives in one process."""
import re, subprocess, threading, time, urllib.parse

from selenium.webdriver.common.by import By

from conftest import BINARY, REFRESH_SECONDS, ROOT, Client, fresh_totp

INTAKE = {"given_name": "Johan", "birth_date": "1975-11-02", "bsn": "", "street": "Dorpsstraat 1", "postcode": "1234ab",
          "city": "Voorbeeld", "domains[]": "finances", "consent_purpose": "Samen werken aan financiën", "consent_method": "signed_on_paper"}


def upstreams(cluster, since=0):
    """The servers nginx sent each request to, from its access log (lines after `since`)."""
    lines = (cluster["dir"] / "access.log").read_text().splitlines()[since:]
    return [line.split()[-1] for line in lines]


def log_lines(cluster):
    return len((cluster["dir"] / "access.log").read_text().splitlines())


def test_a_browser_journey_alternates_between_the_servers(cluster, browser):
    start = log_lines(cluster)
    login = cluster["logins"]["professional"]
    browser.open("/login")
    browser.fill(username="professional", password=login["password"])
    browser.submit()
    browser.fill(code=fresh_totp(login["totp_secret"]))
    browser.submit()
    browser.open("/households/new")
    browser.fill(given_name="Johan", family_name="de Boer", birth_date="1975-11-02", street="Dorpsstraat 1", postcode="1234ab",
                 city="Voorbeeld", consent_purpose="Samen werken aan financiën")
    browser.pick(By.ID, "domains-finances")
    browser.pick(By.CSS_SELECTOR, "#consent_method option[value=signed_on_paper]")
    browser.submit()
    assert "Huishouden de Boer" in browser.text()
    browser.click(By.LINK_TEXT, "Doel toevoegen")
    browser.pick(By.CSS_SELECTOR, "#goal_domain option[value=finances]")
    browser.fill(title="Rekeningen op tijd betalen")
    browser.click(By.XPATH, "//form[.//select[@id='goal_domain']]//button[@type='submit']")
    assert "Rekeningen op tijd betalen" in browser.text()
    for path in ("/worklist", "/households", "/notifications"):
        browser.open(path)
        assert "Inloggen" not in browser.driver.title, f"{path}: signed out on the other server"
    used = upstreams(cluster, start)
    assert len(set(used)) == 2, f"every request went to one server: {set(used)}"
    # Round robin, no stickiness: consecutive requests were answered by different servers.
    assert sum(1 for a, b in zip(used, used[1:]) if a != b) >= len(used) // 2


def test_a_lockout_holds_on_both_servers(cluster):
    start = log_lines(cluster)
    login = cluster["logins"]["welzijn"]
    guesser = Client(cluster["base"])
    for _ in range(5):
        guesser.request("/login")
        status, _, _ = guesser.request("/login", {"username": "welzijn", "password": "niet het wachtwoord"})
        assert status in (401, 429), status
    for _ in range(2):  # the right password, on each server in turn: still locked
        person = Client(cluster["base"])
        person.request("/login")
        status, page, _ = person.request("/login", {"username": "welzijn", "password": login["password"]})
        assert status != 303 and ("geblokkeerd" in page or "Te veel pogingen" in page), status
    assert len(set(upstreams(cluster, start))) == 2


def test_the_access_log_is_one_chain_whichever_server_wrote(cluster):
    result = subprocess.run([BINARY, "audit", "verify"], cwd=ROOT, env=cluster["env"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_scheduled_job_runs_once_per_interval_not_once_per_server(cluster):
    def runs():
        return sum(server.log.read_text().count("scheduled job monitor-refresh started") for server in cluster["servers"])
    before, started = runs(), time.time()
    time.sleep(8 * REFRESH_SECONDS)
    counted, window = runs() - before, time.time() - started
    print(f"\nmonitor-refresh ran {counted} times in {window:.0f} s on two servers, every {REFRESH_SECONDS} s")
    # One per interval at most (plus one at the edge); two servers without the lease ran 12 in 16 s here.
    assert 1 <= counted <= window / REFRESH_SECONDS + 1, f"{counted} runs in {window:.0f} s"


def test_killing_a_server_under_write_load_loses_no_acknowledged_write(cluster):
    coordinator = Client(cluster["base"])
    coordinator.sign_in(cluster["logins"]["professional"])
    coordinator.request("/households/new")
    acknowledged, refused, stop = [], [], threading.Event()

    def write(worker):
        client = Client(cluster["base"])
        client.opener, client.csrf = coordinator.opener, coordinator.csrf
        n = 0
        while not stop.is_set():
            n += 1
            name = f"Last{worker}x{n}"
            try:
                status, _, headers = client.request("/households", {**INTAKE, "family_name": name})
            except OSError:
                status, headers = None, {}
            if status == 303:
                acknowledged.append((name, headers["Location"].split("?")[0].rsplit("/", 1)[-1]))
            else:
                refused.append((name, status))

    workers = [threading.Thread(target=write, args=(i,)) for i in range(3)]
    for thread in workers:
        thread.start()
    time.sleep(2)
    cluster["servers"][0].kill()
    time.sleep(3)
    stop.set()
    for thread in workers:
        thread.join(timeout=60)
    print(f"\n{len(acknowledged)} writes acknowledged, {len(refused)} refused: {sorted(set(s for _, s in refused), key=str)}")
    assert len(acknowledged) >= 10, f"too little load: {len(acknowledged)} acknowledged, {len(refused)} refused"

    ids = [household for _, household in acknowledged]
    found = subprocess.run(["psql", cluster["env"]["DATABASE_URL"], "-Atc",
                            f"SELECT count(*) FROM households WHERE id IN ({','.join(repr(i.lower()) for i in ids)})"],
                           check=True, capture_output=True, text=True).stdout.strip()
    assert int(found) == len(ids), f"{len(ids)} acknowledged, {found} stored"
    # The surviving server answers, and the access log still verifies.
    assert Client(cluster["base"]).request("/health")[0] == 200
    result = subprocess.run([BINARY, "audit", "verify"], cwd=ROOT, env=cluster["env"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
