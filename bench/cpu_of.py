"""The CPU a command uses, every process it starts included: `python bench/cpu_of.py CMD ARGS...`.

`/usr/bin/time` counts only the processes its command waits for, and Chromium's renderers are
not waited for by anyone of the test run: when the browser closes they pass to init, and their
CPU (most of a browser test's) leaves the count. This process makes itself their reaper
(PR_SET_CHILD_SUBREAPER), waits for every one of them, then prints its children's user and
system time with the wall time."""
from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def main(argv: list[str]) -> int:
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")
    start = time.monotonic()
    code = subprocess.call(argv)
    while True:   # the orphans handed to this process as their parents end
        try:
            os.wait()
        except ChildProcessError:
            break
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"cpu_of: {usage.ru_utime:.1f} s user, {usage.ru_stime:.1f} s system, "
          f"{usage.ru_utime + usage.ru_stime:.1f} s CPU, {time.monotonic() - start:.1f} s wall", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
