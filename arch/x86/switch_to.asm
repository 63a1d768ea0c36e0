; The context switch: the whole of it is saving four registers, EFLAGS and
; the stack pointer of one task and loading those of another. Everything else
; a task needs (eip included) is on its stack, below the return address.
bits 32
%include "asm-offsets.inc"

extern schedule_tail, do_exit, ret_to_user

section .text.switch_to

; struct task_struct *switch_to(struct task_struct *prev, struct task_struct *next)
global switch_to
switch_to:
	mov eax, [esp + 4]              ; prev: kept in eax, it is the return value
	mov edx, [esp + 8]              ; next
	push ebp
	push ebx
	push esi
	push edi
	pushfd
	mov [eax + TASK_SP], esp
	mov esp, [edx + TASK_SP]        ; from here on we are next
	popfd
	pop edi
	pop esi
	pop ebx
	pop ebp
	ret

; A new task's first return from switch_to lands here (copy_thread built the
; frame): finish the switch, then run fn(arg) and exit with its result.
global ret_from_kernel_thread
ret_from_kernel_thread:
	push eax                        ; the task we switched from
	call schedule_tail
	add esp, 4
	mov eax, [esp]                  ; fn
	push dword [esp + 4]            ; arg
	call eax
	push eax
	call do_exit

; A new user process's first return from switch_to lands here, with esp at
; its pt_regs (copy_thread_user): finish the switch, then off to user mode.
global ret_from_fork
ret_from_fork:
	push eax                        ; the task we switched from
	call schedule_tail
	add esp, 4
	jmp ret_to_user

section .note.GNU-stack noalloc noexec nowrite progbits
