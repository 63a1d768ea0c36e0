/*
 * The kernel command line: "loglevel=4 selftest=irq*" and friends. Handlers
 * are registered with early_param(); a value a handler rejects, or a name
 * nobody knows, is reported and ignored, so a typo never stops the boot.
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <janus/params.h>

extern const struct obs_kernel_param __start_kernel_params[], __stop_kernel_params[];

/**
 * next_arg() - Cut the next word off a parameter string.
 * @args:  the string, modified in place (NULs end the name and the value)
 * @param: where the word's name goes
 * @val:   where its value goes (after '='; quotes stripped), NULL if none
 *
 * Shared by the command line and module parameters (kernel/module/params.c).
 * Context: any context.
 * Return: where the following word starts.
 */
char *next_arg(char *args, char **param, char **val)
{
	bool in_quote = false;
	char *p;

	*param = args;
	*val = NULL;
	for (p = args; *p && (in_quote || !isspace(*p)); p++) {
		if (*p == '"')
			in_quote = !in_quote;
		else if (*p == '=' && !*val)
			*val = p + 1;
	}
	if (*p)
		*p++ = '\0';
	if (*val) {
		(*val)[-1] = '\0';
		if (**val == '"') { /* strip the quotes of name="a b" */
			size_t len = strlen(++*val);
			if (len && (*val)[len - 1] == '"')
				(*val)[len - 1] = '\0';
		}
	}
	return skip_spaces(p);
}

static const struct obs_kernel_param *find_param(const struct obs_kernel_param *params, unsigned int num,
					     const char *name)
{
	for (unsigned int i = 0; i < num; i++)
		if (!strcmp(params[i].name, name))
			return &params[i];
	return NULL;
}

/**
 * parse_args() - Apply a command line's "name=value" and "name" words to a table of parameters.
 * @args:   the command line; modified (split into words)
 * @params: the parameters and their setup functions
 * @num:    how many there are
 * @res:    where the counts of unknown and rejected words go
 *
 * An unknown word and a value a setup function rejects are reported and
 * the default stays: a bad command line never stops the boot.
 *
 * Context: boot; does not sleep.
 */
void parse_args(char *args, const struct obs_kernel_param *params, unsigned int num,
		struct param_result *res)
{
	*res = (struct param_result){ 0 };
	args = skip_spaces(args);
	while (*args) {
		char *name, *val;
		const struct obs_kernel_param *p;

		args = next_arg(args, &name, &val);
		p = find_param(params, num, name);
		if (!p) {
			pr_warn("Unknown kernel command line parameter \"%s%s%s\", ignored\n", name,
				val ? "=" : "", val ? val : "");
			res->unknown++;
		} else if (p->setup(val) < 0) {
			pr_warn("Bad value \"%s\" for kernel parameter %s=, keeping the default\n",
				val ? val : "(none)", name);
			res->invalid++;
		}
	}
}

/**
 * parse_early_params() - Apply the boot command line to every early_param().
 *
 * Context: early boot, before the subsystems the parameters configure start.
 */
void __init parse_early_params(void)
{
	static char scratch[COMMAND_LINE_SIZE];
	struct param_result res;

	strscpy(scratch, boot_command_line, sizeof(scratch));
	parse_args(scratch, __start_kernel_params, __stop_kernel_params - __start_kernel_params,
		   &res);
}
