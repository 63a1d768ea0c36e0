/*
 * this_cpu_*() on i386: every per-CPU variable is reached as %fs:var, where
 * %fs's base is this CPU's offset from the template (see arch/x86/percpu.c).
 * One instruction each, so they are safe against interrupts and migration.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H
#include <linux/compiler.h>
#include <linux/types.h>

#define __pcpu_size_check(var) \
	BUILD_BUG_ON(sizeof(var) != 1 && sizeof(var) != 2 && sizeof(var) != 4)

#define this_cpu_read(var)                                                                      \
	({                                                                                      \
		union { __typeof__(var) v; u8 b; u16 w; u32 l; } __u;                           \
		__pcpu_size_check(var);                                                         \
		if (sizeof(var) == 1)                                                           \
			__asm__ __volatile__("movb %%fs:%1, %0" : "=q"(__u.b) : "m"(var));      \
		else if (sizeof(var) == 2)                                                      \
			__asm__ __volatile__("movw %%fs:%1, %0" : "=r"(__u.w) : "m"(var));      \
		else                                                                            \
			__asm__ __volatile__("movl %%fs:%1, %0" : "=r"(__u.l) : "m"(var));      \
		__u.v;                                                                          \
	})

#define this_cpu_write(var, val)                                                                \
	do {                                                                                    \
		union { __typeof__(var) v; u8 b; u16 w; u32 l; } __u = { .v = (val) };          \
		__pcpu_size_check(var);                                                         \
		if (sizeof(var) == 1)                                                           \
			__asm__ __volatile__("movb %1, %%fs:%0" : "+m"(var) : "qi"(__u.b));     \
		else if (sizeof(var) == 2)                                                      \
			__asm__ __volatile__("movw %1, %%fs:%0" : "+m"(var) : "ri"(__u.w));     \
		else                                                                            \
			__asm__ __volatile__("movl %1, %%fs:%0" : "+m"(var) : "ri"(__u.l));     \
	} while (0)

/* 4-byte arithmetic in one instruction (preempt_count, counters). */
#define this_cpu_add(var, val)                                                                  \
	do {                                                                                    \
		BUILD_BUG_ON(sizeof(var) != 4);                                                 \
		__asm__ __volatile__("addl %1, %%fs:%0" : "+m"(var) : "ri"((u32)(val)));        \
	} while (0)
#define this_cpu_sub(var, val) this_cpu_add(var, -(u32)(val))
#define this_cpu_inc(var) this_cpu_add(var, 1)
#define this_cpu_dec(var) this_cpu_add(var, -1)

/* Decrement and report whether the result is zero, atomically on this CPU. */
#define this_cpu_dec_and_test(var)                                                              \
	({                                                                                      \
		bool __z;                                                                       \
		BUILD_BUG_ON(sizeof(var) != 4);                                                 \
		__asm__ __volatile__("decl %%fs:%0; sete %1" : "+m"(var), "=qm"(__z) : : "cc"); \
		__z;                                                                            \
	})

#endif
