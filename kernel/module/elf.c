/*
 * The ELF side of loading a module. The image is an i386 relocatable object
 * (ET_REL) with a checksum trailer; every header, offset, size and index in
 * it is checked before it is followed, so a damaged .ko is refused with a
 * message, never run. Then its sections are laid out by kind (text, data,
 * read-only data, each with an init twin) in vmalloc areas, copied, their
 * symbols resolved, their relocations applied, and the text and read-only
 * areas made read-only.
 */
#include <asm/page.h>
#include <asm/set_memory.h>
#include <linux/crc32.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <uapi/janus/module.h>
#include "internal.h"

#define MODULE_MAX_AREA (16u << 20)

static int bad(const struct load_info *info, const char *what)
{
	pr_err("%s: invalid module format: %s\n", info->name, what);
	return -ENOEXEC;
}

/**
 * module_check_checksum() - Check and cut off the checksum trailer of an image.
 * @info: the image; on success info->len no longer counts the trailer
 *
 * Context: process context.
 * Return: 0; -ENOEXEC if the trailer is missing or its length is wrong (a
 * truncated .ko); -EBADMSG if the CRC-32 differs (a damaged one).
 */
int module_check_checksum(struct load_info *info)
{
	const struct module_checksum *sum;
	u32 crc;

	if (info->len < sizeof(*sum))
		return bad(info, "too short to be a module");
	sum = (const void *)((const char *)info->hdr + info->len - sizeof(*sum));
	if (memcmp(sum->magic, MODULE_CHECKSUM_MAGIC, sizeof(sum->magic)))
		return bad(info, "no checksum trailer (a truncated .ko, or not sealed by tools/modpost.py)");
	if (sum->len != info->len - sizeof(*sum)) {
		pr_err("%s: invalid module format: the checksum covers %u bytes, the image has %lu (truncated or padded)\n",
		       info->name, sum->len, info->len - (unsigned long)sizeof(*sum));
		return -ENOEXEC;
	}
	crc = crc32(info->hdr, sum->len);
	if (crc != sum->crc32) {
		pr_err("%s: module checksum mismatch (%08x, sealed as %08x): the .ko is damaged\n",
		       info->name, crc, sum->crc32);
		return -EBADMSG;
	}
	info->len = sum->len;
	return 0;
}

/* A string table: not empty, and its last byte ends every string in it. */
static bool strtab_ok(const struct load_info *info, unsigned int index)
{
	const Elf32_Shdr *sh = &info->sechdrs[index];

	return sh->sh_type == SHT_STRTAB && sh->sh_size &&
	       ((const char *)info->hdr)[sh->sh_offset + sh->sh_size - 1] == '\0';
}

static int check_sections(struct load_info *info)
{
	const Elf32_Ehdr *hdr = info->hdr;

	for (unsigned int i = 1; i < hdr->e_shnum; i++) {
		const Elf32_Shdr *sh = &info->sechdrs[i];
		u32 align = sh->sh_addralign;

		if (sh->sh_type != SHT_NOBITS &&
		    (sh->sh_offset > info->len || sh->sh_size > info->len - sh->sh_offset))
			return bad(info, "a section lies outside the file");
		if (sh->sh_name >= info->sechdrs[hdr->e_shstrndx].sh_size)
			return bad(info, "a section name lies outside the name table");
		if (!(sh->sh_flags & SHF_ALLOC))
			continue;
		if (sh->sh_size > MODULE_MAX_AREA)
			return bad(info, "a section is too large");
		if (align > PAGE_SIZE || (align & (align - 1)))
			return bad(info, "a section alignment is not a power of two up to a page");
	}
	return 0;
}

