"""HSDS API tests: a real Samenspel server on the embedded default with the
demo tenant (whose social map is public), and the official HSDS 3.0 schemas
from Tests/API/hsds-3.0 to validate its /hsds responses."""
import http.cookiejar, json, pathlib, sys, urllib.error, urllib.parse, urllib.request

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from live_server import demo_server, form_token, fresh_totp, totp  # noqa: E402  (shared with the other suite)

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMAS = pathlib.Path(__file__).resolve().parent / "hsds-3.0"
BASE_URI = "https://hsds.test/schema/"


@pytest.fixture(scope="session")
def server():
    yield from demo_server("samenspel-api-")


@pytest.fixture(scope="session")
def schemas():
    """Every schema file under a common base URI, so their references by file name resolve locally."""
    resources = []
    for path in list(SCHEMAS.glob("*.json")) + list((SCHEMAS / "compiled").glob("*.json")):
        if path.name == "openapi.json":
            continue
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((BASE_URI + path.name, Resource.from_contents(contents, default_specification=DRAFT202012)))
    registry = Registry().with_resources(resources)

    def validator(name: str) -> Draft202012Validator:
        return Draft202012Validator({"$ref": BASE_URI + name}, registry=registry, format_checker=FormatChecker())
    return validator


@pytest.fixture(scope="session")
def openapi():
    return json.loads((SCHEMAS / "openapi.json").read_text(encoding="utf-8"))


class Client:
    """A tiny browser for the API tests: cookies, and the form token of the last page."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = None

    def get(self, path):
        try:
            response = self.opener.open(self.base + path, timeout=15)
            status, body, headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, body, headers = error.code, error.read(), error.headers
        text = body.decode("utf-8", "replace")
        self.csrf = form_token(text) or self.csrf
        return status, text, headers

    def post(self, path, fields):
        data = urllib.parse.urlencode({**fields, "_csrf": self.csrf}).encode()
        try:
            response = self.opener.open(urllib.request.Request(self.base + path, data=data), timeout=15)
            return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def json(self, path):
        status, text, headers = self.get(path)
        assert status == 200, f"{path}: {status} {text[:300]}"
        assert headers.get("Content-Type", "").startswith("application/json"), headers.get("Content-Type")
        return json.loads(text)

    def sign_in(self, login):
        self.get("/login")
        self.post("/login", {"username": login["username"], "password": login["password"]})
        if login.get("totp_secret"):
            self.get("/login/second-factor")
            self.post("/login/second-factor", {"code": fresh_totp(login["totp_secret"])})


@pytest.fixture
def client(server):
    return Client(server["base"])
