/*
 * struct pt_regs: the frame every interrupt and exception builds on entry
 * (arch/x86/entry.asm). The CPU pushes flags, cs, ip (and sp, ss when it came
 * from user mode); the stub pushes the error code (or 0) and the vector; the
 * common entry pushes the rest. Lowest address first:
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H
#include <asm/processor.h>

struct pt_regs {
	unsigned long bx, cx, dx, si, di, bp, ax;
	unsigned long ds, es, fs, gs;
	unsigned long vector;     /* which IDT entry brought us here */
	union {
		unsigned long error_code; /* pushed by the CPU for some exceptions, else 0 */
		unsigned long orig_ax;    /* int 0x80: the system call number, kept for a restart */
	};
	unsigned long ip, cs, flags;
	unsigned long sp, ss;     /* only when the CPU came from user mode */
};

/**
 * user_mode() - Whether @regs were saved from user mode.
 * @regs: the saved registers
 *
 * Context: any context; does not sleep.
 * Return: true if the interrupted code ran at ring 3.
 */
static inline bool user_mode(const struct pt_regs *regs) { return regs->cs & 3; }

/* A task's user-mode registers live at the very top of its kernel stack,
 * where the CPU pushes them on every entry from user mode (TSS esp0). */
#define task_pt_regs(p) ((struct pt_regs *)((char *)(p)->stack + THREAD_SIZE) - 1)

/**
 * kernel_stack_pointer() - Where the interrupted code's stack pointer was.
 * @regs: the saved registers
 *
 * In kernel mode the CPU pushes no esp: the stack went on just above @regs.
 *
 * Context: any context; does not sleep.
 * Return: the stack pointer.
 */
static inline unsigned long kernel_stack_pointer(const struct pt_regs *regs)
{
	return user_mode(regs) ? regs->sp : (unsigned long)&regs->sp;
}

#endif
