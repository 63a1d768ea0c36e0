# Driver `timeline` (tests/configs: timeline): `make timeline`'s scenario, checked.
#
# The configuration boots two CPUs with the tracer on and `trace_demo`
# (drivers/trace_demo.c). When the kernel says seed003 sleeps in read(), the
# driver presses a key (a real IRQ 1 from QEMU's keyboard controller), cuts
# the trace the kernel prints out of the serial log, converts it with
# tools/trace2perfetto.py (as tools/timeline.py does for `make timeline`) and
# checks what came out:
#
# - build/trace.txt has the demo's story: IRQ 1 in hardirq context (d.h), the
#   tasklet in a softirq (s), the work item in a kworker, an IPI on the other CPU;
# - build/trace.json follows the Trace Event Format: every event has the fields
#   its phase needs, one named track per CPU, slices on a track nest, flows pair up;
# - build/timeline.svg parses as XML and has a lane per CPU in each panel;
# - where a renderer is installed (rsvg-convert, Debian's librsvg2-bin, or
#   chromium), the SVG renders to a PNG that is not blank.
# Python 3 standard library only.
import importlib.util
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(ROOT, "build")
PHASES = set("BEXiIsftMCbne")


def check_text(path):
    text = open(path).read()
    # The flags columns: d (interrupts off), then N when a reschedule was
    # pending (either way: seen as ".Ns.." for the tasklet), then h: hardirq,
    # H: a hardirq that came while a softirq ran (both hardirq context), s: softirq.
    wants = [(r"\[\d{3}\] d[.N][hH][.\d]\. +\d+\.\d{6}: irq_handler_entry: irq=1 name=my_irq_handler",
              "IRQ 1 (seed003's handler) recorded in hardirq context, interrupts off"),
             (r"\] \.[.N]s[.\d]\. .*tasklet_entry: .*function=demo_tasklet_fn", "the tasklet in a softirq"),
             (r"kworker/\d+:\d+-\d+ .*workqueue_execute_start: .*function demo_work_fn",
              "the work item in a kworker"),
             (r"\[001\] d[.N][hH][.\d]\. .*(call_function|reschedule)_entry", "an IPI handled on CPU 1"),
             (r"sched_switch: prev_comm=seed003 .*prev_state=S", "seed003 going to sleep in read()"),
             (r"sched_wakeup: comm=seed003 ", "seed003 woken")]
    return ["trace.txt lacks %s" % why for rx, why in wants if not re.search(rx, text)]


def check_json(path):
    problems = []
    doc = json.load(open(path))
    events = doc.get("traceEvents") if isinstance(doc, dict) else None
    if not isinstance(events, list) or not events:
        return ["trace.json: no traceEvents list"]
    tracks, flows, slices = {}, {}, {}
    for i, e in enumerate(events):
        where = "trace.json event %d (%s)" % (i, e.get("name"))
        if not isinstance(e.get("name"), str) or e.get("ph") not in PHASES:
            problems.append("%s: needs a string name and a known ph" % where)
            continue
        if not isinstance(e.get("pid"), int) or not isinstance(e.get("tid"), int):
            problems.append("%s: pid and tid must be integers" % where)
        if e["ph"] == "M":
            if e["name"] == "thread_name":
                tracks[e["tid"]] = e.get("args", {}).get("name")
            continue
        if not isinstance(e.get("ts"), (int, float)):
            problems.append("%s: no numeric ts" % where)
            continue
        if e["ph"] == "X":
            if not isinstance(e.get("dur"), (int, float)) or e["dur"] < 0:
                problems.append("%s: an X event needs dur >= 0" % where)
            slices.setdefault(e["tid"], []).append((e["ts"], e["ts"] + e.get("dur", 0), e.get("cat")))
        if e["ph"] in "sf":
            if "id" not in e:
                problems.append("%s: a flow event needs an id" % where)
            flows.setdefault(e.get("id"), []).append(e["ph"])
    for cpu in (0, 1):
        if tracks.get(cpu) != "CPU %d" % cpu:
            problems.append("trace.json: no track named 'CPU %d'" % cpu)
    for ident, phs in flows.items():
        if sorted(phs) != ["f", "s"]:
            problems.append("trace.json: flow %s has %s, want one s and one f" % (ident, phs))
    if not flows:
        problems.append("trace.json: no flow arrows")
    for tid in (0, 1):
        cats = {c for _, _, c in slices.get(tid, [])}
        for want in ("hardirq", "softirq"):
            if want not in cats:
                problems.append("trace.json: no %s slice on CPU %d" % (want, tid))
        # On one track, two slices are nested or apart, never overlapping.
        stack = []
        for a, b, _ in sorted(slices.get(tid, []), key=lambda s: (s[0], -s[1])):
            while stack and stack[-1] <= a:
                stack.pop()
            if stack and b > stack[-1] + 0.002:
                problems.append("trace.json: CPU %d slices overlap at %.3f us" % (tid, a))
                break
            stack.append(b)
    return problems


