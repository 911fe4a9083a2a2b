"""A private PostgreSQL server for icq's tests: initdb into a temporary folder, listening only on
a Unix socket there (no TCP port), as an unprivileged user when the test runs as root (PostgreSQL
refuses to run as root; CI runs as root), stopped by its PID. Debian's binaries live in
/usr/lib/postgresql/<version>/bin."""
import glob
import os
import shutil
import signal
import subprocess
import tempfile
import time


def binaries():
    """The folder of the newest installed server's programs, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(p.split("/")[4]))
    if found:
        return os.path.dirname(found[-1])
    postgres = shutil.which("postgres")
    return os.path.dirname(postgres) if postgres else None


class Server:
    """initdb + postgres on a socket in a temporary folder; `with Server() as s:` stops it by PID."""

    def __init__(self, password="secret pass"):
        self.bin = binaries()
        self.password = password
        self.user = "icq"
        self.root = tempfile.mkdtemp(prefix="icq-pg-")
        os.chmod(self.root, 0o755)
        self.data = os.path.join(self.root, "data")
        self.socket = os.path.join(self.root, "socket")
        self.proc = None
        self.pid = None
        # As root, the server's files and processes belong to nobody.
        self.as_user = ["runuser", "-u", "nobody", "--"] if os.geteuid() == 0 else []

    def run(self, argv):
        r = subprocess.run(self.as_user + argv, capture_output=True, text=True, cwd="/")
        if r.returncode != 0:
            raise RuntimeError(f"{argv[0]} failed: {r.stdout}{r.stderr}")

    def __enter__(self):
        os.mkdir(self.socket)
        pwfile = os.path.join(self.root, "pw")
        with open(pwfile, "w") as fh:
            fh.write(self.password + "\n")
        if self.as_user:
            for p in (self.root, self.socket, pwfile):
                shutil.chown(p, "nobody")
        self.run([f"{self.bin}/initdb", "-D", self.data, "-U", self.user, "--pwfile", pwfile, "-A", "scram-sha-256",
                  "--no-sync", "-E", "UTF8", "--locale=C"])
        os.remove(pwfile)
        self.start()
        return self

    def start(self):
        log = open(os.path.join(self.root, "server.log"), "a")
        self.proc = subprocess.Popen(self.as_user + [f"{self.bin}/postgres", "-D", self.data, "-k", self.socket, "-c",
                                                     "listen_addresses=", "-c", "fsync=off"],
                                     stdout=log, stderr=log, cwd="/", start_new_session=True)
        deadline = time.time() + 60
        while not os.path.exists(os.path.join(self.socket, ".s.PGSQL.5432")):
            if self.proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("the test's PostgreSQL did not start:\n" + open(os.path.join(self.root, "server.log")).read())
            time.sleep(0.05)
        # The postmaster's own PID (as root, self.proc is runuser, which waits for it), and its
        # status line of postmaster.pid saying "ready" (the socket comes before connections are taken).
        deadline = time.time() + 60
        while True:
            try:
                with open(os.path.join(self.data, "postmaster.pid")) as fh:
                    lines = fh.read().splitlines()
                if len(lines) >= 8 and lines[7].strip() == "ready":
                    self.pid = int(lines[0])
                    return
            except (OSError, ValueError):
                pass
            if self.proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("the test's PostgreSQL is not ready:\n" + open(os.path.join(self.root, "server.log")).read())
            time.sleep(0.05)

    def stop(self):
        """Stops the server by its postmaster's PID: SIGINT is PostgreSQL's fast shutdown (sessions
        are ended, nothing waits for clients); SIGKILL if it has not ended within 30 s."""
        if self.proc and self.proc.poll() is None and self.pid:
            try:
                os.kill(self.pid, signal.SIGINT)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.kill(self.pid, signal.SIGKILL)
                self.proc.wait()
        self.proc = None

    def __exit__(self, *exc):
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, db="postgres", password=True, user=None):
        pw = ":" + self.password.replace(" ", "%20") if password else ""
        return f"postgresql://{user or self.user}{pw}@/{db}?host={self.socket}"

    def psql(self, db, sql=None, file=None, check=True):
        """psql as the test's superuser, with its password from the environment."""
        argv = [f"{self.bin}/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", self.socket, "-U", self.user, "-d", db]
        env = dict(os.environ, PGPASSWORD=self.password)
        if file:
            argv += ["-f", file]
        else:
            argv += ["-c", sql]
        r = subprocess.run(argv, capture_output=True, text=True, env=env)
        if check and r.returncode != 0:
            raise RuntimeError(f"psql failed: {r.stderr}")
        return r

    def tool(self, name, *args):
        env = dict(os.environ, PGPASSWORD=self.password)
        return subprocess.run([f"{self.bin}/{name}", "-h", self.socket, "-U", self.user, *args], capture_output=True, text=True,
                              env=env, check=True)
