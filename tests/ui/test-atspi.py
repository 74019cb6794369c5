#!/usr/bin/python3
# test-atspi.py — drive the real Mekong window from outside, as a screen
# reader or a person with a keyboard would, over AT-SPI.
#
# Run inside a D-Bus session with an X display (the test command does that):
#   test-atspi.py MEKONG_BINARY
# Prints TAP. Starts mekong on a throwaway archive, which imports the bundled
# sample articles on first start.
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

TIMEOUT = 30.0
results = []


def tap(ok, name, detail=""):
    results.append(ok)
    print(("ok" if ok else "not ok") + f" {len(results)} - {name}", flush=True)
    if detail and not ok:
        for line in detail.splitlines():
            print(f"# {line}")


def wait_for(predicate, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:  # the tree changes under us while rows load
            value = None
        if value:
            return value
        time.sleep(0.2)
    return None


def walk(node, depth=0):
    if node is None or depth > 40:
        return
    yield node
    for i in range(node.get_child_count()):
        yield from walk(node.get_child_at_index(i), depth + 1)


def find(root, role, name=None):
    for node in walk(root):
        if node.get_role_name() == role and (name is None or node.get_name() == name):
            return node
    return None


def find_app(pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def list_rows(list_node):
    return [c for c in (list_node.get_child_at_index(i) for i in range(list_node.get_child_count()))
            if c is not None and c.get_role_name() == "list item"]


def row_text(row):
    texts = []
    for node in walk(row):
        if node.get_role_name() == "label":
            texts.append(node.get_name())
    return " | ".join(texts)


def article_text(app, words):
    """The text of a text view on screen that contains @words, if any."""
    for node in walk(app):
        if node.get_role_name() not in ("text", "document text", "paragraph"):
            continue
        iface = node.get_text_iface()
        if iface is None:
            continue
        text = iface.get_text(0, iface.get_character_count())
        if words in text:
            return text
    return None


def click_in_window(pid, node):
    # A real mouse click in the middle of the node, as a person makes it:
    # GTK 4.8 list items offer no AT-SPI action that activates them, and
    # give positions only within their window, whose place X knows.
    extents = node.get_extents(Atspi.CoordType.WINDOW)
    window = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(pid)],
                            check=True, capture_output=True, text=True).stdout.split()[0]
    geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window],
                              check=True, capture_output=True, text=True).stdout
    origin = dict(line.split("=", 1) for line in geometry.split())
    x = int(origin["X"]) + extents.x + extents.width // 2
    y = int(origin["Y"]) + extents.y + extents.height // 2
    subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)


def check_entity_filter(app, entry, articles):
    """The entity pane lists the article's places; clicking one narrows
    the list and shows a chip whose close button undoes it."""
    entry.get_editable_text_iface().set_text_contents("")
    wait_for(lambda: len(list_rows(articles)) == 7)
    places = wait_for(lambda: find(app, "list", "Places"))
    tap(places is not None, "the entity pane's places are found by their accessible name")
    if places is None:
        return

    rows = wait_for(lambda: list_rows(places))
    names = [row_text(r) for r in rows] if rows else []
    tap(bool(rows), "the pane lists the places of the selected article", repr(names))
    if not rows:
        return

    click_in_window(app.get_process_id(), rows[0])
    narrowed = wait_for(lambda: 0 < len(list_rows(articles)) < 7 and list_rows(articles))
    chip = wait_for(lambda: find(app, "push button", "Remove Filter"))
    tap(narrowed is not None and chip is not None,
        "clicking a place narrows the list and shows the filter's chip",
        f"place {names[0]}, rows {len(list_rows(articles))}")
    if chip is None:
        return

    chip.get_action_iface().do_action(0)
    back = wait_for(lambda: len(list_rows(articles)) == 7)
    tap(back is not None, "the chip's close button brings every article back",
        f"rows: {len(list_rows(articles))}")


def die_with_parent():
    # If this driver dies, the app must not live on holding the test's
    # output pipe open (meson would wait for it until its timeout).
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def main():
    binary = sys.argv[1]
    workdir = tempfile.mkdtemp(prefix="mekong-atspi-")
    # Warnings are fatal in the app under test (as in every test), not in
    # this driver: libatspi warns about objects that vanish while rows load.
    env = dict(os.environ, GTK_A11Y="atspi", G_DEBUG="fatal-warnings")
    env.pop("NO_AT_BRIDGE", None)
    app_proc = subprocess.Popen([binary, "--archive", os.path.join(workdir, "a.db")], env=env,
                                preexec_fn=die_with_parent)
    try:
        app = wait_for(lambda: find_app(app_proc.pid))
        tap(app is not None, "the application appears on the accessibility bus")
        if app is None:
            return

        entry = wait_for(lambda: find(app, "entry", "Search articles"))
        tap(entry is not None, "the search entry is found by its accessible name")
        articles = wait_for(lambda: find(app, "list", "Articles"))
        tap(articles is not None, "the article list is found by its accessible name")
        if entry is None or articles is None:
            return

        # Every control a person can press has a name a screen reader says
        # (those of the window and of its rows and panes; popovers are not
        # in the tree until opened).
        controls = [node for node in walk(app)
                    if node.get_role_name() in ("push button", "toggle button", "check box",
                                                "combo box", "menu button", "entry", "spin button")]
        unnamed = [f"{node.get_role_name()} in {node.get_parent().get_role_name()}"
                   for node in controls if not (node.get_name() or "").strip()]
        tap(len(controls) > 5 and not unnamed,
            "every control on screen has an accessible name",
            f"{len(controls)} controls; unnamed: {unnamed}")

        rows = wait_for(lambda: len(list_rows(articles)) >= 7 and list_rows(articles))
        tap(rows is not None and len(rows) == 7, "the list shows the seven sample articles",
            f"rows: {len(list_rows(articles))}")

        entry.get_editable_text_iface().set_text_contents("Quynh Oanh")
        one = wait_for(lambda: len(list_rows(articles)) == 1 and list_rows(articles))
        text = row_text(one[0]) if one else ""
        tap(one is not None and "Senior Colonel Cao Xuan Thang" in text,
            "typing a name narrows the list to the one article naming it", text)

        # The article pane's text, as a screen reader reads it.
        body = wait_for(lambda: article_text(app, "Quynh Oanh"))
        tap(body is not None, "the article's text is exposed to assistive technology",
            (body or "")[:200])

        check_entity_filter(app, entry, articles)
    finally:
        app_proc.terminate()
        try:
            app_proc.wait(10)
        except subprocess.TimeoutExpired:
            app_proc.kill()
        shutil.rmtree(workdir, ignore_errors=True)
        print(f"1..{len(results)}")


if __name__ == "__main__":
    main()
    sys.exit(0 if results and all(results) else 1)
