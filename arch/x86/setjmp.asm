; setjmp/longjmp for the kernel: save and restore the callee-saved registers,
; the stack pointer and the return address. Used by the test framework.
bits 32
section .text

global setjmp
setjmp:
	mov eax, [esp + 4]
	mov [eax + 0], ebx
	mov [eax + 4], esi
	mov [eax + 8], edi
	mov [eax + 12], ebp
	lea ecx, [esp + 4]          ; the caller's esp after our return
	mov [eax + 16], ecx
	mov ecx, [esp]
	mov [eax + 20], ecx
	xor eax, eax
	ret

global longjmp
longjmp:
	mov edx, [esp + 4]
	mov eax, [esp + 8]
	test eax, eax
	jnz .nonzero
	inc eax                     ; setjmp must not appear to return 0 twice
.nonzero:
	mov ebx, [edx + 0]
	mov esi, [edx + 4]
	mov edi, [edx + 8]
	mov ebp, [edx + 12]
	mov esp, [edx + 16]
	jmp [edx + 20]

section .note.GNU-stack noalloc noexec nowrite progbits
