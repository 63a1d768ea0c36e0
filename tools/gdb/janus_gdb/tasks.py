# Tasks as the stopped kernel holds them: names, states, runqueues; lx-ps.
import gdb
from .core import sym, list_for_each
from .cpus import online_cpus, current_task


TASK_COMM_LEN = 16


def comm(task):
    return task["comm"].string(length=TASK_COMM_LEN).split("\0")[0]


def task_state_letter(t):
    state = int(t["state"])
    return "R" if state == 0 else "S" if state & 1 else "D" if state & 2 else "X"


def rq_tasks(rq):
    """The tasks queued on a runqueue, active array first: (array name, task)."""
    for name in ("active", "expired"):
        array = rq[name].dereference()
        for prio in range(array["queue"].type.range()[1] + 1):
            for t in list_for_each(array["queue"][prio], "struct task_struct", "run_list"):
                yield name, t


def task_line(t):
    return "%s/%d prio %d state %s%s%s" % (
        comm(t), int(t["pid"]), int(t["prio"]), task_state_letter(t),
        " need_resched" if int(t["need_resched"]) else "",
        " migrate_to=%d" % (int(t["migrate_to"]) - 1) if int(t["migrate_to"]) else "")


class LxPs(gdb.Command):
    """List every task: address, pid, CPU, state, name (Linux's lx-ps)."""

    def __init__(self):
        super().__init__("lx-ps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        running = {int(current_task(c)): c for c in online_cpus()}
        print("%-10s %5s %3s %-5s %s" % ("TASK", "PID", "CPU", "STATE", "COMM"))
        tasks = [sym("&init_task")] + list(list_for_each(sym("task_list"), "struct task_struct", "tasks"))
        for t in tasks:
            letter = task_state_letter(t)
            if int(t) in running:
                letter += "*"  # on a CPU right now
            print("0x%08x %5d %3d %-5s %s" % (int(t), int(t["pid"]), int(t["cpu"]), letter, comm(t)))
