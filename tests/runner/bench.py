# make bench: boots with `bench`, the time leg (plain TCG, ns) and the path-length leg
# (-icount: instructions), with and without the debug checks; each figure beside its
# floor; the boot time and the serial throughput (docs/performance.md).
import json
import os
import re
import subprocess
import time

from .drivers import Session
from .ktap import TIMESTAMP
from .qemu import BUILD, ELF, EXIT_PASS, QEMU, RESULTS, Boot, qemu_argv


# Two legs, each a full boot with `bench`: time (plain TCG; TSC ticks -> ns
# at the host's known TSC rate, which is the guest's, else the kernel's calibrated tsc_khz) and path length (-icount shift=0: one
# TSC tick per guest instruction). No KVM leg: /dev/kvm on these machines is a
# software KVM that never finishes a boot. A leg that does not finish fails.
# Both again with the lock checker off (BENCH_NOCHECKS), for the paths it
# guards: what the debug checks cost.
BENCH_LEGS = [
    # The time leg also has two e1000 cards on an in-process hub, for the network
    # benchmarks (tests/kernel/bench_net.c); a flood under -icount is too slow.
    ("time", "plain TCG, 2 CPUs: TSC ticks converted to ns (the guest TSC is the host's)",
     ["-accel", "tcg", "-smp", "2", "-netdev", "hubport,id=a,hubid=0", "-device",
      "e1000,netdev=a,romfile=", "-netdev", "hubport,id=b,hubid=0", "-device",
      "e1000,netdev=b,romfile="]),
    ("icount", "TCG -icount shift=0, 2 CPUs: the TSC counts guest instructions",
     ["-accel", "tcg", "-icount", "shift=0", "-smp", "2"]),
]
BENCH_NOCHECKS = "nolockcheck"
NOCHECKS_FIGURES = {"int_iret", "vector_roundtrip", "irq_roundtrip", "wakeup_latency",
                    "yield_switch_2", "kthread_switch", "sysenter_sysexit", "null_syscall",
                    "process_switch", "pipe_roundtrip",
                    "kthread_switch_2", "kthread_switch_1000", "wakeup_latency_2",
                    "wakeup_latency_1000", "irq_roundtrip_ioapic", "ioapic_unmask_edge",
                    "ioapic_mask_unmask"}
BENCH_TIMEOUT = 600
BENCH_LINE = re.compile(r"bench: (\S+) batch=(\d+) n=(\d+) missed=(\d+) min=(\d+) p10=(\d+) "
                        r"median=(\d+) p90=(\d+) floor=(\S+)$")
BENCH_VALUE = re.compile(r"bench: (\S+) value=(\d+) unit=(\S+)$")
BENCH_FAILED = re.compile(r"bench: (.*failed.*)$")
TSC_KHZ = re.compile(r"bench: tsc_khz (\d+) kHz")
# Under -icount the CPUs take turns on one host thread and the TSC is the
# instructions of both: a cross-CPU latency in it is a sum, not a path length.
TIME_ONLY = {"ipi_oneway", "remote_wakeup_latency", "ipi_broadcast", "tlb_shootdown",
             "spinlock_contended"}
# The cross-CPU paths at more CPUs: one plain-TCG boot each, bench=bench_smp_scaling
# (tests/kernel/bench_smp.c). Under TCG every vCPU is a host thread: past the
# host's cores, a broadcast waits for the host to run each target.
SCALING_CPUS = [2, 4, 8, 16]
SCALING_FIGURES = ["ipi_broadcast", "tlb_shootdown", "spinlock_contended"]
SCALING_VALUES = ["spinlock_contended_by_others", "spread_100_min", "spread_100_max"]


def host_tsc_khz():
    """The host's TSC rate, if the host says it is constant and known (/proc/cpuinfo). Under
    plain TCG a guest rdtsc reads the host's TSC, so this converts the guest's ticks to time
    more exactly than the guest's own calibration against the emulated PIT, which a loaded
    host skews (by 40% in one run of 2026-11-30)."""
    try:
        text = open("/proc/cpuinfo").read()
    except OSError:
        return None
    flags = re.search(r"^flags\s*:(.*)$", text, re.M)
    mhz = re.search(r"^cpu MHz\s*:\s*([0-9.]+)", text, re.M)
    if not flags or not mhz or not {"constant_tsc", "nonstop_tsc", "tsc_known_freq"} <= set(
            flags.group(1).split()):
        return None
    return round(float(mhz.group(1)) * 1000)


