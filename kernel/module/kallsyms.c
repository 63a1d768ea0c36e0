/*
 * A module's symbols, kept after loading so that backtraces, oopses and %pS
 * name module code as Linux does: "my_handler+0x12/0x40 [mydrv]". Every
 * function and object symbol (static ones too: handlers usually are) is
 * copied out of the image, sorted by address. Its init symbols stay in the
 * table but stop matching once the init areas are freed.
 *
 * The section addresses are kept too (mod->sect_attrs), for gdb's
 * add-symbol-file (docs/modules.md).
 */
#include <linux/errno.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include "internal.h"

static bool is_core_symbol(const Elf32_Sym *sym, const struct load_info *info)
{
	unsigned int type = ELF32_ST_TYPE(sym->st_info);

	return (type == STT_FUNC || type == STT_OBJECT || type == STT_NOTYPE) &&
	       sym->st_shndx && sym->st_shndx < info->hdr->e_shnum &&
	       info->sec_mem[sym->st_shndx] >= 0 && info->strtab[sym->st_name] &&
	       info->strtab[sym->st_name] != '.';
}

/* By address; insertion sort: a module has tens or hundreds of symbols. */
static void sort_symbols(struct mod_sym *s, unsigned int n)
{
	for (unsigned int i = 1; i < n; i++) {
		struct mod_sym tmp = s[i];
		unsigned int j = i;

		for (; j && s[j - 1].addr > tmp.addr; j--)
			s[j] = s[j - 1];
		s[j] = tmp;
	}
}

/* Symbols without a size (assembly labels) run to the next one. */
static void fill_sizes(struct mod_sym *s, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		if (!s[i].size)
			s[i].size = i + 1 < n && s[i + 1].addr > s[i].addr ? s[i + 1].addr - s[i].addr : 1;
}

static int add_symbols(struct module *mod, const struct load_info *info)
{
	const Elf32_Sym *syms = (const Elf32_Sym *)info->sechdrs[info->index.sym].sh_addr;
	unsigned int n = 0, names = 0;
	struct mod_kallsyms *ks;
	char *str;

	for (unsigned int i = 1; i < info->num_syms; i++) {
		if (is_core_symbol(&syms[i], info)) {
			n++;
			names += strlen(info->strtab + syms[i].st_name) + 1;
		}
	}
	ks = kmalloc(sizeof(*ks) + n * sizeof(*ks->symtab) + names, GFP_KERNEL);
	if (!ks)
		return -ENOMEM;
	ks->symtab = (struct mod_sym *)(ks + 1);
	ks->strtab = str = (char *)(ks->symtab + n);
	ks->num_symtab = 0;
	for (unsigned int i = 1; i < info->num_syms; i++) {
		const char *name = info->strtab + syms[i].st_name;

		if (!is_core_symbol(&syms[i], info))
			continue;
		ks->symtab[ks->num_symtab++] = (struct mod_sym){ syms[i].st_value, syms[i].st_size,
								 str - ks->strtab };
		strcpy(str, name);
		str += strlen(name) + 1;
	}
	sort_symbols(ks->symtab, n);
	fill_sizes(ks->symtab, n);
	mod->kallsyms = ks;
	return 0;
}

static int add_sect_attrs(struct module *mod, const struct load_info *info)
{
	unsigned int n = 0, names = 0;
	struct module_sect_attrs *sa;
	char *str;

	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		if (info->sec_mem[i] >= 0 && info->sechdrs[i].sh_size) {
			n++;
			names += strlen(info->secstrings + info->sechdrs[i].sh_name) + 1;
		}
	}
	sa = kzalloc(sizeof(*sa) + n * sizeof(sa->attrs[0]) + names, GFP_KERNEL);
	if (!sa)
		return -ENOMEM;
	str = (char *)&sa->attrs[n];
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const Elf32_Shdr *sh = &info->sechdrs[i];
		struct module_sect_attr *a = &sa->attrs[sa->nsections];

		if (info->sec_mem[i] < 0 || !sh->sh_size)
			continue;
		a->battr.attr.name = str;
		a->battr.attr.mode = 0400;
		a->address = sh->sh_addr;
		strcpy(str, info->secstrings + sh->sh_name);
		str += strlen(str) + 1;
		sa->nsections++;
	}
	mod->sect_attrs = sa;
	return 0;
}

