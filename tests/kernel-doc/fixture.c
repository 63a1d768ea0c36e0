/* Fixtures for `tools/kernel-doc.py selftest`: each function says, in the
 * EXPECT line above it, what the checker must report about it (nothing for
 * "ok"). Never compiled. The names check must report the two comments below. */
/* A comment naming no_such_function_anywhere(). */
/* This file is step 3 of docs/interrupts.md. */
/* But not Linux's try_to_wake_up(), which is not Janus's. */

/* EXPECT ok */
/**
 * good() - A complete comment.
 * @a:   the first argument
 * @...: the rest
 *
 * Context: any context; does not sleep.
 * Return: @a.
 */
int good(int a, ...)
{
	return a;
}

/* EXPECT no kernel-doc comment */
int undocumented(void)
{
	return 0;
}

/* EXPECT no @b: line */
/* EXPECT @c: names no parameter */
/**
 * wrong_args() - Documents c, not b.
 * @a: one
 * @c: not a parameter
 *
 * Context: any context.
 */
void wrong_args(int a, int b)
{
}

/* EXPECT no Context: line */
/* EXPECT returns a value but has no Return: line */
/**
 * bare() - Says nothing about where it may run.
 */
long bare(void)
{
	return 0;
}

/* EXPECT calls might_sleep() but its Context: does not say it may sleep */
/**
 * sleeper() - Checks that it may sleep, but does not say so.
 *
 * Context: any context.
 */
void sleeper(void)
{
	might_sleep();
}

/* EXPECT ok */
/**
 * honest_sleeper() - Says so.
 * @fn: a function pointer parameter
 *
 * Context: process context only; may sleep.
 */
void honest_sleeper(void (*fn)(void))
{
	might_fault();
}

/* EXPECT ok */
static int static_functions_are_not_checked(void)
{
	return 0;
}

/* EXPECT its Context: says it does not sleep, but honest_sleeper -> might_fault() may sleep */
/**
 * claims_not_to_sleep() - Calls something that may sleep, and says it does not.
 *
 * Context: any context; does not sleep.
 */
void claims_not_to_sleep(void)
{
	honest_sleeper(0);
}

struct sleepy_ops {
	void (*sleeper)(void);
};

/* EXPECT ok */
/**
 * calls_through_a_pointer() - A call through a pointer is not followed.
 * @ops: operations whose sleeper() happens to share a sleeping function's name
 *
 * Context: any context; does not sleep.
 */
void calls_through_a_pointer(struct sleepy_ops *ops)
{
	ops->sleeper();
}
