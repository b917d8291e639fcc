"""Two Samenspel servers behind nginx on one PostgreSQL (issue 27): the
cluster is started from Debian's packages by the fixture and stopped after."""
import base64, http.cookiejar, json, os, pathlib, re, secrets, shutil, signal, subprocess, sys, tempfile, time, urllib.error, urllib.parse, urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from live_server import chromium, form_token, free_port, fresh_totp, serve  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("SAMENSPEL_BIN", str(ROOT / ".build/debug/samenspel"))
REFRESH_SECONDS = 2

NGINX_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy; fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
    log_format upstream '$request_method $uri $status $upstream_addr';
    upstream samenspel {{
        server 127.0.0.1:{first} max_fails=1 fail_timeout=30s;
        server 127.0.0.1:{second} max_fails=1 fail_timeout=30s;
    }}
    server {{
        listen 127.0.0.1:{port};
        access_log {dir}/access.log upstream;
        location / {{
            proxy_pass http://samenspel;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_next_upstream error timeout;
        }}
    }}
}}
"""


class Server:
    """One app server: its process, port and log."""

    def __init__(self, env, name, directory):
        self.env, self.name, self.port = env, name, free_port()
        self.log = pathlib.Path(directory) / f"{name}.log"
        self.process = None

    def start(self):
        self.process = serve(BINARY, {**self.env, "SAMENSPEL_AUDIT_CHECKPOINTS": str(self.log.with_suffix(".checkpoints"))},
                             self.port, stdout=self.log.open("a"), stderr=subprocess.STDOUT)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)


@pytest.fixture(scope="module")
def cluster():
    directory = tempfile.mkdtemp(prefix="samenspel-cluster-")
    os.chmod(directory, 0o755)
    exports = subprocess.run([str(ROOT / "scripts/postgres-throwaway")], check=True, capture_output=True, text=True).stdout
    pg = dict(re.findall(r"export (\w+)=(\S+)", exports))
    env = {k: v for k, v in os.environ.items() if k not in ("SAMENSPEL_DATA_DIR",)}
    env.update(DATABASE_URL=pg["DATABASE_URL"], LOG_LEVEL="notice", SAMENSPEL_BCRYPT_COST="8",
               SAMENSPEL_SESSION_KEY=base64.b64encode(secrets.token_bytes(32)).decode(),
               SAMENSPEL_FIELD_KEY=base64.b64encode(secrets.token_bytes(32)).decode(),
               SAMENSPEL_KPI_REFRESH_SECONDS=str(REFRESH_SECONDS), SAMENSPEL_DATA_DIR=directory)
    servers, nginx = [], None
    try:
        subprocess.run([BINARY, "migrate", "--yes"], cwd=ROOT, env=env, check=True, capture_output=True)
        logins = json.loads(subprocess.run([BINARY, "demo", "--json"], cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout)
        servers = [Server(env, "first", directory), Server(env, "second", directory)]
        for server in servers:
            server.start()
        port = free_port()
        conf = pathlib.Path(directory) / "nginx.conf"
        conf.write_text(NGINX_CONF.format(dir=directory, first=servers[0].port, second=servers[1].port, port=port))
        nginx = subprocess.Popen([shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf), "-p", directory, "-g", "daemon off;"])
        for _ in range(50):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield {"base": f"http://127.0.0.1:{port}", "servers": servers, "env": env, "dir": pathlib.Path(directory), "pg_dir": pg["SAMENSPEL_PG_DIR"],
               "logins": {login["username"]: login for login in logins}}
    finally:
        if nginx:
            nginx.terminate()
            nginx.wait(timeout=10)
        for server in servers:
            server.stop()
        subprocess.run([str(ROOT / "scripts/postgres-replica"), "stop", pg["SAMENSPEL_PG_DIR"]], check=False)
        subprocess.run([str(ROOT / "scripts/postgres-throwaway"), "stop", pg["SAMENSPEL_PG_DIR"]], check=False)
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def browser(cluster):
    driver = chromium()
    yield Browser(driver, cluster["base"])
    driver.quit()


class Browser:
    """Just enough of a person at a browser: open, fill, pick, submit, read."""

    def __init__(self, driver, base):
        self.driver, self.base = driver, base

    def open(self, path):
        self.driver.get(self.base + path)

    def fill(self, **fields):
        for name, value in fields.items():
            element = self.driver.find_element(By.NAME, name)
            element.clear()
            element.send_keys(value)

    def pick(self, by, selector):
        """Clicks something that does not navigate (an option, a box)."""
        self.driver.find_element(by, selector).click()

    def click(self, by, selector):
        """Clicks and waits until the next page has loaded (a new document lacks the old one's mark)."""
        self.driver.execute_script("window.samenspelOldPage = true")
        self.driver.find_element(by, selector).click()
        WebDriverWait(self.driver, 15).until(lambda d: d.execute_script("return !window.samenspelOldPage && document.readyState === 'complete'"))

    def submit(self):
        self.click(By.CSS_SELECTOR, "main form button[type=submit]")

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """Cookies and the form token, without following redirects: a 303 is the app's acknowledgement of a write."""

    def __init__(self, base):
        self.base, self.csrf = base, None
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())

    def request(self, path, fields=None):
        data = urllib.parse.urlencode({**fields, "_csrf": self.csrf}).encode() if fields is not None else None
        try:
            response = self.opener.open(urllib.request.Request(self.base + path, data=data), timeout=30)
            status, body, headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, body, headers = error.code, error.read(), error.headers
        text = body.decode("utf-8", "replace")
        self.csrf = form_token(text) or self.csrf
        return status, text, headers

    def sign_in(self, login):
        self.request("/login")
        status, _, _ = self.request("/login", {"username": login["username"], "password": login["password"]})
        if login.get("totp_secret"):
            self.request("/login/second-factor")
            status, _, _ = self.request("/login/second-factor", {"code": fresh_totp(login["totp_secret"])})
        assert status == 303, f"sign-in of {login['username']}: {status}"
