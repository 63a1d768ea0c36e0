/*
 * __sigreturn: the trampoline a signal handler returns to. sigaction()
 * stores it as sa_restorer; the kernel makes it the handler's return
 * address. It leaves the stack as the handler's ret left it (esp just
 * above that return address) and asks the kernel to restore the context
 * the signal interrupted.
 */
#include <asm/unistd.h>

	.text
	.globl __sigreturn
	.type __sigreturn, @function
__sigreturn:
	movl $__NR_sigreturn, %eax
	int $0x80
	ud2			/* sigreturn does not return here */
	.size __sigreturn, . - __sigreturn

	.section .note.GNU-stack, "", @progbits
