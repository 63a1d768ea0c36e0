/* seq_file: listings rendered into a buffer (include/linux/seq_file.h). */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

/**
 * seq_printf() - Append formatted text to a listing.
 * @m:   the seq_file
 * @fmt: the format (vsnprintf()'s)
 * @...: its arguments
 *
 * Text beyond the buffer is cut and the listing marked as overflowed.
 *
 * Context: any context; does not sleep.
 */
void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(m->buf + m->count, m->size - m->count, fmt, args);
	va_end(args);
	if (m->count + n >= m->size) {
		m->overflow = true;
		m->count = m->size - 1;
	} else {
		m->count += n;
	}
}
EXPORT_SYMBOL(seq_printf);

/**
 * seq_puts() - Append a string to a listing.
 * @m: the seq_file
 * @s: the string
 *
 * Context: any context; does not sleep.
 */
void seq_puts(struct seq_file *m, const char *s)
{
	seq_printf(m, "%s", s);
}
EXPORT_SYMBOL(seq_puts);

/**
 * seq_print_to_log() - Render a listing and print it to the kernel log, line by line.
 * @show: the listing's show function (e.g. show_interrupts())
 *
 * Context: process context; may sleep (allocates its buffer with GFP_KERNEL).
 */
void seq_print_to_log(int (*show)(struct seq_file *m))
{
	struct seq_file m = { .size = 16384 };
	char *line, *rest;

	m.buf = kmalloc(m.size, GFP_KERNEL);
	if (!m.buf)
		return;
	m.buf[0] = '\0';
	show(&m);
	rest = m.buf;
	while ((line = strsep(&rest, "\n")))
		if (*line || rest)
			pr_info("%s\n", line);
	if (m.overflow)
		pr_info("(listing truncated)\n");
	kfree(m.buf);
}
