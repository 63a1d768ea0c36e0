/* What an interrupt handler tells the IRQ layer. */
#ifndef _LINUX_IRQRETURN_H
#define _LINUX_IRQRETURN_H

typedef enum irqreturn {
	IRQ_NONE = 0,        /* not my device: on a shared line, someone else's interrupt */
	IRQ_HANDLED = 1,     /* mine, dealt with */
	IRQ_WAKE_THREAD = 2, /* mine; wake the handler thread for the rest */
} irqreturn_t;

#define IRQ_RETVAL(x) ((x) ? IRQ_HANDLED : IRQ_NONE)

#endif
