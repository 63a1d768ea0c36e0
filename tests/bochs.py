#!/usr/bin/env python3
"""make test-bochs: a second x86 implementation. Boots the GRUB ISO under Bochs
(Debian packages bochs, bochsbios, vgabios, bochs-term) with a chosen subset of
the self-tests and judges the serial log with the runner's own rules
(tests/run.py): every case ok, every selected suite run, no undeclared report.

Bochs has no isa-debug-exit device, so the boot cannot end itself: the script
stops Bochs once the KTAP totals line appears. Bochs's time is its own
(clock: sync=none, 200 million instructions a second): guest time follows the
instructions executed, so the host's load cannot distort it.

    tests/bochs.py [SUITES]      default: see SUITES below; `all`: every suite
                                 but those in NOT_ON_BOCHS
"""
import fcntl
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import termios
import threading
import time
import tty

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (tests/run.py: the runner)

SUITES = ("boot,current,preempt_count,irq_api,softirq,tasklet,spinlock,mutex,semaphore,"
          "completion,waitqueue,seed003_driver,syscall,syscall_exit,lockdep,lockcheck,"
          "spurious_storm,seq_file,printk")
# Suites `all` leaves out, and why.
NOT_ON_BOCHS = {
    # Bochs 2.7 ignores an EOI while the spurious vector (0xff) is the highest
    # in service (bx_local_apic_c::receive_EOI): after the case that sends an
    # IPI on that vector, its bit stays set and the local APIC delivers
    # nothing more. QEMU and the SDM's APIC clear it.
    "lapic",
}
TIMEOUT = 900  # seconds on an idle host; a loaded one gets more, as in make test
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


def drain(fd):
    """Reads and drops what Bochs writes to a terminal until it hangs up."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def display_terminal(pid):
    """The pseudo-terminal Bochs's term display draws on. With the debugger
    compiled in (Debian's bochs), the term display opens a pseudo-terminal of
    its own (/dev/ptmx) for the screen, leaving stdio to the debugger. If
    nobody reads its other end, the screen updates fill the terminal's buffer
    and Bochs, blocked in that write, stops the whole machine: that is what
    stopped every run after 12-26 KB of serial output. Returns the slave's
    file descriptor, opened raw, or None if Bochs opened none in 60 s."""
    end = time.monotonic() + 60
    while time.monotonic() < end:
        try:
            fds = os.listdir("/proc/%d/fd" % pid)
        except OSError:
            return None
        for fd in fds:
            try:
                if os.readlink("/proc/%d/fd/%s" % (pid, fd)) != "/dev/ptmx":
                    continue
                with open("/proc/%d/fdinfo/%s" % (pid, fd)) as f:
                    index = re.search(r"tty-index:\s*(\d+)", f.read()).group(1)
                slave = os.open("/dev/pts/" + index, os.O_RDWR | os.O_NOCTTY)
            except (OSError, AttributeError):
                continue
            tty.setraw(slave)
            return slave
        time.sleep(0.2)
    return None


def boot(iso, serial, log):
    """Runs Bochs (its debugger starts stopped: an rc file says 'c') on a
    pseudo-terminal; threads drain it and the one the term display opens
    (display_terminal); returns the serial lines. COM1 is a TCP connection to this script (a file would be
    written in buffered chunks, so the end of the run would only show when
    Bochs exits)."""
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
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 25, 80, 0, 0))
    proc = subprocess.Popen(["bochs", "-q", "-f", conf, "-rc", rc], stdin=slave, stdout=slave,
                            stderr=slave, env=dict(os.environ, TERM="xterm"),
                            start_new_session=True)
    os.close(slave)
    threading.Thread(target=drain, args=(master,), daemon=True).start()
    screen = display_terminal(proc.pid)
    if screen is not None:
        threading.Thread(target=drain, args=(screen,), daemon=True).start()
    start, data, timeout = time.monotonic(), b"", TIMEOUT * run.timeout_scale(1)
    try:
        conn, _ = server.accept()
        conn.settimeout(5)
        with open(serial, "wb") as out:
            while time.monotonic() - start < timeout and proc.poll() is None:
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
    if suites == "all":
        suites = ",".join(sorted(n for n, explicit in run.known_suites().items()
                                 if not explicit and n not in NOT_ON_BOCHS))
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
    chosen, unmatched = run.selected_suites(suites.split(","), run.known_suites())
    missing = sorted(chosen - ran) + unmatched
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
