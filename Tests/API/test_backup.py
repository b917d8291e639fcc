"""`samenspel backup` while the demo server serves and writes its access log,
`samenspel restore` into an empty data directory, and `samenspel audit verify`
on what came back — the commands as an operator types them. (That every
acknowledged write is restored, on SQLite and PostgreSQL, is BackupRestoreTests.)"""
import pathlib, subprocess, tempfile, threading

PASSPHRASE = "een lange zin als wachtwoord"


def run(server, data, *arguments, passphrase=PASSPHRASE):
    env = dict(server["env"], SAMENSPEL_DATA_DIR=str(data), SAMENSPEL_BACKUP_PASSPHRASE=passphrase)
    return subprocess.run([server["binary"], *arguments], env=env, capture_output=True, text=True, timeout=300)


def test_backup_while_serving_restore_and_verify(server, client):
    client.sign_in(server["logins"]["professional"])
    # Pages that write the access log keep coming while the backup is taken.
    stop = threading.Event()
    pages = []

    def read():
        while not stop.is_set():
            pages.append(client.get("/worklist")[0])
    reader = threading.Thread(target=read)
    reader.start()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = pathlib.Path(scratch)
        try:
            taken = run(server, server["data"], "backup", str(scratch / "samenspel.backup"))
        finally:
            stop.set()
            reader.join()
        assert taken.returncode == 0, taken.stdout + taken.stderr
        assert pages and set(pages) == {200}
        backup = (scratch / "samenspel.backup").read_bytes()
        assert backup.startswith(b"SAMENSPEL-BACKUP") and b"SQLite format" not in backup

        restored = scratch / "restored"
        done = run(server, restored, "restore", str(scratch / "samenspel.backup"))
        assert done.returncode == 0, done.stdout + done.stderr
        assert {p.name for p in restored.iterdir()} >= {"samenspel.sqlite", "keys.json"}
        verified = run(server, restored, "audit", "verify")
        assert verified.returncode == 0, verified.stdout + verified.stderr
        assert "intact" in verified.stdout

        again = run(server, restored, "restore", str(scratch / "samenspel.backup"))
        assert again.returncode != 0 and "not empty" in again.stderr
        wrong = run(server, scratch / "elsewhere", "restore", str(scratch / "samenspel.backup"), passphrase="een andere zin dan die")
        assert wrong.returncode != 0 and "passphrase is wrong" in wrong.stderr
        assert not (scratch / "elsewhere" / "samenspel.sqlite").exists()