def bench_leg(name, label, args, argv=None, cmdline="bench"):
    """One boot: {figure: stats per operation, in TSC ticks}, tsc_khz, and the errors seen."""
    argv = argv or qemu_argv(args + ["-kernel", ELF, "-append", cmdline])
    boot = Boot(argv, BENCH_TIMEOUT, os.path.join(RESULTS, "bench-%s.log" % name)).wait()
    figures, values, errors, khz = {}, {}, [], None
    for line in boot.lines:
        text = TIMESTAMP.sub("", line)
        m = BENCH_LINE.search(text)
        v = BENCH_VALUE.search(text)
        if v:
            values[v.group(1)] = {"value": int(v.group(2)), "unit": v.group(3)}
        elif m:
            batch = int(m.group(2))
            figures[m.group(1)] = dict(
                n=int(m.group(3)), missed=int(m.group(4)), floor=m.group(9),
                **{k: int(m.group(i)) / batch for i, k in
                   ((5, "min"), (6, "p10"), (7, "median"), (8, "p90"))})
        elif BENCH_FAILED.search(text):
            errors.append(BENCH_FAILED.search(text).group(1))
        elif TSC_KHZ.search(text):
            khz = int(TSC_KHZ.search(text).group(1))
    if boot.timed_out:
        errors.append("no result after %d s" % BENCH_TIMEOUT)
    elif not any("bench: done" in l for l in boot.lines) or boot.exit_status != EXIT_PASS:
        errors.append("did not finish (QEMU exit status %s)" % boot.exit_status)
    if not khz:
        errors.append("no tsc_khz line")
    guest_khz = khz
    if khz and "-icount" not in args and host_tsc_khz():
        khz = host_tsc_khz()  # the guest's TSC is the host's: its known rate, not a calibration
    return {"label": label, "qemu_args": args, "tsc_khz": khz, "guest_tsc_khz": guest_khz,
            "figures": figures,
            "values": values, "errors": errors, "seconds": round(boot.seconds, 1)}


def bench_table(legs):
    """Rows: figure, ns (median, p10-p90, min), instructions (median), floor, both ratios."""
    time, icount = legs["time"], legs["icount"]
    ns = lambda v: v * 1e6 / time["tsc_khz"]
    rows = []
    for fig in sorted(set(time["figures"]) | set(icount["figures"]),
                      key=lambda f: list(time["figures"]).index(f) if f in time["figures"] else 999):
        t, i = time["figures"].get(fig), icount["figures"].get(fig)
        if fig in TIME_ONLY:
            i = None
        floor = (t or i)["floor"]
        ft, fi = time["figures"].get(floor), icount["figures"].get(floor)
        row = {"figure": fig, "floor": floor,
               "ns": {k: round(ns(t[k]), 1) for k in ("median", "p10", "p90", "min")} if t else None,
               "instructions": round(i["median"], 1) if i else None,
               "missed": (t or i)["missed"],
               "ratio_ns": round(t["median"] / ft["median"], 2) if t and ft and ft["median"] else None,
               "ratio_instructions": round(i["median"] / fi["median"], 2)
               if i and fi and fi["median"] else None}
        rows.append(row)
    return rows


def print_bench_table(rows):
    head = "%-30s %10s %21s %10s %12s  %-20s %8s %8s" % (
        "figure", "ns median", "ns p10..p90", "ns min", "instructions", "floor", "x ns", "x instr")
    print(head)
    print("-" * len(head))
    fmt = lambda v, f="%.0f": "-" if v is None else f % v
    for r in rows:
        n = r["ns"] or {}
        print("%-30s %10s %21s %10s %12s  %-20s %8s %8s%s" % (
            r["figure"], fmt(n.get("median")),
            "%s..%s" % (fmt(n.get("p10")), fmt(n.get("p90"))) if n else "-", fmt(n.get("min")),
            fmt(r["instructions"]), r["floor"], fmt(r["ratio_ns"], "%.2f"),
            fmt(r["ratio_instructions"], "%.2f"),
            "  (%d missed)" % r["missed"] if r["missed"] else ""))


