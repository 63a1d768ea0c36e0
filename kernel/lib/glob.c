/* glob_match(): '*', '?' and [a-z] patterns, used by selftest=GLOB. */
#include <linux/glob.h>

static bool match_class(const char **pat, char c)
{
	const char *p = *pat + 1;
	bool neg = *p == '!' || *p == '^', hit = false;

	if (neg)
		p++;
	for (; *p && *p != ']'; p++) {
		if (p[1] == '-' && p[2] && p[2] != ']') {
			hit |= c >= p[0] && c <= p[2];
			p += 2;
		} else {
			hit |= c == *p;
		}
	}
	*pat = *p ? p : p - 1;
	return hit != neg;
}

/**
 * glob_match() - Match a string against a shell-style pattern: '*', '?', [a-z], [!a-z].
 * @pat: the pattern
 * @str: the string
 *
 * Backtracks only to the last '*': no recursion, linear in practice.
 *
 * Context: any context; does not sleep.
 * Return: true if the whole of @str matches.
 */
bool glob_match(const char *pat, const char *str)
{
	/* Backtrack only to the last '*': linear in practice, no recursion. */
	const char *star_pat = NULL, *star_str = NULL;

	for (;;) {
		char c = *str;
		if (*pat == '*') {
			star_pat = ++pat;
			star_str = str;
			continue;
		}
		if (c && *pat == '[') {
			const char *end = pat;
			if (match_class(&end, c)) {
				pat = end + 1, str++;
				continue;
			}
		} else if (c && (*pat == '?' || *pat == c)) {
			pat++, str++;
			continue;
		}
		if (!c && !*pat)
			return true;
		if (!star_pat || !*star_str)
			return false;
		pat = star_pat;
		str = ++star_str;
	}
}
