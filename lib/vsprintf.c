/*
 * vsnprintf and friends: the formatter behind printk, and behind the user
 * libc's printf (one source, compiled for both: lib/format.h). Supports %d %i
 * %u %x %X %o %s %c %p %% with flags '-', '0', '+', ' ', '#', width and
 * precision ('*' too), length modifiers hh h l ll z, and %pS/%ps/%pB
 * (symbol+offset/size, symbol, and a return address in a backtrace) where
 * there is a symbol table: in the kernel; the user libc prints the address.
 * Tested case by case by tests/kernel/printk.c.
 */
#include <linux/ctype.h>
#include <linux/export.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include "format.h"

/* The kernel's (kernel/kallsyms.c); the user libc has none, and it is NULL there. */
extern typeof(sprint_symbol_fmt) sprint_symbol_fmt __attribute__((weak));

struct spec {
	bool left, zero, plus, space, alt;
	int width, precision; /* precision -1: none */
};

/* Appends one character: a full buffer is flushed, or (a string) the
 * character dropped; the count keeps going regardless. */
static void put(struct printf_sink *s, char c)
{
	if (s->len == s->size && s->flush)
		s->flush(s);
	if (s->len < s->size)
		s->buf[s->len++] = c;
	s->total++;
}

static void put_padded(struct printf_sink *o, const char *s, int len, const struct spec *sp)
{
	int pad = sp->width > len ? sp->width - len : 0;

	if (!sp->left)
		while (pad-- > 0)
			put(o, ' ');
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->left)
		while (pad-- > 0)
			put(o, ' ');
}

static void put_number(struct printf_sink *o, u64 num, bool negative, unsigned base, bool upper,
		       const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], prefix[3];
	int n = 0, np = 0, ndigits, pad;

	do {
		u32 rem;
		num = div_u64_rem(num, base, &rem);
		tmp[n++] = digits[rem];
	} while (num);
	if (sp->precision == 0 && n == 1 && tmp[0] == '0')
		n = 0; /* "%.0d" of 0 prints nothing, as in C */

	if (negative)
		prefix[np++] = '-';
	else if (sp->plus)
		prefix[np++] = '+';
	else if (sp->space)
		prefix[np++] = ' ';
	if (sp->alt && base == 16) {
		prefix[np++] = '0';
		prefix[np++] = upper ? 'X' : 'x';
	} else if (sp->alt && base == 8 && (n == 0 || tmp[n - 1] != '0')) {
		prefix[np++] = '0';
	}

	ndigits = sp->precision > n ? sp->precision : n;
	pad = sp->width - ndigits - np;
	if (!sp->left && !(sp->zero && sp->precision < 0))
		for (; pad > 0; pad--)
			put(o, ' ');
	for (int i = 0; i < np; i++)
		put(o, prefix[i]);
	if (!sp->left && sp->zero && sp->precision < 0)
		for (; pad > 0; pad--)
			put(o, '0');
	for (int i = n; i < ndigits; i++)
		put(o, '0');
	while (n)
		put(o, tmp[--n]);
	for (; pad > 0; pad--)
		put(o, ' ');
}

static void put_pointer(struct printf_sink *o, char kind, void *ptr, const struct spec *sp)
{
	char sym[KSYM_SYMBOL_LEN];
	struct spec hex = { .zero = true, .width = 8, .precision = -1 };

	if (kind && sprint_symbol_fmt) {
		put_padded(o, sym, sprint_symbol_fmt(sym, kind, (unsigned long)ptr), sp);
		return;
	}
	/* Plain %p: the raw address, 8 hex digits (Linux's %px). */
	put_number(o, (unsigned long)ptr, false, 16, false, &hex);
}

