/*
 * The flip buffer: between a terminal's top half and its bottom half (step 3
 * of the path of one keystroke, docs/tty.md). The interrupt handler adds the
 * bytes it drained from the device and pushes; the push queues
 * flush_to_ldisc on the "tty" workqueue, which hands the bytes to the line
 * discipline in process context. If the ring fills, the driver throttles
 * (stops taking bytes from the device) and flush_to_ldisc unthrottles it
 * once half the ring is free again.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>
#include <linux/workqueue.h>

static struct workqueue_struct *tty_wq;

static unsigned int space_locked(const struct tty_bufhead *buf)
{
	return TTY_FLIPBUF_SIZE - (buf->head - buf->tail);
}

static void add_locked(struct tty_bufhead *buf, unsigned char ch, char flag)
{
	buf->chars[buf->head % TTY_FLIPBUF_SIZE] = ch;
	buf->flags[buf->head % TTY_FLIPBUF_SIZE] = flag;
	buf->head++;
}

/**
 * tty_insert_flip_char() - Add one received character to the flip buffer.
 * @port: the terminal's port
 * @ch:   the character
 * @flag: TTY_NORMAL, or what went wrong receiving it (TTY_BREAK, TTY_FRAME, TTY_PARITY)
 *
 * Context: any context, never sleeps; typically the driver's interrupt handler.
 * Return: 1, or 0 if the buffer was full (the character is counted as dropped).
 */
int tty_insert_flip_char(struct tty_port *port, unsigned char ch, char flag)
{
	struct tty_bufhead *buf = &port->buf;
	unsigned long flags;
	int added = 0;

	spin_lock_irqsave(&buf->lock, flags);
	if (space_locked(buf)) {
		add_locked(buf, ch, flag);
		added = 1;
	} else {
		buf->dropped++;
	}
	spin_unlock_irqrestore(&buf->lock, flags);
	return added;
}

/**
 * tty_insert_flip_string() - Add received characters to the flip buffer.
 * @port:  the terminal's port
 * @chars: the characters, all TTY_NORMAL
 * @size:  how many
 *
 * Context: any context, never sleeps.
 * Return: how many fitted; the rest are counted as dropped.
 */
int tty_insert_flip_string(struct tty_port *port, const unsigned char *chars, size_t size)
{
	struct tty_bufhead *buf = &port->buf;
	unsigned long flags;
	size_t n;

	spin_lock_irqsave(&buf->lock, flags);
	n = min(size, (size_t)space_locked(buf));
	for (size_t i = 0; i < n; i++)
		add_locked(buf, chars[i], TTY_NORMAL);
	buf->dropped += size - n;
	spin_unlock_irqrestore(&buf->lock, flags);
	return n;
}

/**
 * tty_buffer_space_avail() - Room left in the flip buffer.
 * @port: the terminal's port
 *
 * Context: any context, never sleeps.
 * Return: how many characters would fit now.
 */
unsigned int tty_buffer_space_avail(struct tty_port *port)
{
	unsigned long flags;
	unsigned int space;

	spin_lock_irqsave(&port->buf.lock, flags);
	space = space_locked(&port->buf);
	spin_unlock_irqrestore(&port->buf.lock, flags);
	return space;
}

/**
 * tty_buffer_throttle() - The driver stopped receiving because the buffer is full.
 * @port: the terminal's port
 *
 * The bottom half calls the port's unthrottle once half the buffer is free.
 *
 * Context: any context, never sleeps; the driver's interrupt handler.
 */
void tty_buffer_throttle(struct tty_port *port)
{
	WRITE_ONCE(port->buf.throttled, true);
}

/**
 * tty_flip_buffer_push() - Hand what was added to the bottom half.
 * @port: the terminal's port
 *
 * Queues flush_to_ldisc (once, however often it is called before it runs).
 * The line discipline calls it too, when a reader made room after it had
 * stopped taking bytes.
 *
 * Context: any context, never sleeps.
 */
