/* CPU exceptions: vector numbers and the handlers of arch/x86/traps.c. */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H
#include <asm/ptrace.h>

enum {
	X86_TRAP_DE = 0,   /* divide error */
	X86_TRAP_DB = 1,   /* debug */
	X86_TRAP_NMI = 2,
	X86_TRAP_BP = 3,   /* int3 */
	X86_TRAP_OF = 4,   /* overflow */
	X86_TRAP_BR = 5,   /* bound range */
	X86_TRAP_UD = 6,   /* invalid opcode */
	X86_TRAP_NM = 7,   /* device not available */
	X86_TRAP_DF = 8,   /* double fault */
	X86_TRAP_TS = 10,  /* invalid TSS */
	X86_TRAP_NP = 11,  /* segment not present */
	X86_TRAP_SS = 12,  /* stack segment */
	X86_TRAP_GP = 13,  /* general protection */
	X86_TRAP_PF = 14,  /* page fault */
	X86_TRAP_MF = 16,  /* x87 floating point */
	X86_TRAP_AC = 17,  /* alignment check */
	X86_TRAP_MC = 18,  /* machine check */
	X86_TRAP_XF = 19,  /* SIMD floating point */
	NR_EXCEPTION_VECTORS = 32,
};

/* #PF error code bits */
#define X86_PF_PROT (1u << 0)  /* 0: page not present, 1: protection violation */
#define X86_PF_WRITE (1u << 1)
#define X86_PF_USER (1u << 2)
#define X86_PF_RSVD (1u << 3)
#define X86_PF_INSTR (1u << 4)

void trap_init(void);
void cpu_init_doublefault(int cpu);
const char *exception_name(unsigned int vector);
/* Prints the oops report for regs and kills the task or panics (arch/x86/traps.c). */
void die(const char *str, struct pt_regs *regs, unsigned long err);
void show_regs(const struct pt_regs *regs);

#endif