BOOT_FLOOR = os.path.join(BUILD, "bootfloor.elf")
# Rounds of one boot of each: on a loaded host one boot moves by 2x and the
# load drifts over minutes, so the figure is the median of the rounds' own ratios.
BOOT_ROUNDS = 15
GUEST_TIME = re.compile(r"^\[\s*(\d+\.\d+)\] KTAP version 1$")


def percentile(values, q):
    """The q-quantile (0..1) of values, nearest rank."""
    v = sorted(values)
    return v[min(len(v) - 1, int(q * len(v)))]


def bench_boot():
    """Seconds from starting QEMU to the first KTAP line for Janus (selftest=boot) and the
    boot floor (tools/bootfloor/: a Multiboot kernel that only prints that line), booted the
    same way in the same QEMU. Each round boots both back to back, Janus first in even rounds
    and the floor first in odd ones, so that the host's load, which drifts, weighs on both
    alike: the figure is the median of the rounds' ratios (Janus / floor), with p10..p90.
    Also the medians and minimums of each (the host only ever adds time, so a minimum is
    the least disturbed boot), and Janus's own part by its clock: printk's time of the KTAP
    line, from the start of kmain's TSC calibration."""
    kernels = {"janus": ["-kernel", ELF, "-append", "selftest=boot"],
               "floor": ["-kernel", BOOT_FLOOR]}
    times, ratios, guest, errors = {k: [] for k in kernels}, [], [], []
    for i in range(BOOT_ROUNDS):
        this_round = {}
        for name in (list(kernels) if i % 2 == 0 else list(kernels)[::-1]):
            boot = Boot(qemu_argv(["-accel", "tcg", "-smp", "2"] + kernels[name]), 60,
                        os.path.join(RESULTS, "bench-boot-%s.log" % name),
                        stop_at="KTAP version 1").wait()
            if boot.first_ktap is None:
                errors.append("boot %s round %d: no KTAP line" % (name, i + 1))
                continue
            this_round[name] = boot.first_ktap
            times[name].append(boot.first_ktap)
            stamps = [GUEST_TIME.match(l) for l in boot.lines]
            if name == "janus" and any(stamps):
                guest.append(float(next(m for m in stamps if m).group(1)))
        if len(this_round) == 2:
            ratios.append(this_round["janus"] / this_round["floor"])
    result = {"rounds": BOOT_ROUNDS, "errors": errors}
    for name, t in times.items():
        result[name + "_s"] = percentile(t, 0.5) if t else None
        result[name + "_min_s"] = min(t) if t else None
    if guest:
        result["janus_guest_s"] = percentile(guest, 0.5)
        result["janus_guest_min_s"] = min(guest)
    if ratios:
        result["ratio"] = round(percentile(ratios, 0.5), 2)
        result["ratio_p10"] = round(percentile(ratios, 0.1), 2)
        result["ratio_p90"] = round(percentile(ratios, 0.9), 2)
        result["ratio_of_medians"] = round(result["janus_s"] / result["floor_s"], 2)
        result["ratio_min"] = round(result["janus_min_s"] / result["floor_min_s"], 2)
    return result


def print_boot(boot):
    if not boot.get("ratio"):
        return
    print("%-26s %10.0f ms  (QEMU start to the first KTAP line, median of %d rounds; floor: a "
          "Multiboot kernel that only prints it, %.0f ms)" % (
              "boot_to_ktap", boot["janus_s"] * 1000, boot["rounds"], boot["floor_s"] * 1000))
    print("%-26s %10.2f     (median of the rounds' ratios, each round one boot of each; "
          "p10..p90 %.2f..%.2f; ratio of the medians %.2f; minimums %.0f and %.0f ms, x %.2f)" % (
              "boot_to_ktap / floor", boot["ratio"], boot["ratio_p10"], boot["ratio_p90"],
              boot["ratio_of_medians"], boot["janus_min_s"] * 1000, boot["floor_min_s"] * 1000,
              boot["ratio_min"]))
    if boot.get("janus_guest_s"):
        print("%-26s %10.0f ms  (Janus's own part, by its clock: kmain to the KTAP line; "
              "minimum %.0f ms)" % ("boot_kmain_to_ktap", boot["janus_guest_s"] * 1000,
                                    boot["janus_guest_min_s"] * 1000))


SERIAL_BYTES = 65536
SERIAL_ROUNDS = 5