static int find_symtab(struct load_info *info)
{
	const Elf32_Shdr *sh = NULL;

	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		if (info->sechdrs[i].sh_type != SHT_SYMTAB)
			continue;
		if (sh)
			return bad(info, "more than one symbol table");
		sh = &info->sechdrs[i];
		info->index.sym = i;
	}
	if (!sh)
		return bad(info, "no symbol table (was it stripped?)");
	if (sh->sh_entsize != sizeof(Elf32_Sym) || sh->sh_size % sizeof(Elf32_Sym) ||
	    sh->sh_size < sizeof(Elf32_Sym))
		return bad(info, "a malformed symbol table");
	if (!sh->sh_link || sh->sh_link >= info->hdr->e_shnum || !strtab_ok(info, sh->sh_link))
		return bad(info, "the symbol table has no valid string table");
	info->index.str = sh->sh_link;
	info->strtab = (const char *)info->hdr + info->sechdrs[sh->sh_link].sh_offset;
	info->num_syms = sh->sh_size / sizeof(Elf32_Sym);
	for (unsigned int i = 0; i < info->num_syms; i++) {
		const Elf32_Sym *sym = (const Elf32_Sym *)((char *)info->hdr + sh->sh_offset) + i;

		if (sym->st_name >= info->sechdrs[info->index.str].sh_size)
			return bad(info, "a symbol name lies outside the string table");
	}
	return 0;
}

static int check_relocation_sections(const struct load_info *info)
{
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const Elf32_Shdr *sh = &info->sechdrs[i];

		if (sh->sh_type != SHT_REL && sh->sh_type != SHT_RELA)
			continue;
		if (sh->sh_info >= info->hdr->e_shnum || !sh->sh_info)
			return bad(info, "relocations for a section that does not exist");
		if (!(info->sechdrs[sh->sh_info].sh_flags & SHF_ALLOC))
			continue; /* debugging information: not loaded, not relocated */
		if (sh->sh_type == SHT_RELA)
			return bad(info, "RELA relocations (i386 modules use REL)");
		if (sh->sh_link != info->index.sym || sh->sh_entsize != sizeof(Elf32_Rel) ||
		    sh->sh_size % sizeof(Elf32_Rel))
			return bad(info, "a malformed relocation section");
	}
	return 0;
}

/**
 * find_section() - A section of the image by name.
 * @info: the checked image
 * @name: e.g. "__param"
 *
 * Context: any context.
 * Return: its header, or NULL.
 */
const Elf32_Shdr *find_section(const struct load_info *info, const char *name)
{
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++)
		if (!strcmp(info->secstrings + info->sechdrs[i].sh_name, name))
			return &info->sechdrs[i];
	return NULL;
}

/* What the kernel cannot offer a module: refuse it by name rather than misload it. */
static int check_unsupported(const struct load_info *info)
{
	static const char *const unsupported[][2] = {
		{ ".data..percpu", "per-CPU variables (DEFINE_PER_CPU) in a module" },
		{ ".init_array", "constructors (.init_array)" },
		{ ".ctors", "constructors (.ctors)" },
		{ "__jump_table", "static keys in a module" },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(unsupported); i++) {
		const Elf32_Shdr *sh = find_section(info, unsupported[i][0]);

		if (sh && (sh->sh_flags & SHF_ALLOC) && sh->sh_size) {
			pr_err("%s: %s: not supported by Janus\n", info->name, unsupported[i][1]);
			return -ENOEXEC;
		}
	}
	return 0;
}

/* The module's struct module and its .modinfo strings. */
static int find_module_sections(struct load_info *info)
{
	const Elf32_Shdr *sh = find_section(info, ".gnu.linkonce.this_module");
	const char *name;

	if (!sh || !(sh->sh_flags & SHF_ALLOC) || sh->sh_type != SHT_PROGBITS)
		return bad(info, "no .gnu.linkonce.this_module section (not linked with tools/module/mod.c)");
	if (sh->sh_size != sizeof(struct module))
		return bad(info, "its struct module has the wrong size (built for another kernel?)");
	info->index.mod = sh - info->sechdrs;
	name = (const char *)info->hdr + sh->sh_offset + offsetof(struct module, name);
	if (!memchr(name, '\0', MODULE_NAME_LEN) || !name[0])
		return bad(info, "the module name is empty or not terminated");
	info->name = name;

	sh = find_section(info, ".modinfo");
	if (sh) {
		info->index.info = sh - info->sechdrs;
		info->modinfo = (const char *)info->hdr + sh->sh_offset;
		info->modinfo_len = sh->sh_type == SHT_NOBITS ? 0 : sh->sh_size;
		if (info->modinfo_len && info->modinfo[info->modinfo_len - 1])
			return bad(info, "the .modinfo strings are not terminated");
		/* Read from the image only, never loaded (as in Linux). */
		info->sechdrs[info->index.info].sh_flags &= ~SHF_ALLOC;
	}
	return check_unsupported(info);
}

