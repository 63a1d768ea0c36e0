/*
 * Constants that NASM code needs from C (structure offsets, sizes): compiled
 * to assembly, the "->NAME value" markers become build/include/asm-offsets.inc.
 */
#include <asm/page.h>
#include <asm/irq_vectors.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/smp.h>
#include <asm/vsyscall.h>
#include <linux/sched.h>
#include <linux/stddef.h>

#define DEFINE(sym, val) __asm__ __volatile__("\n.ascii \"->" #sym " %c0\"" : : "i"(val))
#define OFFSET(sym, str, mem) DEFINE(sym, offsetof(struct str, mem))

void asm_offsets(void);
void asm_offsets(void)
{
	DEFINE(THREAD_SIZE, THREAD_SIZE);
	DEFINE(PAGE_OFFSET, PAGE_OFFSET);
	DEFINE(IRQ_STACK_SIZE, CONFIG_IRQ_STACK_SIZE);
	DEFINE(KERNEL_CS, __KERNEL_CS);
	DEFINE(KERNEL_DS, __KERNEL_DS);
	DEFINE(KERNEL_PERCPU, __KERNEL_PERCPU);
	DEFINE(USER_CS, __USER_CS);
	DEFINE(USER_DS, __USER_DS);
	DEFINE(X86_EFLAGS_IF, X86_EFLAGS_IF);
	/* a user's flags that sysexit can leave as the kernel's (entry.asm) */
	DEFINE(X86_EFLAGS_PLAIN, X86_EFLAGS_STATUS | X86_EFLAGS_IF | X86_EFLAGS_FIXED);
	DEFINE(VSYSCALL_SYSEXIT_OFFSET, VSYSCALL_SYSEXIT_OFFSET);
	DEFINE(VSYSCALL_SYSEXIT_RETURN, VSYSCALL_SYSEXIT_RETURN);
	DEFINE(X86_CR0_PE, X86_CR0_PE);
	DEFINE(X86_CR0_WP, X86_CR0_WP);
	DEFINE(X86_CR0_PG, X86_CR0_PG);
	DEFINE(X86_CR4_PSE, X86_CR4_PSE);
	DEFINE(TRAMPOLINE_PHYS, TRAMPOLINE_PHYS);

	OFFSET(TASK_SP, task_struct, sp);
	OFFSET(PT_VECTOR, pt_regs, vector);
	OFFSET(PT_ORIG_AX, pt_regs, orig_ax);
	OFFSET(PT_AX, pt_regs, ax);
	OFFSET(PT_DS, pt_regs, ds);
	OFFSET(PT_ES, pt_regs, es);
	OFFSET(PT_FS, pt_regs, fs);
	OFFSET(PT_GS, pt_regs, gs);
	DEFINE(IA32_SYSCALL_VECTOR, IA32_SYSCALL_VECTOR);
	OFFSET(PT_IP, pt_regs, ip);
	OFFSET(PT_CS, pt_regs, cs);
	OFFSET(PT_FLAGS, pt_regs, flags);
}
