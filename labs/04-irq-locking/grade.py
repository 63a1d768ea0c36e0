# Lab 4's grader (tools/grade.py): edulock.ko on QEMU's edu device, two CPUs,
# driven by /bin/lab04 (user/bin/lab04.c). The handler may spin while the other
# CPU holds the ledger's lock, and under TCG on a loaded host that other CPU's
# thread can be descheduled for a long while: handler times here are host
# scheduling, not the student's code, so only a handler slower than 5 s is
# reported (lab 3 is the lab about slow handlers).
MODULE = "edulock"
PROGRAM = ["lab04"]
SMP = 2
QEMU = ["-device", "edu"]
CMDLINE = "initcall_blacklist=edu_driver_init"
IRQ_WARN_US = 5000000
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
