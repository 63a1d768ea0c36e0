# Lab 7's grader (tools/grade.py): e1000napi.ko, the kernel's e1000 driver
# with the student's NAPI part, on two e1000 cards joined by QEMU's
# in-process hub (nothing reaches the host), driven by /bin/lab07
# (user/bin/lab07.c). The built-in e1000 driver is kept off the cards. The
# kernel's NAPI checks (net/core/napi.c, net/core/dev.c) are examiners too:
# a poll that takes more than its budget, completes yet returns its budget,
# a frame passed up in hardirq context, NAPI left enabled when the interface
# closes: each prints a WARNING that fails the check it comes in.
MODULE = "e1000napi"
PROGRAM = ["lab07"]
SMP = 2
QEMU = ["-netdev", "hubport,id=a,hubid=0", "-device", "e1000,netdev=a,romfile=",
        "-netdev", "hubport,id=b,hubid=0", "-device", "e1000,netdev=b,romfile="]
CMDLINE = "initcall_blacklist=e1000_driver_init"
IRQ_WARN_US = 100000  # times the load scale, as the runner does: the top half is a few register accesses
TIMEOUT = 150
CHECKS = [
    # name, points, console lines it must show (regexes)
    ("load", 5, [r"eth1: MAC ([0-9a-f]{2}:){5}[0-9a-f]{2}, IRQ \d+"]),
    ("backlog", 10, []),
    ("first_frames", 5, []),
    ("bursts", 10, []),
    ("flood", 10, []),
    ("quiet_then_traffic", 10, []),
    ("unload_under_traffic", 10, []),
]
