# Driver `demo` (tests/configs: drive-demo): the smallest use of the runner's
# extension point for configurations that drive a running QEMU. It boots
# normally (no self-test), waits for init on the serial console, asks QEMU's
# monitor over QMP, types on the keyboard, sends bytes to the serial line,
# and reads a kernel variable with gdb through QEMU's stub. docs/testing.md
# describes the session object.
import re


def run(s):
    s.check("init_says_done", s.expect(r"init: done", timeout=30), "no 'init: done' on serial")
    status = s.qmp("query-status")
    s.check("qmp_says_running", status.get("status") == "running", "query-status: %s" % status)
    cpus = s.qmp("query-cpus-fast")
    s.check("qmp_sees_two_cpus", len(cpus) == 2, "query-cpus-fast: %d CPUs" % len(cpus))
    s.sendkey("a")  # no keyboard driver yet: this only proves the path to QEMU works
    s.write("\n")
    out = s.gdb("print jiffies", "print init_task.comm")
    m = re.search(r"^\$1 = (\d+)", out, re.M)
    s.check("gdb_reads_jiffies", m and int(m.group(1)) > 0, out)
    s.check("gdb_reads_init_task", '"swapper/0' in out, out)
