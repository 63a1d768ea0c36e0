/* PCI vendor ids (Linux's include/linux/pci_ids.h names), for drivers' id tables. */
#ifndef _LINUX_PCI_IDS_H
#define _LINUX_PCI_IDS_H

#define PCI_VENDOR_ID_INTEL 0x8086
#define PCI_VENDOR_ID_QEMU 0x1234     /* QEMU's own devices: stdvga, edu */
#define PCI_VENDOR_ID_REDHAT_QUMRANET 0x1af4

#endif
