# Lab 1's grader (tools/grade.py): greet.ko, driven by /bin/lab01 (user/bin/lab01.c).
MODULE = "greet"
PROGRAM = ["lab01"]
SMP = 1
TIMEOUT = 60
CHECKS = [
    # name, points, console lines it must show (regexes)
    ("load", 10, [r"greet: Hello, world! \(1 of 1\)$"]),
    ("unload", 10, [r"greet: Goodbye, world\.$"]),
    ("param_who", 10, [r"greet: Hello, students! \(1 of 1\)$", r"greet: Goodbye, students\.$"]),
    ("param_times", 10, [r"greet: Hello, TAs! \(1 of 3\)$", r"greet: Hello, TAs! \(3 of 3\)$",
                         r"greet: Goodbye, TAs\.$"]),
    ("bad_times", 10, []),
    ("modinfo", 5, [r"^parm:\s+who:.*\(charp\)$", r"^parm:\s+times:.*\(int\)$",
                    r"^description:\s+\S"]),
    ("reload", 5, []),
]
