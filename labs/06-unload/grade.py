# Lab 6's grader (tools/grade.py): edutidy.ko on QEMU's edu device, driven by
# /bin/lab06 (user/bin/lab06.c). The kernel's leftover checks at rmmod are the
# examiners: each "BUG: module edutidy unloaded with ..." fails its check.
MODULE = "edutidy"
PROGRAM = ["lab06"]
SMP = 2
QEMU = ["-device", "edu"]
CMDLINE = "initcall_blacklist=edu_driver_init"
TIMEOUT = 90
CHECKS = [
    # name, points, console lines it must show (regexes)
    ("load", 5, [r"/dev/edutidy: irq \d+, a heartbeat every 100 ms"]),
    ("it_runs", 5, []),
    ("unload", 20, []),
    ("probe_error_path", 15, [r"probe failed with error -12"]),
    ("unload_while_busy", 15, []),
]
