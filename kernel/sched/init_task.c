/*
 * init_task: the task that the boot CPU is already running when kmain starts
 * (pid 0, "swapper/0", on boot/boot.asm's stack). It is `current` from the
 * first line of kmain on, and becomes CPU 0's idle task (sched_init).
 */
#include <linux/export.h>
#include <linux/sched.h>

extern char boot_stack[];

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.pid = 0,
	.comm = "swapper/0",
	.stack = boot_stack,
	.usage = ATOMIC_INIT(1),
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.cpus_allowed = 1,
};

DEFINE_PER_CPU(struct task_struct *, current_task) = &init_task;
EXPORT_SYMBOL(current_task);
