# Lab 5's grader (tools/grade.py): ctxcount.ko on QEMU's edu device, two CPUs,
# driven by /bin/lab05 (user/bin/lab05.c).
MODULE = "ctxcount"
PROGRAM = ["lab05"]
SMP = 2
QEMU = ["-device", "edu"]
CMDLINE = "initcall_blacklist=edu_driver_init"
TIMEOUT = 90
CHECKS = [
    # name, points, console lines it must show (regexes)
    ("load", 5, [r"/dev/ctxcount: irq \d+"]),
    ("hardirq_counted", 10, []),
    ("softirq_counted", 10, []),
    ("task_counted", 10, []),
    ("per_cpu_lines", 10, []),
    ("two_cpus_at_once", 10, []),
    ("unload_and_reload", 5, []),
]
