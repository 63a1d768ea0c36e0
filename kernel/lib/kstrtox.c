/*
 * kstrto*(): whole-string number parsing for the command line and tests.
 * Unlike Linux's old simple_strtoul, it rejects trailing junk and overflow.
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/limits.h>
#include <linux/string.h>

static int digit_value(char c)
{
	if (isdigit(c))
		return c - '0';
	if (isxdigit(c))
		return tolower(c) - 'a' + 10;
	return 99;
}

/* base 0 means: 0x → 16, leading 0 → 8, else 10. */
static const char *parse_base(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0' && tolower(s[1]) == 'x' && isxdigit(s[2]))
			*base = 16;
		else if (s[0] == '0' && s[1])
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && s[0] == '0' && tolower(s[1]) == 'x')
		s += 2;
	return s;
}

/**
 * kstrtoull() - Convert a whole string to an unsigned 64-bit number.
 * @s:    the string: an optional '+', digits, and at most one final newline
 * @base: 2..16, or 0 to detect it: "0x" hexadecimal, "0" octal, else decimal
 * @res:  where the value goes (untouched on error)
 *
 * Context: any context; does not sleep.
 * Return: 0, -EINVAL if @s is not a number in @base, -ERANGE if it overflows.
 */
int kstrtoull(const char *s, unsigned int base, u64 *res)
{
	u64 v = 0;
	const char *p;

	if (*s == '+')
		s++;
	s = parse_base(s, &base);
	for (p = s; *p && *p != '\n'; p++) {
		int d = digit_value(*p);
		if (d >= (int)base)
			return -EINVAL;
		if (v > div_u64(ULLONG_MAX - d, base))
			return -ERANGE;
		v = v * base + d;
	}
	if (p == s || (*p == '\n' && p[1]))
		return -EINVAL;
	*res = v;
	return 0;
}
EXPORT_SYMBOL(kstrtoull);

/**
 * kstrtoll() - Convert a whole string to a signed 64-bit number.
 * @s:    the string, optionally starting with '-' or '+'
 * @base: as for kstrtoull()
 * @res:  where the value goes
 *
 * Context: any context; does not sleep.
 * Return: 0, -EINVAL, or -ERANGE.
 */
int kstrtoll(const char *s, unsigned int base, s64 *res)
{
	u64 v;
	bool neg = *s == '-';
	int err = kstrtoull(s + neg, base, &v);

	if (err)
		return err;
	if (neg ? v > (u64)LLONG_MAX + 1 : v > (u64)LLONG_MAX)
		return -ERANGE;
	*res = neg ? -(s64)v : (s64)v;
	return 0;
}
EXPORT_SYMBOL(kstrtoll);

/**
 * kstrtouint() - Convert a whole string to an unsigned int.
 * @s:    the string
 * @base: as for kstrtoull()
 * @res:  where the value goes
 *
 * Context: any context; does not sleep.
 * Return: 0, -EINVAL, or -ERANGE.
 */
int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	u64 v;
	int err = kstrtoull(s, base, &v);

	if (err)
		return err;
	if (v > UINT_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}
EXPORT_SYMBOL(kstrtouint);

/**
 * kstrtoul() - Convert a whole string to an unsigned long (32 bits here).
 * @s:    the string
 * @base: as for kstrtoull()
 * @res:  where the value goes
 *
 * Context: any context; does not sleep.
 * Return: 0, -EINVAL, or -ERANGE.
 */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	return kstrtouint(s, base, (unsigned int *)res);
}
EXPORT_SYMBOL(kstrtoul);

/**
 * kstrtoint() - Convert a whole string to an int.
 * @s:    the string
 * @base: as for kstrtoull()
 * @res:  where the value goes
 *
 * Context: any context; does not sleep.
 * Return: 0, -EINVAL, or -ERANGE.
 */
int kstrtoint(const char *s, unsigned int base, int *res)
{
	s64 v;
	int err = kstrtoll(s, base, &v);

	if (err)
		return err;
	if (v > INT_MAX || v < INT_MIN)
		return -ERANGE;
	*res = v;
	return 0;
}
EXPORT_SYMBOL(kstrtoint);

/**
 * kstrtobool() - Convert "1", "y", "Y", "on", "yes" to true and "0", "n", "N", "off", "no" to false.
 * @s:   the string
 * @res: where the value goes
 *
 * Context: any context; does not sleep.
 * Return: 0, or -EINVAL for anything else.
 */
int kstrtobool(const char *s, bool *res)
{
	static const char *const yes[] = { "1", "y", "Y", "on", "yes" };
	static const char *const no[] = { "0", "n", "N", "off", "no" };

	for (unsigned i = 0; i < 5; i++) {
		if (!strcmp(s, yes[i]))
			return *res = true, 0;
		if (!strcmp(s, no[i]))
			return *res = false, 0;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(kstrtobool);
