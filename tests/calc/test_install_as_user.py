"""The Calc install steps of the guide, as an ordinary user would follow them: from a
checkout they cannot write to, a wheel built from a copy, a virtual environment of the
Python LibreOffice runs, `xlplugin calc install`, then Check and Priorities clicked in Calc
on a Dutch workbook of 300 touchpoints with typical mistakes."""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import openpyxl

from xlplugin.api import check_workbook
from xlplugin.workbook import write_workbook

from helpers.journeys import big_journey
from helpers.paths import ROOT

USER = "xlplugin-marketer"
DRIVER = Path(__file__).with_name("calc_driver.py")


def _checkout(to: Path) -> Path:
    """The repository's files (as git has them) in a folder the user can read but not write."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        if (ROOT / name).is_file():
            (to / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, to / name)
    for path in sorted(to.rglob("*"), reverse=True):
        path.chmod(0o555 if path.is_dir() else 0o444)
    to.chmod(0o555)
    return to


def _as_user(home: Path) -> list[str]:
    if os.geteuid() != 0:
        return ["env", f"HOME={home}"]
    return ["runuser", "-u", USER, "--", "env", f"HOME={home}", "PATH=/usr/bin:/bin"]


def test_an_ordinary_user_installs_as_the_guide_says_and_clicks_in_calc():
    tmp_path = Path(tempfile.mkdtemp(prefix="xlplugin-user-"))  # pytest's own folder is private to root
    home = tmp_path / "home"
    created = False
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(USER)
        except KeyError:
            subprocess.run(["useradd", "-M", "-d", str(home), "-s", "/bin/sh", USER], check=True)
            created = True
    tmp_path.chmod(0o755)
    home.mkdir()
    if os.geteuid() == 0:
        shutil.chown(home, USER, USER)
    checkout = _checkout(tmp_path / "checkout")
    user = _as_user(home)

    def run(command: str, timeout: int = 600) -> subprocess.CompletedProcess:
        done = subprocess.run([*user, "sh", "-c", f"cd ~ && {command}"], capture_output=True, text=True,
                              timeout=timeout)
        assert done.returncode == 0, f"{command}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        return done

    office = None
    try:
        # The guide's steps, word for word but for the checkout's place.
        run(f"cp -r {checkout} /tmp/xlplugin-src-$(id -u) && chmod -R u+w /tmp/xlplugin-src-$(id -u)")
        run("/usr/bin/python3 -m venv --system-site-packages ~/.xlplugin")
        run("~/.xlplugin/bin/python -m pip wheel -q --no-deps -w ~/wheels /tmp/xlplugin-src-$(id -u)")
        run("~/.xlplugin/bin/python -m pip install -q ~/wheels/xlplugin-*.whl")
        installed = run("~/.xlplugin/bin/xlplugin calc install")
        assert "Installed the Journey menu" in installed.stdout
        assert not any(p.stat().st_mode & 0o222 for p in checkout.rglob("*"))  # the checkout is untouched

        doc = big_journey(300, "1-5")
        doc["language"] = "nl"
        book = home / "reis.xlsx"
        write_workbook(book, doc, "nl")
        wb = openpyxl.load_workbook(book)
        tps = wb["Contactmomenten"]
        tps["F5"], tps["G7"], tps["G9"], wb["Blauwdruk"]["A10"] = "hoog", 9, "4,5", "K7"
        wb.save(book)
        if os.geteuid() == 0:
            shutil.chown(book, USER, USER)

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        office = subprocess.Popen(
            [*user, "soffice", "--headless", "--invisible", "--norestore", "--nologo",
             f"--accept=socket,host=127.0.0.1,port={port};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        done = subprocess.run(["/usr/bin/python3", str(DRIVER), "click", str(port), str(book),
                               "menu:Journey:Check>Bevindingen", "menu:Journey:Priorities>Prioriteiten"],
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        views = json.loads(done.stdout.splitlines()[-1])["views"]
        check, priorities = views
        # Every typed mistake has its own finding at its cell, the same as the command line's check.
        expected = {(f.sheet, f.cell, f.code) for f in check_workbook(book).findings if f.severity == "error"}
        shown = {(r[2], r[3], r[1]) for r in check["values"]["Bevindingen"][1:] if r[0] == "fout"}
        assert shown == expected
        assert {("Contactmomenten", "F5"), ("Contactmomenten", "G7"), ("Blauwdruk", "A10")} <= {
            (s, c) for s, c, _ in shown}
        assert ("Contactmomenten", "G9") not in {(s, c) for s, c, _ in shown}  # 4,5 as text is a rating
        # The chart: rating across, importance up.
        [axes] = priorities["chart_axes"]
        assert (axes["x_title"], axes["series"][0]["values-x"]["header"]) == ("Waardering", "Waardering")
        assert (axes["y_title"], axes["series"][0]["values-y"]["header"]) == ("Belang", "Belang")
        # The user's files keep normal permissions: the workbook stays theirs to edit and share.
        saved = Path(json.loads(done.stdout.splitlines()[-1])["saved"])
        assert saved.stat().st_mode & 0o600 == 0o600
    finally:
        if office is not None:
            os.killpg(office.pid, signal.SIGTERM)
            office.wait(timeout=60)
            time.sleep(0.5)
        subprocess.run(["rm", "-rf", "/tmp/xlplugin-src-" + (str(pwd.getpwnam(USER).pw_uid)
                                                               if os.geteuid() == 0 else str(os.getuid()))])
        if created:
            subprocess.run(["userdel", USER], capture_output=True)
        for path in checkout.rglob("*"):  # the read-only checkout, so it can be removed (no links in it)
            with contextlib.suppress(OSError):
                path.chmod(0o755 if path.is_dir() else 0o644)
        checkout.chmod(0o755)
        shutil.rmtree(tmp_path, ignore_errors=True)
