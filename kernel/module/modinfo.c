/*
 * A module's .modinfo: "tag=value" strings (MODULE_LICENSE, MODULE_AUTHOR,
 * parm, parmtype, and the vermagic that tools/module/mod.c adds). The loader
 * refuses a module built for another kernel (its vermagic differs) and notes
 * what a license that is not GPL-compatible, or an out-of-tree build, brings:
 * Linux's taint flags P and O, and no GPL-only symbols.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/vermagic.h>
#include "internal.h"

static unsigned long tainted_mask; /**
 * get_modinfo() - A tag of the image's .modinfo.
 * @info: the checked image
 * @tag:  e.g. "license"
 *
 * Context: any context.
 * Return: the value after "tag=", or NULL.
 */
const char *get_modinfo(const struct load_info *info, const char *tag)
{
	size_t taglen = strlen(tag);

	for (const char *p = info->modinfo; p < info->modinfo + info->modinfo_len;
	     p += strlen(p) + 1)
		if (!strncmp(p, tag, taglen) && p[taglen] == '=')
			return p + taglen + 1;
	return NULL;
}

/* The licenses Linux lets use GPL-only symbols (include/linux/license.h). */
static bool license_is_gpl_compatible(const char *license)
{
	static const char *const gpl[] = {
		"GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL",
		"Dual MPL/GPL",
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(gpl); i++)
		if (!strcmp(license, gpl[i]))
			return true;
	return false;
}

/* Records a taint the module brings; true the first time since boot (Linux
 * announces each taint once). */
static bool first_taint(struct load_info *info, int flag)
{
	bool first = !(tainted_mask & (1ul << flag));

	tainted_mask |= 1ul << flag;
	info->taints |= 1ul << flag;
	return first;
}

/**
 * check_modinfo() - Refuse a module built for another kernel; note its taints.
 * @info: the checked image; gpl_compatible and taints are set
 *
 * Context: process context.
 * Return: 0, or -ENOEXEC if vermagic is missing or differs from the kernel's.
 */
int check_modinfo(struct load_info *info)
{
	const char *magic = get_modinfo(info, "vermagic");
	const char *license = get_modinfo(info, "license");

	if (!magic) {
		pr_err("%s: no version magic: not built with Janus's make (tools/module/mod.c), refusing\n",
		       info->name);
		return -ENOEXEC;
	}
	if (strcmp(magic, VERMAGIC_STRING)) {
		pr_err("%s: version magic '%s' should be '%s'\n", info->name, magic, VERMAGIC_STRING);
		return -ENOEXEC;
	}
	info->gpl_compatible = license && license_is_gpl_compatible(license);
	if (!info->gpl_compatible && first_taint(info, TAINT_PROPRIETARY_MODULE))
		pr_warn("%s: module license '%s' taints kernel.\n", info->name,
			license ?: "unspecified");
	if (!get_modinfo(info, "intree") && first_taint(info, TAINT_OOT_MODULE))
		pr_warn("%s: loading out-of-tree module taints kernel.\n", info->name);
	return 0;
}

/**
 * module_taint_letters() - The taint letters of a module ("PO", "O", "").
 * @mod: the module
 * @buf: at least 3 bytes
 *
 * Context: any context.
 */
void module_taint_letters(const struct module *mod, char *buf)
{
	if (mod->taints & (1ul << TAINT_PROPRIETARY_MODULE))
		*buf++ = 'P';
	if (mod->taints & (1ul << TAINT_OOT_MODULE))
		*buf++ = 'O';
	*buf = '\0';
}