def check_svg(path):
    root = ET.parse(path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    if root.tag != ns + "svg":
        return ["timeline.svg: the root is %s, not svg" % root.tag]
    lanes = [g for g in root.iter(ns + "g") if g.get("class") == "lane"]
    panels = {}
    for g in lanes:
        panels.setdefault(g.get("id").split("-cpu")[0], set()).add(g.get("data-cpu"))
    problems = ["timeline.svg: panel %s has lanes %s, want CPUs 0 and 1" % (p, sorted(c))
                for p, c in panels.items() if c != {"0", "1"}]
    if len(panels) != 2:
        problems.append("timeline.svg: %d panels, want the whole trace and the zoom" % len(panels))
    texts = " ".join(t.text or "" for t in root.iter(ns + "text"))
    for legend in ("hardirq", "softirq", "task (process context)", "idle task"):
        if legend not in texts:
            problems.append("timeline.svg: the legend lacks '%s'" % legend)
    return problems


def png_not_blank(path):
    """Decodes the PNG's pixel data (zlib) and wants more than a handful of byte values."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return False
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(idat))) > 16


def render(svg):
    """Renders svg to PNG with what is installed; (ok, what happened)."""
    out = os.path.join(tempfile.mkdtemp(prefix="janus-svg-"), "timeline.png")
    if shutil.which("rsvg-convert"):
        cmd = ["rsvg-convert", "-o", out, svg]
    elif shutil.which("chromium"):
        cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--user-data-dir=" + os.path.dirname(out), "--screenshot=" + out,
               "--window-size=1400,600", "file://" + os.path.abspath(svg)]
    else:
        return True, "no SVG renderer installed: PNG check skipped"
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    if not os.path.exists(out) or not png_not_blank(out):
        return False, "%s did not render a non-blank PNG" % cmd[0]
    return True, "rendered by %s, not blank" % cmd[0]


def load_tool():
    """tools/timeline.py, for its trace cutting and conversion."""
    spec = importlib.util.spec_from_file_location("janus_timeline", os.path.join(ROOT, "tools", "timeline.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(s):
    tool = load_tool()
    if not s.check("kernel_asks_for_a_key", s.expect(re.escape(tool.ASK), timeout=60),
                   "no '%s' on serial" % tool.ASK):
        return
    s.sendkey("a")
    if not s.check("kernel_prints_its_trace", s.expect(r"trace_demo: end trace", timeout=60),
                   "no 'trace_demo: end trace' on serial"):
        return
    rc, out = tool.convert(BUILD, tool.trace_lines(s.lines))
    if not s.check("trace2perfetto_converts_it", rc == 0, out):
        return
    problems = check_text(os.path.join(BUILD, "trace.txt"))
    s.check("the_trace_tells_the_story", not problems, "\n".join(problems))
    problems = check_json(os.path.join(BUILD, "trace.json"))
    s.check("the_json_is_trace_event_format", not problems, "\n".join(problems))
    problems = check_svg(os.path.join(BUILD, "timeline.svg"))
    s.check("the_svg_has_a_lane_per_cpu", not problems, "\n".join(problems))
    ok, rendered = render(os.path.join(BUILD, "timeline.svg"))
    s.check("the_svg_renders_not_blank", ok, rendered)