/**
 * elf_validity_check() - Check every header, offset, size and index of the image.
 * @info: the image (its checksum already checked)
 *
 * Finds the symbol table, the string tables, the module's struct module and
 * .modinfo, and sets each section's sh_addr to where it lies in the image.
 * Context: process context.
 * Return: 0, or -ENOEXEC after saying what is wrong.
 */
int elf_validity_check(struct load_info *info)
{
	Elf32_Ehdr *hdr = info->hdr;
	const Elf32_Shdr *shstr;
	int err;

	if (info->len < sizeof(*hdr))
		return bad(info, "shorter than an ELF header");
	if (memcmp(hdr->e_ident, ELFMAG, 4))
		return bad(info, "not an ELF file");
	if (hdr->e_ident[EI_CLASS] != ELFCLASS32 || hdr->e_ident[EI_DATA] != ELFDATA2LSB)
		return bad(info, "not 32-bit little-endian ELF");
	if (hdr->e_type != ET_REL)
		return bad(info, "not a relocatable object (ET_REL)");
	if (hdr->e_machine != EM_386)
		return bad(info, "not built for i386");
	if (hdr->e_shentsize != sizeof(Elf32_Shdr))
		return bad(info, "an unexpected section header size");
	if (hdr->e_shnum < 2 || hdr->e_shoff > info->len ||
	    hdr->e_shnum > (info->len - hdr->e_shoff) / sizeof(Elf32_Shdr))
		return bad(info, "the section headers lie outside the file");
	if (!hdr->e_shstrndx || hdr->e_shstrndx >= hdr->e_shnum)
		return bad(info, "no section name table");
	info->sechdrs = (Elf32_Shdr *)((char *)hdr + hdr->e_shoff);
	shstr = &info->sechdrs[hdr->e_shstrndx];
	if (shstr->sh_type != SHT_STRTAB || shstr->sh_offset > info->len ||
	    shstr->sh_size > info->len - shstr->sh_offset || !strtab_ok(info, hdr->e_shstrndx))
		return bad(info, "a malformed section name table");
	info->secstrings = (const char *)hdr + shstr->sh_offset;

	err = check_sections(info);
	if (!err)
		err = find_symtab(info);
	if (!err)
		err = check_relocation_sections(info);
	if (!err)
		err = find_module_sections(info);
	if (err)
		return err;
	/* Until layout gives the loaded sections their final addresses, every
	 * section is where it lies in the image. */
	for (unsigned int i = 1; i < hdr->e_shnum; i++)
		info->sechdrs[i].sh_addr = (unsigned long)hdr + info->sechdrs[i].sh_offset;
	return 0;
}

/* Which area a section goes to: by its flags, and .init* sections to the init twins. */
static int section_area(const struct load_info *info, const Elf32_Shdr *sh)
{
	bool init = !strncmp(info->secstrings + sh->sh_name, ".init", 5);

	if (!(sh->sh_flags & SHF_ALLOC))
		return -1;
	if (sh->sh_flags & SHF_EXECINSTR)
		return init ? MOD_INIT_TEXT : MOD_TEXT;
	if (sh->sh_flags & SHF_WRITE)
		return init ? MOD_INIT_DATA : MOD_DATA;
	return init ? MOD_INIT_RODATA : MOD_RODATA;
}

/**
 * free_module_memory() - Free every area of a module (the struct module too).
 * @mod: the module, already off every list
 *
 * Context: process context; may sleep.
 */
