/*
 * ELF32 (Linux's uapi/linux/elf.h, the part Janus reads): executables for the
 * program loader (kernel/exec.c), relocatable objects for the module loader
 * (kernel/module/elf.c) and for modinfo in user space.
 */
#ifndef _UAPI_LINUX_ELF_H
#define _UAPI_LINUX_ELF_H

typedef unsigned char Elf32_Byte;
typedef unsigned short Elf32_Half;
typedef unsigned int Elf32_Word;

#define EI_NIDENT 16
#define ELFMAG "\177ELF"
#define EI_CLASS 4
#define ELFCLASS32 1
#define EI_DATA 5
#define ELFDATA2LSB 1
#define ET_REL 1
#define ET_EXEC 2
#define EV_CURRENT 1
#define EM_386 3
#define PT_LOAD 1
#define PF_X 1
#define PF_W 2
#define PF_R 4

typedef struct {
	Elf32_Byte e_ident[EI_NIDENT];
	Elf32_Half e_type, e_machine;
	Elf32_Word e_version, e_entry, e_phoff, e_shoff, e_flags;
	Elf32_Half e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
} Elf32_Ehdr;

typedef struct {
	Elf32_Word p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
} Elf32_Phdr;

/* Sections (relocatable objects: a module). */
#define SHN_UNDEF 0
#define SHN_LORESERVE 0xff00
#define SHN_ABS 0xfff1
#define SHN_COMMON 0xfff2

#define SHT_NULL 0
#define SHT_PROGBITS 1
#define SHT_SYMTAB 2
#define SHT_STRTAB 3
#define SHT_RELA 4
#define SHT_NOBITS 8
#define SHT_REL 9
#define SHT_INIT_ARRAY 14
#define SHT_FINI_ARRAY 15
#define SHT_GROUP 17
#define SHT_SYMTAB_SHNDX 18

#define SHF_WRITE 0x1
#define SHF_ALLOC 0x2
#define SHF_EXECINSTR 0x4

typedef struct {
	Elf32_Word sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, sh_link, sh_info;
	Elf32_Word sh_addralign, sh_entsize;
} Elf32_Shdr;

/* Symbols. */
#define STB_LOCAL 0
#define STB_GLOBAL 1
#define STB_WEAK 2
#define STT_NOTYPE 0
#define STT_OBJECT 1
#define STT_FUNC 2
#define STT_SECTION 3
#define STT_FILE 4
#define ELF32_ST_BIND(i) ((i) >> 4)
#define ELF32_ST_TYPE(i) ((i) & 0xf)

typedef struct {
	Elf32_Word st_name, st_value, st_size;
	Elf32_Byte st_info, st_other;
	Elf32_Half st_shndx;
} Elf32_Sym;

/* Relocations: i386 uses REL (the addend is in the place being patched). */
#define R_386_NONE 0
#define R_386_32 1
#define R_386_PC32 2
#define R_386_PLT32 4
#define ELF32_R_SYM(i) ((i) >> 8)
#define ELF32_R_TYPE(i) ((unsigned char)(i))

typedef struct {
	Elf32_Word r_offset, r_info;
} Elf32_Rel;

#endif
