#!/usr/bin/env python3
"""Record which copydesk language servers code-server starts, and from which binary.

Usage: server_pids.py ROOT_PID BUNDLED_EXE PIDS_FILE FOREIGN_FILE PATH_FILE

The release .vsix must run the server it carries (server/copydesk inside the installed
extension), never one found on PATH. Every copydesk process descending from ROOT_PID is looked
at once: the pid of one running BUNDLED_EXE goes to PIDS_FILE (ui_test.js kills the newest to test
the restart), any other copydesk binary goes to FOREIGN_FILE as "PID EXE", which fails the test.
Each server's PATH (inherited from the extension host, the PATH the extension searched before
falling back to its bundled binary) is appended to PATH_FILE, for vscode.sh to check.
Runs until ROOT_PID is gone. Other people's copydesk processes on the machine are not ours: only
descendants of ROOT_PID count.
"""
import os
import sys
import time


def parent_of(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            # the command name is in parentheses and may hold spaces: the fields follow the last ")"
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def descends_from(pid, root):
    seen = 0
    while pid and pid > 1 and seen < 64:
        if pid == root:
            return True
        pid = parent_of(pid)
        seen += 1
    return False


def exe_of(pid):
    try:
        return os.readlink(f"/proc/{pid}/exe")
    except OSError:
        return None


def path_of(pid):
    try:
        with open(f"/proc/{pid}/environ", "rb") as f:
            for var in f.read().split(b"\0"):
                if var.startswith(b"PATH="):
                    return var[5:].decode(errors="replace")
    except OSError:
        pass
    return ""


def main():
    root, bundled, pids_file, foreign_file, path_file = sys.argv[1:6]
    root = int(root)
    bundled = os.path.realpath(bundled)
    looked_at = set()
    while os.path.exists(f"/proc/{root}"):
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) in looked_at:
                continue
            pid = int(entry)
            exe = exe_of(pid)
            # A process seen before its exec (still the forking node) is looked at again later.
            if not exe or os.path.basename(exe).split(" ")[0] != "copydesk":
                continue
            if not descends_from(pid, root):
                continue
            looked_at.add(pid)
            out = pids_file if os.path.realpath(exe) == bundled else foreign_file
            with open(out, "a") as f:
                f.write(f"{pid}\n" if out == pids_file else f"{pid} {exe}\n")
            with open(path_file, "a") as f:
                f.write(path_of(pid) + "\n")
        time.sleep(0.1)


if __name__ == "__main__":
    main()
