# What a run leaves behind besides its lines: the flake table of a stress run
# (--repeat) and the machine-readable results (--json FILE).
import collections
import json

from .qemu import log


def flake_table(outcomes):
    """Per configuration: boots, failures, and which problems how often."""
    by_config = collections.OrderedDict()
    for o in sorted(outcomes, key=lambda o: o.name):
        by_config.setdefault(o.name, []).append(o)
    log("flake table:")
    log("  %-12s %5s %5s %8s %8s  %s" % ("config", "boots", "fails", "median s", "max s", "problems"))
    for name, runs in by_config.items():
        secs = sorted(o.seconds for o in runs)
        problems = collections.Counter("%s: %s" % p for o in runs for p in o.problems)
        log("  %-12s %5d %5d %8.1f %8.1f  %s" % (
            name, len(runs), len([o for o in runs if not o.ok]), secs[len(secs) // 2], secs[-1],
            "; ".join("%dx %s" % (n, p[:100]) for p, n in problems.most_common(5)) or "-"))


def write_json(path, outcomes, totals, distinct, scale):
    data = {"passed": totals[0], "failed": totals[1], "skipped": totals[2],
            "distinct_cases": len(distinct), "timeout_scale": scale,
            "configurations": [{"name": o.name, "ok": o.ok, "seconds": round(o.seconds, 2),
                                "passed": o.counts[0], "failed": o.counts[1], "skipped": o.counts[2],
                                "problems": [{"kind": k, "text": t} for k, t in o.problems],
                                "cases": [{"name": n, "result": r} for n, r in o.cases]}
                               for o in outcomes]}
    with open(path, "w") as f:
        json.dump(data, f, indent=1)
