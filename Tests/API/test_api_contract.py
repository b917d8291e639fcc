"""The /api/v1 contract: the OpenAPI document validates, and schemathesis
fuzzes the live server with an authenticated client (a personal access
token made through the account page): no 5xx, no response that breaks the
document. Then the referral's FHIR bundle is validated as FHIR R4."""
import json, os, pathlib, re, subprocess, sys, urllib.request

import pytest
from openapi_spec_validator import validate

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "schemathesis"
FHIR_R4 = os.environ.get("SAMENSPEL_FHIR_R4", str(ROOT / ".build" / "fhir-r4"))


def token_for(client, server, username, scope="read write"):
    client.sign_in(server["logins"][username])
    client.get("/account/api-tokens")
    status, page = client.post("/account/api-tokens", {"name": "contract test", "scope": scope, "days": "1"})
    assert status == 200, page[:300]
    return re.search(r"(sst_[A-Za-z0-9_-]+)", page).group(1)


def test_the_openapi_document_validates(server):
    with urllib.request.urlopen(server["base"] + "/api/v1/openapi.json") as response:
        assert response.headers["Content-Type"].startswith("application/vnd.oai.openapi+json")
        validate(json.load(response))


def test_schemathesis_finds_no_server_error_and_no_broken_response(server, client):
    token = token_for(client, server, "professional")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "run", server["base"] + "/api/v1/openapi.json",
         "-H", f"Authorization: Bearer {token}",
         "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
         "--max-examples", "40", "--seed", "2026", "--request-timeout", "10", "--workers", "1",
         "--report", "junit", "--report-dir", str(ARTIFACTS)],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    (ARTIFACTS / "output.txt").write_text(result.stdout + result.stderr, encoding="utf-8")
    assert result.returncode == 0, result.stdout[-4000:]


def test_schemathesis_reads_the_monitor_as_the_analyst(server, client):
    """The indicator endpoints answer a professional with 403; the analyst
    reads them, so their figures are fuzzed against the schema too."""
    token = token_for(client, server, "analist", scope="read")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "run", server["base"] + "/api/v1/openapi.json",
         "-H", f"Authorization: Bearer {token}", "--include-path-regex", "/indicators",
         "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
         "--max-examples", "40", "--seed", "2026", "--request-timeout", "10", "--workers", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    (ARTIFACTS / "output-analyst.txt").write_text(result.stdout + result.stderr, encoding="utf-8")
    assert result.returncode == 0, result.stdout[-4000:]
    assert "Tested: 2" in result.stdout, "both indicator endpoints were fuzzed"


# Required bindings of FHIR R4 (4.0.1) that fhir.resources does not check itself.
R4_CODES = {
    "Task.status": {"draft", "requested", "received", "accepted", "rejected", "ready", "cancelled", "in-progress", "on-hold", "failed", "completed", "entered-in-error"},
    "Task.intent": {"unknown", "proposal", "plan", "order", "original-order", "reflex-order", "filler-order", "instance-order", "option"},
    "ServiceRequest.status": {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"},
    "ServiceRequest.intent": {"proposal", "plan", "directive", "order", "original-order", "reflex-order", "filler-order", "instance-order", "option"},
    "Consent.status": {"draft", "proposed", "active", "rejected", "inactive", "entered-in-error"},
    "Goal.lifecycleStatus": {"proposed", "planned", "accepted", "active", "on-hold", "completed", "cancelled", "entered-in-error", "rejected"},
    "Bundle.type": {"document", "message", "transaction", "transaction-response", "batch", "batch-response", "history", "searchset", "collection"},
}

VALIDATE_R4 = """
import json, sys
from fhir.resources import __fhir_version__
from fhir.resources.bundle import Bundle
assert __fhir_version__ == "4.0.1", __fhir_version__
Bundle.parse_obj(json.load(sys.stdin))
print("valid FHIR", __fhir_version__)
"""


def test_a_referral_as_fhir_r4_bundle(server, client):
    token = token_for(client, server, "professional")
    # A referral from the demo plan's money goal to the debt-help service.
    status, households, _ = client.get("/households")
    household = re.search(r'href="/households/([0-9A-Fa-f-]{36})"', households).group(1)
    _, plan, _ = client.get(f"/households/{household}")
    goal = re.search(rf"/households/{household}/goals/([0-9A-Fa-f-]{{36}})", plan).group(1)
    _, choose, _ = client.get(f"/households/{household}/goals/{goal}/referrals/new?q=schuld")
    service = re.search(r"service_id=([0-9A-Fa-f-]{36})", choose).group(1)
    client.get(f"/households/{household}/goals/{goal}/referrals/new?service_id={service}")
    status, _ = client.post(f"/households/{household}/goals/{goal}/referrals",
                            {"service_id": service, "domains[]": "finances", "message": "Graag bellen na 15 uur.", "send": "send"})
    assert status == 200  # followed the redirect to the referral page
    _, referrals, _ = client.get("/referrals")
    referral = re.search(r'href="/referrals/([0-9A-Fa-f-]{36})"', referrals).group(1)

    request = urllib.request.Request(server["base"] + f"/api/v1/referrals/{referral}/fhir", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Type"].startswith("application/fhir+json")
        text = response.read().decode()
    bundle = json.loads(text)
    pathlib.Path(ROOT / "artifacts").mkdir(exist_ok=True)
    (ROOT / "artifacts" / "referral-bundle.json").write_text(json.dumps(bundle, indent=2, ensure_ascii=False), encoding="utf-8")

    checked = subprocess.run([sys.executable, "-c", VALIDATE_R4], input=text, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": FHIR_R4})
    assert checked.returncode == 0, checked.stderr[-3000:]
    assert "valid FHIR 4.0.1" in checked.stdout

    resources = {entry["resource"]["resourceType"]: entry["resource"] for entry in bundle["entry"]}
    assert set(resources) == {"ServiceRequest", "Task", "Consent", "Goal", "Patient"}
    assert bundle["type"] in R4_CODES["Bundle.type"]
    for kind, field in [("Task", "status"), ("Task", "intent"), ("ServiceRequest", "status"), ("ServiceRequest", "intent"),
                        ("Consent", "status"), ("Goal", "lifecycleStatus")]:
        assert resources[kind][field] in R4_CODES[f"{kind}.{field}"], (kind, field, resources[kind][field])
    assert resources["Task"]["status"] == "requested"
    # Every reference points at an entry of the bundle.
    full_urls = {entry["fullUrl"] for entry in bundle["entry"]}
    references = re.findall(r'"reference":\s*"([^"]+)"', text)
    assert references and set(references) <= full_urls
