"""Issue 27: the monitor reads from a PostgreSQL streaming replica
(DATABASE_READ_URL); everything else stays on the primary. "Figures up to
<time>" stays true while the replica lags, and a replica that does not
answer at start-up only costs a warning."""
import html, re, subprocess, time

from conftest import BINARY, ROOT, Client, Server, free_port


def psql(url, sql):
    return subprocess.run(["psql", url, "-Atc", sql], check=True, capture_output=True, text=True).stdout.strip()


def up_to(page):
    match = re.search(r"Cijfers bijgewerkt tot ([^<]+)\.", page)
    assert match, "the monitor says how recent its figures are"
    return html.unescape(match.group(1))


def analyst_on(cluster, server):
    client = Client(f"http://127.0.0.1:{server.port}")
    client.sign_in(cluster["logins"]["analist"])
    return client


def refresh_on_primary(cluster):
    subprocess.run([BINARY, "kpi", "refresh"], cwd=ROOT, env=cluster["env"], check=True, capture_output=True)
    return psql(cluster["env"]["DATABASE_URL"], "SELECT refreshed_at FROM monitor_refreshes ORDER BY refreshed_at DESC LIMIT 1")


def test_the_monitor_reads_the_replica_and_says_how_far_it_got(cluster):
    # (The cluster's two servers refresh the monitor every few seconds meanwhile: the primary keeps moving.)
    exports = subprocess.run([str(ROOT / "scripts/postgres-replica"), cluster["env"]["DATABASE_URL"], cluster["pg_dir"]],
                             check=True, capture_output=True, text=True).stdout
    replica = re.search(r"DATABASE_READ_URL=(\S+)", exports).group(1)
    refresh_on_primary(cluster)
    reader = Server({**cluster["env"], "DATABASE_READ_URL": replica, "SAMENSPEL_KPI_REFRESH_SECONDS": "0"}, "reader", cluster["dir"])
    reader.start()
    try:
        assert "the monitor reads from the replica" in reader.log.read_text()
        analyst = analyst_on(cluster, reader)
        for _ in range(50):  # the replica catches up within moments
            status, page, _ = analyst.request("/monitor")
            if status == 200 and "Cijfers bijgewerkt tot" in page:
                break
            time.sleep(0.2)
        before = up_to(page)

        psql(replica, "SELECT pg_wal_replay_pause()")
        time.sleep(1.1)  # the shown time has a resolution of minutes at most; the stored one moves on
        newer = refresh_on_primary(cluster)
        caught_up = f"SELECT max(refreshed_at) >= '{newer}'::timestamptz FROM monitor_refreshes"
        assert psql(replica, caught_up) == "f", "replay is paused"
        commits = "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"
        read_before = int(psql(replica, commits))
        status, page, _ = analyst.request("/monitor")
        assert status == 200 and up_to(page) == before, "a lagging replica's figures are labelled with its own time"
        time.sleep(1.5)  # statistics reach the view within a second
        assert int(psql(replica, commits)) - read_before >= 3, "the monitor's queries ran on the replica"
        status, api, _ = analyst.request("/api/v1/indicators/referrals-sent/values")
        assert status == 200

        psql(replica, "SELECT pg_wal_replay_resume()")
        for _ in range(50):
            if psql(replica, caught_up) == "t":
                break
            time.sleep(0.2)
        assert psql(replica, caught_up) == "t"
        # Writes still go to the primary (a hot standby refuses them): each view was recorded there.
        assert int(psql(cluster["env"]["DATABASE_URL"], "SELECT count(*) FROM access_log_entries WHERE event = 'monitor.read'")) >= 2
    finally:
        reader.stop()


def test_an_unreachable_replica_only_costs_a_warning(cluster):
    closed = free_port()
    reader = Server({**cluster["env"], "DATABASE_READ_URL": f"postgres://postgres@127.0.0.1:{closed}/postgres?sslmode=disable",
                     "SAMENSPEL_KPI_REFRESH_SECONDS": "0"}, "unreachable", cluster["dir"])
    reader.start()
    try:
        assert "DATABASE_READ_URL does not answer" in reader.log.read_text()
        status, page, _ = analyst_on(cluster, reader).request("/monitor")
        assert status == 200 and "Cijfers bijgewerkt tot" in page
    finally:
        reader.stop()
