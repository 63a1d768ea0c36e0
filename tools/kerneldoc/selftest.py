# `kernel-doc.py selftest`: the checker run on tests/kernel-doc/fixture.c, whose
# EXPECT comments say what each function must report.
import os
import re
from .parse import ROOT, functions, doc_blocks
from .rules import sleepers, problems
from .tree import in_paths
from .names import defined_names, stale_names


FIXTURE = "tests/kernel-doc/fixture.c"


def selftest():
    """The checker on tests/kernel-doc/fixture.c: each function's EXPECT lines
    are exactly what it must report."""
    text = open(os.path.join(ROOT, FIXTURE)).read()
    docs = doc_blocks(FIXTURE)
    failures, funcs = 0, functions(FIXTURE)
    fixture_sleepers = sleepers(funcs)
    for f in funcs:
        start = text.rfind("}", 0, text.index(f.head)) if f.line > 1 else 0
        want = sorted(re.findall(r"EXPECT (.*?) \*/", text[start:text.index(f.head)]))
        want = [] if want == ["ok"] else want
        got = [] if f.static else sorted(p.split("(): ", 1)[1].split(" (")[0]
                                         for p in problems(f, docs.get(f.name), fixture_sleepers))
        if got != want:
            failures += 1
            print("kernel-doc selftest: %s(): expected %s, got %s" % (f.name, want, got))
    # The names check: the fixture's comments name one function that exists
    # nowhere, one step that is about another file, and Linux's own function.
    stale = [p.split(": ", 1)[1] for p in stale_names(FIXTURE, defined_names())]
    want = ["names no_such_function_anywhere, which no code defines or uses",
            'step 3 of docs/interrupts.md is "`do_IRQ` (`arch/x86/irq.c`)", not %s' % FIXTURE]
    if stale != want:
        failures += 1
        print("kernel-doc selftest: names: expected %s, got %s" % (want, stale))
    # A "!" line leaves a file out of a tree the list enforces.
    listing = ["kernel", "!kernel/fs/file.c"]
    if in_paths("kernel/fs/file.c", listing) or not in_paths("kernel/fs/open.c", listing):
        failures += 1
        print("kernel-doc selftest: a \"!\" line does not leave its file out")
    print("kernel-doc selftest: %d fixtures and the names check, %d failures" %
          (len(funcs), failures))
    return 1 if failures or len(funcs) < 7 else 0
