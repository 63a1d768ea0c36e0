/*
 * Configuration space of one device: the Linux accessors on top of the
 * architecture's configuration cycles (arch/x86/pci.c), and the walk of the
 * capability list.
 */
#include <asm/pci.h>
#include <linux/pci.h>

/**
 * pci_read_config_byte() - Read 8 bits of @dev's configuration space.
 * @dev:   the device
 * @where: byte offset (0-255)
 * @val:   the value read (0xff if the access is invalid)
 *
 * pci_read_config_word() and pci_read_config_dword() are the same for 16 and
 * 32 bits, at offsets aligned to their size.
 *
 * Context: any context.
 * Return: 0, or -EINVAL for an offset outside the space or misaligned.
 */
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val)
{
	u32 v;
	int ret = raw_pci_read(dev->bus->number, dev->devfn, where, 1, &v);

	*val = v;
	return ret;
}

/**
 * pci_read_config_word() - Read 16 bits of @dev's configuration space.
 * @dev:   the device
 * @where: byte offset, even
 * @val:   the value read
 *
 * Context: any context.
 * Return: 0, or -EINVAL.
 */
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val)
{
	u32 v;
	int ret = raw_pci_read(dev->bus->number, dev->devfn, where, 2, &v);

	*val = v;
	return ret;
}

/**
 * pci_read_config_dword() - Read 32 bits of @dev's configuration space.
 * @dev:   the device
 * @where: byte offset, a multiple of 4
 * @val:   the value read
 *
 * Context: any context.
 * Return: 0, or -EINVAL.
 */
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val)
{
	return raw_pci_read(dev->bus->number, dev->devfn, where, 4, val);
}

/**
 * pci_write_config_byte() - Write 8 bits of @dev's configuration space.
 * @dev:   the device
 * @where: byte offset
 * @val:   the value
 *
 * Context: any context.
 * Return: 0, or -EINVAL.
 */
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val)
{
	return raw_pci_write(dev->bus->number, dev->devfn, where, 1, val);
}

/**
 * pci_write_config_word() - Write 16 bits of @dev's configuration space.
 * @dev:   the device
 * @where: byte offset, even
 * @val:   the value
 *
 * Context: any context.
 * Return: 0, or -EINVAL.
 */
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val)
{
	return raw_pci_write(dev->bus->number, dev->devfn, where, 2, val);
}

/**
 * pci_write_config_dword() - Write 32 bits of @dev's configuration space.
 * @dev:   the device
 * @where: byte offset, a multiple of 4
 * @val:   the value
 *
 * Context: any context.
 * Return: 0, or -EINVAL.
 */
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val)
{
	return raw_pci_write(dev->bus->number, dev->devfn, where, 4, val);
}

/**
 * pci_find_capability() - Find a capability in @dev's capability list.
 * @dev: the device
 * @cap: its id, e.g. PCI_CAP_ID_MSI
 *
 * Follows the list from PCI_CAPABILITY_LIST; a loop in a broken list ends
 * after as many steps as the space has room for entries.
 *
 * Context: any context.
 * Return: the capability's offset in configuration space, or 0 if absent.
 */
int pci_find_capability(struct pci_dev *dev, int cap)
{
	u16 status;
	u8 pos, id;

	pci_read_config_word(dev, PCI_STATUS, &status);
	if (!(status & PCI_STATUS_CAP_LIST))
		return 0;
	pci_read_config_byte(dev, PCI_CAPABILITY_LIST, &pos);
	for (int ttl = PCI_CFG_SPACE_SIZE / 4; ttl && pos >= 0x40; ttl--) {
		pos &= ~3;
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_ID, &id);
		if (id == cap)
			return pos;
		if (id == 0xff)
			break;
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_NEXT, &pos);
	}
	return 0;
}
