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

#include <errno.h>
#include <asm/unistd.h>
#include <asm/vsyscall.h>

/*
 * The kernel's raw result. Each arity loads only the registers it passes: the
 * unused ones are not zeroed (the kernel ignores them), so getpid() is a
 * load of eax and a call, and ebx, esi and edi (which C must keep) are saved
 * by the compiler only when a call uses them.
 */
#define __SYSCALL_ASM "call %P[vsyscall]"
#define __SYSCALL_VSYSCALL [vsyscall] "i"(VSYSCALL_ADDR)

static inline long __syscall0(long nr)
{
	long ret;

	__asm__ __volatile__(__SYSCALL_ASM : "=a"(ret) : "0"(nr), __SYSCALL_VSYSCALL
			     : "memory", "cc");
	return ret;
}

static inline long __syscall1(long nr, long a1)
{
	long ret;

	__asm__ __volatile__(__SYSCALL_ASM : "=a"(ret) : "0"(nr), "b"(a1), __SYSCALL_VSYSCALL
			     : "memory", "cc");
	return ret;
}

static inline long __syscall2(long nr, long a1, long a2)
{
	long ret;

	__asm__ __volatile__(__SYSCALL_ASM : "=a"(ret) : "0"(nr), "b"(a1), "c"(a2),
			     __SYSCALL_VSYSCALL : "memory", "cc");
	return ret;
}

static inline long __syscall3(long nr, long a1, long a2, long a3)
{
	long ret;

	__asm__ __volatile__(__SYSCALL_ASM : "=a"(ret) : "0"(nr), "b"(a1), "c"(a2), "d"(a3),
			     __SYSCALL_VSYSCALL : "memory", "cc");
	return ret;
}

static inline long __syscall(long nr, long a1, long a2, long a3, long a4, long a5)
{
	long ret;

	__asm__ __volatile__(__SYSCALL_ASM : "=a"(ret) : "0"(nr), "b"(a1), "c"(a2), "d"(a3),
			     "S"(a4), "D"(a5), __SYSCALL_VSYSCALL : "memory", "cc");
	return ret;
}

/* The same with a sixth argument, in ebp (syscall6.S). */
long __syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

/* A raw result the POSIX way: a negative errno becomes -1 with errno set.
 * Inline: on success it is a test and a branch in the caller. */
static inline long __syscall_ret(long ret)
{
	if (__builtin_expect(ret < 0, 0)) {
		errno = -ret;
		return -1;
	}
	return ret;
}

#define syscall0(nr) __syscall_ret(__syscall0(nr))
#define syscall1(nr, a) __syscall_ret(__syscall1(nr, (long)(a)))
#define syscall2(nr, a, b) __syscall_ret(__syscall2(nr, (long)(a), (long)(b)))
#define syscall3(nr, a, b, c) __syscall_ret(__syscall3(nr, (long)(a), (long)(b), (long)(c)))

#endif
