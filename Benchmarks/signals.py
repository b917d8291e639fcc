#!/usr/bin/env python3
"""Helpers for Benchmarks/signals (signals by file, issue 23).

  signals.py csv ROWS FILE
      A partner's file of ROWS rent-arrears signals in the layout the upload
      recognises by itself (semicolons, dd-mm-yyyy, "412,50", "1234 AB").
      Every row has its own reference, name and postcode, so each becomes a
      case of its own and no match is even uncertain.
  signals.py cookie BASE USER PASSWORD TOTP_SECRET
      Signs in (password, then TOTP) and prints COOKIE='…' for the shell.
  signals.py import BASE USER PASSWORD TOTP_SECRET FILE
      Signs in as the partner's professional and sends FILE through the pages:
      upload, mapping (the check of every row, synchronous, timed), import
      (in the background; /progress polled every POLL seconds until it says
      imported, timed). Prints shell assignments: FORM_UPLOAD_STATUS (what the
      upload as the browser sends it answered), UPLOAD_S, CHECK_S, IMPORT_S,
      ROWS_DONE, ROWS_TOTAL, STATUS, PROGRESS_ERRORS, SAMPLES, UPLOAD_ID.
"""
import base64, datetime, hashlib, hmac, http.cookiejar, json, os, re, struct, sys, time, urllib.error, urllib.parse, urllib.request, uuid

HEADER = ["Kenmerk", "Voornaam", "Achternaam", "Geboortedatum", "Straat", "Huisnummer", "Postcode", "Woonplaats", "Bedrag", "Maanden", "Datum"]
FIELDS = {"reference": "Kenmerk", "given_name": "Voornaam", "family_name": "Achternaam", "birth_date": "Geboortedatum", "street": "Straat",
          "house_number": "Huisnummer", "postcode": "Postcode", "city": "Woonplaats", "amount": "Bedrag", "months": "Maanden", "signalled_on": "Datum"}
GIVEN = ["Anna", "Bram", "Chantal", "Daan", "Esra", "Fatima", "Gert", "Hanna", "Ismail", "Joke", "Kees", "Lotte", "Mehmet", "Nina", "Omar", "Petra"]
PARTS = (["Berg", "Dijk", "Hof", "Bos", "Veld", "Brink", "Kamp", "Wijk", "Laan", "Horst", "Beek", "Rade", "Hout", "Meer", "Stee", "Burg",
          "Hage", "Kerk", "Molen", "Vaart"],
         ["man", "ers", "stra", "inga", "huis", "mans", "kes", "sen", "dam", "voort", "hoven", "brug", "weg", "land", "heim", "rink",
          "sma", "ema", "ink", "ert"],
         ["a", "e", "i", "o", "u", "y", "ae", "ie", "oe", "ou", "ei", "au", "ij", "ui", "eu", "aa", "ee", "oo", "uu", "ia",
          "io", "ea", "eo", "ua", "ue", "oa", "ai", "oi", "uy", "ey", "ay", "oy", "iu", "eau", "aai", "ooi", "oei", "ieu", "uw", "aw"])
STREETS = ["Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Stationsweg", "Julianastraat", "Beatrixlaan", "Parallelweg",
           "Wilhelminastraat", "Nieuwstraat", "Markt", "Lindelaan", "Eikenlaan", "Prinsengracht", "Hoofdstraat", "Sportlaan"]


def csv_file(rows, path):
    today = datetime.date.today()
    born = datetime.date(1950, 1, 1)
    a, b, c = PARTS
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(";".join(HEADER) + "\r\n")
        for i in range(rows):
            family = a[i % 20] + b[(i // 20) % 20] + c[(i // 400) % 40] + ["", "s", "n", "er", "el", "ing", "ot"][i // 16000 % 7]  # unique up to 112,000
            letters = i // 9000  # postcode unique per row: 9,000 digit groups × letter pairs
            postcode = f"{1000 + i % 9000} {chr(65 + letters // 26)}{chr(65 + letters % 26)}"
            birth = born + datetime.timedelta(days=(i * 7919) % 18000)
            day = today - datetime.timedelta(days=1 + i % 25)
            out.write(";".join([
                f"BENCH-{i + 1:06d}", GIVEN[i % len(GIVEN)], family, birth.strftime("%d-%m-%Y"), STREETS[i % len(STREETS)], str(1 + i % 180),
                postcode, "Voorbeeld", f"{100 + i % 2400},{i % 100:02d}", str(1 + i % 12), day.strftime("%d-%m-%Y")]) + "\r\n")


def totp(secret, at=None):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int((at or time.time()) // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


class Client:
    def __init__(self, base):
        self.base, self.jar = base, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=3600) as answer:
            return answer.read().decode()

    def csrf(self, path):
        return re.search(r'name="_csrf" value="([^"]+)"', self.get(path)).group(1)

    def post(self, path, form, page=None):
        """POSTs a form (its _csrf from `page`, or from the path itself); returns (final URL, body) after redirects."""
        body = urllib.parse.urlencode({**form, "_csrf": self.csrf(page or path)}).encode()
        with self.opener.open(self.base + path, body, timeout=3600) as answer:
            return answer.geturl(), answer.read().decode()

    def sign_in(self, username, password, secret):
        self.post("/login", {"username": username, "password": password})
        if secret in ("", "-"):  # a resident signs in without a second factor
            return "; ".join(f"{c.name}={c.value}" for c in self.jar)
        try:
            self.post("/login/second-factor", {"code": totp(secret)})
        except urllib.error.HTTPError:
            # This window's code was used already (a sign-in moments before): wait for the next.
            time.sleep(31 - time.time() % 30)
            self.post("/login/second-factor", {"code": totp(secret)})
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)

    def upload(self, path, file_path, token_header=False):
        """The form's multipart POST; with token_header the CSRF token goes in X-CSRF-Token too."""
        boundary, token = uuid.uuid4().hex, self.csrf(path)
        data = open(file_path, "rb").read()
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n{token}\r\n'.encode(),
                 f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{os.path.basename(file_path)}"\r\n'
                 f'Content-Type: text/csv\r\n\r\n'.encode() + data + b"\r\n", f"--{boundary}--\r\n".encode()]
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        if token_header:
            headers["X-CSRF-Token"] = token
        request = urllib.request.Request(self.base + path, b"".join(parts), headers)
        with self.opener.open(request, timeout=3600) as answer:
            return answer.geturl(), answer.read().decode()


