/*
 * crt0: _start, where the kernel enters every program, in ring 3 with esp
 * at argc, then argv[0..argc-1], NULL, and an empty (NULL-ended) envp.
 * It calls main(argc, argv) and passes main's return value to exit().
 */
	.text
	.globl _start
	.type _start, @function
_start:
	xorl %ebp, %ebp		/* the outermost frame: backtraces stop here */
	movl (%esp), %eax	/* argc */
	leal 4(%esp), %ecx	/* argv */
	andl $-16, %esp		/* the i386 ABI: esp 16-byte aligned at each call */
	subl $8, %esp
	pushl %ecx
	pushl %eax
	call main
	movl %eax, (%esp)
	call exit
	.size _start, . - _start

	.section .note.GNU-stack, "", @progbits
