; The two versions of the vsyscall page's code (arch/x86/vsyscall.c copies
; one into every process at VSYSCALL_ADDR). __kernel_vsyscall is its first
; instruction; callers pass the system call as for `int 0x80`.
;
; With sysenter (the CPU forgets the user's eip and esp on the way in):
; ecx, edx and ebp are saved on the user stack and ebp carries the stack
; pointer to the kernel (entry_SYSENTER_32, entry.asm); sysexit comes back
; at VSYSCALL_SYSEXIT_OFFSET, with ecx and edx spent (they carried eip and
; esp), and the pops restore all three. The `int 0x80` between is never run
; straight through: a call the kernel restarts after a signal handler
; (arch/x86/signal.c: ip -= 2) re-enters the kernel there.

bits 32
%include "asm-offsets.inc"

section .rodata
global vsyscall_sysenter, vsyscall_sysenter_end, vsyscall_int80, vsyscall_int80_end

vsyscall_sysenter:
	push ecx
	push edx
	push ebp
	mov ebp, esp
	sysenter
	int 0x80
	times VSYSCALL_SYSEXIT_OFFSET - ($ - vsyscall_sysenter) db 0 ; an error if the layout changed
.sysexit_return:
	pop ebp
	pop edx
	pop ecx
	ret
vsyscall_sysenter_end:

vsyscall_int80:
	int 0x80
	ret
vsyscall_int80_end:

section .note.GNU-stack noalloc noexec nowrite progbits
