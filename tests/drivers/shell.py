# Driver `shell` (tests/configs: shell): a person at the serial terminal.
# It waits for the shell's banner, then types commands a key at a time with
# short pauses, as someone would, and checks what comes back: echo, ls /bin,
# a pipeline, redirection, $?, a background job and wait, `sleep 10` cut
# short by ^C (the shell answers within a second and lives on), seed003, an
# unknown command, the serial line's interrupt count rising in
# /proc/interrupts; then bad input: binary garbage, a 64 KiB paste at full
# speed into `wc -c` (every byte delivered or counted as an overrun, and the
# figures printed), an over-long line, a burst of ^C; the demo program's
# subcommands (two provoke the kernel reports the configuration declares);
# job control (^Z, jobs, ps state T, bg, fg, ^C); a module's life
# (modinfo, insmod with parameters, dmesg, lsmod, rmmod, and their errors);
# and exit, after which init starts a new shell.
import time

KEY_PAUSE = 0.01  # between keys
OUT = r"^(?!\$ )"  # a line that is output, not the echo of a command line


def type_line(s, text):
    for ch in text:
        s.write(ch)
        time.sleep(KEY_PAUSE)
    s.write("\r")  # the Enter key: ICRNL makes it a newline


def run_cmd(s, text, want, timeout=10):
    type_line(s, text)
    return s.expect(want, timeout)


def irq4_count(s):
    m = run_cmd(s, "cat /proc/interrupts | grep ttyS0", OUT + r"\s*4:\s+(\d+)\s+(\d*)")
    return sum(int(x) for x in m.groups() if x) if m else None


def job_control(s):
    """^Z stops the foreground job; jobs and ps show it stopped; bg runs it on in
    the background, fg brings it back to the foreground, where ^C ends it."""
    type_line(s, "sleep 300")
    time.sleep(0.5)
    s.write("\x1a")
    m = s.expect(OUT + r"^\[(\d+)\]\+ Stopped\s+sleep 300$", 10)
    s.check("ctrl_z_stops_the_job", m, "no '[N]+ Stopped  sleep 300' after ^Z")
    nr = m.group(1) if m else "1"
    s.check("jobs_lists_it_stopped", run_cmd(s, "jobs", OUT + r"^\[%s\]\s+Stopped\s+sleep 300$" % nr))
    s.check("ps_shows_state_T", run_cmd(s, "ps | grep sleep",
                                        OUT + r".*\bT\b.*\bsleep\s+do_signal_stop$"))
    s.check("bg_runs_it_on", run_cmd(s, "bg", OUT + r"^\[%s\]\+ sleep 300 &$" % nr))
    s.check("jobs_lists_it_running", run_cmd(s, "jobs", OUT + r"^\[%s\]\s+Running\s+sleep 300$" % nr))
    s.check("fg_brings_it_back", run_cmd(s, "fg", OUT + r"^sleep 300$"))
    time.sleep(0.3)
    s.write("\x03")
    s.check("ctrl_c_ends_it_after_fg", run_cmd(s, "echo status $?", OUT + r"^status 130$"))


def serial_counts(s):
    m = run_cmd(s, "cat /proc/tty/driver/serial",
                r"0: uart:16550A .*rx:(\d+) oe:(\d+).*throttled:(\d+) flipdrop:(\d+)")
    return [int(x) for x in m.groups()] if m else None


def paste(s):
    """64 KiB at full speed into wc -c, then ^D: delivered + overruns must account for it."""
    before = serial_counts(s)
    type_line(s, "wc -c")
    time.sleep(0.5)
    data = (b"a" * 63 + b"\n") * 1024
    start = time.monotonic()
    s.write(data)
    s.write(b"\x04")
    m = s.expect(OUT + r"^\s*(\d+)$", 90)
    seconds = time.monotonic() - start
    after = serial_counts(s)
    got = int(m.group(1)) if m else -1
    delta = [a - b for a, b in zip(after, before)] if after and before else [-1] * 4
    print("    paste: %d bytes sent at full speed, %d delivered to wc -c, %d overruns, "
          "%d throttles, %d flip-buffer drops, %.1f s (%.0f bytes/s)" %
          (len(data), got, delta[1], delta[2], delta[3], seconds, len(data) / seconds))
    s.check("paste_64k_accounted_for", got == len(data) or (got >= 0 and delta[1] > 0),
            "delivered %d of %d, %d overruns" % (got, len(data), delta[1]))


