#!/usr/bin/env python3
"""make test-bochs: a second x86 implementation. Boots the GRUB ISO under Bochs
(Debian packages bochs, bochsbios, vgabios, bochs-term) with a chosen subset of
the self-tests and judges the serial log with the runner's own rules
(tests/run.py): every case ok, every selected suite run, no undeclared report.

Bochs has no isa-debug-exit device, so the boot cannot end itself: the script
stops Bochs once the KTAP totals line appears. Bochs's time is its own
(clock: sync=none, 200 million instructions a second): guest time follows the
instructions executed, so the host's load cannot distort it.

    tests/bochs.py [SUITES]      default: see SUITES below
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (tests/run.py: the runner)

SUITES = ("boot,current,preempt_count,irq_api,softirq,tasklet,spinlock,mutex,semaphore,"
          "completion,waitqueue,seed003_driver,syscall,syscall_exit,lockdep,lockcheck,"
          "spurious_storm,seq_file,printk")
TIMEOUT = 900
BOCHSRC = """megs: 128
romimage: file=/usr/share/bochs/BIOS-bochs-latest
vgaromimage: file=/usr/share/vgabios/vgabios.bin
ata0-master: type=cdrom, path={iso}, status=inserted
boot: cdrom
com1: enabled=1, mode=socket-client, dev=127.0.0.1:{port}
display_library: term
log: {log}
clock: sync=none, time0=local
cpu: count=1, ips=200000000
"""
GRUB_CFG = """serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set default=0
set timeout=0
menuentry "Janus self-test (Bochs)" {{
	multiboot /boot/janus.elf selftest={suites} irq_warn_us=500000
	module /boot/initrd.tar initrd
	boot
}}
"""


def make_iso(suites, out):
    """The GRUB ISO, with a menu that boots the self-tests at once (Bochs has no
    SMBIOS string to pick the entry with, as QEMU's -smbios does for make test)."""
    isodir = os.path.join(run.BUILD, "bochs-isodir")
    shutil.rmtree(isodir, ignore_errors=True)
    os.makedirs(os.path.join(isodir, "boot", "grub"))
    shutil.copy(run.ELF, os.path.join(isodir, "boot", "janus.elf"))
    shutil.copy(run.INITRD, os.path.join(isodir, "boot", "initrd.tar"))
    with open(os.path.join(isodir, "boot", "grub", "grub.cfg"), "w") as f:
        f.write(GRUB_CFG.format(suites=suites))
    subprocess.run(["grub-mkrescue", "-o", out, isodir], check=True, capture_output=True)


def boot(iso, serial, log):
    """Runs Bochs (its debugger starts stopped: an rc file says 'c') under a
    pseudo-terminal for the term display; returns the serial lines. COM1 is
    a TCP connection to this script (a file would be written in buffered
    chunks, so the end of the run would only show when Bochs exits)."""
    rc = os.path.join(run.BUILD, "bochs.rc")
    conf = os.path.join(run.BUILD, "bochsrc")
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(120)
    with open(rc, "w") as f:
        f.write("c\n")
    with open(conf, "w") as f:
        f.write(BOCHSRC.format(iso=iso, port=server.getsockname()[1], log=log))
    cmd = "bochs -q -f %s -rc %s" % (conf, rc)
    proc = subprocess.Popen(["script", "-qc", cmd, "/dev/null"], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=dict(os.environ, TERM="xterm"), start_new_session=True)
    start, data = time.monotonic(), b""
    try:
        conn, _ = server.accept()
        conn.settimeout(5)
        with open(serial, "wb") as out:
            while time.monotonic() - start < TIMEOUT and proc.poll() is None:
                try:
                    chunk = conn.recv(65536)
                except socket.timeout:
                    continue
                if not chunk:
                    break
                data += chunk
                out.write(chunk)
                out.flush()
                if b"# Totals: " in data:
                    break
    except socket.timeout:
        pass
    finally:
        os.killpg(proc.pid, 9)
        proc.wait()
        server.close()
    text = data.decode("utf-8", "replace").replace("\r", "")
    return text.splitlines(), time.monotonic() - start


def main(argv):
    suites = argv[0] if argv else SUITES
    if not shutil.which("bochs"):
        run.log("test-bochs: bochs is not installed (apt-get install bochs bochsbios vgabios bochs-term)")
        return 1
    os.makedirs(run.RESULTS, exist_ok=True)
    if not run.build():
        return 1
    iso = os.path.join(run.BUILD, "janus-bochs.iso")
    make_iso(suites, iso)
    serial = os.path.join(run.RESULTS, "bochs.log")
    lines, seconds = boot(iso, serial, os.path.join(run.RESULTS, "bochs-emulator.log"))
    ktap = run.Ktap(lines)
    results = ktap_results(ktap)
    passed, failed, skipped = (sum(1 for _, r in results if r == k) for k in ("pass", "fail", "skip"))
    _, undeclared, unseen = run.reports(lines)
    bad = [c for c, r in results if r == "fail"]
    ran = {s["name"] for s in ktap.suites}
    missing = [s for s in suites.split(",") if s not in ran]
    ok = not bad and not undeclared and not unseen and not missing and ktap.started
    run.log("[%s] bochs: %d passed, %d failed, %d skipped in %.0f s (Bochs 2.7, the GRUB ISO)" %
            ("PASS" if ok else "FAIL", passed, failed, skipped, seconds))
    for c in bad:
        run.log("  fail: %s" % c)
    for lineno, text in undeclared:
        run.log("  undeclared report (line %d): %s" % (lineno, text))
    for t in unseen:
        run.log("  declared, never reported: %s" % t)
    for s in missing:
        run.log("  suite did not run: %s" % s)
    run.log("  serial log: %s" % serial)
    return 0 if ok else 1


def ktap_results(ktap):
    return [(name, "skip" if c["skip"] else "pass" if c["ok"] else "fail") for name, c in ktap.cases()]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
