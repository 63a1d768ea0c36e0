/* The printf engine: conversions, field widths and padding (format.h). */
#include <string.h>
#include <unistd.h>
#include "format.h"

struct spec {
	int left;	/* '-': pad on the right */
	char pad;	/* '0' or ' ' */
	int width;
	int longs;	/* length modifier: 0, 1 (l) or 2 (ll) */
};

void sink_flush(struct sink *s)
{
	size_t done = 0;

	while (done < s->len && !s->failed) {
		ssize_t n = write(s->fd, s->buf + done, s->len - done);

		if (n <= 0)
			s->failed = 1;
		else
			done += n;
	}
	s->len = 0;
}

static void put(struct sink *s, char c)
{
	if (s->len == s->size && s->fd >= 0)
		sink_flush(s);
	if (s->len < s->size)
		s->buf[s->len++] = c;
	s->total++;
}

static void put_n(struct sink *s, const char *text, size_t n)
{
	while (n--)
		put(s, *text++);
}

static void repeat(struct sink *s, char c, int n)
{
	while (n-- > 0)
		put(s, c);
}

/* One conversion's text: a prefix (sign or "0x") and a body, padded to the field width. */
static void field(struct sink *s, const struct spec *sp, const char *prefix,
		  const char *body, size_t len)
{
	size_t plen = strlen(prefix);
	int pad = sp->width - (int)(plen + len);

	if (!sp->left && sp->pad == ' ')
		repeat(s, ' ', pad);
	put_n(s, prefix, plen);
	if (!sp->left && sp->pad == '0')
		repeat(s, '0', pad);
	put_n(s, body, len);
	if (sp->left)
		repeat(s, ' ', pad);
}

/* *n /= base, returning the remainder: two 32-bit divides, so no libgcc __udivdi3. */
static unsigned int div_base(unsigned long long *n, unsigned int base)
{
	unsigned int hi = *n >> 32, lo = *n, rem = hi % base;

	hi /= base;
	__asm__("divl %4" : "=a"(lo), "=d"(rem) : "0"(lo), "1"(rem), "rm"(base));
	*n = (unsigned long long)hi << 32 | lo;
	return rem;
}

static void number(struct sink *s, const struct spec *sp, const char *prefix,
		   unsigned long long v, unsigned int base, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char text[20]; /* 2^64 - 1 has 20 decimal digits */
	char *p = text + sizeof(text);

	do
		*--p = digits[div_base(&v, base)];
	while (v);
	field(s, sp, prefix, p, text + sizeof(text) - p);
}

static unsigned long long unsigned_arg(va_list *ap, int longs)
{
	if (longs == 2)
		return va_arg(*ap, unsigned long long);
	if (longs == 1)
		return va_arg(*ap, unsigned long);
	return va_arg(*ap, unsigned int);
}

static long long signed_arg(va_list *ap, int longs)
{
	if (longs == 2)
		return va_arg(*ap, long long);
	if (longs == 1)
		return va_arg(*ap, long);
	return va_arg(*ap, int);
}

static void signed_number(struct sink *s, const struct spec *sp, va_list *ap)
{
	long long v = signed_arg(ap, sp->longs);

	/* Negating in unsigned arithmetic is right for the most negative value too. */
	number(s, sp, v < 0 ? "-" : "", v < 0 ? -(unsigned long long)v : (unsigned long long)v,
	       10, 0);
}

static void string(struct sink *s, struct spec *sp, const char *str)
{
	if (!str)
		str = "(null)";
	sp->pad = ' ';
	field(s, sp, "", str, strlen(str));
}

static void character(struct sink *s, struct spec *sp, char c)
{
	sp->pad = ' ';
	field(s, sp, "", &c, 1);
}

/* The conversion after a '%' at fmt: emits it, returns where the format goes on. */
static const char *conversion(struct sink *s, const char *fmt, va_list *ap)
{
	const char *percent = fmt - 1;
	struct spec sp = { .pad = ' ' };

	for (;; fmt++) {
		if (*fmt == '-')
			sp.left = 1;
		else if (*fmt == '0')
			sp.pad = '0';
		else
			break;
	}
	while (*fmt >= '0' && *fmt <= '9')
		sp.width = sp.width * 10 + *fmt++ - '0';
	while (*fmt == 'l' && sp.longs < 2)
		sp.longs++, fmt++;

	switch (*fmt) {
	case 'd':
	case 'i':
		signed_number(s, &sp, ap);
		break;
	case 'u':
		number(s, &sp, "", unsigned_arg(ap, sp.longs), 10, 0);
		break;
	case 'x':
	case 'X':
		number(s, &sp, "", unsigned_arg(ap, sp.longs), 16, *fmt == 'X');
		break;
	case 'p':
		number(s, &sp, "0x", (unsigned long)va_arg(*ap, void *), 16, 0);
		break;
	case 's':
		string(s, &sp, va_arg(*ap, const char *));
		break;
	case 'c':
		character(s, &sp, va_arg(*ap, int));
		break;
	case '%':
		put(s, '%');
		break;
	case '\0': /* a '%' at the very end: print it as it is */
		put_n(s, percent, fmt - percent);
		return fmt;
	default: /* unknown: print the whole directive as it is */
		put_n(s, percent, fmt + 1 - percent);
	}
	return fmt + 1;
}

void format(struct sink *s, const char *fmt, va_list ap)
{
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt == '%')
			fmt = conversion(s, fmt + 1, &args);
		else
			put(s, *fmt++);
	}
	va_end(args);
}
