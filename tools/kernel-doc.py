#!/usr/bin/env python3
"""Janus kernel-doc: checks and renders the API comments (Python 3 standard library only).

Every non-static function defined in kernel/, arch/, drivers/, net/ and lib/ (and the
simulated IRQ lines modules call, tests/kernel/irq_sim.c) needs Linux's kernel-doc
comment, above its definition or above its prototype in a header:

    /**
     * name() - One-line summary.
     * @arg:   what the argument is (one line per parameter; @...: for varargs)
     *
     * Optional description.
     *
     * Context: which contexts may call it; whether it may sleep.
     * Return: what it returns (required unless the function returns void).
     */

A function whose body calls might_sleep(), might_sleep_if() or might_fault()
must say "may sleep" in its Context: line (for the case that sleeps, if it
distinguishes cases): the comment states the rule the run-time check enforces.
Conversely a Context: that says "does not sleep" must not belong to a function
that calls, directly or through other functions, one that may sleep.

    tools/kernel-doc.py check           check what tools/kernel-doc.enforced lists
    tools/kernel-doc.py check PATH...   check these files or directories (exit 1 on a problem)
    tools/kernel-doc.py stats           documented/total per directory, for every file
    tools/kernel-doc.py render OUTDIR   write OUTDIR/<dir>.md, the API reference (make docs)
    tools/kernel-doc.py selftest        the checker on tests/kernel-doc/fixture.c
    tools/kernel-doc.py names [PATH...] comments and documents (those listed in
                                        tools/kernel-doc.enforced, but for the whole
                                        kernel/, arch/, drivers/, net/, lib/) name only what the
                                        code defines, and each "step N of docs/X.md" is right

Why not Linux's scripts/kernel-doc: it comes with Debian's linux-source package
(about 130 MB, a tarball to unpack) and needs Perl; it renders but has no notion
of "every function must have a comment" or of might_sleep(). This is the same
comment format, so the comments stay readable by Linux's tool.
"""
import os
import sys

from kerneldoc.parse import ROOT
from kerneldoc.tree import Tree, enforced_paths, names_paths
from kerneldoc.check import check, stats
from kerneldoc.render import render
from kerneldoc.names import names_check
from kerneldoc.selftest import selftest


def main(argv):
    if argv[:1] == ["selftest"]:
        return selftest()
    if not argv or argv[0] not in ("check", "stats", "render", "names"):
        print(__doc__)
        return 2
    tree = Tree()
    if argv[0] == "check":
        return check(tree, argv[1:] or enforced_paths())
    if argv[0] == "stats":
        return stats(tree)
    if argv[0] == "names":
        return names_check(argv[1:] or names_paths())
    return render(tree, argv[1] if len(argv) > 1 else os.path.join(ROOT, "docs", "api"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
