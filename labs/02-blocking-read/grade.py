# Lab 2's grader (tools/grade.py): eduwait.ko on QEMU's edu device, driven by
# /bin/lab02 (user/bin/lab02.c). The built-in edu driver is kept off the device.
MODULE = "eduwait"
PROGRAM = ["lab02"]
SMP = 2
QEMU = ["-device", "edu"]
CMDLINE = "initcall_blacklist=edu_driver_init"
TIMEOUT = 90
CHECKS = [
    # name, points, console lines it must show (regexes)
    ("load", 5, [r"/dev/eduwait: read waits for irq \d+"]),
    ("read_blocks", 15, []),
    ("interrupt_wakes", 15, [r"lab02: reader \d+ read '120'"]),
    ("every_reader_wakes", 10, []),
    ("reader_can_be_killed", 10, []),
    ("unload", 5, []),
]
