/*
 * KTAP suite `level_storm`: a real level-triggered interrupt storm, and
 * Linux's ways out of it (kernel/irq/spurious.c). QEMU's edu device
 * (-device edu) holds its INTx pin asserted until a driver acknowledges the
 * cause. The suite takes the device from its driver (drivers/misc/edu.c)
 * and plays the drivers a student might write instead:
 *
 *   - one that forgets to acknowledge: it reads the wrong register, finds
 *     nothing and returns IRQ_NONE, so the line interrupts again the moment
 *     it is unmasked. The kernel must survive it like Linux: "irq N: nobody
 *     cared", "Disabling IRQ #N", user programs keep running, the disabled
 *     line is still polled every HZ/10, and a handler that does acknowledge,
 *     added to the shared line, gets it enabled again;
 *   - one whose interrupt the firmware routed to the wrong line (it listens
 *     on another): with `irqfixup` every arrival nobody claims is offered to
 *     the other lines' handlers; `irqpoll` also polls every line, which
 *     finds the device even when no interrupt arrives at all.
 *
 * The device goes back to its own driver after each case. Cases skip on a
 * machine without -device edu; the misrouted case runs only when booted with
 * `irqfixup` or `irqpoll` (configurations storm-edu-irqfixup and
 * storm-edu-irqpoll), the storm only without them.
 */
#include <asm/io.h>
#include <kunit/test.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/irqdesc.h>
#include <linux/pci.h>
#include <linux/pci_ids.h>
#include "../../drivers/misc/edu.h"
#include "helpers.h"
#include "user_helpers.h"

#define WRONG_LINE (IRQ_SIM_BASE + 9) /* where the "firmware" routes edu's handler */
#define EDU_REG_STATUS 0x20           /* what the forgetful handler reads instead */
#define EDU_STATUS_COMPUTING 0x01

/* One of the student's handlers, and how often it ran. */
struct handler {
	const char *name;
	bool acknowledges;
	unsigned int calls;
	unsigned int acks, acks_in_hardirq; /* the poller runs handlers from a timer */
};

static struct pci_dev *edu_pdev;
static void __iomem *regs; /* BAR 0, mapped by the suite's own driver */

static irqreturn_t student_interrupt(int irq, void *data)
{
	struct handler *h = data;
	u32 causes;

	(void)irq;
	h->calls++;
	if (!h->acknowledges) {
		/* The mistake: the status register, not the interrupt status. */
		return ioread32(regs + EDU_REG_STATUS) & EDU_STATUS_COMPUTING ? IRQ_HANDLED : IRQ_NONE;
	}
	causes = ioread32(regs + EDU_REG_IRQ_STATUS);
	if (!causes)
		return IRQ_NONE;
	iowrite32(causes, regs + EDU_REG_IRQ_ACK);
	h->acks++;
	h->acks_in_hardirq += !!in_hardirq();
	return IRQ_HANDLED;
}

static int student_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err;

	(void)id;
	err = pci_enable_device(pdev);
	if (err)
		return err;
	regs = pci_iomap(pdev, 0, 0);
	err = regs ? pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_LEGACY) : -ENOMEM;
	if (err < 0) {
		if (regs)
			pci_iounmap(pdev, regs);
		pci_disable_device(pdev);
		return err;
	}
	return 0;
}

static void student_remove(struct pci_dev *pdev)
{
	pci_iounmap(pdev, regs);
	pci_disable_device(pdev);
}

static const struct pci_device_id edu_id[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_QEMU, EDU_DEVICE_ID) },
	{ }
};

static struct pci_driver student_driver = {
	.name = "edu-student",
	.id_table = edu_id,
	.probe = student_probe,
	.remove = student_remove,
};

