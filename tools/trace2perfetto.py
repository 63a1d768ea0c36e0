#!/usr/bin/env python3
"""ftrace text -> Chrome/Perfetto Trace Event JSON and a self-contained SVG timeline.

Reads what /proc/trace (or Linux's /sys/kernel/tracing/trace) prints, with the
latency-flags column, and rebuilds what each CPU was doing:

  task      from sched_switch to sched_switch (the idle task, pid 0, is "idle")
  syscall   sys_enter .. sys_exit, inside its task
  work      workqueue_execute_start .. end, inside its kworker
  softirq   softirq_entry .. exit (tasklet_entry .. exit inside TASKLET)
  hardirq   irq_handler_entry .. exit, local_timer / reschedule / call_function entry .. exit

    tools/trace2perfetto.py build/trace.txt --json build/trace.json --svg build/timeline.svg

The JSON opens in ui.perfetto.dev or chrome://tracing: one track per CPU,
nested slices, flow arrows from the interrupt (or task) that woke a task to
where that task starts running, and from an IPI's sender to its handler,
instant events for Janus's reports and page faults. The SVG needs nothing but
a browser: a lane per CPU, colour by context, nesting, a legend, a time axis,
and (--focus) a zoomed panel around one event. Python 3 standard library only.
"""
import argparse
import html
import json
import re
import sys

LINE = re.compile(r"^\s*(?P<comm>.*?)-(?P<pid>\d+)\s+\[(?P<cpu>\d+)\]\s+(?P<flags>\S{4,5})\s+"
                  r"(?P<ts>\d+\.\d+):\s+(?P<event>\w+):\s?(?P<args>.*)$")
PRINTK = re.compile(r"^\[\s*\d+\.\d+\] ")
FIELD = re.compile(r"(\w+)=(\S+)")

COLOURS = {"hardirq": "#d62728", "softirq": "#ff7f0e", "tasklet": "#e8b400",
           "task": "#1f77b4", "syscall": "#5b9bd5", "work": "#2ca02c", "idle": "#d9d9d9"}
LEGEND = [("hardirq", "hardirq (interrupt handler)"), ("softirq", "softirq"),
          ("tasklet", "tasklet (in TASKLET softirq)"), ("task", "task (process context)"),
          ("syscall", "system call"), ("work", "work item (kworker)"), ("idle", "idle task")]
VECTOR_EVENTS = {"local_timer": "local timer", "reschedule": "reschedule IPI",
                 "call_function": "call-function IPI"}
# The network events, drawn as marks with a short label: (label, its fields).
NET_EVENTS = {"net_dev_xmit": ("tx %s", ("dev",)), "netif_receive_skb": ("rx %s", ("dev",)),
              "napi_poll": ("poll %s %s/%s", ("device", "work", "budget"))}


class Event:
    def __init__(self, m):
        self.comm, self.pid, self.cpu = m["comm"].strip(), int(m["pid"]), int(m["cpu"])
        self.flags, self.name, self.args = m["flags"], m["event"], m["args"]
        self.ts = float(m["ts"]) * 1e6  # microseconds, the Trace Event Format's unit
        self.fields = dict(FIELD.findall(self.args))
        self.text = "%s-%d [%03d] %s: %s" % (self.comm, self.pid, self.cpu, self.name, self.args)

    def context(self):
        """The hardirq/softirq column: h, s, H, z, Z or '.'."""
        return self.flags[2]


def parse(lines):
    events = []
    for raw in lines:
        line = PRINTK.sub("", raw.rstrip("\n"))
        if line.startswith("#"):
            continue
        m = LINE.match(line)
        if m:
            events.append(Event(m))
    events.sort(key=lambda e: e.ts)
    return events


class Slice:
    def __init__(self, cpu, kind, name, start, depth, args=None):
        self.cpu, self.kind, self.name, self.start, self.depth = cpu, kind, name, start, depth
        self.end, self.args = None, args or {}


