/*
 * mem* and str* for a freestanding kernel: gcc may emit calls to memcpy,
 * memset, memmove and memcmp on its own, so these must exist and be correct.
 * memcpy and memset use the x86 string instructions: arch/x86/lib/string_32.c.
 * Tested by tests/kernel/string.c.
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/string.h>

/**
 * memmove() - Copy @n bytes from @src to @dst; the areas may overlap.
 * @dst: destination
 * @src: source
 * @n:   bytes
 *
 * Context: any context; does not sleep.
 * Return: @dst.
 */
void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	/* Overlap with dst above src: copy backwards. */
	while (n--)
		d[n] = s[n];
	return dst;
}
EXPORT_SYMBOL(memmove);

/**
 * memcmp() - Compare @n bytes of two areas.
 * @a: one area
 * @b: the other
 * @n: bytes
 *
 * Context: any context; does not sleep.
 * Return: 0 if equal, else the difference of the first differing bytes (as unsigned char).
 */
int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;
	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}
EXPORT_SYMBOL(memcmp);

/**
 * memchr() - Find the first byte @c in @n bytes at @s.
 * @s: the memory
 * @c: the byte
 * @n: bytes
 *
 * Context: any context; does not sleep.
 * Return: its address, or NULL.
 */
void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}
EXPORT_SYMBOL(memchr);

/**
 * memchr_inv() - Find the first byte that is not @c in @n bytes at @s.
 * @s: the memory
 * @c: the byte expected everywhere
 * @n: bytes
 *
 * Context: any context; does not sleep.
 * Return: the address of the first other byte, or NULL if all are @c.
 */
void *memchr_inv(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	for (; n; n--, p++)
		if (*p != (unsigned char)c)
			return (void *)p;
	return NULL;
}
EXPORT_SYMBOL(memchr_inv);

/**
 * strlen() - The length of a NUL-terminated string.
 * @s: the string
 *
 * Context: any context; does not sleep.
 * Return: the bytes before the NUL.
 */
size_t strlen(const char *s)
{
	const char *p = s;
	while (*p)
		p++;
	return p - s;
}
EXPORT_SYMBOL(strlen);

/**
 * strnlen() - The length of a string, looking at no more than @max bytes.
 * @s:   the string
 * @max: the most bytes to look at
 *
 * Context: any context; does not sleep.
 * Return: the length, or @max if there is no NUL within it.
 */
size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && s[n])
		n++;
	return n;
}
EXPORT_SYMBOL(strnlen);

/**
 * strcmp() - Compare two strings.
 * @a: one string
 * @b: the other
 *
 * Context: any context; does not sleep.
 * Return: 0 if equal, <0 or >0 as @a sorts before or after @b (as unsigned char).
 */
int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}
EXPORT_SYMBOL(strcmp);

/**
 * strncmp() - Compare at most @n bytes of two strings.
 * @a: one string
 * @b: the other
 * @n: the most bytes to compare
 *
 * Context: any context; does not sleep.
 * Return: 0 if equal within @n bytes, else <0 or >0.
 */
int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}
EXPORT_SYMBOL(strncmp);

/**
 * strcpy() - Copy a string, NUL included; @dst must be big enough.
 * @dst: destination
 * @src: source string
 *
 * Context: any context; does not sleep.
 * Return: @dst.
 */
char *strcpy(char *dst, const char *src)
{
	char *ret = dst;
	while ((*dst++ = *src++))
		;
	return ret;
}
EXPORT_SYMBOL(strcpy);

/**
 * strncpy() - Copy at most @n bytes of a string, padding with NULs (C's strncpy).
 * @dst: destination of @n bytes
 * @src: source string
 * @n:   bytes to write
 *
 * Context: any context; does not sleep.
 * Return: @dst, which is not terminated if @src is @n bytes or longer.
 */
char *strncpy(char *dst, const char *src, size_t n)
{
	size_t i = 0;
	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = '\0';
	return dst;
}
EXPORT_SYMBOL(strncpy);

/**
 * strscpy() - Copy a string into a buffer of @size bytes, always terminated.
 * @dst:  destination
 * @src:  source string
 * @size: the size of @dst
 *
 * Context: any context; does not sleep.
 * Return: the length copied, or -E2BIG if @src was cut short.
 */
ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t i;

	if (!size)
		return -E2BIG;
	for (i = 0; i < size - 1 && src[i]; i++)
		dst[i] = src[i];
	dst[i] = '\0';
	return src[i] ? -E2BIG : (ssize_t)i;
}
EXPORT_SYMBOL(strscpy);

/**
 * strcat() - Append @src to the string @dst; @dst must be big enough.
 * @dst: the string to extend
 * @src: what to append
 *
 * Context: any context; does not sleep.
 * Return: @dst.
 */
char *strcat(char *dst, const char *src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}
EXPORT_SYMBOL(strcat);

/**
 * strchr() - Find the first @c in a string (the NUL itself can be found).
 * @s: the string
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: its address, or NULL.
 */
char *strchr(const char *s, int c)
{
	for (; *s != (char)c; s++)
		if (!*s)
			return NULL;
	return (char *)s;
}
EXPORT_SYMBOL(strchr);

/**
 * strrchr() - Find the last @c in a string.
 * @s: the string
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: its address, or NULL.
 */
char *strrchr(const char *s, int c)
{
	const char *last = NULL;
	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}
EXPORT_SYMBOL(strrchr);

/**
 * strstr() - Find the first occurrence of @needle in @haystack.
 * @haystack: the string to search
 * @needle:   the string to find
 *
 * Context: any context; does not sleep.
 * Return: its address in @haystack (@haystack itself for an empty @needle), or NULL.
 */
char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);
	for (; *haystack; haystack++)
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	return n ? NULL : (char *)haystack;
}
EXPORT_SYMBOL(strstr);

/**
 * strspn() - The length of the prefix of @s made only of bytes in @accept.
 * @s:      the string
 * @accept: the allowed bytes
 *
 * Context: any context; does not sleep.
 * Return: that length.
 */
size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;
	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}
EXPORT_SYMBOL(strspn);

/**
 * strcspn() - The length of the prefix of @s made of bytes not in @reject.
 * @s:      the string
 * @reject: the stopping bytes
 *
 * Context: any context; does not sleep.
 * Return: that length.
 */
size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;
	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}
EXPORT_SYMBOL(strcspn);

/**
 * strsep() - Split off the next token of *@s at the first byte of @delim.
 * @s:     in: the rest of the string; out: past the delimiter, or NULL after the last token
 * @delim: the delimiter bytes
 *
 * Context: any context; does not sleep.
 * Return: the token (the delimiter replaced by a NUL), or NULL if *@s was NULL.
 */
char *strsep(char **s, const char *delim)
{
	char *begin = *s, *end;

	if (!begin)
		return NULL;
	for (end = begin; *end && !strchr(delim, *end); end++)
		;
	*s = *end ? end + 1 : NULL;
	*end = '\0';
	return begin;
}
EXPORT_SYMBOL(strsep);

/**
 * skip_spaces() - Skip leading white space.
 * @s: the string
 *
 * Context: any context; does not sleep.
 * Return: the first non-space character of @s.
 */
char *skip_spaces(const char *s)
{
	while (isspace(*s))
		s++;
	return (char *)s;
}
EXPORT_SYMBOL(skip_spaces);