/* Takes the device from edu's driver and gives it to the student's. */
static int setup(struct kunit *test)
{
	edu_pdev = pci_get_device(PCI_VENDOR_ID_QEMU, EDU_DEVICE_ID, NULL);
	if (!edu_pdev)
		return 0;
	device_release_driver(&edu_pdev->dev);
	KUNIT_ASSERT_TRUE(test, !edu_pdev->driver);
	KUNIT_ASSERT_EQ(test, pci_register_driver(&student_driver), 0);
	KUNIT_ASSERT_TRUE(test, edu_pdev->driver == &student_driver);
	return 0;
}

/* Gives the device back to edu's driver and checks that it works. */
static void teardown(struct kunit *test)
{
	struct edu_device *edu;
	u32 result = 0;

	if (!edu_pdev)
		return;
	iowrite32(~0u, regs + EDU_REG_IRQ_ACK); /* whatever a case left pending */
	pci_unregister_driver(&student_driver);
	KUNIT_EXPECT_EQ(test, device_attach(&edu_pdev->dev), 1);
	edu = edu_find(0);
	KUNIT_ASSERT_NOT_NULL(test, edu);
	KUNIT_EXPECT_EQ(test, edu_factorial(edu, 5, &result), 0);
	KUNIT_EXPECT_EQ(test, result, 120u);
}

static void need_edu(struct kunit *test)
{
	if (!edu_pdev)
		kunit_skip(test, "no edu device (QEMU -device edu)");
}

static bool nobody_cared(unsigned int irq)
{
	return READ_ONCE(irq_to_desc(irq)->istate) & IRQS_SPURIOUS_DISABLED;
}

static void a_level_line_nobody_acknowledges_is_disabled_and_user_mode_runs_on(struct kunit *test)
{
	struct handler forgetful = { .name = "forgetful" }, fixed = { .name = "fixed", .acknowledges = true };
	unsigned int irq, polled;

	need_edu(test);
	if (irqfixup)
		kunit_skip(test, "booted with irqfixup/irqpoll: the storm is the other configuration's");
	irq = edu_pdev->irq;
	KUNIT_ASSERT_EQ(test, request_irq(irq, student_interrupt, IRQF_SHARED, "forgetful", &forgetful),
			0);
	kunit_expect_report(test, "irq %u: nobody cared (try booting with the \"irqpoll\" option)",
			    irq);
	/* Raised once, never acknowledged: the pin stays up. */
	iowrite32(EDU_IRQ_FACT, regs + EDU_REG_IRQ_RAISE);
	KUNIT_ASSERT_TRUE(test, wait_until(nobody_cared(irq), 60000));
	KUNIT_EXPECT_GE(test, forgetful.calls, 99900u);
	KUNIT_EXPECT_EQ(test, ioread32(regs + EDU_REG_IRQ_STATUS), (u32)EDU_IRQ_FACT); /* still up */
	/* The machine is not livelocked: a user program runs and sees the line off. */
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/proc_test", "/proc/interrupts",
							   "disabled: nobody cared", "1", NULL));
	/* Linux's recovery: the handlers of a line nobody cared about are polled. */
	polled = forgetful.calls;
	KUNIT_EXPECT_TRUE(test, wait_until(forgetful.calls >= polled + 2, 5000));
	/* A handler that acknowledges joins the shared line: it comes back, quiet. */
	KUNIT_ASSERT_EQ(test, request_irq(irq, student_interrupt, IRQF_SHARED, "fixed", &fixed), 0);
	KUNIT_EXPECT_FALSE(test, nobody_cared(irq));
	KUNIT_EXPECT_TRUE(test, wait_until(!ioread32(regs + EDU_REG_IRQ_STATUS), 5000));
	KUNIT_EXPECT_GE(test, fixed.calls, 1u);
	polled = forgetful.calls;
	iowrite32(EDU_IRQ_FACT, regs + EDU_REG_IRQ_RAISE); /* and the next interrupt is handled */
	KUNIT_EXPECT_TRUE(test, wait_until(!ioread32(regs + EDU_REG_IRQ_STATUS), 5000));
	KUNIT_EXPECT_FALSE(test, nobody_cared(irq));
	free_irq(irq, &fixed);
	free_irq(irq, &forgetful);
}