def module_life(s):
    """A student's session with hello.ko: modinfo, insmod with parameters (its
    greetings are KERN_INFO, so dmesg shows them), lsmod, a refused bad value,
    rmmod, and rmmod of what is not loaded."""
    s.check("modinfo", run_cmd(s, "modinfo hello", OUT + r"^parm:\s+who:whom to greet \(charp\)$"))
    type_line(s, "insmod hello who=shell count=2")
    s.check("insmod_params", run_cmd(s, "dmesg | grep hello:", OUT + r".*hello: Hello, shell! \(2 of 2\)$"))
    s.check("lsmod_lists_it", run_cmd(s, "lsmod", OUT + r"^hello\s+\d+\s+0$"))
    s.check("insmod_twice_refused", run_cmd(s, "insmod hello", OUT + r"^insmod: ERROR: .*hello.*(exists|File exists)"))
    type_line(s, "rmmod hello")
    # grep's count may share its line with the prompt typed-ahead input brought back
    s.check("rmmod_removes_it", run_cmd(s, "lsmod | grep -c hello", r"^(\$ )?0$"))
    s.check("rmmod_absent", run_cmd(s, "rmmod hello",
                                    OUT + r"^rmmod: ERROR: Module hello is not currently loaded$"))
    s.check("bad_param_refused", run_cmd(s, "insmod hello count=abc",
                                         OUT + r"^insmod: ERROR: .*(Invalid|invalid)"))


def run(s):
    s.check("banner", s.expect(r"^Janus shell on ttyS0: type 'help' to begin.*Ctrl-A X quits QEMU",
                               60), "no banner from /bin/sh")
    s.check("echo", run_cmd(s, "echo hello from the serial line",
                            OUT + r"hello from the serial line$"))
    s.check("ls_bin", run_cmd(s, "ls /bin", OUT + r".*\bsleep\b"))
    first = irq4_count(s)
    s.check("pipeline", first is not None, "no IRQ 4 line from cat /proc/interrupts | grep ttyS0")
    type_line(s, "false")
    s.check("dollar_question", run_cmd(s, "echo status $?", OUT + r"^status 1$"))
    type_line(s, "echo gone > /dev/null")
    s.check("redirect_out", run_cmd(s, "echo status $?", OUT + r"^status 0$"))
    s.check("redirect_in", run_cmd(s, "head -n 1 < /proc/tasks", OUT + r".*PID\s+S\s+CPU"))
    s.check("background", run_cmd(s, "sleep 1 &", OUT + r"^\[\d+\] \d+$"))
    s.check("wait", run_cmd(s, "wait", OUT + r"^\[\d+\]\+ Done\s+sleep 1", 15))
    type_line(s, "sleep 10")
    time.sleep(0.5)
    sent = time.monotonic()
    s.write("\x03")
    back = s.expect(r"\^C$", 5)
    took = time.monotonic() - sent
    s.check("ctrl_c_stops_sleep_10", back and took < 1.0 * s.scale, "shell back after %.2f s" % took)
    s.check("shell_survives_ctrl_c", run_cmd(s, "echo alive", OUT + r"^alive$"))
    s.check("seed003", run_cmd(s, "seed003", r"seed003: read 27 bytes: Data from process context", 15))
    s.check("unknown_command", run_cmd(s, "nosuchprogram", r"sh: nosuchprogram: command not found"))
    second = irq4_count(s)
    s.check("irq4_count_rises", first is not None and second is not None and second > first,
            "IRQ 4 counts %s then %s" % (first, second))
    # Bad input. Binary garbage (without ^D, which would end the shell: init restarts it).
    s.write(bytes(b for b in range(256) if b not in (4, 0x0a, 0x0d)) * 4)
    s.write("\x15")  # ^U: drop what is left on the line
    s.check("garbage_survived", run_cmd(s, "echo after garbage", OUT + r"^after garbage$", 20))
    paste(s)
    s.write("x" * 1500 + "\r")  # pasted: typing it would take long
    s.check("overlong_line_refused", s.expect(r"sh: line too long", 20))
    type_line(s, "sleep 10")
    time.sleep(0.3)
    s.write("\x03" * 20)
    s.check("ctrl_c_burst", run_cmd(s, "echo survived", OUT + r"^survived$", 10))
    job_control(s)
    module_life(s)
    s.check("help", run_cmd(s, "help", r"^Janus shell\. Type a program's name"))
    s.check("demo_context", run_cmd(s, "demo context", r"the handler:.*hardirq context"))
    s.check("demo_bottom_halves", run_cmd(s, "demo bottom-halves", r"tasklet:.*softirq context") and
            s.expect(r"work item:.*kworker.*process context", 5))
    s.check("demo_sleep_in_handler",
            run_cmd(s, "demo sleep-in-handler", r"BUG: sleeping function called from invalid context"))
    s.check("demo_user_memory", run_cmd(s, "demo user-memory", r"17 bytes"))
    type_line(s, "exit")
    s.check("init_restarts_the_shell", s.expect(r"^Janus shell on ttyS0", 20))
