"""Lab 4's grader (tools/grade.py): edulock.ko on QEMU's edu device, two CPUs,
driven by /bin/lab04 (user/bin/lab04.c)."""
MODULE = "edulock"
PROGRAM = ["lab04"]
SMP = 2
QEMU = ["-device", "edu"]
CMDLINE = "initcall_blacklist=edu_driver_init"
TIMEOUT = 120
CHECKS = [
    # name, points, console lines it must show (regexes)
    ("load", 5, [r"/dev/edulock: irq \d+"]),
    ("interrupts_alone", 5, []),
    ("process_context_alone", 5, []),
    ("both_at_once", 20, []),
    ("both_at_once_again", 20, []),
    ("unload", 5, []),
]