void tty_flip_buffer_push(struct tty_port *port)
{
	queue_work(tty_wq, &port->buf.work);
}

/**
 * tty_buffer_flush() - Throw away what the bottom half has not taken yet.
 * @port: the terminal's port
 *
 * Context: any context, never sleeps.
 */
void tty_buffer_flush(struct tty_port *port)
{
	unsigned long flags;

	spin_lock_irqsave(&port->buf.lock, flags);
	port->buf.tail = port->buf.head;
	spin_unlock_irqrestore(&port->buf.lock, flags);
}

/**
 * tty_buffer_drained() - Whether the bottom half has taken everything.
 * @port: the terminal's port
 *
 * Context: any context, never sleeps (for tests that wait for it).
 * Return: true if the flip buffer is empty and no flush_to_ldisc is queued.
 */
bool tty_buffer_drained(struct tty_port *port)
{
	return READ_ONCE(port->buf.head) == READ_ONCE(port->buf.tail) &&
	       !work_pending(&port->buf.work);
}

/* Copies up to n waiting bytes out, without taking them: 0 if none. */
static unsigned int peek(struct tty_bufhead *buf, unsigned char *cp, char *fp, unsigned int n)
{
	unsigned long flags;

	spin_lock_irqsave(&buf->lock, flags);
	n = min(n, buf->head - buf->tail);
	for (unsigned int i = 0; i < n; i++) {
		cp[i] = buf->chars[(buf->tail + i) % TTY_FLIPBUF_SIZE];
		fp[i] = buf->flags[(buf->tail + i) % TTY_FLIPBUF_SIZE];
	}
	spin_unlock_irqrestore(&buf->lock, flags);
	return n;
}

/* Takes n bytes (a flush meanwhile may already have taken them). */
static void consume(struct tty_bufhead *buf, unsigned int n)
{
	unsigned long flags;

	spin_lock_irqsave(&buf->lock, flags);
	buf->tail += min(n, buf->head - buf->tail);
	buf->pushed += n;
	spin_unlock_irqrestore(&buf->lock, flags);
}

/*
 * The bottom half: a work item, so it runs in process context (a kworker of
 * the "tty" workqueue) and the line discipline may take its mutex. It stops
 * early when N_TTY has no room; N_TTY pushes again when a reader made some.
 */
static void flush_to_ldisc(struct work_struct *work)
{
	struct tty_port *port = container_of(work, struct tty_port, buf.work);
	struct tty_bufhead *buf = &port->buf;
	unsigned char cp[128];
	char fp[128];
	unsigned int n;

	mutex_lock(&buf->work_lock);
	while (port->tty && (n = peek(buf, cp, fp, sizeof(cp)))) {
		size_t taken = n_tty_receive_buf(port->tty, cp, fp, n);

		consume(buf, taken);
		if (taken < n)
			break;
	}
	if (READ_ONCE(buf->throttled) && tty_buffer_space_avail(port) >= TTY_FLIPBUF_SIZE / 2) {
		WRITE_ONCE(buf->throttled, false);
		if (port->ops && port->ops->unthrottle)
			port->ops->unthrottle(port);
	}
	mutex_unlock(&buf->work_lock);
}

/**
 * tty_port_init() - Set up a port's flip buffer.
 * @port: the port, zeroed
 *
 * Context: process context.
 */
void tty_port_init(struct tty_port *port)
{
	spin_lock_init(&port->buf.lock);
	mutex_init(&port->buf.work_lock);
	INIT_WORK(&port->buf.work, flush_to_ldisc);
}

/* One workqueue for every terminal's bottom half (docs/tty.md says why a workqueue). */
static int __init tty_buffer_init(void)
{
	tty_wq = alloc_workqueue("tty", 0, 0);
	return tty_wq ? 0 : -ENOMEM;
}
core_initcall(tty_buffer_init);