class Timeline:
    """Slices per CPU rebuilt from the events; flows and instants beside them."""

    def __init__(self, events):
        self.events, self.slices, self.flows, self.instants = events, [], [], []
        self.cpus = sorted({e.cpu for e in events})
        self.start = events[0].ts if events else 0.0
        self.end = events[-1].ts if events else 0.0
        self.stack = {c: [] for c in self.cpus}  # open slices, the task at the bottom
        self.wakeups = {}  # pid -> (ts, cpu) of a wake-up not yet followed by a switch-in
        self.asleep = {}   # pid -> (since, name, state): switched out to sleep, not woken yet
        self.sleeps = []   # (start, end, name, state): a task asleep (S or D) in the kernel
        self.ipis = {}     # target cpu -> [(ts, cpu)] sent, not yet handled
        self.frames = []   # (ts, cpu, dev) of frames sent, not yet seen interrupt the other card
        for e in events:
            self.step(e)
        for c in self.cpus:
            for s in self.stack[c]:
                s.end = self.end

    def open(self, cpu, kind, name, ts, args=None):
        s = Slice(cpu, kind, name, ts, len(self.stack[cpu]), args)
        self.stack[cpu].append(s)
        self.slices.append(s)
        return s

    def close(self, cpu, kinds, ts):
        """Closes the innermost open slice of one of `kinds` (and anything left open inside it)."""
        st = self.stack[cpu]
        for i in range(len(st) - 1, 0, -1):  # never the task at the bottom
            if st[i].kind in kinds:
                for s in st[i:]:
                    s.end = ts
                del st[i:]
                return

    def ensure_task(self, e):
        """Before the first sched_switch of a CPU, its task is the TASK-PID of its first event."""
        if not self.stack[e.cpu]:
            kind = "idle" if e.pid == 0 else "task"
            name = "swapper/%d" % e.cpu if e.pid == 0 else "%s-%d" % (e.comm, e.pid)
            self.open(e.cpu, kind, name, self.start, {"pid": e.pid})

    def step(self, e):
        self.ensure_task(e)
        n, f, cpu = e.name, e.fields, e.cpu
        if n == "sched_switch":
            for s in self.stack[cpu]:  # the old task, and anything left open in it
                s.end = e.ts
            prev = re.search(r"prev_comm=(.*) prev_pid=(\d+) .*prev_state=(\w)", e.args)
            if prev and prev.group(3) in "SD" and prev.group(2) != "0":
                self.asleep[int(prev.group(2))] = (e.ts, "%s-%s" % prev.group(1, 2), prev.group(3))
            if prev and prev.group(3) in "ZX":
                self.asleep.pop(int(prev.group(2)), None)
            self.stack[cpu].clear()
            nxt = re.search(r"next_comm=(.*) next_pid=(\d+)", e.args)
            comm, pid = (nxt.group(1), int(nxt.group(2))) if nxt else ("?", -1)
            kind = "idle" if pid == 0 else "task"
            name = "swapper/%d" % cpu if pid == 0 else "%s-%d" % (comm, pid)
            self.open(cpu, kind, name, e.ts, {"pid": pid, "prev_state": f.get("prev_state")})
            if pid in self.wakeups:
                wts, wcpu = self.wakeups.pop(pid)
                self.flows.append((wts, wcpu, e.ts, cpu, "wakeup: %s" % name))
        elif n == "sched_wakeup":
            pid = int(f.get("pid", -1))
            self.wakeups[pid] = (e.ts, cpu)
            if pid in self.asleep:  # a sleep seen from its start (not a new task's first wake-up)
                since, name, state = self.asleep.pop(pid)
                self.sleeps.append((since, e.ts, name, state))
            self.instants.append((e.ts, cpu, "wakeup %s-%s" % (f.get("comm"), f.get("pid")), "sched"))
        elif n == "irq_handler_entry":
            self.open(cpu, "hardirq", "irq %s: %s" % (f.get("irq"), f.get("name")), e.ts, f)
            self.frame_arrives(e, cpu)
        elif n == "irq_handler_exit":
            self.close(cpu, ("hardirq",), e.ts)
        elif n.endswith("_entry") and n[:-6] in VECTOR_EVENTS:
            self.open(cpu, "hardirq", VECTOR_EVENTS[n[:-6]], e.ts, f)
            if n != "local_timer_entry" and self.ipis.get(cpu):
                sts, scpu = self.ipis[cpu].pop(0)
                self.flows.append((sts, scpu, e.ts, cpu, VECTOR_EVENTS[n[:-6]]))
        elif n.endswith("_exit") and n[:-5] in VECTOR_EVENTS:
            self.close(cpu, ("hardirq",), e.ts)
        elif n == "softirq_entry":
            action = re.search(r"action=(\w+)", e.args)
            self.open(cpu, "softirq", "softirq %s" % (action.group(1) if action else f.get("vec")),
                      e.ts, f)
        elif n == "softirq_exit":
            self.close(cpu, ("softirq",), e.ts)
        elif n == "tasklet_entry":
            self.open(cpu, "tasklet", "tasklet %s" % f.get("function"), e.ts, f)
        elif n == "tasklet_exit":
            self.close(cpu, ("tasklet",), e.ts)
        elif n == "workqueue_execute_start":
            fn = re.search(r"function (\S+)", e.args)
            self.open(cpu, "work", "work %s" % (fn.group(1) if fn else "?"), e.ts)
        elif n == "workqueue_execute_end":
            self.close(cpu, ("work",), e.ts)
        elif n == "sys_enter":
            nr = re.search(r"NR (\d+)", e.args)
            self.open(cpu, "syscall", "syscall %s" % (nr.group(1) if nr else "?"), e.ts)
        elif n == "sys_exit":
            self.close(cpu, ("syscall",), e.ts)
        elif n == "ipi_send_cpu":
            self.ipis.setdefault(int(f.get("cpu", -1)), []).append((e.ts, cpu))
        elif n in NET_EVENTS:
            self.instants.append((e.ts, cpu, "%s: %s" % (n, e.args), "net"))
            if n == "net_dev_xmit":
                self.frames.append((e.ts, cpu, f.get("dev")))
        elif n in ("janus_report", "page_fault_kernel", "page_fault_user"):
            self.instants.append((e.ts, cpu, "%s: %s" % (n, e.args), "report"))

    def frame_arrives(self, e, cpu):
        """A frame sent on one card is next seen as the other card's interrupt: a flow."""
        name = e.fields.get("name", "")
        if not name.startswith("eth"):
            return
        for i, (ts, scpu, dev) in enumerate(self.frames):
            if dev != name:
                self.flows.append((ts, scpu, e.ts, cpu, "frame %s -> %s" % (dev, name)))
                del self.frames[i]
                return

    # ------------------------------------------------------------ JSON
    def trace_events(self):
        out = [{"name": "process_name", "ph": "M", "pid": 0, "tid": 0,
                "args": {"name": "Janus kernel"}}]
        for c in self.cpus:
            out.append({"name": "thread_name", "ph": "M", "pid": 0, "tid": c,
                        "args": {"name": "CPU %d" % c}})
            out.append({"name": "thread_sort_index", "ph": "M", "pid": 0, "tid": c,
                        "args": {"sort_index": c}})
        for s in sorted(self.slices, key=lambda s: (s.start, s.depth)):
            out.append({"name": s.name, "cat": s.kind, "ph": "X", "pid": 0, "tid": s.cpu,
                        "ts": round(s.start, 3), "dur": round(max(s.end - s.start, 0.0), 3),
                        "args": {k: str(v) for k, v in s.args.items()}})
        for i, (sts, scpu, fts, fcpu, name) in enumerate(self.flows):
            out.append({"name": name, "cat": "flow", "ph": "s", "id": i + 1, "pid": 0,
                        "tid": scpu, "ts": round(sts, 3)})
            out.append({"name": name, "cat": "flow", "ph": "f", "bp": "e", "id": i + 1,
                        "pid": 0, "tid": fcpu, "ts": round(fts, 3)})
        if self.sleeps:
            out.append({"name": "thread_name", "ph": "M", "pid": 0, "tid": 1000,
                        "args": {"name": "tasks asleep in the kernel"}})
        for a, b, name, state in self.sleeps:
            out.append({"name": "%s asleep (%s)" % (name, state), "cat": "sleep", "ph": "X",
                        "pid": 0, "tid": 1000, "ts": round(a, 3), "dur": round(b - a, 3)})
        for ts, cpu, name, cat in self.instants:
            out.append({"name": name, "cat": cat, "ph": "i", "s": "t", "pid": 0, "tid": cpu,
                        "ts": round(ts, 3)})
        return {"traceEvents": out, "displayTimeUnit": "ns",
                "otherData": {"source": "Janus ftrace text", "cpus": len(self.cpus)}}


