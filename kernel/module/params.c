/*
 * Module parameters (include/linux/moduleparam.h): one set/get pair per
 * type, and the parser that applies "name=value ..." to a module's __param
 * table before its init runs. The words are split as on the kernel command
 * line (next_arg, kernel/params.c); the messages are Linux's.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/moduleparam.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <janus/params.h>

/* One integer type: parse into a 64-bit value (any base: 10, 0x10, 010),
 * then refuse what does not survive the trip into the variable's type. */
#define STANDARD_PARAM(name, type, wide, parse, fmt)                            \
	static int param_set_##name(const char *val, const struct kernel_param *kp)      \
	{                                                                                \
		wide v;                                                                  \
		if (!val || parse(val, 0, &v))                                           \
			return -EINVAL;                                                  \
		if ((wide)(type)v != v)                                                  \
			return -ERANGE;                                                  \
		*(type *)kp->arg = v;                                                    \
		return 0;                                                                \
	}                                                                                \
	static int param_get_##name(char *buffer, const struct kernel_param *kp)         \
	{                                                                                \
		return scnprintf(buffer, 1024, fmt "\n", *(type *)kp->arg);              \
	}                                                                                \
	const struct kernel_param_ops param_ops_##name = {                               \
		.set = param_set_##name, .get = param_get_##name };                      \
	EXPORT_SYMBOL(param_ops_##name)

STANDARD_PARAM(byte, unsigned char, u64, kstrtoull, "%u");
STANDARD_PARAM(short, short, s64, kstrtoll, "%d");
STANDARD_PARAM(ushort, unsigned short, u64, kstrtoull, "%u");
STANDARD_PARAM(int, int, s64, kstrtoll, "%d");
STANDARD_PARAM(uint, unsigned int, u64, kstrtoull, "%u");
STANDARD_PARAM(long, long, s64, kstrtoll, "%ld");
STANDARD_PARAM(ulong, unsigned long, u64, kstrtoull, "%lu");
STANDARD_PARAM(ullong, unsigned long long, u64, kstrtoull, "%llu");
STANDARD_PARAM(hexint, unsigned int, u64, kstrtoull, "%#08x");

/* A bare "name" means true; y/n, 1/0, on/off as kstrtobool takes them. */
static int param_set_bool(const char *val, const struct kernel_param *kp)
{
	return val ? kstrtobool(val, kp->arg) : (*(bool *)kp->arg = true, 0);
}

static int param_get_bool(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, 1024, "%c\n", *(bool *)kp->arg ? 'Y' : 'N');
}

const struct kernel_param_ops param_ops_bool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG, .set = param_set_bool, .get = param_get_bool };
EXPORT_SYMBOL(param_ops_bool);

static int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool v;
	int err = val ? kstrtobool(val, &v) : (v = true, 0);

	if (!err)
		*(bool *)kp->arg = !v;
	return err;
}

static int param_get_invbool(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, 1024, "%c\n", *(bool *)kp->arg ? 'N' : 'Y');
}

const struct kernel_param_ops param_ops_invbool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG, .set = param_set_invbool, .get = param_get_invbool };
EXPORT_SYMBOL(param_ops_invbool);

/* charp: points into the module's argument string, kept while it is loaded. */
static int param_set_charp(const char *val, const struct kernel_param *kp)
{
	if (!val)
		return -EINVAL;
	if (strlen(val) > 1024)
		return -ENOSPC;
	*(const char **)kp->arg = val;
	return 0;
}

static int param_get_charp(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, 1024, "%s\n", *(char **)kp->arg ?: "(null)");
}

const struct kernel_param_ops param_ops_charp = { .set = param_set_charp, .get = param_get_charp };
EXPORT_SYMBOL(param_ops_charp);

static int param_set_copystring(const char *val, const struct kernel_param *kp)
{
	const struct kparam_string *kps = kp->str;

	if (!val || strlen(val) + 1 > kps->maxlen)
		return -ENOSPC;
	strcpy(kps->string, val);
	return 0;
}

static int param_get_string(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, 1024, "%s\n", kp->str->string);
}

const struct kernel_param_ops param_ops_string = {
	.set = param_set_copystring, .get = param_get_string };
EXPORT_SYMBOL(param_ops_string);

/* "1,2,3": each element set by the element type's own set operation. */
static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	char buf[1024], *rest = buf, *elem;
	unsigned int n = 0;

	if (!val || strscpy(buf, val, sizeof(buf)) < 0)
		return -EINVAL;
	while ((elem = strsep(&rest, ","))) {
		struct kernel_param one = { .name = kp->name, .mod = kp->mod, .ops = arr->ops };
		int err;

		if (n == arr->max) {
			pr_err("%s: can only take %u arguments\n", kp->name, arr->max);
			return -EINVAL;
		}
		one.arg = (char *)arr->elem + n * arr->elemsize;
		/* A charp element must outlive buf: point into the kept argument string. */
		err = arr->ops->set(arr->ops == &param_ops_charp ? val + (elem - buf) : elem, &one);
		if (err)
			return err;
		n++;
	}
	if (arr->num)
		*arr->num = n;
	return 0;
}

static int param_array_get(char *buffer, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	unsigned int n = arr->num ? *arr->num : arr->max;
	int len = 0;

	for (unsigned int i = 0; i < n && len < 1000; i++) {
		struct kernel_param one = { .ops = arr->ops,
					    .arg = (char *)arr->elem + i * arr->elemsize };

		if (i)
			buffer[len - 1] = ','; /* replaces the element's newline */
		len += arr->ops->get(buffer + len, &one);
	}
	return len;
}

const struct kernel_param_ops param_array_ops = { .set = param_array_set, .get = param_array_get };
EXPORT_SYMBOL(param_array_ops);

int parse_module_args(const char *modname, char *args, const struct kernel_param *params,
		      unsigned int num)
{
	args = skip_spaces(args);
	while (*args) {
		const struct kernel_param *kp = NULL;
		char *name, *val;
		int err;

		args = next_arg(args, &name, &val);
		for (unsigned int i = 0; i < num && !kp; i++)
			if (!strcmp(params[i].name, name))
				kp = &params[i];
		if (!kp) {
			pr_warn("%s: unknown parameter '%s' ignored\n", modname, name);
			continue;
		}
		if (!val && !(kp->ops->flags & KERNEL_PARAM_OPS_FL_NOARG))
			err = -EINVAL;
		else
			err = kp->ops->set(val, kp);
		if (err) {
			pr_err("%s: '%s' invalid for parameter '%s'\n", modname, val ?: "", name);
			return err == -ERANGE || err == -ENOSPC ? -EINVAL : err;
		}
	}
	return 0;
}