/**
 * module_add_kallsyms() - Keep a module's symbols and section addresses.
 * @mod:  the relocated module
 * @info: its image
 *
 * Context: process context; may sleep.
 * Return: 0 or -ENOMEM.
 */
int module_add_kallsyms(struct module *mod, const struct load_info *info)
{
	return add_symbols(mod, info) ?: add_sect_attrs(mod, info);
}

/**
 * module_free_kallsyms() - Free what module_add_kallsyms() kept.
 * @mod: the module, off the module list
 *
 * Context: process context.
 */
void module_free_kallsyms(struct module *mod)
{
	kfree(mod->kallsyms);
	kfree(mod->sect_attrs);
	mod->kallsyms = NULL;
	mod->sect_attrs = NULL;
}

/* The symbol of mod containing addr; the module list lock held. */
static const struct mod_sym *module_symbol(const struct module *mod, unsigned long addr)
{
	const struct mod_kallsyms *ks = mod->kallsyms;
	const struct mod_sym *best = NULL;

	for (unsigned int i = 0; ks && i < ks->num_symtab; i++) {
		const struct mod_sym *s = &ks->symtab[i];

		if (s->addr <= addr && addr - s->addr < s->size && within_module(s->addr, mod) &&
		    (!best || s->addr > best->addr))
			best = s;
	}
	return best;
}

int module_address_lookup(unsigned long addr, unsigned long *size, unsigned long *offset,
			  char *namebuf, char *modname)
{
	unsigned long flags;
	struct module *mod;
	int found = 0;

	if (!module_list_lock(&flags))
		return 0;
	list_for_each_entry(mod, &modules, list) {
		const struct mod_sym *s;

		if (!within_module(addr, mod))
			continue;
		s = module_symbol(mod, addr);
		if (s) {
			strscpy(namebuf, mod->kallsyms->strtab + s->name, KSYM_NAME_LEN);
			*size = s->size;
			*offset = addr - s->addr;
		} else {
			/* In the module, in no symbol: say where, by module. */
			scnprintf(namebuf, KSYM_NAME_LEN, "0x%lx", addr);
			*size = *offset = 0;
		}
		strscpy(modname, mod->name, MODULE_NAME_LEN);
		found = s ? 1 : -1;
		break;
	}
	module_list_unlock(flags);
	return found;
}

/**
 * module_kallsyms_lookup_name() - The address of a symbol of a loaded module.
 * @name: "module:symbol", e.g. "hello:hello_exit" (static symbols too)
 *
 * Context: any context.
 * Return: the address, or 0 if there is no such module or symbol (or an
 * init symbol whose memory is gone).
 */
unsigned long module_kallsyms_lookup_name(const char *name)
{
	const char *colon = strchr(name, ':');
	unsigned long flags, addr = 0;
	struct module *mod;

	if (!colon || !module_list_lock(&flags))
		return 0;
	list_for_each_entry(mod, &modules, list) {
		const struct mod_kallsyms *ks = mod->kallsyms;

		if (strncmp(mod->name, name, colon - name) || mod->name[colon - name] || !ks)
			continue;
		for (unsigned int i = 0; i < ks->num_symtab && !addr; i++)
			if (!strcmp(ks->strtab + ks->symtab[i].name, colon + 1) &&
			    within_module(ks->symtab[i].addr, mod))
				addr = ks->symtab[i].addr;
		break;
	}
	module_list_unlock(flags);
	return addr;
}
