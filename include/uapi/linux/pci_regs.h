/*
 * The PCI configuration header, as every PCI device presents it: the first
 * 64 bytes have the same layout on all devices (type 0: an endpoint, type 1:
 * a PCI-to-PCI bridge); capabilities such as MSI are a linked list after
 * them. Names and values are Linux's (include/uapi/linux/pci_regs.h), so
 * lspci's and a driver's code read the same in both kernels.
 */
#ifndef _UAPI_LINUX_PCI_REGS_H
#define _UAPI_LINUX_PCI_REGS_H

#define PCI_CFG_SPACE_SIZE 256

#define PCI_VENDOR_ID 0x00 /* 16 bits; 0xffff: no device here */
#define PCI_DEVICE_ID 0x02 /* 16 bits */
#define PCI_COMMAND 0x04   /* 16 bits */
#define  PCI_COMMAND_IO 0x1             /* decode the I/O-port BARs */
#define  PCI_COMMAND_MEMORY 0x2         /* decode the memory BARs */
#define  PCI_COMMAND_MASTER 0x4         /* may start DMA (bus mastering) */
#define  PCI_COMMAND_INTX_DISABLE 0x400 /* the INTx pin stays quiet */
#define PCI_STATUS 0x06 /* 16 bits */
#define  PCI_STATUS_INTERRUPT 0x08 /* the INTx pin is asserted */
#define  PCI_STATUS_CAP_LIST 0x10  /* PCI_CAPABILITY_LIST is valid */
#define PCI_CLASS_REVISION 0x08 /* class code (24 bits) << 8 | revision */
#define PCI_REVISION_ID 0x08
#define PCI_CLASS_PROG 0x09
#define PCI_CLASS_DEVICE 0x0a /* base class << 8 | subclass */
#define PCI_CACHE_LINE_SIZE 0x0c
#define PCI_LATENCY_TIMER 0x0d
#define PCI_HEADER_TYPE 0x0e
#define  PCI_HEADER_TYPE_MASK 0x7f
#define  PCI_HEADER_TYPE_NORMAL 0
#define  PCI_HEADER_TYPE_BRIDGE 1
#define  PCI_HEADER_TYPE_MFD 0x80 /* function 0 of a multi-function device */

/* Base address registers: where the device's registers appear. */
#define PCI_BASE_ADDRESS_0 0x10
#define PCI_BASE_ADDRESS_5 0x24
#define  PCI_BASE_ADDRESS_SPACE_IO 0x01
#define  PCI_BASE_ADDRESS_MEM_TYPE_MASK 0x06
#define  PCI_BASE_ADDRESS_MEM_TYPE_64 0x04
#define  PCI_BASE_ADDRESS_MEM_PREFETCH 0x08
#define  PCI_BASE_ADDRESS_MEM_MASK (~0x0fu)
#define  PCI_BASE_ADDRESS_IO_MASK (~0x03u)

/* Type 0 header. */
#define PCI_SUBSYSTEM_VENDOR_ID 0x2c
#define PCI_SUBSYSTEM_ID 0x2e
#define PCI_ROM_ADDRESS 0x30
#define  PCI_ROM_ADDRESS_ENABLE 0x01
#define  PCI_ROM_ADDRESS_MASK (~0x7ffu)
#define PCI_CAPABILITY_LIST 0x34
#define PCI_INTERRUPT_LINE 0x3c /* the IRQ the firmware routed the pin to */
#define PCI_INTERRUPT_PIN 0x3d  /* 1-4: INTA#-INTD#, 0: none */

/* Type 1 header (bridges). */
#define PCI_PRIMARY_BUS 0x18
#define PCI_SECONDARY_BUS 0x19
#define PCI_SUBORDINATE_BUS 0x1a
#define PCI_ROM_ADDRESS1 0x38

/* Class codes (base class << 8 | subclass). */
#define PCI_CLASS_BRIDGE_HOST 0x0600
#define PCI_CLASS_BRIDGE_PCI 0x0604
#define PCI_CLASS_NETWORK_ETHERNET 0x0200

/* Capability list entries: an id and the offset of the next one. */
#define PCI_CAP_LIST_ID 0
#define PCI_CAP_LIST_NEXT 1
#define PCI_CAP_ID_PM 0x01
#define PCI_CAP_ID_MSI 0x05
#define PCI_CAP_ID_EXP 0x10
#define PCI_CAP_ID_MSIX 0x11

/* The MSI capability: the address and data the device writes to interrupt. */
#define PCI_MSI_FLAGS 0x02 /* 16 bits */
#define  PCI_MSI_FLAGS_ENABLE 0x0001
#define  PCI_MSI_FLAGS_QMASK 0x000e /* log2 of the vectors the device asks for */
#define  PCI_MSI_FLAGS_QSIZE 0x0070 /* log2 of the vectors enabled */
#define  PCI_MSI_FLAGS_64BIT 0x0080
#define  PCI_MSI_FLAGS_MASKBIT 0x0100 /* per-vector masking */
#define PCI_MSI_ADDRESS_LO 0x04
#define PCI_MSI_ADDRESS_HI 0x08 /* 64-bit devices only */
#define PCI_MSI_DATA_32 0x08
#define PCI_MSI_MASK_32 0x0c
#define PCI_MSI_DATA_64 0x0c
#define PCI_MSI_MASK_64 0x10

#endif
