# Driver `gdb_modules` (tests/configs: gdb-modules): lx-lsmod and lx-symbols with a module in.
#
# The configuration boots paused (-S) and runs the module_loop suite, whose
# first round loads modules/hello.ko. gdb stops in do_init_module (the module is on
# the `modules` list, its init not yet run); lx-lsmod must list it,
# lx-symbols must load build/modules/hello.ko at its section addresses, and a
# breakpoint in hello_init must then hit with its source line, as
# docs/modules.md shows by hand. The checks are tests/drivers/gdb.py's.
# Python 3 standard library only.
import importlib.util
import os

SCRIPT = [
    ("modules", ["hbreak do_init_module", "continue", "lx-lsmod", "lx-symbols",
                 "delete", "hbreak hello_init", "continue", "bt 2", "delete"]),
]
CHECKS = {
    "modules": [(r"^0x[0-9a-f]{8} hello\s+\d+$", "lx-lsmod lists hello, being loaded"),
                (r"^loaded \S*modules/hello\.ko at 0x[0-9a-f]{8}$", "lx-symbols loads hello.ko at its address"),
                (r"#0\s+hello_init \(\) at modules/hello\.c:\d+", "a breakpoint in the module's init hits, with its source")],
}


def run(s):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gdb.py")
    spec = importlib.util.spec_from_file_location("janus_driver_gdb", path)
    gdb_driver = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gdb_driver)
    gdb_driver.run_script(s, SCRIPT, CHECKS)