# ---------------------------------------------------------------- SVG

WIDTH, LEFT, RIGHT, ROW, LANE_GAP = 1400, 90, 20, 16, 14


def nice_step(span):
    """A round tick interval (us) giving 5-12 ticks over span."""
    step = 1.0
    while span / step > 12:
        for m in (2, 2.5, 2):
            step *= m
            if span / step <= 12:
                break
    return step


def fmt_time(us, step=1.0):
    """us as ms, with as many decimals as a tick of `step` us needs."""
    decimals = 0 if step >= 1000 else 1 if step >= 100 else 2 if step >= 10 else 3
    return "%.*f ms" % (decimals, us / 1000)


def panel(tl, t0, t1, y, title):
    """One timeline panel for [t0, t1] us, lanes per CPU; returns (svg parts, height)."""
    parts, span = [], max(t1 - t0, 1e-3)
    depth = {c: 1 + max([s.depth for s in tl.slices if s.cpu == c] or [0]) for c in tl.cpus}
    x = lambda t: LEFT + (min(max(t, t0), t1) - t0) / span * (WIDTH - LEFT - RIGHT)
    parts.append('<text x="%d" y="%d" class="title">%s</text>' % (LEFT, y + 14, html.escape(title)))
    y += 24
    top = y
    lane_y = {}
    for c in tl.cpus:
        h = depth[c] * ROW
        lane_y[c] = y
        parts.append('<g class="lane" id="%s-cpu%d" data-cpu="%d">' % (title.split()[0].lower(), c, c))
        parts.append('<rect x="%d" y="%d" width="%d" height="%d" class="lanebg"/>'
                     % (LEFT, y, WIDTH - LEFT - RIGHT, h))
        parts.append('<text x="8" y="%d" class="cpu">CPU %d</text>' % (y + h / 2 + 4, c))
        for s in tl.slices:
            if s.cpu != c or s.end < t0 or s.start > t1:
                continue
            x0, x1 = x(s.start), x(s.end)
            w = max(x1 - x0, 1.2)
            sy = y + h - (s.depth + 1) * ROW  # the task at the bottom, what interrupts it above
            parts.append('<rect x="%.2f" y="%d" width="%.2f" height="%d" fill="%s" class="slice">'
                         '<title>%s (%s) %s, %.1f us</title></rect>'
                         % (x0, sy + 1, w, ROW - 2, COLOURS[s.kind], html.escape(s.name), s.kind,
                            fmt_time(s.start - tl.start), s.end - s.start))
            if w > 7 * len(s.name) * 0.62:
                parts.append('<text x="%.2f" y="%d" class="label">%s</text>'
                             % (x0 + 3, sy + ROW - 5, html.escape(s.name)))
        parts.append('</g>')
        y += h + LANE_GAP
    sleeps = sorted([z for z in tl.sleeps if z[1] - z[0] > span * 0.03 and z[1] > t0 and z[0] < t1],
                    key=lambda z: z[0] - z[1])[:4]
    if sleeps:
        parts.append('<g class="sleeps">')
        parts.append('<text x="8" y="%d" class="cpu">asleep</text>' % (y + ROW - 3))
        for row, (a, b, name, state) in enumerate(sorted(sleeps)):
            sy = y + row * ROW
            parts.append('<rect x="%.2f" y="%d" width="%.2f" height="%d" class="sleep">'
                         '<title>%s asleep (%s) %.1f ms</title></rect>'
                         % (x(a), sy + 2, max(x(b) - x(a), 1.2), ROW - 4, html.escape(name), state,
                            (b - a) / 1000))
            parts.append('<text x="%.2f" y="%d" class="sleeplabel">%s asleep in the kernel (%s)</text>'
                         % (x(a) + 4, sy + ROW - 5, html.escape(name), state))
        parts.append('</g>')
        y += len(sleeps) * ROW + LANE_GAP
    for sts, scpu, fts, fcpu, name in tl.flows:
        if fts < t0 or sts > t1:
            continue
        x0, x1 = x(sts), x(fts)
        y0, y1 = lane_y[scpu] + 4, lane_y[fcpu] + depth[fcpu] * ROW - 4
        parts.append('<path d="M%.1f %d C %.1f %d, %.1f %d, %.1f %d" class="flow" marker-end="url(#arrow)">'
                     '<title>%s</title></path>'
                     % (x0, y0, x0, (y0 + y1) / 2, x1, (y0 + y1) / 2, x1, y1, html.escape(name)))
    for ts, cpu, name, cat in tl.instants:
        if cat == "net" and t0 <= ts <= t1:
            event, args = name.split(": ", 1)
            fmt, keys = NET_EVENTS[event]
            fields = dict(FIELD.findall(args))
            fields.update(re.findall(r"(device|work|budget) (\S+)", args))
            parts.append('<path d="M%.1f %d l 4 -5 l 4 5 l -4 5 z" class="net"><title>%s</title></path>'
                         % (x(ts) - 4, lane_y[cpu] - 2, html.escape(name)))
            if span < 20000 and fields.get("work") != "0":  # an empty poll: a mark, no label
                parts.append('<text x="%.1f" y="%d" class="netlabel">%s</text>'
                             % (x(ts) + 5, lane_y[cpu] - 3,
                                html.escape(fmt % tuple(fields.get(k, "?") for k in keys))))
        if cat == "report" and t0 <= ts <= t1:
            parts.append('<path d="M%.1f %d l -5 -8 h 10 z" class="report"><title>%s</title></path>'
                         % (x(ts), lane_y[cpu], html.escape(name)))
    # The time axis.
    step = nice_step(span)
    tick = (int((t0 - tl.start) / step) + 1) * step + tl.start
    parts.append('<line x1="%d" y1="%d" x2="%d" y2="%d" class="axis"/>' % (LEFT, y, WIDTH - RIGHT, y))
    while tick <= t1:
        parts.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" class="axis"/>'
                     '<text x="%.1f" y="%d" class="tick">%s</text>'
                     % (x(tick), y, x(tick), y + 5, x(tick), y + 17, fmt_time(tick - tl.start, step)))
        tick += step
    parts.append('<line x1="%d" y1="%d" x2="%d" y2="%d" class="grid"/>' % (LEFT, top, LEFT, y))
    return parts, y + 26 - (top - 24)


