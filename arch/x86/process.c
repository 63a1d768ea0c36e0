/*
 * A new task's stack. Its top is kept for the user-mode registers
 * (task_pt_regs: where the CPU pushes them when the task enters the kernel
 * from user mode); below it, the frame switch_to will pop the first time it
 * switches to the task. A kernel thread returns into ret_from_kernel_thread,
 * with fn and arg above; a user process into ret_from_fork, which leaves for
 * user mode.
 */
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>
#include <linux/sched.h>

void ret_from_kernel_thread(void);
void ret_from_fork(void);

struct switch_frame {
	unsigned long flags, di, si, bx, bp; /* popped by switch_to */
	unsigned long ret;                   /* where switch_to's ret goes */
};

struct fork_frame {
	struct switch_frame sw;
	unsigned long fn, arg; /* read by ret_from_kernel_thread */
};

static void init_switch_frame(struct switch_frame *sw, void (*ret)(void))
{
	*sw = (struct switch_frame){
		.flags = 0x2, /* interrupts off until the runqueue lock is released */
		.bp = 0,      /* the end of every backtrace of this task */
		.ret = (unsigned long)ret,
	};
}

/**
 * copy_thread() - Set up a new kernel thread's stack so its first switch runs @fn(@arg).
 * @p:   the new task
 * @fn:  the thread function (through ret_from_kernel_thread)
 * @arg: its argument
 *
 * Context: process context, before @p is first woken; does not sleep.
 */
void copy_thread(struct task_struct *p, int (*fn)(void *), void *arg)
{
	struct fork_frame *frame = (struct fork_frame *)task_pt_regs(p) - 1;

	init_switch_frame(&frame->sw, ret_from_kernel_thread);
	frame->fn = (unsigned long)fn;
	frame->arg = (unsigned long)arg;
	p->sp = (unsigned long)frame;
}

/**
 * copy_thread_user() - Set up a new process's stack so its first switch returns to user mode.
 * @p: the new task, whose pt_regs already hold its user state
 *
 * Context: process context, before @p is first woken; does not sleep.
 */
void copy_thread_user(struct task_struct *p)
{
	struct switch_frame *sw = (struct switch_frame *)task_pt_regs(p) - 1;

	init_switch_frame(sw, ret_from_fork);
	p->sp = (unsigned long)sw;
}
