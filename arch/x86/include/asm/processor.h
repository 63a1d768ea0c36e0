/* CPU instructions and registers that C code needs: cpuid, control registers, hlt, pause. */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H
#include <linux/types.h>

#define X86_EFLAGS_CF (1u << 0)
#define X86_EFLAGS_FIXED (1u << 1) /* always 1 */
#define X86_EFLAGS_PF (1u << 2)
#define X86_EFLAGS_AF (1u << 4)
#define X86_EFLAGS_ZF (1u << 6)
#define X86_EFLAGS_SF (1u << 7)
#define X86_EFLAGS_TF (1u << 8)
#define X86_EFLAGS_IF (1u << 9)
#define X86_EFLAGS_DF (1u << 10)
#define X86_EFLAGS_OF (1u << 11)
#define X86_EFLAGS_IOPL (3u << 12)
#define X86_EFLAGS_NT (1u << 14)
#define X86_EFLAGS_AC (1u << 18)
#define X86_EFLAGS_ID (1u << 21)
/* The arithmetic results: undefined after a call, so after __kernel_vsyscall too. */
#define X86_EFLAGS_STATUS (X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | X86_EFLAGS_ZF | \
			   X86_EFLAGS_SF | X86_EFLAGS_OF)

#define X86_CR0_PE (1u << 0)
#define X86_CR0_WP (1u << 16)
#define X86_CR0_PG (1u << 31)
#define X86_CR4_PSE (1u << 4)
#define X86_CR4_PGE (1u << 7)

#define X86_FEATURE_PSE (1u << 3) /* cpuid(1).edx */
#define X86_FEATURE_TSC (1u << 4)
#define X86_FEATURE_APIC (1u << 9)
#define X86_FEATURE_PGE (1u << 13)

/**
 * cpuid() - Ask the CPU about itself: leaf @leaf (subleaf 0).
 * @leaf: what to ask (eax)
 * @a: where eax goes
 * @b: where ebx goes
 * @c: where ecx goes
 * @d: where edx goes
 *
 * Context: any context; does not sleep.
 */
static inline void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	__asm__ __volatile__("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(0));
}

#define DEFINE_CR_ACCESSORS(n)                                                   \
	static inline unsigned long read_cr##n(void)                             \
	{                                                                        \
		unsigned long v;                                                 \
		__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(v));           \
		return v;                                                        \
	}                                                                        \
	static inline void write_cr##n(unsigned long v)                          \
	{                                                                        \
		__asm__ __volatile__("mov %0, %%cr" #n : : "r"(v) : "memory");  \
	}
DEFINE_CR_ACCESSORS(0)
DEFINE_CR_ACCESSORS(2)
DEFINE_CR_ACCESSORS(3)
DEFINE_CR_ACCESSORS(4)
#undef DEFINE_CR_ACCESSORS

/**
 * __flush_tlb_all() - Drop this CPU's TLB entries (all but global pages), by reloading cr3.
 *
 * Context: any context; does not sleep. Other CPUs are not flushed.
 */
static inline void __flush_tlb_all(void) { write_cr3(read_cr3()); }

/**
 * __flush_tlb_one() - Drop this CPU's TLB entry for @addr (invlpg).
 * @addr: a virtual address
 *
 * Context: any context; does not sleep. Other CPUs are not flushed.
 */
static inline void __flush_tlb_one(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

/**
 * cpu_relax() - The spin-wait hint (pause): tells the CPU (and QEMU) this is a busy loop.
 *
 * Context: any context; does not sleep.
 */
static inline void cpu_relax(void) { __asm__ __volatile__("pause" ::: "memory"); }

/**
 * halt() - Stop this CPU until the next interrupt (hlt).
 *
 * Context: any context; with interrupts off only an NMI wakes it.
 */
static inline void halt(void) { __asm__ __volatile__("hlt" ::: "memory"); }

/**
 * current_stack_pointer() - This CPU's stack pointer (esp) now.
 *
 * Context: any context; does not sleep.
 * Return: the address.
 */
static inline unsigned long current_stack_pointer(void)
{
	unsigned long sp;
	__asm__ __volatile__("mov %%esp, %0" : "=r"(sp));
	return sp;
}

/**
 * current_frame_pointer() - The caller's frame pointer (ebp), where a backtrace starts.
 *
 * Context: any context; does not sleep.
 * Return: the address.
 */
static inline unsigned long current_frame_pointer(void)
{
	return (unsigned long)__builtin_frame_address(0);
}

#endif