static void a_misrouted_interrupt_is_found_with_irqfixup_or_irqpoll(struct kunit *test)
{
	struct handler other = { .name = "other" }, misrouted = { .name = "misrouted", .acknowledges = true };
	struct irq_desc *desc;
	unsigned int irq, unhandled, arrivals, acks, i;

	need_edu(test);
	if (!irqfixup)
		kunit_skip(test, "boot with irqfixup or irqpoll (configurations storm-edu-irq*)");
	irq = edu_pdev->irq;
	desc = irq_to_desc(irq);
	/* edu's line is shared with a quiet device; edu's own handler was put on
	 * another line, as broken firmware routing tables do. */
	KUNIT_ASSERT_EQ(test, request_irq(irq, student_interrupt, IRQF_SHARED, "other", &other), 0);
	KUNIT_ASSERT_EQ(test, request_irq(WRONG_LINE, student_interrupt, IRQF_SHARED, "misrouted",
					  &misrouted), 0);
	unhandled = desc->irqs_unhandled;
	arrivals = kstat_irqs(irq);
	for (i = 0; i < 200; i++) {
		iowrite32(EDU_IRQ_FACT, regs + EDU_REG_IRQ_RAISE);
		if (!wait_until(!ioread32(regs + EDU_REG_IRQ_STATUS), 5000))
			break;
	}
	KUNIT_EXPECT_EQ(test, i, 200u);
	/* They arrived on edu's line and were found at once, in hardirq context, on
	 * the other: not by the poller, which would take up to HZ/10 each. */
	KUNIT_EXPECT_GE(test, kstat_irqs(irq) - arrivals, 100u);
	KUNIT_EXPECT_GE(test, misrouted.acks_in_hardirq, 100u);
	/* Every arrival found its handler. Not so with irqpoll: the poller may
	 * answer a raise whose arrival still waits for a CPU the host did not run
	 * (it then finds nothing), or an arrival may come while the poller runs,
	 * when the search gives way to it (Linux's misrouted_irq() does too). */
	if (irqfixup == IRQFIXUP_MISROUTED)
		KUNIT_EXPECT_EQ(test, desc->irqs_unhandled, unhandled);
	KUNIT_EXPECT_FALSE(test, nobody_cared(irq));
	/* With no handler on edu's line it stays masked: only polling finds the device. */
	free_irq(irq, &other);
	acks = misrouted.acks - misrouted.acks_in_hardirq;
	iowrite32(EDU_IRQ_FACT, regs + EDU_REG_IRQ_RAISE);
	if (irqfixup == IRQFIXUP_POLL) {
		KUNIT_EXPECT_TRUE(test, wait_until(!ioread32(regs + EDU_REG_IRQ_STATUS), 5000));
		KUNIT_EXPECT_EQ(test, misrouted.acks - misrouted.acks_in_hardirq, acks + 1);
	} else {
		/* irqfixup searches only when an arrival comes, and none comes on a
		 * masked line: five poll intervals later the device still waits. */
		KUNIT_EXPECT_FALSE(test, wait_until(!ioread32(regs + EDU_REG_IRQ_STATUS), 500));
		KUNIT_EXPECT_EQ(test, misrouted.acks, misrouted.acks_in_hardirq); /* no poller */
	}
	free_irq(WRONG_LINE, &misrouted);
}

static struct kunit_case level_storm_cases[] = {
	KUNIT_CASE(a_level_line_nobody_acknowledges_is_disabled_and_user_mode_runs_on),
	KUNIT_CASE(a_misrouted_interrupt_is_found_with_irqfixup_or_irqpoll),
	{}
};

static struct kunit_suite level_storm_suite = {
	.name = "level_storm",
	.init = setup,
	.exit = teardown,
	.test_cases = level_storm_cases,
};
kunit_test_suite(level_storm_suite);
