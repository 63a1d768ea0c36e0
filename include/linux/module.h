/*
 * Loadable modules (kernel/module/): a driver built as NAME.ko, loaded into a
 * running kernel by insmod (init_module/finit_module) and removed by rmmod
 * (delete_module). docs/modules.md walks "the life of a module".
 *
 * Built with -DMODULE, a source file's module_init(fn) names fn init_module,
 * the symbol the loader calls; module_exit(fn) names it cleanup_module; each
 * MODULE_*() tag becomes a "tag=value" string in the .modinfo section; and
 * THIS_MODULE is the module's own struct module (in its .mod.c, see
 * tools/module/mod.c). Built into the kernel, module_init(fn) is an initcall
 * and THIS_MODULE is NULL: built-in code is never unloaded.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H
#include <asm/atomic.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/moduleparam.h>
#include <linux/stat.h>

#define MODULE_NAME_LEN (64 - sizeof(unsigned long))

enum module_state {
	MODULE_STATE_LIVE,     /* initialised and in use */
	MODULE_STATE_COMING,   /* its init function is running */
	MODULE_STATE_GOING,    /* its exit function ran (or is running); it is going away */
	MODULE_STATE_UNFORMED, /* still being loaded and relocated */
};

/* Where each kind of section lives: one vmalloc area per kind (Linux's
 * names, so gdb's lx-symbols reads mod->mem[MOD_TEXT].base as in Linux). */
enum mod_mem_type {
	MOD_TEXT,
	MOD_DATA,
	MOD_RODATA,
	MOD_RO_AFTER_INIT,
	MOD_INIT_TEXT,
	MOD_INIT_DATA,
	MOD_INIT_RODATA,
	MOD_MEM_NUM_TYPES,
};

struct module_memory {
	void *base;
	unsigned int size;
};

/* The section addresses, for gdb's add-symbol-file (shaped like Linux's
 * /sys/module/NAME/sections, which lx-symbols reads). */
struct attribute {
	const char *name;
	umode_t mode;
};
struct bin_attribute {
	struct attribute attr;
};
struct module_sect_attr {
	struct bin_attribute battr;
	unsigned long address;
};
struct module_sect_attrs {
	unsigned int nsections;
	struct module_sect_attr attrs[];
};

/* A module's own symbols, sorted by address (kernel/module/kallsyms.c). */
struct mod_kallsyms {
	unsigned int num_symtab;
	struct mod_sym {
		unsigned long addr, size;
		unsigned int name; /* offset in strtab */
	} *symtab;
	char *strtab;
};

struct exception_table_entry;

struct module {
	enum module_state state;
	struct list_head list; /* on `modules` */
	char name[MODULE_NAME_LEN];

	/* What it exports to other modules. */
	const struct kernel_symbol *syms;
	unsigned int num_syms;
	const struct kernel_symbol *gpl_syms;
	unsigned int num_gpl_syms;

	/* Its parameters and the string they were given (kept: charp params point into it). */
	const struct kernel_param *kp;
	unsigned int num_kp;
	char *args;

	int (*init)(void);
	struct module_memory mem[MOD_MEM_NUM_TYPES];

	const struct exception_table_entry *extable;
	unsigned int num_exentries;

	struct mod_kallsyms *kallsyms;
	struct module_sect_attrs *sect_attrs;

	unsigned long taints;         /* TAINT_* letters it brought, for /proc/modules */
	struct list_head source_list; /* modules that use our symbols (struct module_use) */
	struct list_head target_list; /* modules whose symbols we use */

	void (*exit)(void);
	atomic_t refcnt; /* MODULE_REF_BASE while loaded; try_module_get adds one */

	/* Janus: who holds a reference (open files), and what unloading found left behind. */
	struct list_head holders;
	unsigned int leftovers;
};

/* One "module A uses module B's symbols" link, on both modules' lists. */
struct module_use {
	struct list_head source_list;
	struct list_head target_list;
	struct module *source, *target;
};

#define TAINT_PROPRIETARY_MODULE 0 /* 'P': a license that is not GPL-compatible */
#define TAINT_OOT_MODULE 12        /* 'O': built out of tree */

/* Every loaded module, newest first; gdb walks it (docs/modules.md). */
extern struct list_head modules;


/**
 * try_module_get() - Take a reference on a module, unless it is going away.
 * @module: the module (NULL, built-in code, always succeeds)
 *
 * While a reference is held, delete_module() refuses to unload @module with
 * -EBUSY. Opening a file whose file_operations have .owner = THIS_MODULE takes
 * one for you.
 * Context: any context.
 * Return: true if the reference was taken, false if @module is being unloaded.
 */
