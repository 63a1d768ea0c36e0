; call_on_stack(fn, arg, stack_top): run fn(arg) on another stack and come back.
; Used to run softirqs on this CPU's softirq stack (kernel/softirq.c). The
; callee's saved frame pointer still points into the old stack, so backtraces
; cross from one stack to the other.
bits 32
section .text

global call_on_stack
call_on_stack:
	push ebp
	mov ebp, esp
	mov eax, [ebp + 8]              ; fn
	mov edx, [ebp + 12]             ; arg
	mov esp, [ebp + 16]             ; the other stack
	push edx
	call eax
	mov esp, ebp                    ; the old stack
	pop ebp
	ret

section .note.GNU-stack noalloc noexec nowrite progbits