def bench_serial():
    """Serial receive throughput, bytes/s, timed by the host: SERIAL_BYTES sent at
    full speed into the shell's `wc -c` (canonical mode, echo: what a paste does),
    next to the same bytes in the same boot into `rxcount` (raw mode, no echo: the
    UART, IRQ 4, the flip buffer and read(), without line editing or echo), the
    line discipline's share. Median of SERIAL_ROUNDS each, alternately. QEMU's
    16550 does not pace received bytes to the baud rate: a real one at 115200
    8N1 carries at most 11520 bytes/s."""
    boot = Boot(qemu_argv(["-accel", "tcg", "-smp", "2", "-kernel", ELF]), BENCH_TIMEOUT,
                os.path.join(RESULTS, "bench-serial.log"), interactive=True)
    s = Session(boot, None, boot.log.name, 1.0)
    data = (b"a" * 63 + b"\n") * (SERIAL_BYTES // 64)
    rates, errors = {"canonical": [], "raw": []}, []

    def command(text, ready):
        s.write(text + "\r")
        return s.expect(ready, 30)

    def echo_of(text):
        # The command is typed as soon as the last one has answered, maybe before the
        # shell's prompt: the tty echoes typed characters at once, so "$ " can land
        # anywhere in the echo ("wc$  -c" was seen under load).
        return r"^(?:\$ )?" + r"(?:\$ )?".join(re.escape(c) for c in text) + r"(?:\$ )?$"

    def paste(name, text, ready, done, eof=b""):
        if not command(text, ready):
            errors.append("%s: %r did not start" % (name, text))
            return
        start = time.monotonic()
        s.write(data + eof)
        m = s.expect(done, 120)
        if not m or int(m.group(1)) != len(data):
            errors.append("%s: %s of %d bytes arrived" % (name, m.group(1) if m else "none",
                                                          len(data)))
            return
        rates[name].append(len(data) / (time.monotonic() - start))

    if not s.expect(r"^Janus shell on ttyS0", 120):
        errors.append("no shell banner")
    else:
        s.write("dmesg -n 1\r")  # nothing but the shell on the line meanwhile
        for _ in range(SERIAL_ROUNDS):
            # wc prints nothing before the data: its own echo of the command is the cue.
            paste("canonical", "wc -c", echo_of("wc -c"), r"^\s*(\d+)$", b"\x04")
            paste("raw", "rxcount %d" % len(data), r"rxcount: ready", r"rxcount: (\d+) bytes")
    boot.stop()
    boot.wait()
    result = {"bytes": len(data), "rounds": SERIAL_ROUNDS, "errors": errors}
    for name, r in rates.items():
        r.sort()
        if r:
            result[name] = {"median": round(r[len(r) // 2]), "min": round(r[0]),
                            "max": round(r[-1])}
    return result


def print_serial(serial):
    c, r = serial.get("canonical"), serial.get("raw")
    if c and r:
        print("%-26s %10d bytes/s  (%d KiB pasted into wc -c over ttyS0, canonical mode with "
              "echo, median of %d, min %d, max %d)" % ("serial_rx", c["median"],
                                                       serial["bytes"] // 1024, serial["rounds"],
                                                       c["min"], c["max"]))
        print("%-26s %10d bytes/s  (the same bytes into rxcount: raw mode, no echo, same boot, "
              "min %d, max %d; raw over canonical x %.2f; a real 16550 at 115200 8N1: 11520)" % (
                  "serial_rx_raw", r["median"], r["min"], r["max"], r["median"] / c["median"]))
    for e in serial["errors"]:
        print("    FAILED: serial_rx: " + e)


def host_facts():
    qemu = subprocess.run([QEMU, "--version"], capture_output=True, text=True).stdout
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                if l.startswith("model name")), "unknown")
    return {"qemu_version": qemu.splitlines()[0] if qemu else "unknown", "host_cpu": cpu,
            "host_cpus": os.cpu_count()}


def run_bench():
    legs = {name: bench_leg(name, label, args) for name, label, args in BENCH_LEGS}
    legs.update({name + "-nochecks": bench_leg(name + "-nochecks", label + ", " + BENCH_NOCHECKS,
                                               args, cmdline="bench " + BENCH_NOCHECKS)
                 for name, label, args in BENCH_LEGS})
    boot = bench_boot()
    serial = bench_serial()
    scaling = bench_scaling()
    ok = all(not leg["errors"] for leg in list(legs.values()) + list(scaling.values())) and \
        not boot["errors"] and not serial["errors"]
    result = dict(host_facts(), legs=legs, boot=boot, serial=serial, scaling=scaling)
    print("Janus benchmarks: %s, host %s" % (result["qemu_version"], result["host_cpu"]))
    for name, leg in legs.items():
        print("  leg %-7s %s (tsc_khz %s%s, %.0f s)%s" % (
            name, leg["label"], leg["tsc_khz"],
            "" if leg["tsc_khz"] == leg["guest_tsc_khz"] else
            ": the host's TSC rate; the guest calibrated %s" % leg["guest_tsc_khz"], leg["seconds"],
            "".join("\n    FAILED: " + e for e in leg["errors"])))
    if all(leg["tsc_khz"] for leg in legs.values()):
        nochecks = [dict(r, figure=r["figure"] + " (%s)" % BENCH_NOCHECKS) for r in bench_table(
            {"time": legs["time-nochecks"], "icount": legs["icount-nochecks"]})
            if r["figure"] in NOCHECKS_FIGURES]
        result["table"] = bench_table(legs) + nochecks
        print_bench_table(result["table"])
        for name, v in legs["time"]["values"].items():
            print("%-26s %10d %s" % (name, v["value"], v["unit"]))
    print_boot(boot)
    print_serial(serial)
    print_scaling(scaling)
    for e in boot["errors"]:
        print("    FAILED: " + e)
    print("ns: plain TCG, median of %d samples (p10..p90, min); instructions: -icount "
          "shift=0, median;\nx ns / x instr: the figure over its floor, same boot; "
          "\"-\" under instructions: a cross-CPU figure, meaningless under icount"
          % BENCH_SAMPLES_EXPECTED)
    with open(os.path.join(BUILD, "bench.json"), "w") as f:
        json.dump(result, f, indent=2)
    print("wrote build/bench.json%s" % ("" if ok else "; FAILED: a leg did not finish cleanly"))
    return 0 if ok else 1


BENCH_SAMPLES_EXPECTED = 1000


def bench_scaling():
    """{cpus: leg} for the SCALING_CPUS boots."""
    return {n: bench_leg("smp%d" % n, "plain TCG, %d CPUs, bench=bench_smp_scaling" % n,
                         ["-accel", "tcg", "-smp", str(n)], cmdline="bench=bench_smp_scaling")
            for n in SCALING_CPUS}


def time_text(ns):
    """ns as ns, us or ms, three significant digits at most."""
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("us", 1e3)):
        if ns >= scale:
            return "%.3g %s" % (ns / scale, unit)
    return "%.0f ns" % ns


