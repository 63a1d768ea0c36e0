/*
 * /proc/modules in Linux's format, what lsmod reads. One line per module:
 *
 *   hello 8192 0 - Live 0xf0c3f000 (O)
 *   name  size refcount users state address [taints]
 *
 * size is the bytes its text and data take; users lists the modules that
 * use its exports ("a,b,") or "-"; the state is Loading (its init runs),
 * Live, or Unloading (its exit ran; Janus keeps a module there when it left
 * something registered); the address is its text's.
 */
#include <linux/module.h>
#include <linux/seq_file.h>
#include "internal.h"

static unsigned int core_size(const struct module *mod)
{
	unsigned int size = 0;

	for (int type = MOD_TEXT; type < MOD_INIT_TEXT; type++)
		size += mod->mem[type].size;
	return size;
}

static void show_users(struct seq_file *m, const struct module *mod)
{
	const struct module_use *use;
	bool any = false;

	list_for_each_entry(use, &mod->source_list, source_list) {
		seq_printf(m, "%s,", use->source->name);
		any = true;
	}
	if (mod->init && !mod->exit) {
		seq_puts(m, "[permanent],");
		any = true;
	}
	if (!any)
		seq_puts(m, "-");
}

int show_modules(struct seq_file *m)
{
	struct module *mod;
	char taints[4];

	mutex_lock(&module_mutex);
	list_for_each_entry(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		seq_printf(m, "%s %u %d ", mod->name, core_size(mod), module_refcount(mod));
		show_users(m, mod);
		seq_printf(m, " %s 0x%08lx", module_state_name(mod),
			   (unsigned long)mod->mem[MOD_TEXT].base);
		module_taint_letters(mod, taints);
		if (taints[0])
			seq_printf(m, " (%s)", taints);
		seq_puts(m, "\n");
	}
	mutex_unlock(&module_mutex);
	return 0;
}
