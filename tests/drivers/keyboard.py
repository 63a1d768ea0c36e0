# Driver `keyboard` (tests/configs: keyboard): a person at QEMU's window.
# It types on the PS/2 keyboard through QEMU's monitor (QMP sendkey, one
# key at a time), at the shell init keeps on the VGA console (/dev/tty1),
# and checks what that shell received: a command's output redirected to the
# serial line, the typed line on the screen (read from video memory with
# QMP pmemsave), ^C stopping a sleep, IRQ 1's count in /proc/interrupts
# with both of its handlers, seed 003's and the keyboard's, and ps typed on
# the keyboard seeing the serial line's shell asleep in kernel_wait while
# its `sleep 5` runs (an observer on another terminal cannot race it).
import os
import re
import tempfile
import time

KEYS = {" ": "spc", "/": "slash", ">": "shift-dot", ".": "dot", "-": "minus", "|": "shift-backslash",
        "\n": "ret"}


def key_name(ch):
    if ch.isupper():
        return "shift-" + ch.lower()
    return KEYS.get(ch, ch)


def type_keys(s, text):
    for ch in text:
        s.sendkey(key_name(ch))
        time.sleep(0.02)


def screen(s):
    """The 80x25 text screen, as lines."""
    path = os.path.join(tempfile.mkdtemp(prefix="janus-vga-"), "screen")
    try:
        s.qmp("pmemsave", val=0xb8000, size=80 * 25 * 2, filename=path)
        with open(path, "rb") as f:
            cells = f.read()
    finally:
        if os.path.exists(path):
            os.unlink(path)
        os.rmdir(os.path.dirname(path))
    text = bytes(cells[0::2]).decode("latin-1")
    return [text[i:i + 80].rstrip() for i in range(0, len(text), 80)]


def wait_screen(s, regex, timeout=15):
    end = time.monotonic() + timeout * s.scale
    while time.monotonic() < end:
        lines = screen(s)
        if any(re.search(regex, l) for l in lines):
            return True
        time.sleep(0.2)
    return False


def run(s):
    s.check("serial_shell_up", s.expect(r"^Janus shell on ttyS0", 60), "no shell on the serial line")
    s.check("console_shell_up", wait_screen(s, r"Janus shell on the console"),
            "\n".join(screen(s)))
    type_keys(s, "echo Typed on the keyboard > /dev/ttyS0\n")
    s.check("keyboard_command_ran", s.expect(r"(^|\$ )Typed on the keyboard$", 15))
    s.check("screen_shows_the_typed_line", wait_screen(s, r"\$ echo Typed on the keyboard"),
            "\n".join(screen(s)))
    type_keys(s, "sleep 10\n")
    time.sleep(0.5)
    s.sendkey("ctrl-c")
    type_keys(s, "echo back > /dev/ttyS0\n")
    s.check("ctrl_c_on_the_keyboard", s.expect(r"(^|\$ )back$", 10))
    s.write("cat /proc/interrupts | grep i8042\r")
    m = s.expect(r"^\s*1:\s+(\d+)\s+(\d*).*my_irq_handler, i8042", 10)
    s.check("irq1_shared_and_counted", m and sum(int(x) for x in m.groups() if x) > 0,
            "no IRQ 1 line with both handlers")
    s.write("sleep 5\r")
    time.sleep(0.5)
    type_keys(s, "ps > /dev/ttyS0\n")
    s.check("ps_wait_channel", s.expect(r"\bS\b.*\bsh\s+kernel_wait$", 15),
            "no shell asleep in kernel_wait in ps's listing")
