# Lab 3's grader (tools/grade.py): edubh.ko on QEMU's edu device, driven by
# /bin/lab03 (user/bin/lab03.c). A handler slower than 50 ms is reported
# (irq_warn_us=200000 on an idle host): processing one event takes 300 ms.
# Handler times under TCG are host times, so the limit grows with the host's
# load like the runner's; the skeleton's handler also takes a mutex, which
# might_sleep reports whatever the load.)
MODULE = "edubh"
PROGRAM = ["lab03"]
SMP = 2
QEMU = ["-device", "edu"]
CMDLINE = "initcall_blacklist=edu_driver_init"
IRQ_WARN_US = 200000  # times the load scale, as the runner does
TIMEOUT = 90
CHECKS = [
    # name, points, console lines it must show (regexes)
    ("load", 5, [r"/dev/edubh: irq \d+"]),
    ("one_interrupt", 15, []),
    ("burst_of_4", 15, []),
    ("another_burst", 10, []),
    ("unload_while_busy", 15, []),
]
