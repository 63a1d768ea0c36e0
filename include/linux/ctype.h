/* Character classes for the parsers (ASCII only). Each is a pure function of
 * its argument: any context, never sleeps. */
#ifndef _LINUX_CTYPE_H
#define _LINUX_CTYPE_H

/**
 * isdigit() - Whether @c is a decimal digit, '0' to '9'.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: non-zero if it is.
 */
static inline int isdigit(int c) { return c >= '0' && c <= '9'; }

/**
 * isspace() - Whether @c is white space: ' ', '\t', '\n', '\v', '\f' or '\r'.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: non-zero if it is.
 */
static inline int isspace(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/**
 * islower() - Whether @c is a lower-case letter, 'a' to 'z'.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: non-zero if it is.
 */
static inline int islower(int c) { return c >= 'a' && c <= 'z'; }

/**
 * isupper() - Whether @c is an upper-case letter, 'A' to 'Z'.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: non-zero if it is.
 */
static inline int isupper(int c) { return c >= 'A' && c <= 'Z'; }

/**
 * isalpha() - Whether @c is a letter (ASCII).
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: non-zero if it is.
 */
static inline int isalpha(int c) { return islower(c) || isupper(c); }

/**
 * isalnum() - Whether @c is a letter or a decimal digit.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: non-zero if it is.
 */
static inline int isalnum(int c) { return isalpha(c) || isdigit(c); }

/**
 * isxdigit() - Whether @c is a hexadecimal digit: 0-9, a-f or A-F.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: non-zero if it is.
 */
static inline int isxdigit(int c) { return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/**
 * isprint() - Whether @c is printable: space to '~'.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: non-zero if it is.
 */
static inline int isprint(int c) { return c >= 0x20 && c < 0x7f; }

/**
 * iscntrl() - Whether @c is a control character: 0 to 0x1f, or DEL (0x7f).
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: non-zero if it is.
 */
static inline int iscntrl(int c) { return (c >= 0 && c < 0x20) || c == 0x7f; }

/**
 * tolower() - @c in lower case, if it is an upper-case letter.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: the lower-case letter, or @c unchanged.
 */
static inline int tolower(int c) { return isupper(c) ? c - 'A' + 'a' : c; }

/**
 * toupper() - @c in upper case, if it is a lower-case letter.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: the upper-case letter, or @c unchanged.
 */
static inline int toupper(int c) { return islower(c) ? c - 'a' + 'A' : c; }

#endif
