/* The context switch (arch/x86/switch_to.asm) and what a new task starts from (process.c). */
#ifndef _ASM_SWITCH_TO_H
#define _ASM_SWITCH_TO_H
#include <linux/compiler.h>
struct task_struct;

/* Saves prev's callee-saved registers, EFLAGS and stack pointer, loads next's;
 * returns, on next's stack, the task that ran before next. */
struct task_struct *switch_to(struct task_struct *prev, struct task_struct *next);
/* The stack the CPU switches to on an interrupt from user mode (TSS esp0). */
void update_task_stack(unsigned long sp0);
/* Builds p's first stack frame: it will run fn(arg) and then do_exit. */
void copy_thread(struct task_struct *p, int (*fn)(void *), void *arg);
/* Builds p's first frame for a user process: its first switch returns to
 * user mode with the registers in task_pt_regs(p) (filled by the caller). */
void copy_thread_user(struct task_struct *p);
/* Leaves for user mode with these registers, task_pt_regs(current) (entry.asm). */
struct pt_regs;
void __noreturn enter_user_mode(struct pt_regs *regs);

#endif
