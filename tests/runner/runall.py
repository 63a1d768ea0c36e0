# The whole run: every configuration (or those named), --repeat rounds of them,
# --jobs boots at a time, a [k/N] line as each finishes, the summary and the last line
# `selftest: N passed, N failed, N skipped`.
import concurrent.futures
import os
import sys

from .configs import known_suites, read_configs
from .qemu import ROOT, log
from .results import flake_table, write_json
from .runconfig import run_config, run_gdb_check, timeout_scale


def paint(ok, text):
    if not sys.stdout.isatty() or os.environ.get("NO_COLOR"):
        return text
    return "\033[%dm%s\033[0m" % (32 if ok else 31, text)


# Each boot's scale is taken when it starts, never below the run's: in a long
# stress run other work may load the host long after the first boot (the
# load went from 2.4 to 15 in one run, and a host that left a virtual CPU
# without time for 1.24 s inside an interrupt handler had it reported as a
# slow handler against the threshold of the start, 0.6 s).
def boot_scale(run_scale, jobs):
    return max(run_scale, timeout_scale(jobs))


def run_tests(names, repeat=1, jobs=None, json_path=None, config_file=None):
    configs = read_configs(config_file or os.path.join(ROOT, "tests", "configs"))
    unknown = [n for n in names if n != "gdb" and n not in {c.name for c in configs}]
    if unknown:
        log("unknown configuration(s): %s (tests/run.py --list)" % ", ".join(unknown))
        log("selftest: 0 passed, 1 failed, 0 skipped")
        return 1
    if names:
        configs = [c for c in configs if c.name in names]
    jobs = jobs or os.cpu_count() or 1
    scale = timeout_scale(jobs)
    suites = known_suites()
    work = []
    for r in range(repeat):
        for c in configs:
            log_name = c.name if repeat == 1 else "%s.%d" % (c.name, r + 1)
            work.append((c.name, lambda c=c, n=log_name: run_config(c, suites, boot_scale(scale, jobs), n)))
        if ((not names and not config_file) or "gdb" in names) and r == 0:
            work.append(("gdb", lambda: run_gdb_check(scale)))
    total = len(work)
    log("booting %d configuration%s%s, %d at a time (timeouts x%.1f%s)" % (
        total, "" if total == 1 else "s", "" if repeat == 1 else " (%d rounds)" % repeat, jobs,
        scale, ", JANUS_TIMEOUT_SCALE" if os.environ.get("JANUS_TIMEOUT_SCALE") else ""))
    outcomes, totals, done = [], [0, 0, 0], 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(fn) for _, fn in work]
        for fut in concurrent.futures.as_completed(futures):
            out = fut.result()
            done += 1
            outcomes.append(out)
            totals = [a + b for a, b in zip(totals, out.counts)]
            log("[%d/%d] %s %s" % (done, total, paint(out.ok, "PASS" if out.ok else "FAIL"), out.report))
    ktap_times = [o.first_ktap for o in outcomes if o.first_ktap is not None]
    if ktap_times:
        log("boot to first KTAP line: fastest %.2f s, slowest %.2f s" % (min(ktap_times), max(ktap_times)))
    distinct = {name for o in outcomes for name, _ in o.cases}
    failed = sorted({o.name for o in outcomes if not o.ok})
    if repeat > 1:
        flake_table(outcomes)
    log("%d configuration boots, %d failed%s; %d distinct cases; the total counts each case "
        "once per configuration (and round) that runs it" % (
            len(outcomes), len([o for o in outcomes if not o.ok]),
            " (rerun: tests/run.py %s)" % " ".join(failed) if failed else "", len(distinct)))
    if json_path:
        write_json(json_path, outcomes, totals, distinct, scale)
    all_ok = all(o.ok for o in outcomes) and totals[1] == 0
    log("selftest: %d passed, %d failed, %d skipped" % tuple(totals))
    return 0 if all_ok else 1