bool try_module_get(struct module *module);
/**
 * module_put() - Drop a reference taken by try_module_get() or __module_get().
 * @module: the module (NULL does nothing)
 *
 * Context: any context.
 */
void module_put(struct module *module);
/**
 * __module_get() - Take another reference on a module the caller already holds.
 * @module: the module (NULL does nothing)
 *
 * Context: any context.
 */
void __module_get(struct module *module);
/**
 * module_refcount() - The references held on a module right now.
 * @mod: the module
 *
 * Context: any context.
 * Return: the number of try_module_get() references not yet put.
 */
int module_refcount(struct module *mod);
/**
 * __module_address() - The module whose memory holds an address.
 * @addr: any address
 *
 * Context: any context (it never sleeps); the answer may be stale as soon as
 * it is returned unless the caller holds a reference on the module.
 * Return: the module, or NULL if @addr is not in any module.
 */
struct module *__module_address(unsigned long addr);
/**
 * within_module() - Whether an address lies in one of a module's areas.
 * @addr: the address
 * @mod:  the module
 *
 * Context: any context.
 * Return: true if @addr is in @mod's text, data or read-only data (init
 * areas included while they exist).
 */
bool within_module(unsigned long addr, const struct module *mod);
/**
 * print_modules() - Print "Modules linked in: ..." for an oops or warning.
 *
 * Context: any context, including an oops with interrupts off.
 */
void print_modules(void);

/**
 * module_address_lookup() - Name an address inside a loaded module.
 * @addr:    the address
 * @size:    where the size of the symbol containing it goes
 * @offset:  where @addr's offset into that symbol goes
 * @namebuf: KSYM_NAME_LEN bytes for the symbol's name
 * @modname: MODULE_NAME_LEN bytes for the module's name
 *
 * kernel/kallsyms.c asks this when the kernel's own table has no answer.
 * Context: any context (an oops included; it gives up rather than wait for
 * a lock the oopsing CPU may hold).
 * Return: 1 if a symbol was found, -1 if @addr is in a module but in no
 * symbol (@namebuf then holds the address), 0 if it is in no module.
 */
int module_address_lookup(unsigned long addr, unsigned long *size, unsigned long *offset,
			  char *namebuf, char *modname);

unsigned long module_kallsyms_lookup_name(const char *name);

struct seq_file;
/**
 * show_modules() - The module listing, /proc/modules in Linux's format.
 * @m: the buffer
 *
 * Context: process context; may sleep (it takes module_mutex).
 * Return: 0.
 */
int show_modules(struct seq_file *m);

struct module_holder;
struct module_holder *module_hold(struct module *mod, const char *what);
void module_unhold(struct module_holder *h);
int load_module(void *image, unsigned long len, char *args);
int delete_module(const char *name, unsigned int flags);

/**
 * module_name() - The name of @mod, for messages.
 * @mod: the module, or NULL for the kernel itself
 *
 * Context: any context; does not sleep.
 * Return: the module's name, or "kernel" for NULL.
 */
static inline const char *module_name(const struct module *mod)
{
	return mod ? mod->name : "kernel";
}

/**
 * module_is_live() - Whether @mod is not being unloaded.
 * @mod: the module
 *
 * Context: any context; does not sleep.
 * Return: false once its unloading has begun (MODULE_STATE_GOING).
 */
static inline bool module_is_live(const struct module *mod)
{
	return mod->state != MODULE_STATE_GOING;
}

/* ------------------------------------------------------------ tags and hooks */

#define MODULE_INFO(tag, info) __MODULE_INFO(tag, tag, info)

#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep) MODULE_INFO(softdep, _softdep)
#define MODULE_FIRMWARE(_firmware) MODULE_INFO(firmware, _firmware)
#define MODULE_IMPORT_NS(_ns) MODULE_INFO(import_ns, #_ns)
#define MODULE_DEVICE_TABLE(type, name)

#ifdef MODULE
/* The loader calls init_module and, at rmmod, cleanup_module: these name the
 * driver's functions (a module may also define them itself, the old way). */
#define module_init(initfn)                                                          \
	static inline initcall_t __maybe_unused __inittest(void) { return initfn; }  \
	int init_module(void) __attribute__((copy(initfn), alias(#initfn)))
#define module_exit(exitfn)                                                          \
	static inline exitcall_t __maybe_unused __exittest(void) { return exitfn; }  \
	void cleanup_module(void) __attribute__((copy(exitfn), alias(#exitfn)))
#else
/* Built in: init at boot; exit is kept so the driver source reads as in Linux. */
#define module_init(fn) device_initcall(fn)
#define module_exit(fn) static const exitcall_t __exitcall_##fn __used = fn
#endif

#endif
