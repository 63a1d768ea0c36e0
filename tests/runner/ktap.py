# The kernel's serial output read as KTAP (suites, cases, plans, diagnostics), and the
# kernel reports in it: which were declared by a case (# expect:), which not, which never came.
import re


TIMESTAMP = re.compile(r"^\[\s*\d+\.\d+\] ?")
RESULT = re.compile(r"^(ok|not ok) (\d+) (.*?)(?:\s+#\s*(SKIP)\b\s*(.*))?$")
PLAN = re.compile(r"^1\.\.(\d+)$")
PANIC = re.compile(r"Kernel panic - not syncing: (.*)")
# panic() repeats its message last, once the other CPUs are stopped: that line is
# whole, where the first may be cut by another CPU's output (kernel/panic.c).
PANIC_END = re.compile(r"---\[ end Kernel panic - not syncing: (.*) \]---")
OOPS = re.compile(r"^Oops: .*")  # die() prints it first in every oops (arch/x86/traps.c)
HUNG = re.compile(r"^INFO: task .* (blocked|runnable but not run) for more than")  # kernel/hung_task.c
# A kernel report: what a case must declare (kunit_expect_report) if it provokes it.
REPORT = re.compile(r"(?:^|: )(?:BUG|WARNING): |^kernel BUG at "
                    r"|^INFO: task .* (?:blocked|runnable but not run) for more than"
                    r"|^irq \d+ handler .* took \d+ us|inconsistent lock state|hard LOCKUP"
                    r"|^irq \d+: nobody cared")
EXPECT = re.compile(r"^# expect: (.*)$")
LISTED = re.compile(r"^selftest: suite (\S+) \d+")
NO_SUITE = re.compile(r"^selftest: no suite (?:matches|selected by) '(.*)'")
# Lines before a report line that belong to it (a WARN prints its message above "WARNING:").
REPORT_CONTEXT = 3


class Ktap:
    """The KTAP stream of one boot: suites with their cases, plans and diagnostics."""

    def __init__(self, lines):
        self.started, self.plan, self.suites = False, None, []
        suite, diag = None, []
        for raw in lines:
            line = TIMESTAMP.sub("", raw)
            body = line.strip()
            indent = len(line) - len(line.lstrip(" "))
            if body == "KTAP version 1" and indent == 0:
                self.started = True
                continue
            if not self.started:
                continue
            if indent == 0:
                m = PLAN.match(body)
                if m and self.plan is None:
                    self.plan = int(m.group(1))
                m = RESULT.match(body)
                if m and suite is not None:
                    suite["result"] = m.group(1)
                    self.suites.append(suite)
                    suite = None
            elif indent == 4:
                if body.startswith("# Subtest:"):
                    suite = {"name": body.split(":", 1)[1].strip(), "plan": None,
                             "cases": [], "result": None}
                    diag = []
                elif suite is None:
                    continue
                elif PLAN.match(body) and suite["plan"] is None:
                    suite["plan"] = int(PLAN.match(body).group(1))
                elif RESULT.match(body):
                    m = RESULT.match(body)
                    suite["cases"].append({"name": m.group(3), "ok": m.group(1) == "ok",
                                           "skip": m.group(4) is not None,
                                           "number": int(m.group(2)), "diag": diag})
                    diag = []
                elif body.startswith("#"):
                    diag.append(body)
        self.unfinished = suite

    def all_suites(self):
        return self.suites + ([self.unfinished] if self.unfinished else [])

    def cases(self):
        return [("%s.%s" % (s["name"], c["name"]), c) for s in self.all_suites() for c in s["cases"]]


def reports(lines):
    """(declared, undeclared, unseen) kernel reports of a serial log.

    A case declares a report with a "# expect: TEXT" line (kunit_expect_report) before it
    provokes it; the declaration holds until its suite ends. A report line (REPORT) is
    declared if an open declaration's TEXT is in it or in the REPORT_CONTEXT lines above.
    A declaration that no report matched is "unseen", unless its case was skipped (it
    found it could not provoke the report here)."""
    text = [TIMESTAMP.sub("", l) for l in lines]
    open_decls, seen, declared, undeclared, unseen = [], set(), [], [], []
    case_start = 0  # the line after the last case's result: where the current case began
    for i, line in enumerate(text):
        body = line.strip()
        m = EXPECT.match(body)
        if m:
            open_decls.append((i, m.group(1).strip()))
            continue
        result = RESULT.match(body)
        if line and not line.startswith(" ") and result:  # a suite ended
            unseen += [d for d in open_decls if d[0] not in seen]
            open_decls, case_start = [], i + 1
            continue
        if result:  # a case ended
            if result.group(4):  # skipped: what it declared is void
                open_decls = [d for d in open_decls if d[0] < case_start or d[0] in seen]
            case_start = i + 1
            continue
        if body.startswith("#") or not REPORT.search(body):
            continue
        window = "\n".join(text[max(0, i - REPORT_CONTEXT):i + 1])
        hit = [d for d in open_decls if d[1] in window]
        if hit:
            seen.update(d[0] for d in hit)
            declared.append(body)
        else:
            undeclared.append((i + 1, body))
    unseen += [d for d in open_decls if d[0] not in seen]
    return declared, undeclared, [t for _, t in unseen]
