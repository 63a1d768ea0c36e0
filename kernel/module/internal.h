/* What the files of kernel/module/ share and nobody else needs. */
#ifndef _KERNEL_MODULE_INTERNAL_H
#define _KERNEL_MODULE_INTERNAL_H
#include <linux/elf.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

/* The largest .ko init_module accepts: the whole image is copied in at once. */
#define MODULE_MAX_IMAGE (8u << 20)
/* try_module_get() fails once delete_module has taken this base away. */
#define MODULE_REF_BASE 1

/* A module being loaded: the ELF image (a kernel copy, patched in place as
 * it is laid out) and what the loader found in it. */
struct load_info {
	const char *name;       /* the module's name, once known; "module" before */
	Elf32_Ehdr *hdr;
	unsigned long len;      /* the ELF bytes (the checksum trailer cut off) */
	Elf32_Shdr *sechdrs;
	const char *secstrings;
	const char *strtab;
	unsigned int num_syms;
	struct {
		unsigned int sym, str, mod, info;
	} index;
	const char *modinfo;    /* the .modinfo strings (in the image) */
	unsigned long modinfo_len;
	bool gpl_compatible;    /* its license allows GPL-only symbols */
	unsigned long taints;   /* TAINT_* bits it brings */
	/* Per section: which area it goes to (MOD_*, or -1: not loaded), and where. */
	signed char *sec_mem;
	unsigned long *sec_off;
};

extern struct mutex module_mutex;

/* elf.c: checking, laying out and relocating the image. */
int module_check_checksum(struct load_info *info);
int elf_validity_check(struct load_info *info);
int layout_and_allocate(struct load_info *info, struct module **modp);
int simplify_symbols(struct module *mod, const struct load_info *info);
int apply_relocations(struct module *mod, const struct load_info *info);
const Elf32_Shdr *find_section(const struct load_info *info, const char *name);
void *section_objs(const struct load_info *info, const char *name, size_t object_size,
		   unsigned int *num);
void free_module_memory(struct module *mod);
void free_module_init_memory(struct module *mod);
void module_enable_ro(const struct module *mod);

/* modinfo.c: the .modinfo tags. */
const char *get_modinfo(const struct load_info *info, const char *tag);
int check_modinfo(struct load_info *info);

/* symbols.c: the export tables and module dependencies. */
int resolve_symbol(struct module *mod, const struct load_info *info, const char *name,
		   unsigned long *value);
int check_module_exports(const struct module *mod);
void module_unload_free(struct module *mod);

/* kallsyms.c: a module's symbols and sections, kept for %pS and gdb. */
int module_add_kallsyms(struct module *mod, const struct load_info *info);
void module_free_kallsyms(struct module *mod);

/* leftovers.c: what an unloaded module left registered. */
unsigned int module_check_leftovers(struct module *mod);

/* list.c: the module list and the locks readers in any context take. */
extern spinlock_t modules_lock;
bool module_list_lock(unsigned long *flags);
void module_list_unlock(unsigned long flags);
struct module *find_module(const char *name);
const char *module_state_name(const struct module *mod);
void module_taint_letters(const struct module *mod, char *buf);

/* refcount.c: references and who holds them. */
int try_release_module_ref(struct module *mod);
void report_users(struct module *mod);

/* arch/x86/module.c */
int apply_relocate(const Elf32_Shdr *sechdrs, const char *strtab, unsigned int symindex,
		   unsigned int relsec, struct module *mod);

#endif
