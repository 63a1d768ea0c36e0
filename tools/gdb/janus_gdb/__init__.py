# Janus's gdb helpers, one module per area (tasks, dmesg, interrupts, trace, hang...);
# tools/gdb/janus.py imports them and registers the commands. docs/gdb.md.