def svg(tl, focus=None, window_us=4000.0, start=None):
    parts, y = [], 10
    t0 = start.ts if start else tl.start
    p, h = panel(tl, t0, tl.end, y, "%s: %s on %d CPU%s"
                 % ("From %s" % start.text if start else "Whole trace", fmt_time(tl.end - t0, 1),
                    len(tl.cpus), "s" if len(tl.cpus) > 1 else ""))
    parts += p
    y += h
    if focus is not None:
        t0 = max(tl.start, focus.ts - window_us / 10)
        p, h = panel(tl, t0, min(tl.end, t0 + window_us), y,
                     "Zoom: %s at %s" % (focus.text, fmt_time(focus.ts - tl.start, 1)))
        parts += p
        y += h
    lx = LEFT
    for kind, text in LEGEND:
        parts.append('<rect x="%d" y="%d" width="14" height="12" fill="%s"/>'
                     '<text x="%d" y="%d" class="legend">%s</text>'
                     % (lx, y, COLOURS[kind], lx + 18, y + 10, html.escape(text)))
        lx += 24 + 6 * len(text)
    lx, y = LEFT, y + 20
    parts.append('<rect x="%d" y="%d" width="30" height="12" class="sleep"/><text x="%d" y="%d" '
                 'class="legend">a task asleep in the kernel (not on any CPU)</text>'
                 % (lx, y, lx + 36, y + 10))
    lx += 320
    parts.append('<path d="M%d %d c 10 -8, 20 -8, 30 0" class="flow" marker-end="url(#arrow)"/>'
                 '<text x="%d" y="%d" class="legend">wakes / sends an IPI to</text>'
                 % (lx, y + 10, lx + 36, y + 10))
    lx += 210
    parts.append('<path d="M%d %d l -5 -8 h 10 z" class="report"/><text x="%d" y="%d" class="legend">'
                 'report / page fault</text>' % (lx + 5, y + 12, lx + 16, y + 10))
    if any(cat == "net" for _, _, _, cat in tl.instants):
        lx += 150
        parts.append('<path d="M%d %d l 4 -5 l 4 5 l -4 5 z" class="net"/><text x="%d" y="%d" '
                     'class="legend">frame sent (tx), NAPI poll, frame to the taps (rx)</text>'
                     % (lx, y + 7, lx + 14, y + 10))
    height = y + 30
    style = ("text{font-family:DejaVu Sans,Arial,sans-serif}.title{font-size:13px;font-weight:bold}"
             ".cpu{font-size:12px;font-weight:bold}.label{font-size:10px;fill:#fff}"
             ".tick{font-size:11px;text-anchor:middle}.legend{font-size:11px}.axis{stroke:#333}.grid{stroke:#999}"
             ".lanebg{fill:#f7f7f7}.flow{fill:none;stroke:#6a3d9a;stroke-width:1.3}"
             ".report{fill:#000}.sleep{fill:#eaf1fb;stroke:#1f77b4;stroke-dasharray:4 2}"
             ".sleeplabel{font-size:10px;fill:#1f77b4}.net{fill:#2ca02c;stroke:#145214}"
             ".netlabel{font-size:9px;fill:#145214}")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">\n'
            '<title>Janus timeline: the two contexts per CPU</title>\n'
            '<style>%s</style>\n<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" '
            'markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" '
            'fill="#6a3d9a"/></marker></defs>\n<rect width="100%%" height="100%%" fill="#fff"/>\n%s\n</svg>\n'
            % (WIDTH, height, WIDTH, height, style, "\n".join(parts)))


