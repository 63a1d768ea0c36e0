/*
 * The vsyscall page: a page of code the kernel maps read-only into every
 * process at VSYSCALL_ADDR, just below the user stack. Its first bytes are
 * __kernel_vsyscall, the libc's one way into the kernel (user/lib/syscall.h):
 * the same registers as `int 0x80` (number in eax, arguments in ebx, ecx,
 * edx, esi, edi, result in eax, every other register kept), entered with a
 * `call`. On a CPU with sysenter it uses sysenter/sysexit, else `int 0x80`
 * (arch/x86/vsyscall.c).
 */
#ifndef _UAPI_ASM_VSYSCALL_H
#define _UAPI_ASM_VSYSCALL_H

#define VSYSCALL_ADDR 0xbffef000

#endif
