/*
 * Relocating a module on i386: the one architecture-specific step of loading
 * (kernel/module/elf.c does the rest). i386 objects use REL relocations: the
 * addend is the value already in the place being patched.
 *
 *   R_386_32     absolute:    *place += S          (pointers, data references)
 *   R_386_PC32   PC-relative: *place += S - place  (call and jmp targets)
 *   R_386_PLT32  a call through the PLT; a kernel has no PLT, so it is PC32
 *
 * Each relocation is checked first: its symbol must exist and its place must
 * lie inside the section it patches.
 */
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include "../../kernel/module/internal.h"

/**
 * apply_relocate() - Apply one REL section of a module being loaded.
 * @sechdrs:  the image's section headers (sh_addr: final addresses)
 * @strtab:   the symbol names, for messages
 * @symindex: the symbol table's section (its values already final)
 * @relsec:   the REL section to apply
 * @mod:      the module, for messages
 *
 * Context: process context, module_mutex held (the loader's).
 * Return: 0, or -ENOEXEC for a relocation that is out of bounds or of a type i386 modules do not use.
 */
int apply_relocate(const Elf32_Shdr *sechdrs, const char *strtab, unsigned int symindex,
		   unsigned int relsec, struct module *mod)
{
	const Elf32_Shdr *rs = &sechdrs[relsec], *target = &sechdrs[rs->sh_info];
	const Elf32_Rel *rel = (const Elf32_Rel *)rs->sh_addr;
	const Elf32_Sym *syms = (const Elf32_Sym *)sechdrs[symindex].sh_addr;
	unsigned int nsyms = sechdrs[symindex].sh_size / sizeof(Elf32_Sym);

	for (unsigned int i = 0; i < rs->sh_size / sizeof(*rel); i++) {
		unsigned int type = ELF32_R_TYPE(rel[i].r_info), symi = ELF32_R_SYM(rel[i].r_info);
		u32 *place = (u32 *)(target->sh_addr + rel[i].r_offset);
		u32 value;

		if (symi >= nsyms) {
			pr_err("%s: invalid module format: relocation %u of section %u names symbol %u of %u\n",
			       mod->name, i, rs->sh_info, symi, nsyms);
			return -ENOEXEC;
		}
		if (rel[i].r_offset > target->sh_size ||
		    target->sh_size - rel[i].r_offset < sizeof(u32)) {
			pr_err("%s: invalid module format: relocation %u of section %u points outside it\n",
			       mod->name, i, rs->sh_info);
			return -ENOEXEC;
		}
		value = syms[symi].st_value;
		switch (type) {
		case R_386_NONE:
			break;
		case R_386_32:
			*place += value;
			break;
		case R_386_PC32:
		case R_386_PLT32:
			*place += value - (u32)place;
			break;
		default:
			pr_err("%s: unknown relocation type %u (relocation %u of section %u, symbol %u %s)\n",
			       mod->name, type, i, rs->sh_info, symi, strtab + syms[symi].st_name);
			return -ENOEXEC;
		}
	}
	return 0;
}