/* Parses the flags, width and precision after '%'. */
static const char *parse_spec(const char *fmt, struct spec *sp, va_list *args)
{
	*sp = (struct spec){ .precision = -1 };
	for (;; fmt++) {
		if (*fmt == '-')
			sp->left = true;
		else if (*fmt == '0')
			sp->zero = true;
		else if (*fmt == '+')
			sp->plus = true;
		else if (*fmt == ' ')
			sp->space = true;
		else if (*fmt == '#')
			sp->alt = true;
		else
			break;
	}
	if (*fmt == '*') {
		sp->width = va_arg(*args, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		fmt++;
	} else {
		while (isdigit(*fmt))
			sp->width = sp->width * 10 + (*fmt++ - '0');
	}
	if (*fmt == '.') {
		fmt++;
		sp->precision = 0;
		if (*fmt == '*') {
			sp->precision = va_arg(*args, int);
			fmt++;
		} else {
			while (isdigit(*fmt))
				sp->precision = sp->precision * 10 + (*fmt++ - '0');
		}
	}
	return fmt;
}

/* Reads an integer argument of the given length modifier ('H' is hh, 'q' is ll). */
static u64 fetch_int(va_list *args, char len, bool is_signed)
{
	if (len == 'q')
		return is_signed ? (u64)va_arg(*args, long long) : va_arg(*args, unsigned long long);
	if (is_signed) {
		long v = va_arg(*args, long);
		return len == 'H' ? (u64)(s64)(signed char)v
		       : len == 'h' ? (u64)(s64)(short)v : (u64)(s64)v;
	}
	unsigned long v = va_arg(*args, unsigned long);
	return len == 'H' ? (u8)v : len == 'h' ? (u16)v : v;
}

/**
 * vsprintf_sink() - Format @fmt and its arguments into a sink (lib/format.h).
 * @o:    the sink: a string, or a buffer its flush function empties
 * @fmt:  the format, as for vsnprintf()
 * @args: its arguments
 *
 * The engine of vsnprintf() and of the user libc's printf().
 *
 * Context: any context; does not sleep (unless the sink's flush does).
 */
void vsprintf_sink(struct printf_sink *o, const char *fmt, va_list args)
{
	va_list ap;

	va_copy(ap, args);
	for (; *fmt; fmt++) {
		struct spec sp;
		char len = 0;

		if (*fmt != '%') {
			put(o, *fmt);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &ap);
		if (*fmt == 'h') {
			len = *++fmt == 'h' ? (fmt++, 'H') : 'h';
		} else if (*fmt == 'l') {
			len = *++fmt == 'l' ? (fmt++, 'q') : 'l';
		} else if (*fmt == 'z') {
			len = 'z';
			fmt++;
		}

		switch (*fmt) {
		case 'd':
		case 'i': {
			s64 v = (s64)fetch_int(&ap, len, true);
			put_number(o, v < 0 ? -(u64)v : (u64)v, v < 0, 10, false, &sp);
			break;
		}
		case 'u':
			put_number(o, fetch_int(&ap, len, false), false, 10, false, &sp);
			break;
		case 'x':
		case 'X':
			put_number(o, fetch_int(&ap, len, false), false, 16, *fmt == 'X', &sp);
			break;
		case 'o':
			put_number(o, fetch_int(&ap, len, false), false, 8, false, &sp);
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);
			put_padded(o, &c, 1, &sp);
			break;
		}
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			int n = sp.precision >= 0 ? (int)strnlen(s, sp.precision) : (int)strlen(s);
			put_padded(o, s, n, &sp);
			break;
		}
		case 'p': {
			void *ptr = va_arg(ap, void *);
			char kind = fmt[1] && strchr("SsB", fmt[1]) ? *++fmt : 0;
			put_pointer(o, kind, ptr, &sp);
			break;
		}
		case '%':
			put(o, '%');
			break;
		default: /* unknown conversion: print it as is, so the bug is visible */
			put(o, '%');
			if (!*fmt)
				fmt--;
			else
				put(o, *fmt);
			break;
		}
	}
	va_end(ap);
}

/**
 * vsnprintf() - Format into a buffer of @size bytes, always terminated (if @size > 0).
 * @buf:  the buffer
 * @size: its size
 * @fmt:  the format: %d %i %u %x %X %o %s %c %p %%, flags, width, precision,
 *        length modifiers hh h l ll z, and %pS %ps %pB (kernel symbols)
 * @args: the arguments
 *
 * An unknown conversion is printed as is, so the bug shows.
 *
 * Context: any context; does not sleep.
 * Return: the length the whole text would have, even if it was cut short.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct printf_sink s = { .buf = buf, .size = size ? size - 1 : 0 };

	vsprintf_sink(&s, fmt, args);
	if (size)
		buf[s.len] = '\0';
	return s.total;
}
EXPORT_SYMBOL(vsnprintf);

/**
 * snprintf() - Format into a buffer of @size bytes, always terminated (if @size > 0).
 * @buf:  the buffer
 * @size: its size
 * @fmt:  the format, as for vsnprintf()
 * @...:  its arguments
 *
 * Context: any context; does not sleep.
 * Return: the length the whole text would have, even if it was cut short.
 */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(snprintf);

/**
 * vscnprintf() - vsnprintf() that returns what was actually written.
 * @buf:  the buffer
 * @size: its size
 * @fmt:  the format, as for vsnprintf()
 * @args: the arguments
 *
 * Context: any context; does not sleep.
 * Return: the characters written to @buf, without the NUL (0 if @size is 0).
 */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (!size)
		return 0;
	return n < (int)size ? n : (int)size - 1;
}
EXPORT_SYMBOL(vscnprintf);

/**
 * scnprintf() - snprintf() that returns what was actually written.
 * @buf:  the buffer
 * @size: its size
 * @fmt:  the format, as for vsnprintf()
 * @...:  its arguments
 *
 * Context: any context; does not sleep.
 * Return: the characters written to @buf, without the NUL.
 */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(scnprintf);

/**
 * sprintf() - Format into a buffer assumed big enough.
 * @buf: the buffer
 * @fmt: the format, as for vsnprintf()
 * @...: its arguments
 *
 * Prefer snprintf(): nothing stops an overflow here.
 *
 * Context: any context; does not sleep.
 * Return: the length written, without the NUL.
 */
int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(sprintf);
