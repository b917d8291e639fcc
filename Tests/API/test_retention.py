"""`samenspel retention run` as an operator types it, on a copy of the demo:
a file closed long ago is listed by --dry-run (nothing changes), erased by
the run, and `audit verify` still passes."""
import json, sqlite3, subprocess, tempfile


def run(server, data, *arguments):
    env = dict(server["env"], SAMENSPEL_DATA_DIR=data)
    return subprocess.run([server["binary"], *arguments], env=env, capture_output=True, text=True, timeout=300)


def test_a_file_closed_long_ago_is_listed_then_erased(server):
    data = tempfile.mkdtemp(prefix="samenspel-retention-")
    assert run(server, data, "demo", "--json").returncode == 0
    with sqlite3.connect(f"{data}/samenspel.sqlite") as db:
        household, name = db.execute("SELECT id, name FROM households ORDER BY name LIMIT 1").fetchone()
        db.execute("UPDATE involvements SET starts_on = '2001-01-01', ends_on = '2010-01-01' WHERE household_id = ?", (household,))
        db.execute("UPDATE residents SET birth_date = '1960-01-01' WHERE household_id = ?", (household,))
    listed = run(server, data, "retention", "run", "--dry-run")
    assert listed.returncode == 0, listed.stderr
    assert "would erase 1 household files" in listed.stdout, listed.stdout
    assert "(household-file, closed 2010-01-01, kept until 2017-01-01)" in listed.stdout
    with sqlite3.connect(f"{data}/samenspel.sqlite") as db:
        assert db.execute("SELECT name FROM households WHERE id = ?", (household,)).fetchone()[0] == name, "a dry run changes nothing"

    done = run(server, data, "retention", "run")
    assert done.returncode == 0 and "erased 1 household files" in done.stdout, done.stdout + done.stderr
    with sqlite3.connect(f"{data}/samenspel.sqlite") as db:
        assert db.execute("SELECT name, anonymised_at IS NOT NULL FROM households WHERE id = ?", (household,)).fetchone() == ("", 1)
        names = db.execute("SELECT given_name || family_name FROM residents WHERE household_id = ?", (household,)).fetchall()
        assert names and all(row[0] == "" for row in names)
    verified = run(server, data, "audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "would erase 0 household files" in run(server, data, "retention", "run", "--dry-run").stdout