def print_scaling(legs):
    """One row per figure: its ns median at each CPU count, x over the 2-CPU figure."""
    print("%-30s %s" % ("figure (median; x 2 CPUs)",
                        "".join("%22s" % ("%d CPUs" % n) for n in legs)))
    first = legs[SCALING_CPUS[0]]
    for fig in SCALING_FIGURES:
        cells = []
        for n, leg in legs.items():
            f, base = leg["figures"].get(fig), first["figures"].get(fig)
            if not f or not leg["tsc_khz"]:
                cells.append("-")
                continue
            ns = f["median"] * 1e6 / leg["tsc_khz"]
            ratio = f["median"] / base["median"] if base else None
            cells.append(time_text(ns) + ("" if ratio is None else
                                          " x%.0f" % ratio if ratio >= 100 else " x%.1f" % ratio))
        print("%-30s %s" % (fig, "".join("%22s" % c for c in cells)))
    for val in SCALING_VALUES:
        print("%-30s %s" % (val, "".join("%22s" % leg["values"].get(val, {}).get("value", "-")
                                         for leg in legs.values())))
    for n, leg in legs.items():
        for e in leg["errors"]:
            print("    FAILED: %d CPUs: %s" % (n, e))


if __name__ == "__main__":  # cd tests && python3 -m runner.bench boot: the boot figure alone
    import sys
    if sys.argv[1:] == ["boot"]:
        result = bench_boot()
        print_boot(result)
        for e in result["errors"]:
            print("    FAILED: " + e)
        sys.exit(1 if result["errors"] or not result.get("ratio") else 0)
    sys.exit("usage: python3 -m runner.bench boot")
