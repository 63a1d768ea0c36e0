# Whether one boot passed: every reason it failed (failed cases, plans, panics, oopses,
# undeclared or unseen reports, missing suites, timeouts, exit status), the log: and
# nolog: checks, and the judgement of a configuration that must fail.
from .configs import selected_suites
from .ktap import LISTED, NO_SUITE, OOPS, PANIC, PANIC_END, TIMESTAMP, reports
from .qemu import EXIT_PANIC, EXIT_PASS


def analyse(config, boot, ktap, suites):
    """Every reason this boot failed, as (kind, text, details) triples; [] is a clean pass."""
    problems = []
    for suite in ktap.all_suites():
        for c in suite["cases"]:
            if not c["ok"]:
                problems.append(("fail", "%s.%s" % (suite["name"], c["name"]),
                                 "\n".join(c["diag"])))
        numbers = [c["number"] for c in suite["cases"]]
        if numbers != list(range(1, len(numbers) + 1)):
            problems.append(("ktap", "suite %s numbers its cases %s" % (suite["name"], numbers), ""))
        if suite is not ktap.unfinished and suite["plan"] != len(suite["cases"]):
            problems.append(("plan", "suite %s planned %s cases but ran %d" %
                             (suite["name"], suite["plan"], len(suite["cases"])), ""))
    text = [TIMESTAMP.sub("", l) for l in boot.lines]
    ends = [m.group(1).strip() for m in map(PANIC_END.search, text) if m]
    problems += [("panic", t, "") for t in ends]
    for line in text:
        m = PANIC.search(line)
        if m:
            if not ends:
                problems.append(("panic", m.group(1).strip(), ""))
        elif OOPS.match(line):
            problems.append(("oops", line.strip(), ""))
        m = NO_SUITE.match(line)
        if m:
            problems.append(("nosuite", "the kernel says: %s" % line.strip(), ""))
    _, undeclared, unseen = reports(boot.lines)
    declared_by_config = [w for k, w in config.outcomes() + [tuple(e.split(":", 1)) for e in
                          config.expect if e.startswith("log:")] if k in ("log", "panic", "oops")]
    for lineno, line in undeclared:
        if not any(w in line for w in declared_by_config):
            problems.append(("undeclared", line, "serial log line %d: a report no case declared "
                             "(kunit_expect_report) and the configuration does not expect; it goes on:\n"
                             % lineno + "\n".join(text[lineno:lineno + 12])))
    for t in unseen:
        problems.append(("unseen", t, "declared with kunit_expect_report, never reported"))
    if config.globs is not None:
        chosen, unmatched = selected_suites(config.globs, suites)
        for g in unmatched:
            problems.append(("nosuite", "selftest= glob '%s' matches no suite in the source" % g, ""))
        ran = {s["name"] for s in ktap.suites}
        if config.globs == ["list"]:  # the kernel's list must be the source's
            listed = {m.group(1) for m in (LISTED.match(l) for l in text) if m}
            for name in sorted(set(suites) - listed):
                problems.append(("missing", "suite %s is in the source, not in selftest=list" % name, ""))
            for name in sorted(listed - set(suites)):
                problems.append(("unknown", "selftest=list shows suite %s, which the runner did not "
                                 "find in the source" % name, ""))
        elif config.passes:
            for name in sorted((chosen | set(config.suites)) - ran):
                problems.append(("missing", "suite %s did not run" % name, ""))
            if ktap.started and ktap.plan == 0:
                problems.append(("empty", "the KTAP plan is 1..0: nothing ran", ""))
    ncases = len(ktap.cases())
    if config.min_cases and ncases < config.min_cases:
        problems.append(("few", "%d cases ran, the configuration wants at least %d" %
                         (ncases, config.min_cases), ""))
    if boot.stopped or config.driver:
        if boot.timed_out:
            problems.append(("timeout", "no result after %.0f s" % boot.timeout, ""))
        return problems  # stopped on purpose: no exit status to judge
    if boot.timed_out:
        problems.append(("timeout", "no result after %.0f s" % boot.timeout, ""))
    elif not ktap.started and config.globs != ["list"]:
        problems.append(("ktap", "no KTAP output at all", ""))
    elif ktap.started and (ktap.unfinished or ktap.plan != len(ktap.suites)):
        problems.append(("incomplete", "KTAP planned %s suites, %d finished" %
                         (ktap.plan, len(ktap.suites)), ""))
    if not boot.timed_out:
        if boot.exit_status == 0:
            problems.append(("reset", "QEMU stopped without a result: a triple fault or "
                             "reboot (-no-reboot)", ""))
        elif boot.exit_status == EXIT_PANIC:
            problems.append(("exit", "the kernel panicked (QEMU exit status %d)"
                             % boot.exit_status, ""))
        elif boot.exit_status != EXIT_PASS:
            problems.append(("exit", "QEMU exit status %d, want %d" %
                             (boot.exit_status, EXIT_PASS), ""))
    return problems


def check_log(expect, lines):
    """log:TEXT items not found and nolog:TEXT items found."""
    text = [TIMESTAMP.sub("", l) for l in lines]
    bad = []
    for e in expect:
        kind, _, want = e.partition(":")
        if kind in ("log", "stop") and not any(want in l for l in text):
            bad.append("not seen: %s" % e)
        elif kind == "nolog" and any(want in l for l in text):
            bad.append("seen: %s" % e)
    return bad


def judge_expected_failure(config, problems):
    """For a configuration that must fail: (expected outcomes not found, unexpected problems)."""
    wants = config.outcomes()

    def wanted(p):
        return any(p[0] == kind and want in p[1] for kind, want in wants)

    missing = ["%s:%s" % w for w in wants if not any(p[0] == w[0] and w[1] in p[1] for p in problems)]
    # A panic ends the KTAP stream early and exits with the panic status, a failure exits
    # with the failure status: consequences of the expected event, not extra problems.
    consequences = {"exit"} | ({"incomplete"} if any(k == "panic" for k, _ in wants) else set())
    extra = [p for p in problems if not wanted(p) and p[0] not in consequences]
    return missing, extra
