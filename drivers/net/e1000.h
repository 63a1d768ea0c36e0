/*
 * The Intel 82540EM (QEMU's "e1000"): its registers and descriptors, from
 * Intel's PCI/PCI-X Family of Gigabit Ethernet Controllers Software
 * Developer's Manual, and the driver's state (drivers/net/e1000.c,
 * e1000_rings.c, e1000_napi.c).
 */
#ifndef _DRIVERS_NET_E1000_H
#define _DRIVERS_NET_E1000_H
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#define E1000_DEV_ID_82540EM 0x100e

/* Registers: byte offsets into BAR 0. */
#define E1000_CTRL 0x0000
#define  E1000_CTRL_ASDE (1u << 5)  /* auto speed detection */
#define  E1000_CTRL_SLU (1u << 6)   /* set link up */
#define  E1000_CTRL_RST (1u << 26)  /* software reset (self-clearing) */
#define E1000_STATUS 0x0008
#define  E1000_STATUS_FD (1u << 0)
#define  E1000_STATUS_LU (1u << 1)  /* link up */
#define E1000_EERD 0x0014           /* EEPROM read: address in, word out */
#define  E1000_EERD_START (1u << 0)
#define  E1000_EERD_DONE (1u << 4)
#define  E1000_EERD_ADDR_SHIFT 8
#define  E1000_EERD_DATA_SHIFT 16
#define E1000_ICR 0x00c0            /* interrupt cause: reading it acknowledges */
#define E1000_ITR 0x00c4            /* interrupt throttling, in 256 ns units */
#define E1000_ICS 0x00c8            /* interrupt cause set: software raises causes */
#define E1000_IMS 0x00d0            /* interrupt mask set: enable causes */
#define E1000_IMC 0x00d8            /* interrupt mask clear: disable causes */
#define  E1000_ICR_TXDW (1u << 0)   /* a transmit descriptor was written back */
#define  E1000_ICR_LSC (1u << 2)    /* link status change */
#define  E1000_ICR_RXDMT0 (1u << 4) /* receive ring running low */
#define  E1000_ICR_RXO (1u << 6)    /* receiver overrun */
#define  E1000_ICR_RXT0 (1u << 7)   /* a frame was received */
#define E1000_RCTL 0x0100
#define  E1000_RCTL_EN (1u << 1)
#define  E1000_RCTL_LPE (1u << 5)   /* long packets (jumbo) */
#define  E1000_RCTL_BAM (1u << 15)  /* accept broadcast */
#define  E1000_RCTL_SZ_2048 0       /* buffer size 2048 (BSEX 0, BSIZE 00) */
#define  E1000_RCTL_SECRC (1u << 26) /* strip the Ethernet CRC */
#define E1000_TCTL 0x0400
#define  E1000_TCTL_EN (1u << 1)
#define  E1000_TCTL_PSP (1u << 3)   /* pad short packets */
#define  E1000_TCTL_CT (0x10u << 4) /* collision threshold */
#define  E1000_TCTL_COLD (0x40u << 12) /* collision distance, full duplex */
#define E1000_TIPG 0x0410
#define  E1000_TIPG_DEFAULT (10u | 8u << 10 | 6u << 20)
#define E1000_RDBAL 0x2800
#define E1000_RDBAH 0x2804
#define E1000_RDLEN 0x2808
#define E1000_RDH 0x2810
#define E1000_RDT 0x2818
#define E1000_RDTR 0x2820
#define E1000_RADV 0x282c
#define E1000_TDBAL 0x3800
#define E1000_TDBAH 0x3804
#define E1000_TDLEN 0x3808
#define E1000_TDH 0x3810
#define E1000_TDT 0x3818
#define E1000_MPC 0x4010            /* missed packets (statistics clear on read) */
#define E1000_RNBC 0x40a0           /* receive: no buffers */
#define E1000_RUC 0x40a4            /* receive undersize */
#define E1000_ROC 0x40ac            /* receive oversize */
#define E1000_MTA 0x5200            /* multicast table, 128 registers */
#define E1000_RAL0 0x5400
#define E1000_RAH0 0x5404
#define  E1000_RAH_AV (1u << 31)    /* address valid */

#define E1000_IMS_ENABLE (E1000_ICR_RXT0 | E1000_ICR_RXO | E1000_ICR_RXDMT0 | E1000_ICR_TXDW | \
			  E1000_ICR_LSC)

/* Descriptors: the card reads and writes them in memory by DMA. */
struct e1000_rx_desc {
	u64 buffer_addr;
	u16 length;
	u16 csum;
	u8 status; /* E1000_RXD_STAT_* */
	u8 errors;
	u16 special;
} __packed;
#define E1000_RXD_STAT_DD 0x01  /* descriptor done: the card wrote a frame here */
#define E1000_RXD_STAT_EOP 0x02 /* end of packet: the frame's last descriptor */

