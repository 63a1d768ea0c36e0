"""Lab 3's grader (tools/grade.py): edubh.ko on QEMU's edu device, driven by
/bin/lab03 (user/bin/lab03.c). A handler slower than 50 ms is reported
(irq_warn_us=50000): processing one event takes 100 ms."""
MODULE = "edubh"
PROGRAM = ["lab03"]
SMP = 2
QEMU = ["-device", "edu"]
CMDLINE = "irq_warn_us=50000 initcall_blacklist=edu_driver_init"
TIMEOUT = 90
CHECKS = [
    # name, points, console lines it must show (regexes)
    ("load", 5, [r"/dev/edubh: irq \d+"]),
    ("one_interrupt", 15, []),
    ("burst_of_8", 15, []),
    ("another_burst", 10, []),
    ("unload_while_busy", 15, []),
]
