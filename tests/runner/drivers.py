# Interactive tests: a driver (tests/drivers/NAME.py, run(session)) types on the
# running guest's serial line and keyboard, talks QMP and gdb, and records checks.
import importlib.util
import json
import os
import re
import socket
import subprocess
import time

from .qemu import DRIVERS, ELF, gdb_batch


class Session:
    """What a driver (tests/drivers/NAME.py, run(session)) gets: the running guest.

    write(data)                 bytes or str to the guest's serial line (COM1)
    expect(regex, timeout=10)   waits for a serial line (from the read position on) to
                                match; returns the match and moves the read position
                                past that line, or None on timeout
    lines                       every serial line so far (timestamps included)
    qmp(command, **arguments)   a QMP command; returns its "return" value (raises on error)
    sendkey(keys)               types on the guest's PS/2 keyboard: "a", "shift-a", "ret"
                                (QEMU's key names, as the monitor's sendkey)
    gdb(*commands, timeout=60)  gdb -batch with tools/gdbinit, connected to the guest's
                                stub: its output
    gdb_port, elf, log_path, config
    check(name, ok, diag="")    records one named result; the runner counts it like a
                                KTAP case and prints diag (str, may be multi-line) on failure
    wait_exit(timeout)          waits for the kernel to exit QEMU; True if it did
    Timeouts are in seconds and scaled like the configuration's (--jobs, JANUS_TIMEOUT_SCALE).
    """

    def __init__(self, boot, config, log_path, scale):
        self.boot, self.config, self.log_path, self.scale = boot, config, log_path, scale
        self.gdb_port, self.elf = boot.gdb_port, ELF
        self.results = []
        self.pos = 0
        self._qmp = None

    @property
    def lines(self):
        with self.boot.cond:
            return list(self.boot.lines)

    def write(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.boot.proc.stdin.write(data)
        self.boot.proc.stdin.flush()

    def expect(self, regex, timeout=10):
        rx = re.compile(regex)
        end = time.monotonic() + timeout * self.scale
        with self.boot.cond:
            while True:
                while self.pos < len(self.boot.lines):
                    m = rx.search(self.boot.lines[self.pos])
                    self.pos += 1
                    if m:
                        return m
                left = end - time.monotonic()
                if left <= 0 or (not self.boot.running() and not self.boot.reader.is_alive()):
                    return None
                self.boot.cond.wait(min(left, 0.5))

    def qmp(self, command, **arguments):
        if self._qmp is None:
            self._qmp = Qmp(self.boot.qmp_path, 10 * self.scale)
        return self._qmp.command(command, arguments)

    def sendkey(self, keys):
        return self.qmp("human-monitor-command", **{"command-line": "sendkey " + keys})

    def gdb(self, *commands, timeout=60):
        return gdb_batch(self.gdb_port, commands, timeout * self.scale)

    def check(self, name, ok, diag=""):
        self.results.append({"name": name, "ok": bool(ok), "diag": str(diag) if not ok else ""})
        return bool(ok)

    def wait_exit(self, timeout):
        try:
            self.boot.proc.wait(timeout * self.scale)
            return True
        except subprocess.TimeoutExpired:
            return False

    def close(self):
        if self._qmp:
            self._qmp.close()


class Qmp:
    """A minimal QMP client on QEMU's unix socket."""

    def __init__(self, path, timeout):
        end = time.monotonic() + timeout
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX)
                self.sock.settimeout(timeout)
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > end:
                    raise
                time.sleep(0.05)
        self.file = self.sock.makefile("rwb")
        self._reply()  # the greeting
        self.command("qmp_capabilities", {})

    def _reply(self):
        while True:
            msg = json.loads(self.file.readline())
            if "event" not in msg:
                return msg

    def command(self, command, arguments):
        msg = {"execute": command}
        if arguments:
            msg["arguments"] = arguments
        self.file.write(json.dumps(msg).encode() + b"\n")
        self.file.flush()
        reply = self._reply()
        if "error" in reply:
            raise RuntimeError("QMP %s: %s" % (command, reply["error"].get("desc")))
        return reply.get("return")

    def close(self):
        self.sock.close()


def load_driver(name):
    path = os.path.join(DRIVERS, name + ".py")
    spec = importlib.util.spec_from_file_location("janus_driver_" + name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run


def run_driver(boot, config, log_path, scale):
    session = Session(boot, config, log_path, scale)
    try:
        load_driver(config.driver)(session)
    except Exception as e:  # a driver's bug or a dead guest: one failed check, never a crash
        session.check("driver %s" % config.driver, False, "%s: %s" % (type(e).__name__, e))
    finally:
        session.close()
    return session.results
