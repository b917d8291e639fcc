"""E-mail (issue 26) from the real binary to a real SMTP server on this
machine: aiosmtpd with STARTTLS (a certificate from a test CA the server is
told to trust) and a password that it only accepts over TLS. The mail says
that a referral waits and links to it; it names nobody."""
import base64, email, email.policy, re, socket, ssl, subprocess, tempfile, threading, time, json

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from conftest import Client
from live_server import ROOT, free_port, serve
from test_events import send_a_referral

USER, PASSWORD = b"samenspel", b"een-smtp-wachtwoord"


class Mailbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append({"from": envelope.mail_from, "to": list(envelope.rcpt_tos), "content": envelope.content,
                              "tls": session.ssl is not None, "authenticated": session.authenticated})
        return "250 Message accepted"


def authenticate(server, session, envelope, mechanism, auth_data):
    return AuthResult(success=isinstance(auth_data, LoginPassword) and auth_data.login == USER and auth_data.password == PASSWORD)


def smtp_server(directory):
    """A STARTTLS server on a free port, and the file of the CA that signed its certificate."""
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost", "127.0.0.1").configure_cert(context)
    ca_file = f"{directory}/smtp-ca.pem"
    ca.cert_pem.write_to_path(ca_file)
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port(), tls_context=context, require_starttls=True,
                            authenticator=authenticate, auth_required=True, auth_require_tls=True)
    controller.start()
    return controller, mailbox, ca_file


def demo(server, data, **settings):
    env = dict(server["env"], SAMENSPEL_DATA_DIR=data, SAMENSPEL_MAIL_SECONDS="1", SAMENSPEL_PUBLIC_URL="https://samenspel.example.nl", **settings)
    logins = {login["username"]: login for login in json.loads(
        subprocess.run([server["binary"], "demo", "--json"], cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout)}
    return env, logins


def test_a_referral_reaches_the_receivers_intake_over_starttls(server):
    data = tempfile.mkdtemp(prefix="samenspel-mail-")
    controller, mailbox, ca_file = smtp_server(data)
    env, logins = demo(server, data, SAMENSPEL_SMTP_HOST="localhost", SAMENSPEL_SMTP_PORT=str(controller.port),
                       SAMENSPEL_SMTP_USERNAME=USER.decode(), SAMENSPEL_SMTP_PASSWORD=PASSWORD.decode(), SAMENSPEL_SMTP_CA_FILE=ca_file,
                       SAMENSPEL_MAIL_FROM="Samenspel Voorbeeldstad <noreply@samenspel.example.nl>")
    port = free_port()
    process = serve(server["binary"], env, port)
    try:
        professional = Client(f"http://127.0.0.1:{port}")
        professional.sign_in(logins["professional"])
        send_a_referral(professional)
        subject = "Er is een verwijzing voor uw organisatie in Samenspel"
        parsed = lambda: [(m, email.message_from_bytes(m["content"], policy=email.policy.default)) for m in mailbox.messages]
        for _ in range(100):
            if any(message["Subject"] == subject for _, message in parsed()):
                break
            time.sleep(0.2)
        received, message = next((m, message) for m, message in parsed() if message["Subject"] == subject)
        assert [message["Subject"] for _, message in parsed()].count(subject) == 1, "one mail for one referral"
        assert all(m["tls"] and m["authenticated"] for m in mailbox.messages), "sent after STARTTLS, with the password"
        assert received["from"] == "noreply@samenspel.example.nl"
        assert len(received["to"]) == 1 and received["to"][0].startswith("aanmelding-"), "to the receiving organisation's intake"
        assert message.get_content_type() == "multipart/alternative"
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        link = re.search(r"https://samenspel\.example\.nl/referrals/[0-9A-Fa-f-]{36}", text)
        assert link and link.group(0) in html, "both parts link to the referral"
        _, page, _ = professional.get(link.group(0).removeprefix("https://samenspel.example.nl"))
        names = set(re.findall(r"<h1[^>]*>([^<]+)</h1>", page))
        assert names and not any(name.strip() in text + html for name in names), "the mail does not say whom it is about"
        assert "Graag contact" not in text + html
    finally:
        process.terminate()
        process.wait(timeout=10)
        controller.stop()


def test_a_silent_mail_server_does_not_hold_up_anyone(server):
    """A server that accepts the connection and never answers: pages answer
    as always, and the tenant admin sees the mail waiting."""
    data = tempfile.mkdtemp(prefix="samenspel-mail-")
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    held = []
    threading.Thread(target=lambda: [held.append(silent.accept()) for _ in range(8)], daemon=True).start()
    env, logins = demo(server, data, SAMENSPEL_SMTP_HOST="127.0.0.1", SAMENSPEL_SMTP_PORT=str(silent.getsockname()[1]),
                       SAMENSPEL_SMTP_SECURITY="none")
    port = free_port()
    process = serve(server["binary"], env, port)
    try:
        base = f"http://127.0.0.1:{port}"
        professional = Client(base)
        professional.sign_in(logins["professional"])
        send_a_referral(professional)
        for _ in range(50):
            if held:
                break
            time.sleep(0.2)
        assert held, "Samenspel is talking to the silent server"
        started = time.monotonic()
        send_a_referral(professional)
        assert time.monotonic() - started < 30, "the request did not wait for the mail server's timeout"
        admin = Client(base)
        admin.sign_in(logins["beheerder"])
        status, page, _ = admin.get("/admin/mail")
        assert status == 200 and "via de SMTP-server 127.0.0.1" in page
        waiting = re.search(r"<dt>Wachtend</dt><dd>(\d+)</dd>", page)
        assert waiting and int(waiting.group(1)) >= 1, page[:2000]
    finally:
        process.terminate()
        process.wait(timeout=10)
        silent.close()
