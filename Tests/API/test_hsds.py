"""The /hsds API of the demo tenant against the official HSDS 3.0 schemas:
every list with the pagination object of the API reference, every object
against its schema, bad parameters as problem+json, and the export package."""
import json, pathlib, subprocess, sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]

TENANT = "?tenant=voorbeeld"
PAGE_FIELDS = {"total_items": int, "total_pages": int, "page_number": int, "size": int,
               "first_page": bool, "last_page": bool, "empty": bool, "contents": list}


def assert_valid(validator, instance, where):
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    assert not errors, f"{where}: " + "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def assert_page(page, openapi, where):
    # The Page schema of the HSDS openapi.json, field by field.
    declared = openapi["components"]["schemas"]["Page"]["properties"]
    assert set(declared) <= set(page), f"{where}: missing {set(declared) - set(page)}"
    for name, kind in PAGE_FIELDS.items():
        assert isinstance(page[name], kind), f"{where}: {name} is {type(page[name]).__name__}"
    assert page["size"] == len(page["contents"])
    assert page["empty"] == (page["total_items"] == 0)


def test_api_info(client, openapi):
    info = client.json("/hsds")
    schema = openapi["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert set(info) == set(schema["properties"])
    assert info["version"] == "3.0"


def test_services_list_and_every_service(client, schemas, openapi):
    page = client.json("/hsds/services" + TENANT + "&per_page=100")
    assert_page(page, openapi, "services")
    assert page["total_items"] >= 10
    item = schemas("service_list.json")
    full = schemas("service.json")
    for service in page["contents"]:
        assert_valid(item, service, f"services list {service['id']}")
        detail = client.json(f"/hsds/services/{service['id']}" + TENANT)
        assert_valid(full, detail, f"service {service['id']}")
        assert detail["attributes"], "life domains and target groups as attributes"
    full_page = client.json("/hsds/services" + TENANT + "&full=true&per_page=3&page=2")
    assert full_page["page_number"] == 2 and full_page["size"] == 3
    for service in full_page["contents"]:
        assert_valid(full, service, "full list")


def test_filters(client, openapi):
    terms = client.json("/hsds/taxonomy_terms?per_page=100")
    finances = next(t for t in terms["contents"] if t["code"] == "finances")
    filtered = client.json(f"/hsds/services{TENANT}&taxonomy_term_id={finances['id']}")
    assert_page(filtered, openapi, "taxonomy_term_id")
    assert filtered["total_items"] >= 3
    everything = client.json("/hsds/services" + TENANT)["total_items"]
    by_postcode = client.json("/hsds/services" + TENANT + "&postcode=9999%20ZZ")["total_items"]
    assert 0 < by_postcode < everything, "services limited to other areas drop out"
    assert client.json("/hsds/services" + TENANT + "&search=schuldhulp")["total_items"] >= 1
    assert client.json("/hsds/services" + TENANT + "&modified_after=2999-01-01T00:00:00Z")["total_items"] == 0
    organization = client.json("/hsds/organizations" + TENANT)["contents"][0]
    mine = client.json(f"/hsds/services{TENANT}&organization_id={organization['id']}")
    assert all(s["organization_id"] == organization["id"] for s in mine["contents"])


def test_organizations(client, schemas, openapi):
    page = client.json("/hsds/organizations" + TENANT)
    assert_page(page, openapi, "organizations")
    item, full = schemas("organization_list.json"), schemas("organization.json")
    for organization in page["contents"]:
        assert_valid(item, organization, "organization list")
        detail = client.json(f"/hsds/organizations/{organization['id']}" + TENANT)
        assert_valid(full, detail, f"organization {organization['id']}")
        for location in detail.get("locations", []):
            assert_valid(schemas("location.json"), location, "location")


def test_taxonomies_and_terms(client, schemas, openapi):
    taxonomies = client.json("/hsds/taxonomies")
    assert_page(taxonomies, openapi, "taxonomies")
    assert taxonomies["total_items"] == 2
    for taxonomy in taxonomies["contents"]:
        assert_valid(schemas("taxonomy.json"), taxonomy, "taxonomy")
        assert_valid(schemas("taxonomy.json"), client.json(f"/hsds/taxonomies/{taxonomy['id']}"), "taxonomy detail")
    terms = client.json("/hsds/taxonomy_terms?per_page=500")
    assert_page(terms, openapi, "taxonomy_terms")
    assert terms["total_items"] >= 13 + 10
    for term in terms["contents"]:
        assert_valid(schemas("taxonomy_term.json"), term, "taxonomy term")
    assert_valid(schemas("taxonomy_term.json"), client.json(f"/hsds/taxonomy_terms/{terms['contents'][0]['id']}"), "term detail")


def test_service_at_locations(client, schemas, openapi):
    page = client.json("/hsds/service_at_locations" + TENANT + "&per_page=200")
    assert_page(page, openapi, "service_at_locations")
    assert page["total_items"] >= 10
    for link in page["contents"]:
        assert_valid(schemas("service_at_location_list.json"), link, "service_at_location list")
    detail = client.json(f"/hsds/service_at_locations/{page['contents'][0]['id']}" + TENANT)
    assert_valid(schemas("service_at_location.json"), detail, "service_at_location")


@pytest.mark.parametrize("query", ["page=0", "per_page=-1", "per_page=abc", "taxonomy_term_id=x", "taxonomy_id=1",
                                   "organization_id=%27", "modified_after=gisteren", "postcode=%3Cb%3E", "format=xml"])
def test_bad_parameters_are_problems(client, query):
    status, text, headers = client.get(f"/hsds/services{TENANT}&{query}")
    assert status == 400, f"{query}: {status}"
    assert headers.get("Content-Type", "").startswith("application/problem+json")
    problem = json.loads(text)
    assert problem["status"] == 400 and problem["detail"]


def test_private_or_unknown_maps_do_not_exist(client):
    assert client.get("/hsds/services?tenant=nergens")[0] == 404
    assert client.get("/hsds/services")[0] == 400
    assert client.get("/hsds/services/00000000-0000-0000-0000-000000000000" + TENANT)[0] == 404


def test_export_is_an_organization_package(client, server, schemas):
    client.sign_in(server["logins"]["beheerder"])
    status, text, _ = client.get("/admin/social-map/export.json")
    assert status == 200, text[:300]
    package = json.loads(text)
    assert isinstance(package, list) and package
    for organization in package:
        services = organization.get("services", [])
        assert_valid(schemas("organization.json"), {k: v for k, v in organization.items() if k != "services"}, "package organization")
        for service in services:
            assert_valid(schemas("service.json"), service, "package service")


def test_a_standard_client_works_on_the_maps_own_base_url(server):
    """The official HSDS 3.0 openapi.json, unmodified, pointed at the demo
    map's own base URL: schemathesis finds no server error and no answer that
    breaks the schema (the document lists only 200 answers; a 404 for a made-up
    id or a 400 for a bad parameter is ours to give, and is not a failure)."""
    artifacts = ROOT / "artifacts" / "schemathesis"
    artifacts.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, str(ROOT / "Tests/API/hsds_offline.py"), "run", str(ROOT / "Tests/API/hsds-3.0/openapi.json"),
         "--url", server["base"] + "/t/voorbeeld/hsds",
         "--checks", "not_a_server_error,response_schema_conformance",
         "--max-examples", "40", "--seed", "2026", "--request-timeout", "10", "--workers", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    (artifacts / "output-hsds.txt").write_text(result.stdout + result.stderr, encoding="utf-8")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "Tested: 11" in result.stdout or "11 selected" in result.stdout, result.stdout[-2000:]
