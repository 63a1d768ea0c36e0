/* Kernel command-line parsing (kernel/params.c): shared by boot and the cmdline tests. */
#ifndef _JANUS_PARAMS_H
#define _JANUS_PARAMS_H
#include <linux/init.h>

struct param_result {
	unsigned int unknown; /* parameters nobody claimed */
	unsigned int invalid; /* values a handler rejected (its default stays) */
};

/*
 * Splits args (modified in place) into "name", "name=value" and
 * name="quoted value" words and hands each to the matching handler.
 * Unknown names and rejected values get a warning and are counted.
 */
void parse_args(char *args, const struct obs_kernel_param *params, unsigned int num,
		struct param_result *res);
char *next_arg(char *args, char **param, char **val);
/* Applies boot_command_line to every early_param(). */
void parse_early_params(void);

#endif
