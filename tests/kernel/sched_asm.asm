; unsigned int spin_with_known_registers(const volatile unsigned long *counter,
;                                        unsigned long until)
; Loads eax, ebx, edx, esi, edi and ebp with known values and sets DF, then
; spins until *counter reaches `until` (the task's involuntary switch count),
; checking all of them on every round. Returns how many rounds found one
; changed: a preempting switch (or an interrupt) must preserve every register
; and EFLAGS of the interrupted code, and must not run C with DF set.
bits 32
section .text
; The values the loop expects, and the direction flag set.
%macro LOAD_KNOWN_REGISTERS 0
	std
	mov eax, 0xa5a50001
	mov ebx, 0xa5a50002
	mov edx, 0xa5a50003
	mov esi, 0xa5a50004
	mov edi, 0xa5a50005
	mov ebp, 0xa5a50006
%endmacro

global spin_with_known_registers
spin_with_known_registers:
	push ebp
	push ebx
	push esi
	push edi
	mov ecx, [esp + 20]             ; counter
	push dword 0                    ; [esp]: mismatches
	LOAD_KNOWN_REGISTERS
.loop:
	cmp eax, 0xa5a50001
	jne .bad
	cmp ebx, 0xa5a50002
	jne .bad
	cmp edx, 0xa5a50003
	jne .bad
	cmp esi, 0xa5a50004
	jne .bad
	cmp edi, 0xa5a50005
	jne .bad
	cmp ebp, 0xa5a50006
	jne .bad
	pushfd
	test dword [esp], 0x400         ; DF still set?
	lea esp, [esp + 4]              ; drop the copy without touching the flags
	jz .bad
.check_done:
	push eax
	mov eax, [ecx]
	cmp eax, [esp + 4 + 4 + 24]     ; until (mismatches, pushed eax, 4 regs, ret, counter)
	pop eax
	jb .loop
	cld
	pop eax                         ; mismatches
	pop edi
	pop esi
	pop ebx
	pop ebp
	ret
.bad:
	inc dword [esp]
	LOAD_KNOWN_REGISTERS
	jmp .check_done

section .note.GNU-stack noalloc noexec nowrite progbits