def fail(message, error=None):
    if isinstance(error, urllib.error.HTTPError):
        text = re.sub(r"<[^>]+>", " ", error.read().decode(errors="replace"))
        message += f" ({error.code}: {' '.join(text.split())[:600]})"
    print(message, file=sys.stderr)
    sys.exit(1)


def send(base, username, password, secret, file_path):
    client = Client(base)
    client.sign_in(username, password, secret)
    started, form_status, url = time.monotonic(), "303", None
    try:
        url, _ = client.upload("/signals/uploads", file_path)
    except urllib.error.HTTPError as error:
        # As the browser sends it (the token only in the form). Refused: the same again with
        # the token in X-CSRF-Token too, which the CSRF check reads without collecting the body.
        form_status = str(error.code)
        print(f"  the form's upload answered {error.code}; again with X-CSRF-Token", file=sys.stderr)
    if url is None:
        started = time.monotonic()
        try:
            url, _ = client.upload("/signals/uploads", file_path, token_header=True)
        except urllib.error.HTTPError as error:
            fail("upload refused", error)
    upload_s = time.monotonic() - started
    match = re.search(r"/signals/uploads/([0-9A-Fa-f-]{36})$", url)
    if not match:
        fail(f"upload did not lead to its page: {url}")
    path = f"/signals/uploads/{match.group(1)}"
    form = {f"column_{field}": column for field, column in FIELDS.items()}
    form.update({"kind_for_all": "rent", "reminder_for_all": "on"})
    started = time.monotonic()
    try:
        _, page = client.post(path + "/mapping", form, page=path)
    except urllib.error.HTTPError as error:
        fail("mapping refused", error)
    check_s = time.monotonic() - started
    version = re.search(r'name="version" value="(\d+)"', page)
    if not version:
        fail("no import form after the check (rows refused?): " + " ".join(re.sub(r"<[^>]+>", " ", page).split())[:800])
    started = time.monotonic()
    try:
        client.post(path + "/import", {"version": version.group(1), "mode": "all"}, page=path)
    except urllib.error.HTTPError as error:
        fail("import refused", error)
    poll, limit = float(os.environ.get("POLL", "1")), float(os.environ.get("IMPORT_LIMIT", "1800"))
    progress, last_print, errors, samples = {"status": "importing", "done": 0, "total": 0}, 0.0, 0, []
    while True:
        try:
            progress = json.loads(client.get(path + "/progress"))
        except (urllib.error.HTTPError, urllib.error.URLError, TimeoutError) as error:
            errors += 1  # the page itself failing during the import is a finding: counted, and polled again
            print(f"  progress answered {getattr(error, 'code', error)}", file=sys.stderr)
        elapsed = time.monotonic() - started
        if progress["status"] != "importing" or elapsed > limit:
            break
        if elapsed - last_print > 30:
            last_print = elapsed
            samples.append(f"{elapsed:.0f}s:{progress['done']}")
            print(f"  {progress['done']}/{progress['total']} after {elapsed:.0f} s", file=sys.stderr)
        time.sleep(poll)
    import_s = time.monotonic() - started
    status = progress["status"] if progress["status"] != "importing" else f"still importing after {limit:.0f} s"
    print(f"FORM_UPLOAD_STATUS='{form_status}' UPLOAD_ID='{match.group(1)}' UPLOAD_S='{upload_s:.2f}' CHECK_S='{check_s:.2f}' IMPORT_S='{import_s:.1f}' "
          f"ROWS_DONE='{progress['done']}' ROWS_TOTAL='{progress['total']}' STATUS='{status}' PROGRESS_ERRORS='{errors}' SAMPLES='{' '.join(samples)}'")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "csv":
        csv_file(int(args[0]), args[1])
    elif command == "cookie":
        print(f"COOKIE='{Client(args[0]).sign_in(*args[1:4])}'")
    elif command == "import":
        send(*args[:5])
    else:
        fail(__doc__)
