# `kernel-doc.py check` and `stats`: the enforced functions' problems, and the
# coverage per directory.
import os
from .parse import ROOT
from .tree import in_paths, enforced_paths


def check(tree, paths):
    for p in paths:
        if not p.startswith("!") and not os.path.exists(os.path.join(ROOT, p)):
            print("kernel-doc: %s: no such file or directory" % p)
            return 1
    funcs = [f for f in tree.funcs if in_paths(f.path, paths)]
    problems = [p for f in funcs for p in tree.problems(f)]
    for p in problems:
        print(p)
    where = ", ".join(paths) if len(paths) <= 3 else "%d files or directories" % len(paths)
    print("kernel-doc: %d functions checked in %s, %d problems" % (len(funcs), where, len(problems)))
    return 1 if problems else 0


def stats(tree):
    """Per directory: functions fully documented / all, and how many are enforced."""
    enforced = enforced_paths()
    rows, totals = {}, {".c": [0, 0, 0], ".h": [0, 0, 0]}
    for f in tree.funcs:
        ok, on = not tree.problems(f), in_paths(f.path, enforced)
        for key in (os.path.dirname(f.path), os.path.splitext(f.path)[1]):
            row = rows.setdefault(key, [0, 0, 0]) if key not in totals else totals[key]
            row[0] += ok
            row[1] += 1
            row[2] += on
    for d in sorted(rows):
        print("%-24s %4d/%-4d documented, %4d enforced" % (d, *rows[d]))
    print("%-24s %4d/%-4d non-static functions in .c files documented, %d enforced" %
          ("total", *totals[".c"]))
    print("%-24s %4d/%-4d inline functions of the API headers documented, %d enforced" %
          ("total", *totals[".h"]))
    return 0
