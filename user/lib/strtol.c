/* stdlib.h: strtol and atoi. */
#include <errno.h>
#include <stdlib.h>

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 36;
}

static int is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * Base 2 to 36, or 0: "0x" means 16, a leading "0" means 8, else 10.
 * Out of range: LONG_MAX or LONG_MIN, with errno ERANGE. *end, if end is
 * not NULL, gets the first byte not used (s itself when there is no number).
 * Another base: 0, with errno EINVAL.
 */
long strtol(const char *s, char **end, int base)
{
	const char *p = s;
	unsigned long value = 0, limit;
	int negative = 0, overflow = 0, digits = 0;

	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)s;
		return 0;
	}
	while (is_space(*p))
		p++;
	if (*p == '-' || *p == '+')
		negative = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 0x20) == 'x' &&
	    digit_value(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	limit = negative ? (unsigned long)__LONG_MAX__ + 1 : __LONG_MAX__;
	for (; digit_value(*p) < base; p++, digits++) {
		unsigned long d = digit_value(*p);

		if (value > (limit - d) / base)
			overflow = 1;
		else
			value = value * base + d;
	}
	if (end)
		*end = (char *)(digits ? p : s);
	if (overflow) {
		errno = ERANGE;
		return negative ? -__LONG_MAX__ - 1 : __LONG_MAX__;
	}
	return negative ? -value : value;
}

int atoi(const char *s)
{
	return strtol(s, NULL, 10);
}
