/*
 * Module parameters: `insmod hello.ko who=world count=3` sets a module's
 * variables before its init function runs (kernel/module/params.c).
 *
 *   module_param(name, type, perm)               type: byte, short, ushort, int, uint,
 *                                                long, ulong, ullong, hexint, bool,
 *                                                invbool, charp
 *   module_param_named(name, variable, type, perm)
 *   module_param_array(name, type, &count, perm) "a=1,2,3"; count gets 3 (may be NULL)
 *   module_param_string(name, buffer, len, perm) copied into a char buffer
 *   MODULE_PARM_DESC(name, "what it does")       shown by modinfo
 *
 * A value that does not parse is refused, "hello: 'x' invalid for parameter
 * 'count'", and the module does not load; an unknown name is reported and
 * ignored, as in Linux. perm is kept (Linux shows it in sysfs; Janus has none).
 * In built-in code the parameters only type-check: set them in the source.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H
#include <linux/compiler.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/stat.h>
#include <linux/types.h>

struct module;
struct kernel_param;

#define KERNEL_PARAM_OPS_FL_NOARG (1 << 0) /* a bare "name" is a valid setting (bool) */

struct kernel_param_ops {
	unsigned int flags;
	/* Parses val into the parameter: 0, or a negative errno to refuse it. */
	int (*set)(const char *val, const struct kernel_param *kp);
	/* Writes the value as text into buffer (at least 1024 bytes); its length. */
	int (*get)(char *buffer, const struct kernel_param *kp);
	void (*free)(void *arg);
};

struct kparam_string {
	unsigned int maxlen;
	char *string;
};

struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	const u16 perm;
	s8 level;
	u8 flags;
	union {
		void *arg;
		const struct kparam_string *str;
		const struct kparam_array *arr;
	};
};

#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#ifdef MODULE
/* "tag=info" in .modinfo, read by the loader and by the modinfo program. */
#define __MODULE_INFO(tag, name, info)                                             \
	static const char __UNIQUE_ID(name)[] __used __section(".modinfo") __aligned(1) = \
		#tag "=" info
#else
#define __MODULE_INFO(tag, name, info)
#endif
#define MODULE_PARAM_PREFIX ""

#ifdef MODULE
#define __module_param_call(prefix, name, ops, arg, perm, level, flags)                   \
	static const char __param_str_##name[] = prefix #name;                           \
	static const struct kernel_param __param_##name __used __section("__param")       \
		__aligned(sizeof(void *)) = { __param_str_##name, THIS_MODULE, ops, perm, \
					      level, flags, { arg } }
#define __MODULE_PARM_TYPE(name, _type) __MODULE_INFO(parmtype, name##type, #name ":" _type)
#define MODULE_PARM_DESC(_parm, desc) __MODULE_INFO(parm, _parm, #_parm ":" desc)
#else
#define __module_param_call(prefix, name, ops, arg, perm, level, flags)
#define __MODULE_PARM_TYPE(name, _type)
#define MODULE_PARM_DESC(_parm, desc)
#endif

/* A compile-time check that the variable has the type the parameter says. */
#define __param_check(name, p, type) \
	static inline type __always_unused *__check_##name(void) { return (p); }
#define __always_unused __attribute__((unused))

#define param_check_byte(name, p) __param_check(name, p, unsigned char)
#define param_check_short(name, p) __param_check(name, p, short)
#define param_check_ushort(name, p) __param_check(name, p, unsigned short)
#define param_check_int(name, p) __param_check(name, p, int)
#define param_check_uint(name, p) __param_check(name, p, unsigned int)
#define param_check_long(name, p) __param_check(name, p, long)
#define param_check_ulong(name, p) __param_check(name, p, unsigned long)
#define param_check_ullong(name, p) __param_check(name, p, unsigned long long)
#define param_check_hexint(name, p) __param_check(name, p, unsigned int)
#define param_check_charp(name, p) __param_check(name, p, char *)
#define param_check_bool(name, p) __param_check(name, p, bool)
#define param_check_invbool(name, p) __param_check(name, p, bool)

#define module_param_cb(name, ops, arg, perm) \
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 0)

#define module_param_named(name, value, type, perm)                  \
	param_check_##type(name, &(value));                          \
	module_param_cb(name, &param_ops_##type, &value, perm);      \
	__MODULE_PARM_TYPE(name, #type)

#define module_param(name, type, perm) module_param_named(name, name, type, perm)

#define module_param_string(name, string, len, perm)                                      \
	static const struct kparam_string __param_string_##name = { len, string };       \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_string,                 \
			    .str = &__param_string_##name, perm, -1, 0);                  \
	__MODULE_PARM_TYPE(name, "string")

#define module_param_array_named(name, array, type, nump, perm)                           \
	param_check_##type(name, &(array)[0]);                                            \
	static const struct kparam_array __param_arr_##name = {                           \
		.max = ARRAY_SIZE(array), .num = nump, .ops = &param_ops_##type,          \
		.elemsize = sizeof(array[0]), .elem = array };                            \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_array_ops,                  \
			    .arr = &__param_arr_##name, perm, -1, 0);                     \
	__MODULE_PARM_TYPE(name, "array of " #type)

#define module_param_array(name, type, nump, perm) \
	module_param_array_named(name, name, type, nump, perm)

extern const struct kernel_param_ops param_ops_byte, param_ops_short, param_ops_ushort,
	param_ops_int, param_ops_uint, param_ops_long, param_ops_ulong, param_ops_ullong,
	param_ops_hexint, param_ops_charp, param_ops_bool, param_ops_invbool, param_ops_string,
	param_array_ops;

/**
 * parse_module_args() - Set a module's parameters from its argument string.
 * @modname: the module's name, for the messages
 * @args:    "name=value name2 ..." (modified in place: charp values point into it)
 * @params:  the module's __param table
 * @num:     its length
 *
 * Context: process context (a parameter's set operation may allocate).
 * Return: 0, or the first set operation's error (-EINVAL for a bad value),
 * after printing "MODNAME: 'VALUE' invalid for parameter 'NAME'". Unknown
 * names are reported and skipped.
 */
int parse_module_args(const char *modname, char *args, const struct kernel_param *params,
		      unsigned int num);

#endif
