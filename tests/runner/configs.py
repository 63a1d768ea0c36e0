# tests/configs: one configuration per line, what each must show, and the suites in
# the source that a selftest= glob selects.
import glob as globmod
import math
import os
import re
import shlex
import sys

from .qemu import ELF, ISO, ROOT, qemu_argv, test_irq_warn, test_watchdog_thresh


class Config:
    """One line of tests/configs: name | timeout | expectation | QEMU arguments | command line."""

    def __init__(self, name, timeout, expect, qemu_args, cmdline):
        self.name, self.timeout, self.cmdline = name, timeout, cmdline
        self.expect = [e.strip() for e in expect.split(";") if e.strip()]
        self.qemu_args = qemu_args
        self.stop_at = self.value("stop")
        self.driver = self.value("drive")
        self.suites = [s for s in (self.value("suites") or "").split(",") if s]
        self.min_cases = int(self.value("min") or 0)
        self.passes = not self.outcomes()  # no failure expected: everything must pass
        m = re.search(r"(?:^|\s)selftest(?:=(\S*))?(?:\s|$)", cmdline)
        self.globs = None if not m else [g for g in (m.group(1) or "*").split(",")]

    def value(self, kind):
        return next((e.split(":", 1)[1] for e in self.expect if e.startswith(kind + ":")), None)

    def outcomes(self):
        """Expected problems of a configuration that must fail (fail:, panic:, ...)."""
        return [tuple(e.split(":", 1)) for e in self.expect
                if ":" in e and e.split(":", 1)[0] not in NOT_OUTCOMES]

    def argv(self, scale=1.0):
        """The QEMU command. The guest's own timeouts on the command line
        (hung_task_timeout_secs=N, and watchdog_thresh=, irq_warn_us= unless the
        configuration sets them) are scaled like the runner's."""
        args = [a.format(elf=ELF, iso=ISO) for a in shlex.split(self.qemu_args)]
        cmdline = re.sub(r"\bhung_task_timeout_secs=(\d+)",
                         lambda m: "hung_task_timeout_secs=%d" % math.ceil(int(m.group(1)) * scale),
                         self.cmdline)
        cmdline = re.sub(r"\{pad:(\d+)\}", lambda m: "x" * int(m.group(1)), cmdline)
        if "-kernel" in args and "watchdog_thresh=" not in cmdline:
            cmdline = (test_watchdog_thresh(scale) + " " + cmdline).strip()
        if "-kernel" in args and "irq_warn_us=" not in cmdline:
            cmdline = (test_irq_warn(scale) + " " + cmdline).strip()  # first: a cut keeps it
        if cmdline:
            args += ["-append", cmdline]
        return qemu_argv(args)


# Expectation items that are not problems the analysis must report.
NOT_OUTCOMES = {"log", "nolog", "stop", "drive", "suites", "min"}


def read_configs(path):
    configs = []
    for lineno, line in enumerate(open(path), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("|")]
        if len(cols) != 5:
            sys.exit("%s:%d: want 5 columns separated by '|', got %d" % (path, lineno, len(cols)))
        configs.append(Config(cols[0], int(cols[1]), cols[2], cols[3], cols[4]))
    return configs


SUITE_DEF = re.compile(r"struct kunit_suite\s+\w+\s*=\s*\{(.*?)\};", re.S)


def known_suites():
    """Every suite in the source: {name: explicit_only}."""
    suites = {}
    for path in globmod.glob(os.path.join(ROOT, "**", "*.c"), recursive=True):
        if "/build/" in path:
            continue
        text = open(path, errors="replace").read()
        if "kunit_test_suite(" not in text:
            continue
        for body in SUITE_DEF.findall(text):
            m = re.search(r'\.name\s*=\s*"([^"]+)"', body)
            if m:
                suites[m.group(1)] = bool(re.search(r"\.explicit_only\s*=\s*true", body))
    return suites


def glob_match(pattern, name):
    """The kernel's glob (kernel/lib/glob.c): * and ? and [...]."""
    rx = ""
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "*":
            rx += ".*"
        elif c == "?":
            rx += "."
        elif c == "[" and "]" in pattern[i + 1:]:
            j = pattern.index("]", i + 1)
            rx += "[" + pattern[i + 1:j].replace("!", "^", 1) + "]"
            i = j
        else:
            rx += re.escape(c)
        i += 1
    return re.fullmatch(rx, name) is not None


def selected_suites(globs, suites):
    """The suites selftest=GLOBS runs, and the globs that select none."""
    chosen, unmatched = set(), []
    for g in globs:
        hits = {n for n, explicit in suites.items() if (n == g if explicit else glob_match(g, n))}
        if not hits and g != "list":
            unmatched.append(g)
        chosen |= hits
    return chosen, unmatched
