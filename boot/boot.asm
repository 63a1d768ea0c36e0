; The first instructions of Janus: the Multiboot v1 header and the code that runs
; before paging. It maps the first 8 MiB twice (identity and at PAGE_OFFSET)
; and the __init window (linker.ld), turns paging on, jumps to the higher half, drops the identity map and calls
; kmain(magic, mbi). See docs/boot.md for the whole walk.

bits 32

%include "asm-offsets.inc"
MB_MAGIC        equ 0x1BADB002
MB_FLAGS        equ (1 << 0) | (1 << 1)   ; page-align modules, give us the memory map
BOOT_MAP_TABLES equ 2                      ; 2 page tables = 8 MiB mapped at boot


PTE_PRESENT     equ 1 << 0
PTE_WRITE       equ 1 << 1

%define PHYS(sym) ((sym) - PAGE_OFFSET)

extern __init_begin, __init_phys, __init_pages

section .multiboot
align 4
	dd MB_MAGIC
	dd MB_FLAGS
	dd -(MB_MAGIC + MB_FLAGS)

section .boot.data
align 8
; A flat GDT good enough to reach kmain; gdt.c replaces it with the per-CPU one.
early_gdt:
	dq 0
	dq 0x00CF9A000000FFFF       ; 0x08: ring-0 code, base 0, 4 GiB
	dq 0x00CF92000000FFFF       ; 0x10: ring-0 data, base 0, 4 GiB
early_gdt_end:
early_gdt_desc_phys:
	dw early_gdt_end - early_gdt - 1
	dd early_gdt
early_gdt_desc_high:
	dw early_gdt_end - early_gdt - 1
	dd early_gdt + PAGE_OFFSET

section .boot.text
global _start
_start:
	cli
	cld
	mov edi, eax                ; Multiboot magic, checked by kmain
	mov esi, ebx                ; physical address of the Multiboot info

	; The loader's GDT may be anywhere: load ours before touching a segment.
	lgdt [early_gdt_desc_phys]
	jmp 0x08:.reload_cs
.reload_cs:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov fs, ax
	mov gs, ax
	mov ss, ax

	; Two page tables mapping physical 0..8 MiB page by page.
	mov ebx, PHYS(boot_page_tables)
	xor ecx, ecx
.fill_pte:
	mov eax, ecx
	shl eax, 12
	or eax, PTE_PRESENT | PTE_WRITE
	mov [ebx + ecx * 4], eax
	inc ecx
	cmp ecx, 1024 * BOOT_MAP_TABLES
	jne .fill_pte

	; The same tables at virtual 0 (identity, while EIP is still low) and
	; at PAGE_OFFSET (where the kernel is linked).
	mov edx, PHYS(swapper_pg_dir)
	xor ecx, ecx
.fill_pde:
	mov eax, ecx
	shl eax, 12
	add eax, PHYS(boot_page_tables) + (PTE_PRESENT | PTE_WRITE)
	mov [edx + ecx * 4], eax
	mov [edx + (PAGE_OFFSET >> 22) * 4 + ecx * 4], eax
	inc ecx
	cmp ecx, BOOT_MAP_TABLES
	jne .fill_pde

	; The __init window (linker.ld): one page table mapping __init_begin..
	; __init_end to the pages loaded at __init_phys. free_initmem() unmaps it.
	mov ebx, PHYS(init_page_table)
	xor ecx, ecx
.zero_init_pte:
	mov dword [ebx + ecx * 4], 0
	inc ecx
	cmp ecx, 1024
	jne .zero_init_pte
	mov eax, __init_begin
	shr eax, 12
	and eax, 1023
	lea ebx, [ebx + eax * 4]
	mov eax, __init_phys
	or eax, PTE_PRESENT | PTE_WRITE
	mov ecx, __init_pages
.fill_init_pte:
	test ecx, ecx
	jz .init_mapped
	mov [ebx], eax
	add ebx, 4
	add eax, 4096
	dec ecx
	jmp .fill_init_pte
.init_mapped:
	mov eax, __init_begin
	shr eax, 22
	mov dword [edx + eax * 4], PHYS(init_page_table) + (PTE_PRESENT | PTE_WRITE)

	mov cr3, edx
	mov eax, cr4
	or eax, X86_CR4_PSE             ; paging.c maps the rest of RAM with 4 MiB pages
	mov cr4, eax
	mov eax, cr0
	or eax, X86_CR0_PG | X86_CR0_WP
	mov cr0, eax

	mov eax, higher_half        ; an absolute jump: into the 0xC0xxxxxx addresses
	jmp eax

section .text
extern kmain
higher_half:
	lgdt [early_gdt_desc_high]  ; the GDT's linear address must survive the unmap
	mov esp, boot_stack_top

	; Nothing runs at low addresses any more: remove the identity map.
	xor eax, eax
%assign i 0
%rep BOOT_MAP_TABLES
	mov [swapper_pg_dir + i * 4], eax
%assign i i + 1
%endrep
	mov eax, cr3
	mov cr3, eax                ; flush the TLB

	xor ebp, ebp                ; the end of every backtrace
	push esi
	push edi
	call kmain
.hang:
	cli
	hlt
	jmp .hang

section .bss..page_aligned nobits alloc write align=4096
global swapper_pg_dir, boot_page_tables, init_page_table, boot_stack_guard, boot_stack, boot_stack_top
swapper_pg_dir:
	resb 4096
boot_page_tables:
	resb 4096 * BOOT_MAP_TABLES
init_page_table:                ; the __init window's, cleared by free_initmem()
	resb 4096
boot_stack_guard:               ; unmapped by paging.c: an overflow faults
	resb 4096
boot_stack:
	resb THREAD_SIZE
boot_stack_top:

section .note.GNU-stack noalloc noexec nowrite progbits
