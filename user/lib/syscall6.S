/*
 * __syscall6(nr, a1, ..., a6): a system call with six arguments, the sixth
 * in ebp (sendto, recvfrom). ebp is the frame pointer C code keeps, so it
 * is loaded here, around the call to __kernel_vsyscall (user/lib/syscall.h);
 * with sysenter the vsyscall page pushes it on the stack, where the kernel
 * finds it. Returns the kernel's raw result.
 */
#include <asm/vsyscall.h>

	.text
	.globl __syscall6
	.type __syscall6, @function
__syscall6:
	pushl %ebp
	pushl %ebx
	pushl %esi
	pushl %edi
	movl 20(%esp), %eax
	movl 24(%esp), %ebx
	movl 28(%esp), %ecx
	movl 32(%esp), %edx
	movl 36(%esp), %esi
	movl 40(%esp), %edi
	movl 44(%esp), %ebp
	call VSYSCALL_ADDR
	popl %edi
	popl %esi
	popl %ebx
	popl %ebp
	ret
	.size __syscall6, . - __syscall6

	.section .note.GNU-stack, "", @progbits
