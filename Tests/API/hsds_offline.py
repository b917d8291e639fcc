"""Runs schemathesis on the official HSDS 3.0 openapi.json, unmodified.

That document names its schemas by their addresses on raw.githubusercontent.com,
and the tests run without the internet, so those addresses are answered from
the copies of the same official files in hsds-3.0/ (and nothing else is).

    python3 Tests/API/hsds_offline.py run Tests/API/hsds-3.0/openapi.json --url BASE …
"""
import pathlib
import runpy
import sys

import requests

SPECIFICATION = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OFFICIAL = (pathlib.Path(__file__).parent / "hsds-3.0").resolve()


class OfficialFiles(requests.adapters.BaseAdapter):
    """Answers a request for a file of the specification with the local copy of that file."""

    def send(self, request, **kwargs):
        response = requests.Response()
        response.url, response.request = request.url, request
        path = (OFFICIAL / request.url[len(SPECIFICATION):].split("?")[0]).resolve()
        if path.is_file() and OFFICIAL in path.parents:
            response.status_code, response._content = 200, path.read_bytes()
            response.headers["Content-Type"] = "application/json"
        else:
            response.status_code, response._content = 404, b""
        return response

    def close(self):
        pass


_session_init = requests.Session.__init__


def _with_official_files(self, *args, **kwargs):
    _session_init(self, *args, **kwargs)
    self.mount(SPECIFICATION, OfficialFiles())


requests.Session.__init__ = _with_official_files
sys.argv = ["schemathesis", *sys.argv[1:]]
runpy.run_module("schemathesis.cli", run_name="__main__")
