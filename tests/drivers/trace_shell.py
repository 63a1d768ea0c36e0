# Driver `trace_shell` (tests/configs: trace-shell): the tracer as a student
# meets it in a normal boot (no trace=, no self-tests), at the shell on the
# serial line. Nothing is traced at boot, as in Linux: /proc/trace is its
# header alone. The driver types `echo irq: > /proc/set_event` (every irq
# event on), then `cat /proc/trace | grep irq_handler_entry`: the serial
# line's own interrupts, the keys just typed, are there with the latency
# flags, `d.h` (interrupts off, in a hardirq), and the ttyS0 handler's name.
import re
import time

KEY_PAUSE = 0.01
FLAGGED = r"\[\d{3}\] d[.N]h[.\da-f]\. +\d+\.\d{6}: irq_handler_entry: irq=4 name=ttyS0$"


def type_line(s, text):
    for ch in text:
        s.write(ch)
        time.sleep(KEY_PAUSE)
    s.write("\r")


def run(s):
    if not s.check("banner", s.expect(r"^Janus shell on ttyS0", 60), "no banner from /bin/sh"):
        return
    # An answer may share its line with the next prompt ("$ 0"): allow one before it.
    type_line(s, "cat /proc/set_event | wc -l")
    m = s.expect(r"^(?:\$ )?\s*(\d+)\s*$", 10)
    s.check("nothing_is_traced_at_boot", m and m.group(1) == "0",
            "events on in a normal boot: %s" % (m.group(1) if m else "(no answer)"))
    type_line(s, "echo irq: > /proc/set_event")
    type_line(s, "cat /proc/set_event | grep irq_handler_entry")
    s.check("set_event_turns_irq_events_on", s.expect(r"(?:^|\$ )irq:irq_handler_entry$", 10))
    type_line(s, "cat /proc/trace | grep irq_handler_entry | head -n 3")
    m = s.expect(r".*\] [.dDb].*: irq_handler_entry: .*$", 10)
    s.check("cat_proc_trace_shows_flagged_lines", m and re.search(FLAGGED, m.group(0)),
            "no '%s' line: %s" % (FLAGGED, m.group(0) if m else "(nothing)"))
