/* Character classes for the parsers (ASCII only). */
#ifndef _LINUX_CTYPE_H
#define _LINUX_CTYPE_H
/**
 * isdigit() - Whether @c is a decimal digit, '0'-'9'.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: nonzero if it is.
 */
static inline int isdigit(int c) { return c >= '0' && c <= '9'; }
/**
 * isspace() - Whether @c is white space: space, \t, \n, \v, \f or \r.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: nonzero if it is.
 */
static inline int isspace(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
/**
 * islower() - Whether @c is a lowercase ASCII letter.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: nonzero if it is.
 */
static inline int islower(int c) { return c >= 'a' && c <= 'z'; }
/**
 * isupper() - Whether @c is an uppercase ASCII letter.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: nonzero if it is.
 */
static inline int isupper(int c) { return c >= 'A' && c <= 'Z'; }
/**
 * isalpha() - Whether @c is an ASCII letter.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: nonzero if it is.
 */
static inline int isalpha(int c) { return islower(c) || isupper(c); }
/**
 * isalnum() - Whether @c is an ASCII letter or digit.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: nonzero if it is.
 */
static inline int isalnum(int c) { return isalpha(c) || isdigit(c); }
/**
 * isxdigit() - Whether @c is a hexadecimal digit.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: nonzero if it is.
 */
static inline int isxdigit(int c) { return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
/**
 * isprint() - Whether @c is a printable ASCII character, space included.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: nonzero if it is.
 */
static inline int isprint(int c) { return c >= 0x20 && c < 0x7f; }
/**
 * tolower() - The lowercase of an ASCII letter.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: @c lowered if it is an uppercase letter, else @c.
 */
static inline int tolower(int c) { return isupper(c) ? c - 'A' + 'a' : c; }
/**
 * toupper() - The uppercase of an ASCII letter.
 * @c: the character
 *
 * Context: any context; does not sleep.
 * Return: @c raised if it is a lowercase letter, else @c.
 */
static inline int toupper(int c) { return islower(c) ? c - 'a' + 'A' : c; }
#endif
