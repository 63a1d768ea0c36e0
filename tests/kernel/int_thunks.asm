; int_thunks[n]: a function that executes `int n` and returns, for every n, so
; tests can enter the kernel through any IDT gate (`int` takes only an immediate).
bits 32
section .text

%assign v 0
%rep 256
int_thunk_%[v]:
	int v
	ret
%assign v v + 1
%endrep

section .rodata
global int_thunks
int_thunks:
%assign v 0
%rep 256
	dd int_thunk_%[v]
%assign v v + 1
%endrep

section .note.GNU-stack noalloc noexec nowrite progbits