struct e1000_tx_desc {
	u64 buffer_addr;
	u16 length;
	u8 cso;
	u8 cmd; /* E1000_TXD_CMD_* */
	u8 status;
	u8 css;
	u16 special;
} __packed;
#define E1000_TXD_CMD_EOP 0x01  /* the frame's last descriptor */
#define E1000_TXD_CMD_IFCS 0x02 /* append the CRC */
#define E1000_TXD_CMD_RS 0x08   /* report status: write back DD when sent */
#define E1000_TXD_STAT_DD 0x01

#define E1000_RX_RING 256 /* descriptors; a multiple of 8 */
#define E1000_TX_RING 256
#define E1000_RX_BUF 2048

/* How the card interrupts (e1000_set_irq_mode). */
enum e1000_irq_mode {
	E1000_NAPI_ITR,     /* NAPI, and at most itr_per_sec interrupts a second (ITR) */
	E1000_IRQ_PER_FRAME, /* no throttling, the card never masked: one per frame */
};

/* What the two halves did, for the napi suite and the benchmarks. */
struct e1000_counters {
	unsigned int interrupts;  /* top-half calls that found a cause */
	unsigned int rx_causes;   /* ... with RXT0 */
	unsigned int polls;
	unsigned int full_polls;  /* polls that used their whole budget */
	unsigned int max_work;    /* the most frames one poll took */
	unsigned int polls_in_ksoftirqd;
	unsigned int link_checks;
};

struct e1000_adapter {
	struct net_device *netdev;
	struct pci_dev *pdev;
	void __iomem *hw;
	struct napi_struct napi;
	enum e1000_irq_mode irq_mode;
	unsigned int itr_per_sec;
	/* Receive ring: the card fills from RDH up to RDT; the driver cleans from rx_next_to_clean. */
	struct e1000_rx_desc *rx_ring;
	dma_addr_t rx_ring_dma;
	struct sk_buff *rx_skb[E1000_RX_RING];
	unsigned int rx_next_to_clean;
	bool rx_discarding; /* inside a frame that spans descriptors: dropped up to its EOP */
	/* Transmit ring: the driver adds at tx_next_to_use; the card's done ones are cleaned. */
	struct e1000_tx_desc *tx_ring;
	dma_addr_t tx_ring_dma;
	struct sk_buff *tx_skb[E1000_TX_RING];
	unsigned int tx_next_to_use, tx_next_to_clean;
	struct work_struct link_work;
	struct e1000_counters count;
	spinlock_t stats_lock; /* the hardware statistics registers clear on read */
};

/**
 * er32() - Read a card register.
 * @a:   the adapter
 * @reg: byte offset, E1000_*
 *
 * Context: any context.
 * Return: the value.
 */
static inline u32 er32(struct e1000_adapter *a, u32 reg) { return ioread32(a->hw + reg); }
/**
 * ew32() - Write a card register.
 * @a:   the adapter
 * @reg: byte offset, E1000_*
 * @val: the value
 *
 * Context: any context.
 */
static inline void ew32(struct e1000_adapter *a, u32 reg, u32 val) { iowrite32(val, a->hw + reg); }

/* The descriptor rings (e1000_rings.c). */
int e1000_fill_rx_ring(struct e1000_adapter *a);
void e1000_free_rx_ring(struct e1000_adapter *a);
int e1000_clean_rx(struct e1000_adapter *a, int budget);
void e1000_clean_tx(struct e1000_adapter *a);
void e1000_free_tx_ring(struct e1000_adapter *a);

/* The two halves (e1000_napi.c). */
irqreturn_t e1000_intr(int irq, void *data);
int e1000_poll(struct napi_struct *napi, int budget);
void e1000_napi_start(struct e1000_adapter *a);
void e1000_napi_stop(struct e1000_adapter *a);

/* For the self-tests and benchmarks (drivers/net/e1000.c). */
struct e1000_adapter *e1000_find(const char *ifname);
int e1000_set_irq_mode(struct e1000_adapter *adapter, enum e1000_irq_mode mode,
		       unsigned int itr_per_sec);
int e1000_reset(struct e1000_adapter *adapter);
u32 e1000_read_reg(struct e1000_adapter *adapter, u32 reg);
void e1000_write_reg(struct e1000_adapter *adapter, u32 reg, u32 val);
netdev_tx_t e1000_xmit_frame(struct sk_buff *skb, struct net_device *netdev);

#endif