def find(events, regex, option):
    """The first event whose text matches regex (None, said, if none does)."""
    if not regex:
        return None
    rx = re.compile(regex)
    found = next((e for e in events if rx.search(e.text)), None)
    if found is None:
        print("no event matches %s %r" % (option, regex), file=sys.stderr)
    return found


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("trace", help="ftrace text (/proc/trace output; a serial log works too)")
    ap.add_argument("--json", help="write Trace Event Format JSON here")
    ap.add_argument("--svg", help="write the SVG timeline here")
    ap.add_argument("--focus", help="regex: zoom the SVG on the first event matching it "
                    "(matched against 'comm-pid [cpu] event: fields')")
    ap.add_argument("--from", dest="start", help="regex: the SVG's first panel starts at the "
                    "first event matching it (the JSON keeps everything)")
    ap.add_argument("--window-us", type=float, default=4000.0, help="the zoom's width (us)")
    args = ap.parse_args(argv)
    with open(args.trace) as f:
        lines = f.readlines()
    events = parse(lines)
    if not events:
        sys.exit("%s: no trace lines found" % args.trace)
    tl = Timeline(events)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(tl.trace_events(), f, indent=0)
    if args.svg:
        focus, start = find(events, args.focus, "--focus"), find(events, args.start, "--from")
        with open(args.svg, "w") as f:
            f.write(svg(tl, focus, args.window_us, start))
    print("%d events on %d CPUs, %.3f ms: %d slices, %d flows, %d instants"
          % (len(events), len(tl.cpus), (tl.end - tl.start) / 1000, len(tl.slices),
             len(tl.flows), len(tl.instants)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