void free_module_memory(struct module *mod)
{
	/* mod itself lives in MOD_DATA: read every base before freeing any. */
	struct module_memory mem[MOD_MEM_NUM_TYPES];

	memcpy(mem, mod->mem, sizeof(mem));
	for (int type = 0; type < MOD_MEM_NUM_TYPES; type++) {
		/* Its locks' classes (keyed by addresses in it) end with it. */
		lockdep_free_key_range(mem[type].base, mem[type].size);
		vfree(mem[type].base);
	}
}

/**
 * free_module_init_memory() - Free a module's init areas once its init succeeded.
 * @mod: the module
 *
 * Context: process context; may sleep.
 */
void free_module_init_memory(struct module *mod)
{
	for (int type = MOD_INIT_TEXT; type <= MOD_INIT_RODATA; type++) {
		vfree(mod->mem[type].base);
		mod->mem[type] = (struct module_memory){ NULL, 0 };
	}
}

/* The struct module that the .ko brought, made the kernel's: only its name,
 * init and exit (relocated later) come from the file. */
static void init_struct_module(struct module *mod, const struct module_memory *mem)
{
	char name[MODULE_NAME_LEN];
	int (*init)(void) = mod->init;
	void (*exit)(void) = mod->exit;

	strscpy(name, mod->name, sizeof(name));
	memset(mod, 0, sizeof(*mod));
	strscpy(mod->name, name, sizeof(mod->name));
	mod->init = init;
	mod->exit = exit;
	mod->state = MODULE_STATE_UNFORMED;
	memcpy(mod->mem, mem, sizeof(mod->mem));
	INIT_LIST_HEAD(&mod->list);
	INIT_LIST_HEAD(&mod->source_list);
	INIT_LIST_HEAD(&mod->target_list);
	INIT_LIST_HEAD(&mod->holders);
}

/**
 * layout_and_allocate() - Place the loaded sections in vmalloc areas and copy them.
 * @info: the checked image; each loaded section's sh_addr becomes final
 * @modp: where the module's struct module (in its data area) goes
 *
 * Context: process context; may sleep.
 * Return: 0, -ENOEXEC if the sections are too big, -ENOMEM.
 */
int layout_and_allocate(struct load_info *info, struct module **modp)
{
	struct module_memory mem[MOD_MEM_NUM_TYPES] = { { NULL, 0 } };
	unsigned int shnum = info->hdr->e_shnum;
	int type;

	info->sec_mem = kcalloc(shnum, sizeof(*info->sec_mem), GFP_KERNEL);
	info->sec_off = kcalloc(shnum, sizeof(*info->sec_off), GFP_KERNEL);
	if (!info->sec_mem || !info->sec_off)
		return -ENOMEM;
	for (unsigned int i = 0; i < shnum; i++) {
		const Elf32_Shdr *sh = &info->sechdrs[i];
		unsigned long align = sh->sh_addralign ?: 1, off;

		type = i ? section_area(info, sh) : -1;
		info->sec_mem[i] = type;
		if (type < 0)
			continue;
		off = ALIGN((unsigned long)mem[type].size, align);
		if (off + sh->sh_size > MODULE_MAX_AREA)
			return bad(info, "its sections add up to too much memory");
		info->sec_off[i] = off;
		mem[type].size = off + sh->sh_size;
	}
	for (type = 0; type < MOD_MEM_NUM_TYPES; type++) {
		if (!mem[type].size)
			continue;
		mem[type].base = vzalloc(mem[type].size);
		if (!mem[type].base) {
			while (--type >= 0)
				vfree(mem[type].base);
			return -ENOMEM;
		}
	}
	for (unsigned int i = 1; i < shnum; i++) {
		Elf32_Shdr *sh = &info->sechdrs[i];

		if (info->sec_mem[i] < 0)
			continue;
		sh->sh_addr = (unsigned long)mem[info->sec_mem[i]].base + info->sec_off[i];
		if (sh->sh_type != SHT_NOBITS)
			memcpy((void *)sh->sh_addr, (char *)info->hdr + sh->sh_offset, sh->sh_size);
	}
	*modp = (struct module *)info->sechdrs[info->index.mod].sh_addr;
	init_struct_module(*modp, mem);
	return 0;
}

