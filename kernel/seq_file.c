/* seq_file: listings rendered into a buffer (include/linux/seq_file.h). */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

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

void seq_puts(struct seq_file *m, const char *s)
{
	seq_printf(m, "%s", s);
}

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
