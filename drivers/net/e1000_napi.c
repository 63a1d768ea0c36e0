/*
 * The e1000's two halves (drivers/net/e1000.c has the whole driver's
 * story): the top half in hardirq context masks the card and schedules the
 * NAPI poll; the poll, in the NET_RX softirq (or ksoftirqd), takes at most
 * its budget of frames and unmasks the card only when the ring is empty.
 * Starting and stopping them: NAPI enabled before the card may interrupt,
 * and at the end no handler and no poll left running before the rings go.
 * Lab 7 (labs/07-napi) has students write this file.
 */
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/sched.h>
#include "e1000.h"

/**
 * e1000_intr() - The top half: acknowledge the card, mask it, schedule the poll.
 * @irq:  the interrupt line
 * @data: the adapter
 *
 * Context: hardirq context, on the line's CPU.
 * Return: IRQ_HANDLED, or IRQ_NONE if the card had no cause (a shared line).
 */
irqreturn_t e1000_intr(int irq, void *data)
{
	struct e1000_adapter *a = data;
	u32 icr = er32(a, E1000_ICR); /* reading ICR acknowledges every cause */

	(void)irq;
	if (!icr)
		return IRQ_NONE; /* another device on the shared line */
	a->count.interrupts++;
	a->count.rx_causes += !!(icr & E1000_ICR_RXT0);
	if (icr & E1000_ICR_LSC)
		schedule_work(&a->link_work);
	if (napi_schedule_prep(&a->napi)) {
		if (a->irq_mode == E1000_NAPI_ITR)
			ew32(a, E1000_IMC, ~0u); /* quiet until the poll has emptied the ring */
		__napi_schedule(&a->napi);
	}
	return IRQ_HANDLED;
}

/**
 * e1000_poll() - The bottom half: the NAPI poll.
 * @napi:   the adapter's NAPI context
 * @budget: at most this many frames
 *
 * Context: the NET_RX softirq, at irq_exit or in ksoftirqd; never sleeps.
 * Return: the frames taken; @budget if there may be more (stays scheduled).
 */
int e1000_poll(struct napi_struct *napi, int budget)
{
	struct e1000_adapter *a = container_of(napi, struct e1000_adapter, napi);
	int work;

	a->count.polls++;
	a->count.polls_in_ksoftirqd += current == this_cpu_read(ksoftirqd);
	e1000_clean_tx(a);
	work = e1000_clean_rx(a, budget);
	a->count.max_work = max(a->count.max_work, (unsigned int)work);
	if (work == budget) {
		a->count.full_polls++;
		return work; /* more frames: stay scheduled, interrupts stay masked */
	}
	if (napi_complete_done(napi, work))
		ew32(a, E1000_IMS, E1000_IMS_ENABLE);
	return work;
}

/**
 * e1000_napi_start() - Let the two halves run: NAPI on, the card's interrupts unmasked.
 * @a: the adapter, its rings filled and the card configured
 *
 * Context: process context (ndo_open, a reset).
 */
void e1000_napi_start(struct e1000_adapter *a)
{
	napi_enable(&a->napi);
	ew32(a, E1000_IMS, E1000_IMS_ENABLE);
}

/**
 * e1000_napi_stop() - Stop the two halves: no handler running, no poll scheduled.
 * @a: the adapter, its card no longer receiving
 *
 * Afterwards nothing touches the rings: they may be freed.
 *
 * Context: process context; may sleep (ndo_stop, a reset).
 */
void e1000_napi_stop(struct e1000_adapter *a)
{
	ew32(a, E1000_IMC, ~0u);
	synchronize_irq(a->pdev->irq); /* a handler running on another CPU is done */
	napi_disable(&a->napi);        /* waits for a scheduled or running poll */
	ew32(a, E1000_IMC, ~0u);       /* the last poll may have unmasked it */
	er32(a, E1000_ICR);
}
