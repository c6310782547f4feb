"""`python -m macros COMMAND ...` as a user runs it, in this process.

Each `python -m macros` started as a subprocess costs about a second of a core to import the
package again; the suite runs the command line about a hundred times with bad input. The tests
run the same `main()` that `python -m macros` runs, with its output captured as the terminal
would show it; a test whose point is a time limit (input built to make a parser grind) passes
`timeout` and gets a real subprocess that the limit can stop."""
from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

from macros.__main__ import main
from macros.project import ROOT


def macros_cli(*args: str, cwd: Path = ROOT, timeout: float | None = None) -> subprocess.CompletedProcess[str]:
    argv = [str(a) for a in args]
    if timeout is not None:
        return subprocess.run([sys.executable, "-m", "macros", *argv], cwd=cwd, capture_output=True, text=True,
                              timeout=timeout)
    out, err = io.StringIO(), io.StringIO()
    before = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as stop:   # as the interpreter reports a SystemExit that carries a message
                code = stop.code if isinstance(stop.code, int) else 1
                if stop.code is not None and not isinstance(stop.code, int):
                    print(stop.code, file=sys.stderr)
    finally:
        os.chdir(before)
    return subprocess.CompletedProcess(["python", "-m", "macros", *argv], code, out.getvalue(), err.getvalue())