/**
 * simplify_symbols() - Give every symbol of the image its final address.
 * @mod:  the module being loaded
 * @info: its laid-out image
 *
 * Undefined symbols are resolved against the exports; each unknown one is
 * reported as Linux does ("NAME: Unknown symbol X (err -2)").
 * Context: process context, module_mutex held.
 * Return: 0, -ENOENT for an unknown symbol, -ENOEXEC for a malformed one.
 */
int simplify_symbols(struct module *mod, const struct load_info *info)
{
	Elf32_Sym *syms = (Elf32_Sym *)info->sechdrs[info->index.sym].sh_addr;
	int err = 0;

	for (unsigned int i = 1; i < info->num_syms; i++) {
		Elf32_Sym *sym = &syms[i];
		const char *name = info->strtab + sym->st_name;
		unsigned long value;
		int ret;

		switch (sym->st_shndx) {
		case SHN_COMMON:
			pr_err("%s: common symbol %s: build modules with -fno-common\n", mod->name, name);
			return -ENOEXEC;
		case SHN_ABS:
			break;
		case SHN_UNDEF:
			ret = resolve_symbol(mod, info, name, &value);
			if (!ret) {
				sym->st_value = value;
			} else if (ret == -ENOENT && ELF32_ST_BIND(sym->st_info) == STB_WEAK) {
				sym->st_value = 0; /* an undefined weak symbol is NULL */
			} else {
				pr_warn("%s: Unknown symbol %s (err %d)\n", mod->name, name, ret);
				err = err ?: ret;
			}
			break;
		default:
			if (sym->st_shndx >= info->hdr->e_shnum)
				return bad(info, "a symbol in a section that does not exist");
			/* Symbols of sections that are not loaded (debugging
			 * information) keep their offsets; nothing loaded refers to them. */
			if (info->sec_mem[sym->st_shndx] >= 0)
				sym->st_value += info->sechdrs[sym->st_shndx].sh_addr;
		}
	}
	return err;
}

/**
 * apply_relocations() - Apply every relocation section of loaded sections.
 * @mod:  the module being loaded
 * @info: its image, symbols simplified
 *
 * Context: process context, module_mutex held.
 * Return: 0, or -ENOEXEC (apply_relocate()).
 */
int apply_relocations(struct module *mod, const struct load_info *info)
{
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const Elf32_Shdr *sh = &info->sechdrs[i];
		int err;

		if (sh->sh_type != SHT_REL || info->sec_mem[sh->sh_info] < 0)
			continue;
		err = apply_relocate(info->sechdrs, info->strtab, info->index.sym, i, mod);
		if (err)
			return err;
	}
	return 0;
}

/**
 * section_objs() - A loaded section as an array.
 * @info:        the laid-out image
 * @name:        the section, e.g. "__ksymtab"
 * @object_size: the size of one element
 * @num:         where the number of elements goes (0 if there is no such section)
 *
 * Context: any context.
 * Return: the section's final address, or NULL.
 */
void *section_objs(const struct load_info *info, const char *name, size_t object_size,
		   unsigned int *num)
{
	const Elf32_Shdr *sh = find_section(info, name);

	if (!sh || !(sh->sh_flags & SHF_ALLOC)) {
		*num = 0;
		return NULL;
	}
	*num = sh->sh_size / object_size;
	return (void *)sh->sh_addr;
}

static void area_ro(const struct module_memory *mem)
{
	if (mem->base)
		set_memory_ro((unsigned long)mem->base, PFN_UP(mem->size));
}

/**
 * module_enable_ro() - Make a module's text and read-only data read-only.
 * @mod: the relocated module
 *
 * Context: process context; may sleep (it flushes every CPU's TLB).
 */
void module_enable_ro(const struct module *mod)
{
	area_ro(&mod->mem[MOD_TEXT]);
	area_ro(&mod->mem[MOD_RODATA]);
	area_ro(&mod->mem[MOD_INIT_TEXT]);
	area_ro(&mod->mem[MOD_INIT_RODATA]);
}
