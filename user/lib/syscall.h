/*
 * Inside libc: the one way into the kernel. A `call` to __kernel_vsyscall at
 * the start of the vsyscall page the kernel maps into every process
 * (include/uapi/asm/vsyscall.h), which uses sysenter where the CPU has it and
 * `int 0x80` where not. The registers are int 0x80's: the number in eax, the
 * arguments in ebx, ecx, edx, esi, edi, ebp; the kernel's result comes back in
 * eax, a negative errno on failure (include/uapi/asm/unistd.h); every other
 * register is kept. Hand-written assembly may still use `int 0x80` itself.
 */
#ifndef _LIBC_SYSCALL_H
#define _LIBC_SYSCALL_H

#include <asm/unistd.h>
#include <asm/vsyscall.h>

/* The kernel's raw result. Registers a call does not use may hold anything. */
static inline long __syscall(long nr, long a1, long a2, long a3, long a4, long a5)
{
	long ret;

	__asm__ __volatile__("call %P[vsyscall]"
			     : "=a"(ret)
			     : "0"(nr), "b"(a1), "c"(a2), "d"(a3), "S"(a4), "D"(a5),
			       [vsyscall] "i"(VSYSCALL_ADDR)
			     : "memory", "cc");
	return ret;
}

/* The same with a sixth argument, in ebp (syscall6.S). */
long __syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

/* A raw result the POSIX way: a negative errno becomes -1 with errno set. */
long __syscall_ret(long ret);

#define syscall0(nr) __syscall_ret(__syscall(nr, 0, 0, 0, 0, 0))
#define syscall1(nr, a) __syscall_ret(__syscall(nr, (long)(a), 0, 0, 0, 0))
#define syscall2(nr, a, b) __syscall_ret(__syscall(nr, (long)(a), (long)(b), 0, 0, 0))
#define syscall3(nr, a, b, c) \
	__syscall_ret(__syscall(nr, (long)(a), (long)(b), (long)(c), 0, 0))

#endif
