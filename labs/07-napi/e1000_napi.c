/*
 * Lab 7: the NAPI part of the e1000 driver (README.md says what to do).
 *
 * This file is the kernel's drivers/net/e1000_napi.c with its insides
 * taken out: the rest of the driver - the card, the interface, the PCI
 * probe (e1000.c) and the descriptor rings (e1000_rings.c) - is the
 * kernel's own, linked here, and calls the four functions below:
 *
 *   e1000_intr()        the top half: request_irq's handler (e1000_open)
 *   e1000_poll()        the bottom half: the NAPI poll (netif_napi_add, e1000_probe)
 *   e1000_napi_start()  once the rings are ready (ndo_open, e1000_up)
 *   e1000_napi_stop()   before the rings are freed (ndo_stop, e1000_down)
 *
 * As they are, they build and load, and receive nothing.
 *
 * What you may call: e1000_clean_rx(a, budget) takes at most budget
 * received frames off the ring and returns how many; e1000_clean_tx(a)
 * frees the buffers of sent frames; er32(a, REG) and ew32(a, REG, val)
 * read and write the card's registers (e1000.h): E1000_ICR (reading it
 * acknowledges every cause), E1000_IMS (unmask: E1000_IMS_ENABLE),
 * E1000_IMC (mask: ~0u).
 *
 * Build it:   make -C ../.. M=$PWD          (e1000napi.ko)
 * Grade it:   make -C ../.. grade LAB=07
 */
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include "e1000.h"

/* The top half, in hardirq context: eth0 and eth1 share IRQ 11. */
irqreturn_t e1000_intr(int irq, void *data)
{
	struct e1000_adapter *a = data;
	u32 icr = er32(a, E1000_ICR); /* reading ICR acknowledges every cause */

	if (!icr)
		return IRQ_NONE; /* another device on the shared line */
	if (icr & E1000_ICR_LSC)
		schedule_work(&a->link_work); /* the link changed: e1000.c follows it */
	/*
	 * TODO 1: hand the frames to the bottom half. Claim the NAPI context
	 * (napi_schedule_prep); if it was yours, mask every cause of the card
	 * (it stays quiet until the poll has emptied the ring) and schedule
	 * the poll (__napi_schedule). Nothing else: the frames are not touched
	 * here, in hardirq context.
	 */
	return IRQ_HANDLED;
}

/*
 * The bottom half: the NET_RX softirq calls it on the CPU that scheduled it
 * (at the end of the interrupt, or later in ksoftirqd). Softirq context:
 * nothing here may sleep. Returns how many frames it took.
 */
int e1000_poll(struct napi_struct *napi, int budget)
{
	struct e1000_adapter *a = container_of(napi, struct e1000_adapter, napi);
	int work = 0;

	e1000_clean_tx(a);
	/*
	 * TODO 2: take at most @budget frames off the ring. If you took your
	 * whole budget there may be more: return it and change nothing (NAPI
	 * polls you again, after the other devices - or in ksoftirqd). Only
	 * if you took less, the ring is empty: complete the poll
	 * (napi_complete_done) and, if that says it is complete, unmask the
	 * card (E1000_IMS_ENABLE), so that the next frame interrupts again.
	 */
	return work;
}

/*
 * Called by e1000_up() (ndo_open) once the rings are filled and the card
 * configured, in process context.
 */
void e1000_napi_start(struct e1000_adapter *a)
{
	/*
	 * TODO 3: let the two halves run. The NAPI context starts disabled
	 * (netif_napi_add): enable it first, then unmask the card.
	 */
}

/*
 * Called by e1000_down() (ndo_stop, rmmod) once the card stopped receiving,
 * in process context (it may sleep); e1000_down() frees the rings next.
 */
void e1000_napi_stop(struct e1000_adapter *a)
{
	/*
	 * TODO 4: when this returns, nothing may touch the rings any more.
	 * Mask the card; wait for a handler still running on the other CPU
	 * (synchronize_irq(a->pdev->irq)); then for a poll still scheduled or
	 * running, which also keeps it from being scheduled again. The last
	 * poll may have unmasked the card: mask it again, and acknowledge
	 * what it raised meanwhile (read E1000_ICR).
	 */
}
