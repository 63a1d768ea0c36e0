/* CPU instructions and registers that C code needs: cpuid, control registers, hlt, pause. */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H
#include <linux/types.h>

#define X86_EFLAGS_CF (1u << 0)
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

#define X86_CR0_PE (1u << 0)
#define X86_CR0_WP (1u << 16)
#define X86_CR0_PG (1u << 31)
#define X86_CR4_PSE (1u << 4)
#define X86_CR4_PGE (1u << 7)

#define X86_FEATURE_PSE (1u << 3) /* cpuid(1).edx */
#define X86_FEATURE_TSC (1u << 4)
#define X86_FEATURE_APIC (1u << 9)
#define X86_FEATURE_PGE (1u << 13)

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

static inline void __flush_tlb_all(void) { write_cr3(read_cr3()); }

static inline void __flush_tlb_one(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

/* Spin-wait hint: tells the CPU (and QEMU) that this is a busy loop. */
static inline void cpu_relax(void) { __asm__ __volatile__("pause" ::: "memory"); }

static inline void halt(void) { __asm__ __volatile__("hlt" ::: "memory"); }

static inline unsigned long current_stack_pointer(void)
{
	unsigned long sp;
	__asm__ __volatile__("mov %%esp, %0" : "=r"(sp));
	return sp;
}

static inline unsigned long current_frame_pointer(void)
{
	return (unsigned long)__builtin_frame_address(0);
}

#endif
